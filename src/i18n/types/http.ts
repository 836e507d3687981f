import type { StoreHealthReason } from '../../domain/store-facts';

/** The HTTP services' messages: errors of the read APIs, the download link, the body reader, the about document. */
export type BodyErrorCode =
  'unsupported-media-type' | 'unsupported-encoding' | 'body-too-large' | 'malformed-body' | 'invalid-json';

export interface HttpStrings {
  apiDisabled: string;
  unauthorized: string;
  invalidYear(got: string): string;
  invalidQuarter(got: string | null): string;
  invalidAsOf(got: string): string;
  invalidIndicator(text: string): string;
  /** `plan=` names no plan this server serves. */
  unknownPlan(id: string): string;
  linkExpired: string;
  linkInvalid: string;
  openDataOff: string;
  body: Record<BodyErrorCode, string>;
  shuttingDown: string;
  timeout: string;
  /** /healthz: why the store cannot be read or written now (short, no internal detail). */
  storeUnavailable: Record<StoreHealthReason, string>;
  internal: string;
  methodNotAllowed(method: string, path: string, allowed: readonly string[]): string;
  notFound: string;
  /** /api/messages: what is wrong with the activity, the Bot Framework authorization, an invoke the bot does not handle. */
  activity: {
    type: string;
    serviceUrl: string;
    conversation: string;
    channelId: string;
    from: string;
    recipient: string;
    invalidField(where: string): string;
  };
  botUnauthorized: string;
  unsupportedInvoke: string;
  badRequest: string;
  about: { description: string; messages: string; healthz: string; status: string };
  /** The follow-up workbook's refusals (outputs/followup.ts returns the codes). */
  yearOutsidePlan(from: number, to: number, year: number): string;
  quarterNotStarted(quarter: number, year: number, today: string): string;
}
