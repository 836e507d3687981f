/** What reviewing a report answers (reports/review.ts returns these with its status). */
export interface ReviewOutcomeStrings {
  forbidden: string;
  reasonShort(n: number): string;
  notFound: string;
  superseded(id: string, period: string, version: number): string;
  notPending(id: string, period: string, state: string): string;
  approved(id: string, period: string, version: number): string;
  returned(id: string, period: string, version: number): string;
  /** After a return: the notice reached the owner's personal chat. */
  noticeSent(owner: string): string;
  /** After a return: the owner has never opened a chat with the bot; the notice waits for it. */
  noticeNoChat(owner: string): string;
  /** After a return: the owner has a chat, but the notice is not delivered yet (being sent, or to be retried). */
  noticePending(owner: string): string;
  states: { pendiente: string; aprobado: string; devuelto: string };
}
