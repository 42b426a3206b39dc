/**
 * The id table finds a person from the raw bytes of a panel's id field. All-ASCII id lists
 * (the usual case) are built from one encoding of the joined ids; a list with any other id
 * is built id by id, entering both the UTF-8 and the Windows-1252 spelling while the file's
 * encoding is undecided. Both builds must find every id, by hash and by the neighbour and
 * successor guesses, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { IdTable, PersonCursor } from '../../src/ingest/idTable.js';
import { Random } from '../../src/util/random.js';

function find(table: IdTable, bytes: Buffer): number {
  return table.find(bytes, 0, bytes.length);
}

describe('IdTable', () => {
  it('finds every id of an all-ASCII list, and no other', () => {
    const ids = Array.from({ length: 5000 }, (_, k) => (k % 2 ? 'K' : 'P') + String(k).padStart(6, '0'));
    const table = IdTable.build(ids, ['utf-8']);
    ids.forEach((id, p) => expect(find(table, Buffer.from(id)), id).toBe(p));
    expect(find(table, Buffer.from(' P000000\t'))).toBe(0);
    for (const other of ['P00000', 'P0000000', 'X000001', '', 'p000000']) expect(find(table, Buffer.from(other)), other).toBe(-1);
    expect(table.is(3, Buffer.from('K000003'), 0, 7)).toBe(true);
    expect(table.is(3, Buffer.from('K000005'), 0, 7)).toBe(false);
  });

  it('finds both spellings of non-ASCII ids while the encoding is undecided, and ASCII ids beside them', () => {
    const ids = ['P1', 'Ærø-7', 'K2', 'Søren', 'K3'];
    const table = IdTable.build(ids, ['utf-8', 'windows-1252']);
    ids.forEach((id, p) => {
      expect(find(table, Buffer.from(id, 'utf8')), `${id} (UTF-8)`).toBe(p);
      expect(find(table, Buffer.from(id, 'latin1')), `${id} (Windows-1252)`).toBe(p);
    });
    expect(find(table, Buffer.from('Soren'))).toBe(-1);
    const utf8Only = IdTable.build(ids, ['utf-8']);
    expect(find(utf8Only, Buffer.from('Søren', 'latin1'))).toBe(-1);
    expect(find(utf8Only, Buffer.from('Søren', 'utf8'))).toBe(3);
  });

  it('gives the same persons by guesses as by hash, on seeded random row orders', () => {
    const rng = new Random(11);
    const ids = Array.from({ length: 300 }, (_, k) => `ID${k}`);
    const table = IdTable.build(ids, ['utf-8']);
    const cursor = new PersonCursor(table);
    const pool = [...ids, 'OUT1', 'OUT2', '  '];
    for (let n = 0; n < 5000; n++) {
      // Mostly the next person or the same one again, as sorted panels run; sometimes any.
      const prev = cursor.lastPerson;
      const id = rng.chance(0.6) && prev >= 0 && prev + 1 < ids.length ? ids[prev + 1]! : rng.chance(0.3) && prev >= 0 ? ids[prev]! : rng.pick(pool);
      const bytes = Buffer.from(id);
      const expected = id.trim() === '' ? -2 : ids.indexOf(id);
      expect(cursor.person(bytes, 0, bytes.length), `row ${n}: ${JSON.stringify(id)}`).toBe(expected);
    }
  });
});
