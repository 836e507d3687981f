import type { Status } from '../domain/codes';
import { DEFAULT_BANDS, type Bands } from '../domain/bands';

export type { Status };
/** The bands are the domain's (domain/bands.ts: config.ts reads them too); re-exported for the engine's callers. */
export { DEFAULT_BANDS, validateBands, type Bands } from '../domain/bands';
/** The semáforo: status from r = progress / expected, with configurable bands (docs/dominio.md). */

export function round4(x: number): number {
  const r = Math.round((x + Number.EPSILON * Math.sign(x)) * 10000) / 10000;
  return r === 0 ? 0 : r; // no -0 in output
}

/**
 * Status of a figure. `hasTarget` false -> sin-meta; no data or nothing expected yet -> sin-datos.
 * r is rounded to 4 decimals before it is compared, so float noise never moves a boundary.
 */
export function statusOf(
  progress: number | null,
  expected: number | null,
  hasTarget: boolean,
  bands: Bands = DEFAULT_BANDS,
): Status {
  if (!hasTarget) return 'sin-meta';
  if (progress === null || expected === null || !(expected > 0)) return 'sin-datos';
  const r = round4(progress / expected);
  if (r < bands.red) return 'rojo';
  if (r < bands.yellow) return 'amarillo';
  if (r <= bands.green) return 'verde';
  return 'sobre-ejecucion';
}
