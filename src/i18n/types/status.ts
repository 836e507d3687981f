import type { Status } from '../../domain/codes';

/**
 * What a card says of a figure's status. The JSON keeps `Status` (CONTRACT.md); a person reads two more:
 * - `sin-reportes`: nothing reported while something is expected (the engine's `sin-datos` with expected > 0) —
 *   a lag, shown in the attention colour, never as a calm grey «Sin datos»;
 * - `adelantado`: `sobre-ejecucion` (r above the top band) while the year's target is not reached yet
 *   (annual progress below 100 %); «Sobre-ejecución» is kept for progress past the year's target.
 */
export type ShownStatus = Status | 'sin-reportes' | 'adelantado';

export interface StatusStrings {
  label: Record<ShownStatus, string>;
  /** «Sin reportes (se esperaba 12,5 %)»: a lag with what was expected. */
  noReportsExpected(expected: string): string;
}
