/**
 * Message keys of the ingest stage: the exclusion reasons counted in each file's
 * reconciliation (rows read = rows used + Σ excluded) and the codes of soft warnings.
 * The report stage renders them with these labels; parameters fill the `{name}` slots.
 */
import type { LocalizedLabel } from './types.js';

export const EXCLUSION_REASONS = {
  person_not_in_cohort: {
    en: 'rows for persons not in the cohort',
    da: 'rækker for personer uden for kohorten',
  },
  outside_follow_up_month: {
    en: 'rows of cohort persons outside their follow-up month (read and checked, not needed)',
    da: 'rækker for kohortens personer uden for deres opfølgningsmåned (læst og kontrolleret, ikke brugt)',
  },
  unknown_code_excluded: {
    en: 'rows with a benefit code the codebook does not know (unknown_codes: exclude_rows)',
    da: 'rækker med en ydelseskode, som kodebogen ikke kender (unknown_codes: exclude_rows)',
  },
  blank_week: {
    en: 'rows without a week (no public benefit recorded)',
    da: 'rækker uden uge (ingen offentlig ydelse registreret)',
  },
  duplicate_person_week: {
    en: 'further rows for a person and week already read (the first row is used)',
    da: 'gentagne rækker for samme person og uge (den første række bruges)',
  },
  follow_up_outside_coverage: {
    en: 'rows of persons whose follow-up month the register covers only in part',
    da: 'rækker for personer, hvis opfølgningsmåned registret kun dækker delvist',
  },
} as const satisfies Record<string, LocalizedLabel>;
export type ExclusionReason = keyof typeof EXCLUSION_REASONS;

export const WARNING_CODES = {
  covariate_only_in_one_file: {
    en: 'column {column} is only in {file}; it is kept on those persons but not used for balance',
    da: 'kolonnen {column} findes kun i {file}; den gemmes, men bruges ikke til balance',
  },
  follow_up_outside_coverage: {
    en: '{persons} persons have a follow-up month outside the months {file} covers ({first_month} to {last_month})',
    da: '{persons} personer har en opfølgningsmåned uden for de måneder, {file} dækker ({first_month} til {last_month})',
  },
  weeks_missing: {
    en: '{count} weeks between the first and last week of {file} have no rows at all (first: {first})',
    da: '{count} uger mellem første og sidste uge i {file} har ingen rækker (første: {first})',
  },
  unknown_codes_recoded: {
    en: '{rows} rows with {codes} codes unknown to the codebook were treated as {as}',
    da: '{rows} rækker med {codes} koder, som kodebogen ikke kender, blev behandlet som {as}',
  },
  unknown_codes_excluded: {
    en: '{rows} rows with {codes} codes unknown to the codebook were left out',
    da: '{rows} rækker med {codes} koder, som kodebogen ikke kender, blev udeladt',
  },
  duplicate_person_week: {
    en: '{rows} rows repeat a person and week already read in {file}; the first row was used',
    da: '{rows} rækker gentager en person og uge i {file}; den første række blev brugt',
  },
  encoding_switched: {
    en: '{file} looked like UTF-8 at first but line {line} is not; read as Windows-1252 from there',
    da: '{file} lignede UTF-8, men linje {line} er det ikke; læst som Windows-1252 derfra',
  },
  subgroup_without_controls: {
    en: 'the subgroup {variable} = {level} has participants but no controls, so it is not compared',
    da: 'undergruppen {variable} = {level} har deltagere, men ingen i kontrolgruppen, så den sammenlignes ikke',
  },
} as const satisfies Record<string, LocalizedLabel>;
export type WarningCode = keyof typeof WARNING_CODES;
