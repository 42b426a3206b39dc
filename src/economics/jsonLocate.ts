/**
 * Line and column (1-based) of the value at a JSON path in a JSON text, so a validation error
 * can point into the file. A small recursive-descent scan of RFC 8259 syntax that records
 * positions only; it assumes the text already parsed with JSON.parse. Returns the deepest
 * existing ancestor's position when the path's last key is missing (e.g. a required field).
 */
export function locateJsonPath(text: string, path: readonly (string | number)[]): { line: number; column: number } | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skip = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          str();
          ws();
          i++; // ':'
        }
        skip();
        ws();
        if (text[i] === ',') i++;
        else {
          i++;
          return;
        }
      }
    } else if (c === '"') str();
    else while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++;
  };
  // Descend one path element at a time; `best` is the position of the deepest element found.
  ws();
  let best = i;
  for (const key of path) {
    ws();
    const c = text[i];
    if (c === '{' && typeof key === 'string') {
      i++;
      let found = false;
      ws();
      while (text[i] !== '}' && i < text.length) {
        ws();
        const k = str();
        ws();
        i++; // ':'
        ws();
        if (k === key) {
          found = true;
          break;
        }
        skip();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      if (!found) break;
      best = i;
    } else if (c === '[' && typeof key === 'number') {
      i++;
      for (let n = 0; n < key; n++) {
        skip();
        ws();
        if (text[i] !== ',') return position(text, best);
        i++;
      }
      ws();
      best = i;
    } else break;
  }
  return position(text, best);
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
