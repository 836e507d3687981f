import { formatDate, numberText, periodText } from '../format';
import type { ValidationStrings } from '../types/validation';

const DIF_EN = '“Difficulties, solutions or justification”';

export const validation: ValidationStrings = {
  fields: {
    indicatorId: 'Indicator',
    period: 'Reporting month',
    value: 'Value',
    logros: 'Achievements in the period',
    dificultades: 'Difficulties, solutions or justification',
    evidencia: 'Evidence link',
  },
  trendHint: (trend) =>
    trend === 'suma'
      ? 'progress in the period (a sum indicator: what was achieved in the month)'
      : 'cumulative value to date (level reached)',
  unitHint: (unit) => (unit === 'percent' ? 'in %: type 75 or 75% (or the fraction 0.75)' : 'number'),
  indicatorRequired: 'Choose the indicator you are reporting.',
  indicatorUnknown: (id) => `Indicator “${id}” does not exist in the plan.`,
  periodRequired: 'Choose the reporting month.',
  periodFormat: (t) => `“${t}” is not a valid month: use YYYY-MM (for example 2025-06).`,
  periodOutsidePlan: (from, to) => `The month must be within the plan: January ${from} to December ${to}.`,
  periodFuture: (p, c) =>
    `${periodText(p, 'en')} has not come yet: the latest month you can report is ${periodText(c, 'en')}.`,
  yearClosed: (y, d) =>
    `Year ${y} is closed (the deadline for its December report was ${formatDate(d, 'en')}): only the planning office can correct it.`,
  yearClosedAdminWarning: (y) =>
    `Correction of ${y}, a closed year: it will be flagged as a report for a closed period.`,
  currentMonthWarning: (p) =>
    `${periodText(p, 'en')} has not closed yet: the report counts as partial progress for the month.`,
  correctionWarning: (p, v, val, next) =>
    `There was already a report for ${periodText(p, 'en')} (v${v}, value ${val}): this one is stored as correction v${next}.`,
  valueEmpty: 'Type the value reached.',
  valueNotNumber: (t) => `“${t}” is not a number. Type, for example, 1,500.5 · 0.25 · 75%.`,
  valueAmbiguous: (t) => {
    const [thousands, decimal] = readingsOf(t, '.');
    return `“${t}” is ambiguous (in Colombia the comma is the decimal mark): type ${thousands} for the whole number, or ${decimal} for a decimal value.`;
  },
  valueBadGrouping: (t) =>
    `“${t}” is not a valid number: thousands go in groups of three (1,500,000) and decimals after a single decimal mark (0.25).`,
  valueTooManyDecimals: (m) => `Use at most ${m} decimals.`,
  valueNegative: 'The value cannot be negative.',
  valueOverHundred: (v) => `The value (${v}) is above 100%: check the percentage.`,
  valueAbsurdTarget: (v, y, t) =>
    `The value (${v}) is more than 10 times the ${y} target (${t}): check the number and its unit.`,
  valueAbsurdTotal: (v, t) =>
    `Progress of ${v} in a single month is more than the whole four-year target (${t}): check the number.`,
  zeroNeedsExplanation: (min) =>
    `A progress of 0 needs the difficulties explained in ${DIF_EN} (at least ${min} characters).`,
  overExecutionNeedsJustification: (y, e, t, min) =>
    `With this report the ${y} executed value (${e}) exceeds the target (${t}): justify the over-achievement in ${DIF_EN} (at least ${min} characters).`,
  levelDropNeedsExplanation: (p, from, to, min) =>
    `The level drops from the ${periodText(p, 'en')} report (${from} → ${to}): explain why in ${DIF_EN} (at least ${min} characters).`,
  levelRiseNeedsExplanation: (p, from, to, min) =>
    `The value rises from the ${periodText(p, 'en')} report (${from} → ${to}) on a decreasing indicator: explain why in ${DIF_EN} (at least ${min} characters).`,
  logrosRequired: (min) => `Describe the achievements in the period (at least ${min} characters).`,
  textTooShort: (f, min, n) => `“${f}” is too short (${n} characters): write at least ${min}.`,
  textTooLong: (f, max, n) => `“${f}” has ${numberText(n, 'en')} characters: the maximum is ${numberText(max, 'en')}.`,
  evidenceRequired: 'Paste the link to the evidence (https://…), for example the report’s shared folder.',
  evidenceNotHttps: 'The evidence must be a valid https:// link (for example https://intranet…/folder).',
  notOwner: (id) => `You are not an owner of indicator ${id}: only its owners and the planning office can report it.`,
};

/** The two readings of "1,500": the whole number "1500" and the decimal one ("1,5" / "1.5"). */
function readingsOf(text: string, decimalMark: string): [string, string] {
  const t = text.replace(/[%\s]/g, '');
  const [head, tail = ''] = t.split(',');
  const frac = tail.replace(/0+$/, '');
  return [head + tail, frac ? `${head}${decimalMark}${frac}` : head];
}
