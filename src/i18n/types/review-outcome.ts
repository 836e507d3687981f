/** What reviewing a report answers (reports/review.ts returns these with its status). */
export interface ReviewOutcomeStrings {
  forbidden: string;
  reasonShort(n: number): string;
  notFound: string;
  superseded(id: string, period: string, version: number): string;
  notPending(id: string, period: string, state: string): string;
  approved(id: string, period: string, version: number): string;
  returned(id: string, period: string, version: number): string;
  states: { pendiente: string; aprobado: string; devuelto: string };
}
