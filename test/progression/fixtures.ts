/** A two-item BIP configuration for unit tests (one reverse-worded item). */
import { parseBipConfig, type BipConfig } from '../../src/progression/index.js';

export const TEST_CONFIG: BipConfig = parseBipConfig(
  {
    name: 'test',
    scale: { min: 1, max: 5 },
    indicators: [{ id: 'ind', label: { da: 'I', en: 'I' }, job_predictive: true }],
    items: [
      { column: 'bip_a', indicator: 'ind', label: { da: 'A', en: 'A' }, direction: 'higher_is_better' },
      { column: 'bip_b', indicator: 'ind', label: { da: 'B', en: 'B' }, direction: 'lower_is_better' },
    ],
  },
  'test-config.json',
);

export const HEADER = 'person_id,wave,date,who5_1,who5_2,who5_3,who5_4,who5_5,bip_a,bip_b,nonresponse_reason';
