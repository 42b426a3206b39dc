import { resolve } from 'node:path';
import { analyseProgression, loadBipConfig, readQuestionnaire } from '../progression/index.js';
import type { ProgressionResult } from '../progression/types.js';
import { inputError } from '../errors.js';
import { resolveInput, type LoadedSpec } from '../spec/load.js';
import type { InputRole } from '../types.js';
import type { EvaluationRun } from './evaluate.js';

/** The questionnaire analysis (WHO-5, BIP) when the spec names a questionnaire file. */
export async function progressionFor(
  loaded: LoadedSpec,
  run: EvaluationRun,
  onProgress?: ((role: InputRole, done: number, total: number) => void) | undefined,
): Promise<ProgressionResult | undefined> {
  const { spec } = loaded;
  const input = spec.inputs.questionnaire;
  if (input === undefined) return undefined;
  if (!spec.progression) throw inputError('invalid spec: inputs.questionnaire needs progression.bip_items (the BIP item configuration)', { file: loaded.path });
  const config = loadBipConfig(resolve(loaded.dir, spec.progression.bip_items), spec.progression.bip_items);
  const file = resolveInput(loaded, input);
  const rows = await readQuestionnaire(file.path, file.display, {
    csv: file.csv,
    columns: file.columns,
    config,
    ...(onProgress ? { onProgress } : {}),
  });
  const participants = run.persons.filter((o) => o.person.group === 'participant').map((o) => ({ id: o.person.id, municipality: o.person.municipality }));
  return analyseProgression(rows, participants, config, { confidence: spec.confidence, configName: spec.progression.bip_items });
}
