/** Every user-facing text of the effect note in English; the same keys as da.ts. */
import type { Messages } from './da.js';

export const en: Messages = {
  lang: 'en',
  noteTitle: (title: string) => `Effect note: ${title}`,
  subtitle: (a: { n1: string; n2: string; first: string; last: string }) => `${a.n1} participants and ${a.n2} controls · follow-up ${a.first} – ${a.last}`,
  internal: {
    banner: 'INTERNAL – NOT FOR PUBLICATION. Small counts are not suppressed (run with --unsuppressed).',
    short: 'INTERNAL – NOT FOR PUBLICATION',
    json: 'Internal version: small counts are not suppressed. Not for publication.',
  },
  page: { word: 'Page', of: 'of' },
  generated: (version: string) => `Produced with effekt ${version}.`,
  generatedAt: (ts: string) => `Timestamp: ${ts}.`,
  toc: 'Contents',

  h: {
    summary: 'Summary',
    data: 'Data and method',
    characteristics: 'Characteristics of the target group',
    results: 'Results',
    status: 'Status at follow-up',
    effects: 'Effect',
    subgroups: 'Effect in subgroups',
    continuous: 'Paid hours and wage income among the employed',
    economics: 'Economics and payment model',
    progression: 'Progression: well-being and job readiness',
    limitations: 'Limitations',
    appendix: 'Appendix: methods and provenance',
    methods: 'Statistical methods',
    alternatives: 'Other intervals and tests',
    suppression: 'Small-cell suppression',
    provenance: 'Provenance of the data',
    reconciliation: 'Reconciliation of the data',
  },

  cat: {
    self_supporting_wage: 'Self-supporting – wages from ordinary employment',
    self_supporting_unknown: 'Self-supporting – unknown income basis',
    wage_with_transfer: 'Wages from ordinary employment with supplementary transfer income',
    education: 'In education – with student grant (SU) or as adult apprentice',
    flexjob: 'Flex job or flex-job unemployment benefit',
    temporary_benefit: 'Transfer income – temporary benefits',
    permanent_benefit: 'Transfer income – permanent benefits, e.g. disability pension',
    not_resident: 'Not resident in Denmark',
  },
  catShort: {
    self_supporting_wage: 'Self-supporting, wages',
    self_supporting_unknown: 'Self-supporting, unknown',
    wage_with_transfer: 'Wages + transfer',
    education: 'Education',
    flexjob: 'Flex job',
    temporary_benefit: 'Temporary benefits',
    permanent_benefit: 'Permanent benefits',
    not_resident: 'Not resident',
  },
  outcomePredicate: {
    self_supporting_or_education: 'were self-supporting or in education',
    ordinary_employment: 'had ordinary employment',
  } as Record<string, string>,
  group: { participants: 'Participants', controls: 'Control group', total: 'Total' },

  monthsAfter: (k: number) => {
    const words = ['zero months', 'one month', 'two months', 'three months', 'four months', 'five months', 'six months'];
    return words[k] ?? `${k} months`;
  },

  sum: {
    what: (a: { n1: string; n2: string; municipalities: string; months: string; first: string; last: string }) =>
      `${a.n1} participants from ${a.municipalities} are compared with a control group of ${a.n2} comparable citizens who received the usual effort. ` +
      `The result is measured in the calendar month ${a.months} after each participant's course ended (${a.first} to ${a.last}).`,
    effect: (a: { share1: string; share2: string; predicate: string; months: string; diff: string; ci: string; level: string }) =>
      `${a.share1} of the participants ${a.predicate} ${a.months} after the course against ${a.share2} in the control group: a net effect of ${a.diff} (${a.level} confidence interval: ${a.ci} percentage points).`,
    effectLabelled: (a: { label: string; share1: string; share2: string; months: string; diff: string; ci: string; level: string }) =>
      `${a.label}: ${a.share1} of the participants against ${a.share2} in the control group ${a.months} after the course, a net effect of ${a.diff} (${a.level} confidence interval: ${a.ci} percentage points).`,
    effectHidden: (a: { label: string; diff: string; ci: string; level: string; threshold: string }) =>
      `${a.label}: the net effect is ${a.diff} (${a.level} confidence interval: ${a.ci} percentage points). The shares are not shown because they rest on fewer than ${a.threshold} persons.`,
    significant: (a: { p: string; alpha: string }) => `The difference is statistically significant at the ${a.alpha} level (Fisher's exact test: p = ${a.p}).`,
    notSignificant: (a: { p: string; alpha: string }) =>
      `The difference is not statistically significant at the ${a.alpha} level (Fisher's exact test: p = ${a.p}): the data cannot rule out that the intervention had no effect on this measure.`,
    reading: (a: { level: string; alpha: string }) =>
      `How to read the figures: the net effect is the participants' share minus the control group's. The confidence interval shows how large the true net effect may reasonably be: ` +
      `it is computed so that in ${a.level} of studies like this one it contains the true value. An interval that excludes 0 corresponds to a significant difference. ` +
      `The p-value is the probability of seeing a difference at least as large as the one observed if the intervention in fact had no effect; below ${a.alpha}, the difference is called statistically significant.`,
    noEconomics: 'This note contains no economic calculation; no economic assumptions were given for the evaluation.',
    caveat:
      'The control group was selected in the registers to resemble the participants on the measured background characteristics (section 3). Differences the registers cannot measure, such as motivation, can still affect the result. The net effect is therefore a well-founded estimate, not a proof.',
    suppressed: (threshold: string) => `To protect privacy, counts below ${threshold} persons are not shown (see the appendix).`,
  },

  data: {
    cohort: (a: { n1: string; n2: string; municipalities: string; ratio: string }) =>
      `The participants are ${a.n1} citizens from ${a.municipalities} who took part in the intervention. The control group is ${a.n2} citizens from the same municipalities, selected in the registers among citizens who received the usual effort: about ${a.ratio} controls per participant.`,
    weighted: (kish: string) => `The controls are weighted; the effective size of the control group (Kish) is ${kish}.`,
    controlRuleIntro: "The control group's follow-up month was set as follows:",
    controlRule: {
      own_end_date: (n: string) => `${n} controls have their own end date in the data file`,
      reference_end_date: (n: string) => `${n} controls have a given reference end date`,
      matched_participant: (n: string) => `${n} controls are matched to a participant and use that participant's end date`,
      participants_mean_end_date: (n: string) => `${n} controls use the participants' mean end date`,
    } as Record<string, (n: string) => string>,
    controlRuleOther: (a: { n: string; rule: string }) => `${a.n} controls: ${a.rule}`,
    followUp: (a: { months: string; first: string; last: string }) =>
      `The follow-up month is the calendar month ${a.months} after the participant's end date (a course ending on 15 March has May as its follow-up month). The participants' follow-up months run from ${a.first} to ${a.last}.`,
    classification:
      "Status in the follow-up month is determined from the weekly benefit codes (DREAM) and the monthly paid hours (eIndkomst). A week belongs to the month that contains its Thursday; a person's benefit category in the month is the one held in most of the month's weeks (ties go to the later week). Paid hours above 0 in the month count as wages from ordinary employment. The combination gives the eight categories of Table 1.",
    codebook: (a: { name: string; codes: string }) => `Benefit codes are mapped to categories with the codebook "${a.name}" (${a.codes} codes).`,
    reconciliationIntro: 'For each input file, the table shows how many rows were read and used, and why the rest were left out. Rows read = rows used + rows left out.',
    persons: (a: { p: string; c: string; p2: string; c2: string }) =>
      `The cohort consists of ${a.p} participants and ${a.c} controls; of these, ${a.p2} participants and ${a.c2} controls have a determined status.`,
    personsExcluded: 'Persons without a determined status, by reason:',
    personReason: {
      no_follow_up_month: 'no follow-up month (no end date or reference)',
      no_register_coverage: 'the follow-up month is not covered by the benefit register',
    } as Record<string, string>,
    warningsIntro: 'Notes from reading the data:',
    noExclusions: 'none',
  },

  tab: {
    reconciliation: 'Table A. Reconciliation of the input files',
    reconciliationHead: ['File', 'Role', 'Rows read', 'Rows used', 'Left out', 'Reason'],
    role: {
      participants: 'participants',
      controls: 'control group',
      benefits: 'benefits (weeks)',
      wages: 'wages (months)',
      questionnaire: 'questionnaire',
      bip_items: 'BIP configuration',
      economics_parameters: 'economics parameters',
    } as Record<string, string>,
    balance: 'Table B. Background characteristics: participants and control group',
    balanceHead: ['Characteristic', 'Level', 'Participants', 'Control group', 'SMD'],
    balanceNote:
      'Shares in % for categorical characteristics, means for numeric ones. SMD is the standardized mean difference (the difference in means divided by the pooled standard deviation); below 0.1 in absolute value the groups are considered similar. Characteristics with |SMD| ≥ 0.1 are marked *.',
    status: (months: string) => `Table 1. Status ${months} after the course (participants) and after the reference end date (control group)`,
    statusHead: ['Status', 'Participants, n', 'Participants, %', 'Control group, n', 'Control group, %'],
    effects: 'Table 2. Outcome measures: shares, net effect and tests',
    effectsHead: (level: string) => ['Outcome', 'Participants, % (n)', 'Control group, % (n)', 'Net effect, percentage points', `${level} confidence interval`, 'p (Fisher)', 'p (z-test)'],
    effectsNote: (level: string) =>
      `Net effect = participants' share minus the control group's. The interval is Newcombe's hybrid score interval (${level}). p (Fisher) is Fisher's exact test, two-sided; p (z-test) is the usual test for two proportions without continuity correction.`,
    subgroups: 'Table 3. Outcome measures in subgroups',
    subgroupsHead: ['Subgroup', 'Outcome', 'Participants, % (n/N)', 'Control group, % (n/N)', 'Net effect, percentage points (CI)'],
    subgroupsNote:
      'The subgroups are descriptive: they are small, and differences between them may easily be due to chance. A subgroup net effect is not shown when one of the counts it rests on is suppressed.',
    continuous: 'Table 4. Paid hours and wage income in the follow-up month among the employed',
    continuousHead: (level: string) => ['Measure', 'Employed (participants / controls)', 'Mean participants (median)', 'Mean control group (median)', `Difference in means (${level} CI)`, 'p (Welch / Wilcoxon)'],
    continuousNote:
      "Employed = persons with paid hours above 0 in the follow-up month. Welch's t-test compares means; Wilcoxon's rank-sum test distributions. Means over fewer persons than the suppression threshold are not shown.",
    alternatives: 'Table C. Confidence interval of the net effect by method',
    alternativesHead: (level: string) => ['Outcome', `Newcombe (${level})`, 'Miettinen–Nurminen', 'Agresti–Caffo', 'Wald'],
    tests: 'Table D. Tests and relative measures',
    testsHead: ['Outcome', 'Fisher', 'Fisher mid-p', 'Fisher, Holm-adjusted', 'z-test', 'z-test (Yates)', 'Boschloo', 'Relative risk (CI)', 'Odds ratio (CI)'],
    provenance: 'Table E. Input files and checksums (SHA-256)',
    provenanceHead: ['Role', 'File', 'Bytes', 'SHA-256'],
    legendSuppressed: (threshold: string) => `<${threshold}: fewer than ${threshold} persons (at least 1). ..: hidden so that a count below ${threshold} cannot be worked out from the totals. –: not available.`,
    total: 'Total',
    paidHours: 'Paid hours',
    wageIncome: 'Wage income, DKK',
  },

  covariate: {
    age: 'Age',
    civil_status: 'Civil status',
    years_in_denmark: 'Years in Denmark',
    employed_last_2y: 'Employed within the last 2 years',
    education: 'Highest education',
    benefit_before_start: 'Benefit 4 weeks before start',
    hospital_somatic: 'Contact with somatic hospital',
    hospital_psychiatric: 'Contact with psychiatric hospital',
    municipality: 'Municipality',
    cohort: 'Cohort',
  } as Record<string, string>,
  level: {
    yes: 'yes',
    no: 'no',
    single: 'single',
    married: 'married/cohabiting',
    primary_or_less: 'primary school at most',
    upper_secondary: 'upper secondary',
    vocational: 'vocational',
    higher: 'higher education',
    passive_cash_benefit: 'passive cash benefit',
    active_cash_benefit: 'active cash benefit',
    self_support_return: 'self-support and return benefit',
    other: 'other',
    '1': 'yes',
    '0': 'no',
  } as Record<string, string>,
  share: 'share',
  mean: 'mean',

  res: {
    statusIntro: (months: string) =>
      `Table 1 shows what the participants and the control group lived on ${months} after the course, in the same categories as the catalogue's Table 1.`,
    effectsIntro: 'Table 2 shows the agreed outcome measures. An outcome measure is a sum of status categories; the categories are listed below the table.',
    outcomeCategories: (a: { label: string; categories: string }) => `${a.label}: ${a.categories}.`,
    continuousNone: 'Too few employed persons in one of the groups to compare paid hours and wage income.',
    continuousSummary: (a: { hours: string; income: string; verdict: string }) =>
      `Among the employed, ${a.verdict} in mean paid hours (p = ${a.hours}) or mean wage income (p = ${a.income}), Welch's t-test.`,
    noSignificantDifference: 'there is no significant difference between participants and controls',
    someSignificantDifference: 'there is a significant difference between participants and controls',
    subgroupsNone: 'The specification names no subgroups.',
  },

  lim: {
    intro: 'The results should be read with these reservations:',
    design:
      'The study is not a randomised trial. The control group resembles the participants on the measured characteristics, but the participants may differ in ways the registers do not measure (motivation, health, network), which can push the net effect up or down.',
    size: (n1: string) =>
      `With ${n1} participants the uncertainty is large: the confidence intervals are wide and only fairly large effects can be detected. A non-significant difference does not mean that the effect is zero.`,
    snapshot: (months: string) => `The outcome is measured in a single calendar month (${months} after the course). It does not show whether the employment lasts.`,
    multiple: 'Several outcome measures are tested on the same data. The appendix also gives Holm-adjusted p-values that allow for this.',
    controlTiming:
      "Controls without their own or a matched end date are measured in the month after the participants' mean end date; changes in the labour market between the measurement months can affect the comparison.",
    suppression: (threshold: string) =>
      `Counts below ${threshold} persons are hidden, and some larger counts are hidden to protect them. The net effect, intervals and tests for the whole groups are always shown; in rare cases they allow a hidden share of a whole-group outcome measure to be worked out.`,
    economics:
      'The economic calculations rest on assumptions about how long the effect lasts and what an additional person in employment saves. The sensitivity analysis shows how much the result depends on them.',
    progression: 'The progression measurement covers only participants who answered both the start and the end questionnaire and has no control group; it shows change, not effect.',
  },

  app: {
    methodsIntervals: (level: string) =>
      `Shares are shown with Wilson score intervals. The ${level} confidence interval of the net effect is Newcombe's hybrid score interval (Newcombe 1998, method 10). It was chosen because it keeps its coverage with small groups and shares near 0, where the usual Wald interval is too narrow and can leave [−1, 1]. Miettinen–Nurminen, Agresti–Caffo and Wald are given for comparison in Table C.`,
    methodsTests:
      "The primary test is Fisher's exact test, two-sided by R's rule (all tables no more likely than the observed one, relative tolerance 1e-7). It was chosen because it is exact for small counts and does not rest on a normal approximation. The two-proportion z-test (without continuity correction, as R's prop.test(correct = FALSE)) is shown because it is the familiar standard; the version with Yates' correction, the mid-p and Boschloo's exact unconditional test are in Table D. The Holm adjustment allows for testing several outcome measures.",
    methodsRatios: "The relative risk is shown with a log interval (Katz), the odds ratio with Woolf's logit interval.",
    methodsBalance: 'Balance between the groups is measured by standardized mean differences (Austin 2009).',
    suppressionRule: (threshold: string) =>
      `Counts of 1 to ${Number(threshold) - 1} persons are shown as "<${threshold}", and shares, means and measures resting on them are not shown; a true 0 is shown (it identifies no one). ` +
      'So that a hidden count cannot be worked out from totals, sums of categories (an outcome measure is a sum of status categories) or subgroups, further counts are hidden (shown as ".."): the smallest count that, together with the hidden one, makes it impossible to determine. ' +
      'Every hidden value has been checked: from everything the note shows, it has at least two possible values. The net effect, confidence interval and tests for the whole groups are not suppressed.',
    suppressionCount: (a: { primary: string; complementary: string }) => `In this note, ${a.primary} counts below the threshold are hidden and ${a.complementary} counts are hidden to protect them.`,
    suppressionNone: 'No count in this note is below the threshold.',
    suppressionOff: 'The threshold is set to 0: no counts are hidden.',
    suppressionUnprotected: (n: string) => `Warning: ${n} hidden counts could not be fully protected from the totals (see effect.json, suppression.unprotected).`,
    provenance: (a: { tool: string; version: string }) =>
      `This note was produced with ${a.tool} ${a.version}. The checksums (SHA-256) identify exactly the files used; the same files and the same version give an identical note.`,
    specRole: 'specification',
    codebookRole: 'codebook',
  },

  eco: {
    summaryPays: (a: { surplus: string; saving: string; cost: string; cohort: string; n: string; socio: string; year: string }) =>
      `For the municipalities' budget the intervention gives a surplus of ${a.surplus} per participant (present value, ${a.year} prices): the municipal saving of ${a.saving} minus the cost of the provider's effort of ${a.cost}. For all ${a.n} participants that is ${a.cohort}. For society as a whole the surplus is ${a.socio} per participant.`,
    summaryLoses: (a: { surplus: string; saving: string; cost: string; cohort: string; n: string; socio: string; year: string }) =>
      `For the municipalities' budget the intervention gives a deficit of ${a.surplus} per participant (present value, ${a.year} prices): the municipal saving of ${a.saving} does not cover the cost of the provider's effort of ${a.cost}. For all ${a.n} participants that is ${a.cohort}. For society as a whole the result is ${a.socio} per participant.`,
    summaryPayment: (a: { share: string; price: string; rate: string; perParticipant: string; ret: string; municipal: string }) =>
      `Payment model: with ${a.share} of the surplus to the investor, the municipality pays ${a.price} for each participant in employment at follow-up. With ${a.rate} in employment that is ${a.perParticipant} per participant. The investor earns a return of ${a.ret}, and the municipality keeps ${a.municipal} per participant.`,
    summaryBreakEven: (a: { be: string; net: string; years: string }) =>
      `The net effect can fall to ${a.be} (measured: ${a.net}) before the intervention no longer gives a surplus on the municipal budget. The municipality's account including the payment breaks even after about ${a.years} years.`,
    summaryBreakEvenNoYears: (a: { be: string; net: string }) => `The net effect can fall to ${a.be} (measured: ${a.net}) before the intervention no longer gives a surplus on the municipal budget.`,
    summaryRisk: (a: { p: string }) => `Allowing for the uncertainty of the net effect, there is a risk of about ${a.p} that the intervention gives a deficit on the municipal budget.`,
    intro: (a: { year: string; horizon: string; net: string; constant: string; decay: string; saving: string; schedule: string }) =>
      `The calculations follow the catalogue's model and the Finance Ministry's guidance. Amounts are per participant, in ${a.year} prices and as present values over ${a.horizon} years (${a.schedule}). The net effect of ${a.net} is assumed to last ${a.constant} years and then fall ${a.decay} a year; the municipality saves ${a.saving} of its ordinary employment effort because the provider takes over tasks.`,
    schedule: {
      fm2017: 'discount rate 4% years 0–35, 3% years 36–70, 2% after (FM 2017)',
      fm2021: 'discount rate 3.5% years 0–35, 2.5% years 36–70, 1.5% after (FM 2021)',
      custom: 'a custom discount rate',
    } as Record<string, string>,
    budgetTable: 'Table 5. Budget account per participant (present value)',
    socioTable: 'Table 6. Socio-economic account per participant (present value)',
    paymentTable: 'Table 7. Payment model',
    subgroupTable: (rule: string) => `Table 8. Differentiated payment by subgroup (rule: ${rule})`,
    breakEvenTable: 'Table 9. Break-even points: how far can the assumptions move?',
    scenarioTable: 'Table 10. Scenarios',
    comparisonTable: 'Table 11. Comparison with the catalogue',
    amountHead: ['Item', 'DKK per participant'],
    valueHead: ['Quantity', 'Value'],
    subgroupHead: ['Subgroup', 'Share of participants', 'In employment', 'Net effect', 'Price per employed', 'Expected payment per participant'],
    breakEvenHead: ['Assumption', 'Base case', 'Break-even', 'What reaches zero'],
    scenarioHead: ['Scenario', 'Budget surplus', 'Municipal net', 'Investor return', 'Break-even (years)'],
    comparisonHead: ['Figure', 'Catalogue', 'Model', 'Difference', 'Explanation'],
    row: {
      saved_transfer_income: 'Saved transfer income',
      extra_municipal_income_tax: 'Extra municipal income tax',
      ordinary_effort_saving: 'Net saving on the ordinary employment effort',
      municipal_referral_cost: 'Municipal cost of referral',
      municipal_follow_up_cost: 'Municipal cost of follow-up and coordination',
      municipal_saving_per_participant: 'Municipal saving',
      provider_cost_per_participant: "Cost of the provider's effort",
      surplus_per_participant: 'Surplus per participant',
      surplus_for_cohort: 'Surplus for all participants',
      production_value: 'Value of extra production',
      ordinary_effort_resources_saved: 'Resources saved in the ordinary effort',
      provider_resources: "Provider's resource use",
      municipal_resources: "Municipality's resource use",
      resource_net_at_market_prices: 'Net resource gain at market prices (net tax factor)',
      tax_distortion_gain: 'Tax distortion',
      socio_surplus: 'Socio-economic surplus per participant',
      investor_share_of_surplus: "Investor's share of the surplus",
      investor_share_amount: "Investor's share, DKK per participant",
      payment_per_participant: 'Payment per participant (present value)',
      gross_employment_rate: 'Share of participants in employment at follow-up',
      payment_per_gross_employed: 'Payment per participant in employment',
      municipal_net_per_participant: "Municipality's net per participant after payment",
      investor_net_per_participant: "Investor's net per participant",
      investor_return: "Investor's return (simple)",
      investor_irr: "Investor's internal rate of return",
    } as Record<string, string>,
    breakEven: {
      gross_employment_rate: "Share in employment (investor's break-even)",
      net_effect: 'Net effect',
      annual_decay: 'Yearly fall in the effect after the first years',
      effort_saving_share: 'Municipal saving on the ordinary effort',
      years_to_municipal_break_even: "Years until the municipality's account breaks even",
      years_to_budget_break_even: 'Years until the budget breaks even',
    } as Record<string, string>,
    target: {
      budget_surplus: 'the budget surplus',
      municipal_net: "the municipality's net after payment",
      investor_net: "the investor's net",
      socio_economic_surplus: "society's surplus",
      cumulative: "the municipality's cumulative account",
    } as Record<string, string>,
    rule: {
      uniform: 'the same price for everyone',
      equal_payment_per_participant: 'the same expected payment per participant',
      additionality_weighted: 'weighted by the net effect',
      catalogue_linear: "the catalogue's linear rule",
    } as Record<string, string>,
    scenario: {
      base: 'Base case',
      ci_lower: 'Net effect at the lower confidence bound',
      ci_upper: 'Net effect at the upper confidence bound',
      decay_28: 'Effect falls 28% a year after two years',
      effort_saving_22: 'Municipality saves 22% of the ordinary effort',
      no_decay: 'Effect does not fall',
      horizon_10: '10-year horizon',
      fm2021_discounting: 'Discounting by the 2021 guidance (3.5%)',
      fm2023_no_tax_distortion: '2023 guidance: no tax distortion',
    } as Record<string, string>,
    param: {
      'effect.net_effect': 'Net effect',
      'effect.gross_rate': 'Share in employment',
      'costs.provider_cost_per_participant': 'Provider cost',
      'costs.municipal_referral_cost_per_participant': 'Referral',
      'costs.municipal_follow_up_cost_per_participant': 'Follow-up',
      'ordinary_effort.cost_per_participant': 'Ordinary effort, cost',
      'ordinary_effort.saving_share': 'Saving on ordinary effort',
      'yearly_gain_per_additional_employed.saved_transfer_income': 'Saved transfers per year',
      'yearly_gain_per_additional_employed.extra_municipal_income_tax': 'Municipal tax per year',
      'effect_path.constant_years': 'Years of full effect',
      'effect_path.annual_decay': 'Yearly fall in the effect',
      horizon_years: 'Time horizon',
      'discounting.custom_rate': 'Discount rate',
      'socio_economic.production_value_per_employed_year': 'Production value per year',
      'socio_economic.net_tax_factor': 'Net tax factor',
      'payment.investor_share_of_surplus': "Investor's share of the surplus",
    } as Record<string, string>,
    explanation: {
      rounding: 'rounding',
      definition_surplus_zero: 'break-even of the shared surplus',
      year_convention: 'interpolated years, year 0 = participation year',
      simple_return_rounded: "the catalogue's 20% is 19.1% rounded up",
      subgroup_rule_catalogue_linear: "the catalogue's linear rule",
    } as Record<string, string>,
    uncertainty: (a: { draws: string; p025: string; p975: string; pDeficit: string; pInvestor: string }) =>
      `The uncertainty of the net effect is carried through the model with ${a.draws} simulations: the budget surplus per participant lies between ${a.p025} and ${a.p975} with 95% probability. The probability of a budget deficit is ${a.pDeficit}; of the investor losing money ${a.pInvestor}.`,
    noSubgroups: 'There are no subgroups to differentiate the payment by.',
    subgroupHidden: 'Subgroups with counts below the suppression threshold are not shown.',
    cashFlowTitle: 'Cumulative present value per participant',
    cashFlowX: 'Years after participation',
    cashFlowY: 'DKK per participant (present value)',
    cashFlowBudget: 'Budget (before payment)',
    cashFlowMunicipal: 'Municipality (after payment)',
    cashFlowCaption: 'Cumulative present value per participant, year by year. Where the curve crosses 0, the investment has paid for itself.',
    tornadoTitle: 'Sensitivity: surplus per participant',
    tornadoX: 'Budget surplus per participant (DKK)',
    scenarioOverride: (a: { param: string; value: string }) => `${a.param} = ${a.value}`,
    tornadoLow: 'Low value',
    tornadoHigh: 'High value',
    tornadoCaption: 'The budget surplus when one assumption at a time is set to its low and its high value. The vertical line is the base case.',
    histogramTitle: 'Distribution of the budget surplus',
    histogramX: 'Budget surplus per participant (DKK)',
    histogramY: 'Number of simulations',
    histogramCaption: 'The budget surplus across the simulations of the net effect. Left of 0 the intervention gives a deficit.',
    years: (y: string) => `${y} years`,
    notReached: 'not reached',
  },
  prog: {
    summary: (a: { n: string; start: string; end: string; population: string }) =>
      `Progression: ${a.n} participants answered both the start and the end questionnaire. Their well-being (WHO-5, 0–100) went from ${a.start} to ${a.end} on average; the population mean is ${a.population}.`,
    summaryBip: (shares: string) => `On the job-predictive BIP indicators, ${shares} of the participants progressed.`,
    summaryNotPaid: 'Progression is not part of the payment model.',
    intro: (a: { n: string; participants: string; start: string; end: string; none: string }) =>
      `The participants answered a questionnaire at the start and at the end: the WHO-5 well-being index and selected questions from the Employment Indicator Project (BIP). ${a.n} of ${a.participants} participants answered both; ${a.start} only the start questionnaire, ${a.end} only the end questionnaire and ${a.none} none.`,
    reasons: 'Reasons for not answering:',
    who5Table: 'Table 12. Well-being (WHO-5) at start and end',
    who5Head: ['Group', 'Number', 'Start, mean', 'End, mean', 'Change', 'p (paired t-test)', 'p (Wilcoxon)'],
    who5Note: 'WHO-5 is the sum of five questions (0–5) times four, 0–100. Below 36: high risk of depression or stress; 36–50: risk; above 50: no immediate risk. The tests are paired (the same person at start and end).',
    bandTable: 'Table 13. Well-being (WHO-5) by risk band, number of participants',
    bandHead: ['Band', 'Start', 'End'],
    bipTable: 'Table 14. Job readiness (BIP): share with positive, unchanged and negative change',
    bipHead: ['Indicator', 'Number', 'Positive', 'Unchanged', 'Negative', 'p (paired t-test)'],
    bipNote: '* Indicator that research has linked to the job chances of the unemployed. Shares in %.',
    all: 'All',
    who5Title: 'Well-being (WHO-5) at start and end',
    who5X: 'WHO-5 score (0–100)',
    who5Start: 'Start',
    who5End: 'End',
    who5Caption: 'Mean WHO-5 score at start and end. Dashed lines: the limits 35 and 50; dotted line: the population mean.',
    bipTitle: 'Change on the BIP indicators',
    bipX: 'Share of the participants (%)',
    positive: 'Positive',
    unchanged: 'Unchanged',
    negative: 'Negative',
    bipCaption: 'Share of the participants with positive, unchanged and negative change per BIP indicator.',
  },
  chart: {
    statusTitle: 'Status at follow-up',
    statusX: 'Share of the group (%)',
    statusNoteSuppressed: 'Hidden counts (suppression) are left out.',
    effectsTitle: 'Net effect with confidence interval',
    effectsX: (level: string) => `Net effect, percentage points (${level} confidence interval)`,
    subgroupsTitle: 'Net effect in subgroups',
    subgroupsX: 'Net effect, percentage points',
    figure: (n: string) => `Figure ${n}.`,
    statusCaption: 'Status at follow-up, participants and control group (share of the group).',
    effectsCaption: 'Net effect per outcome measure with confidence interval. The vertical line is 0 (no effect).',
    subgroupsCaption: 'Net effect in subgroups. Subgroups with hidden counts are left out.',
  },
};
