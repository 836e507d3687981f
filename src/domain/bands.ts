/** The semáforo's bands: the status of a figure from r = progress / expected (docs/dominio.md), configurable (PEI_STATUS_BANDS). */

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

/** What is wrong with bands, as a code (the words are the catalog's: operator.bandsNotPositive / bandsNotOrdered). */
export function validateBands(b: Bands): 'not-positive' | 'not-ordered' | null {
  if (![b.red, b.yellow, b.green].every((x) => Number.isFinite(x) && x > 0)) return 'not-positive';
  if (!(b.red < b.yellow && b.yellow <= b.green)) return 'not-ordered';
  return null;
}
