import { roundTo } from '../i18n/format';

/**
 * The one rounding of a figure as people read it (docs/decisions.md, «Figures: one rounding»). The engine computes
 * exact figures (the semáforo compares them exactly, DOMAIN.md); what leaves for a person or a program — a card, the
 * explanation, the digest, the workbook, the read API — is the figure rounded ONCE, here, to a tenth of a percent
 * (CONTRACT.md: a percentage with one decimal). Rounding twice (to 4 decimals for the API, then to one decimal of a
 * percent on a card) turned 98,947 % into 99,0 % in the digest and 98,9 % on the plan card.
 */

/** Decimals of a percent as a card writes it ("98,9 %"). */
export const PERCENT_DECIMALS = 1;
/** Decimals of the fraction that carries it (0.989). */
export const FRACTION_DECIMALS = PERCENT_DECIMALS + 2;

/**
 * A progress figure (annual, expected, four-year; a share or a contribution) as shown: half away from zero at a
 * tenth of a percent, the very rounding formatPercent applies at one decimal, so formatting this value or the exact
 * one writes the same text.
 */
export function shownFraction(x: number): number {
  return roundTo(roundTo(x * 100, PERCENT_DECIMALS) / 100, FRACTION_DECIMALS);
}

/** shownFraction, null staying null (a figure that does not apply). */
export function shownFigure(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : shownFraction(x);
}

/**
 * Parts rounded to the shown precision so that they add up to the shown whole (the largest-remainder method): each
 * part is cut down to a tenth of a percent, and the tenths still missing go to the parts that lost the most in the
 * cut (ties to the earlier part). A whole whose parts cannot reach it (it is not their sum) is left to the parts'
 * own rounding.
 */
export function apportion(parts: readonly number[], whole: number): number[] {
  const unit = 10 ** FRACTION_DECIMALS;
  const target = Math.round(shownFraction(whole) * unit);
  const scaled = parts.map((p) => roundTo(p * unit, 6));
  const floors = scaled.map((s) => Math.floor(s));
  let missing = target - floors.reduce((a, b) => a + b, 0);
  if (missing < 0 || missing > parts.length) return parts.map(shownFraction);
  const order = scaled.map((s, i) => ({ i, rest: s - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const units = [...floors];
  for (const { i } of order) {
    if (missing <= 0) break;
    units[i] += 1;
    missing -= 1;
  }
  return units.map((u) => roundTo(u / unit, FRACTION_DECIMALS));
}
