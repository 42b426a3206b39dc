import { EffektError } from '../../src/errors.js';

/** The EffektError `fn` throws (anything else is rethrown; no error at all fails the test). */
export function thrownEffektError(fn: () => unknown): EffektError {
  try {
    fn();
  } catch (err) {
    if (err instanceof EffektError) return err;
    throw err;
  }
  throw new Error('expected an EffektError, got none');
}
