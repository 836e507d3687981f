import type { Status } from '../domain/codes';

export type { Status };
/** The semáforo: status from r = progress / expected, with configurable bands (docs/dominio.md). */


export interface Bands {
  /** r below this is rojo. */
  red: number;
  /** r below this (and not rojo) is amarillo. */
  yellow: number;
  /** r up to and including this is verde; above it, sobre-ejecución. */
  green: number;
}

/** The bands of Bogotá's public-policy follow-up tool. */
export const DEFAULT_BANDS: Bands = Object.freeze({ red: 0.5, yellow: 0.75, green: 1.25 });

export function round4(x: number): number {
  const r = Math.round((x + Number.EPSILON * Math.sign(x)) * 10000) / 10000;
  return r === 0 ? 0 : r; // no -0 in output
}

/** What is wrong with bands, as a code (the words are the catalog's: operator.bandsNotPositive / bandsNotOrdered). */
export function validateBands(b: Bands): 'not-positive' | 'not-ordered' | null {
  if (![b.red, b.yellow, b.green].every((x) => Number.isFinite(x) && x > 0)) return 'not-positive';
  if (!(b.red < b.yellow && b.yellow <= b.green)) return 'not-ordered';
  return null;
}

/**
 * Status of a figure. `hasTarget` false -> sin-meta; no data or nothing expected yet -> sin-datos.
 * r is rounded to 4 decimals before it is compared, so float noise never moves a boundary.
 */
export function statusOf(progress: number | null, expected: number | null, hasTarget: boolean, bands: Bands = DEFAULT_BANDS): Status {
  if (!hasTarget) return 'sin-meta';
  if (progress === null || expected === null || !(expected > 0)) return 'sin-datos';
  const r = round4(progress / expected);
  if (r < bands.red) return 'rojo';
  if (r < bands.yellow) return 'amarillo';
  if (r <= bands.green) return 'verde';
  return 'sobre-ejecucion';
}
