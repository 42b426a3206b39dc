/**
 * Fixed texts of the progression section that the report renders: why progression is
 * reported but not paid for (the catalogue's reasoning, see docs/progression.md).
 */
import type { LocalizedLabel } from './types.js';

export const PAYMENT_NOTE: Readonly<Record<'ambiguous_progress_or_clarification', LocalizedLabel>> = {
  ambiguous_progress_or_clarification: {
    da:
      'Progressionen indgår ikke i betalingsmodellen. Den trækker i to retninger: nogle deltagere får det bedre og bliver mere ' +
      'arbejdsmarkedsparate, mens andre bliver mere afklarede om de begrænsninger, helbred og kompetencer sætter — og det viser ' +
      'sig som negativ progression, selv om afklaringen kan være et godt resultat for borgeren. Et fald kan altså både være ' +
      'tilbagegang og afklaring, så målene er for tvetydige at betale efter. Resultaterne vises til belysning af forløbet.',
    en:
      'Progression is not part of the payment model. It moves in two directions: some participants improve and become more ' +
      'ready for work, while others gain a clearer view of the limits their health and skills set — which shows up as negative ' +
      'progression even though that clarification can be a good outcome for the person. A fall can thus mean either setback or ' +
      'clarification, so the measures are too ambiguous to pay for. The results are reported to describe the course.',
  },
};

export const NONRESPONSE_REASONS: Readonly<Record<string, LocalizedLabel>> = {
  emigrated: { da: 'udrejst', en: 'emigrated' },
  not_reached: { da: 'ikke vendt tilbage på henvendelser', en: 'did not respond to contact' },
  declined: { da: 'ønskede ikke at svare', en: 'declined to answer' },
  dropped_out: { da: 'afbrudt forløb', en: 'dropped out' },
  unknown: { da: 'ukendt', en: 'unknown' },
};

export const ANALYSIS_NOTE: LocalizedLabel = {
  da: 'Analysen omfatter kun deltagere, der har besvaret både start- og slutskemaet.',
  en: 'The analysis includes only participants who answered both the start and the end questionnaire.',
};
