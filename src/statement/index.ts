/** `effekt statement`: the outcome payment statement for a period under the payment model (issue 7). */
export { parsePeriod, periodOf, periodContaining, periodsBetween, type Period, type PeriodKind } from './period.js';
export { paymentTermsFrom, toOre, type PaymentTerms, type PriceLine, type Tier } from './terms.js';
export { buildLedger, type Ledger, type PeriodLedger, type LineLedger } from './ledger.js';
export { protectSeries, type SeriesProtection } from './protect.js';
export { buildStatement, buildStatements, seriesFor, type Statement, type StatementInput, type StatementLine, type Count } from './statement.js';
export { statementSeries, seriesMarkdown, type StatementSeries } from './series.js';
export { statementMarkdown, statementHtml, money } from './render.js';
