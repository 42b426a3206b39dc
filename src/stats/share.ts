import type { ShareInterval, ShareMethod } from './types.js';
import { wilson } from './wilson.js';
import { clopperPearson } from './clopperPearson.js';
import { jeffreys } from './jeffreys.js';

/** A binomial share with the chosen interval (default Wilson). */
export function share(x: number, n: number, options: { readonly method?: ShareMethod; readonly confidence?: number } = {}): ShareInterval {
  const { method = 'wilson', confidence = 0.95 } = options;
  if (method === 'clopper_pearson') return clopperPearson(x, n, confidence);
  if (method === 'jeffreys') return jeffreys(x, n, confidence);
  return wilson(x, n, confidence);
}
