import type { HttpStrings } from '../i18n';

/**
 * The contract of POST /api/messages between http/ (which reads the request and writes the answer) and teams/
 * (which checks the activity, authenticates it and runs the turn): plain data, no restify and no Bot Framework type.
 * main.ts hands the Teams side's handler to the HTTP server.
 */

/** A request to /api/messages once its body is read and parsed (a JSON value, not yet checked to be an activity). */
export interface MessagesRequest {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** When the HTTP layer stops waiting and answers 503 itself (epoch ms): the turn's writes must finish before. */
  deadline?: number;
}

/** A client error: its code, and its message from the catalog; the HTTP layer answers in the client's language (Accept-Language). */
export interface ClientError {
  code: string;
  message: (t: HttpStrings) => string;
}

/** What the Teams layer answers: a status with a JSON body (an invoke response), or a client error. */
export interface MessagesResult {
  status: number;
  body?: unknown;
  error?: ClientError;
  /** Extra response headers (Retry-After with a 503). */
  headers?: Record<string, string>;
}

/** What /api/messages needs from the Teams layer: the adapter's process() with the app's run(), without HTTP. */
export type MessagesHandler = (request: MessagesRequest) => Promise<MessagesResult>;
