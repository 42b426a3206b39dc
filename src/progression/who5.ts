/**
 * WHO-5 Well-Being Index (Bech 2004; WHO Regional Office for Europe 1998): five items
 * about the last two weeks, each 0 ("at no time") to 5 ("all of the time"); the raw sum
 * (0–25) times 4 gives 0–100. Bands as the catalogue and the Danish WHO-5 form use them:
 * 0–35 high risk of depression or long-term stress, 36–50 risk, above 50 no immediate risk.
 */
import type { LocalizedLabel } from './types.js';

export interface Who5Item {
  readonly column: string;
  readonly label: LocalizedLabel;
}

export const WHO5_ITEMS: readonly Who5Item[] = [
  { column: 'who5_1', label: { da: 'Jeg har været glad og i godt humør', en: 'I have felt cheerful and in good spirits' } },
  { column: 'who5_2', label: { da: 'Jeg har følt mig rolig og afslappet', en: 'I have felt calm and relaxed' } },
  { column: 'who5_3', label: { da: 'Jeg har følt mig aktiv og energisk', en: 'I have felt active and vigorous' } },
  { column: 'who5_4', label: { da: 'Jeg er vågnet frisk og udhvilet', en: 'I woke up feeling fresh and rested' } },
  { column: 'who5_5', label: { da: 'Min dagligdag har været fyldt med ting, der interesserer mig', en: 'My daily life has been filled with things that interest me' } },
];

export const WHO5_ITEM_MIN = 0;
export const WHO5_ITEM_MAX = 5;
/** Danish population mean (catalogue, citing the Region Sjælland WHO-5 form). */
export const WHO5_POPULATION_MEAN = 68;

export const WHO5_BANDS = ['high_risk', 'risk', 'no_immediate_risk'] as const;
export type Who5Band = (typeof WHO5_BANDS)[number];

export const WHO5_BAND_LABELS: Readonly<Record<Who5Band, LocalizedLabel>> = {
  high_risk: { da: '0–35: stor risiko for depression eller stressbelastning', en: '0–35: high risk of depression or stress' },
  risk: { da: '36–50: risiko for depression eller stressbelastning', en: '36–50: risk of depression or stress' },
  no_immediate_risk: { da: 'over 50: ikke umiddelbart i risiko', en: 'above 50: no immediate risk' },
};

/** WHO-5 score 0–100 from the five item answers; null if any item is missing. */
export function who5Score(items: readonly (number | null)[]): number | null {
  if (items.length !== WHO5_ITEMS.length || items.some((v) => v === null)) return null;
  return (items as number[]).reduce((a, b) => a + b, 0) * 4;
}

export function who5Band(score: number): Who5Band {
  if (score <= 35) return 'high_risk';
  if (score <= 50) return 'risk';
  return 'no_immediate_risk';
}
