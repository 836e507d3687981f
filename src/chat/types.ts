import type { Plan } from '../domain/plan';
import type { StatusService } from '../progress/service';
import type { PlanBook } from '../progress/plans';
import type { Person } from '../domain/records';
import type { Store } from '../store/types';
import type { Lang, Understander } from '../language/types';
import type { Bands } from '../progress/status';
import type { DeliveryResult, Outbound } from '../digest/run';

/**
 * The bot's conversation logic, free of any Bot Framework type: the Teams layer turns an activity into a
 * ChatTurn, calls the handlers here, and turns the ChatResult back into activities.
 */

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface Actor extends Person {
  /** Teams AAD object id, when Teams gave one. */
  aadObjectId?: string;
}

export interface ChatTurn {
  actor: Actor;
  lang: Lang;
  scope: Scope;
  /** Stable key of the conversation (its Bot Framework conversation id). */
  conversationKey: string;
  conversationName?: string;
  /** People @mentioned in the message, other than the bot. */
  mentions: Actor[];
  /**
   * Looks the mentioned people up in the directory (Teams' member API): a Teams mention carries only the Teams id
   * ("29:…") and the name; this adds the AAD object id and the e-mail where Teams knows them. Absent outside Teams;
   * a person it cannot find comes back as given.
   */
  resolvePeople?: (people: Actor[]) => Promise<Actor[]>;
  now: Date;
  /**
   * When the edge stops waiting for this turn (epoch ms of the real clock; the HTTP deadline): a write that could not
   * finish before it is not started, so that a person told "failed" never has it stored later. Absent: no deadline.
   */
  deadline?: number;
}

export type Card = Record<string, unknown>;

/** A file a person sent to the bot (the Teams layer translates the attachment: its name, type and download address). */
export interface IncomingFile {
  name: string;
  /** The extension Teams gives (xlsx, pdf…), lower-cased; '' when it gives none. */
  fileType: string;
  /** Where the bytes can be fetched (Teams' pre-authorized, short-lived downloadUrl). */
  url: string;
}

export type FileFetchFailure = 'too-large' | 'not-allowed' | 'expired' | 'timeout' | 'failed';
export type FetchedFile = { ok: true; bytes: Buffer } | { ok: false; code: FileFetchFailure };

/** Fetches a file a person sent (teams/files.ts): only from allowed hosts, at most `maxBytes`, before `deadline`. */
export interface FileSource {
  maxBytes: number;
  fetch(url: string, deadline?: number): Promise<FetchedFile>;
}

export interface ChatResult {
  /** New messages, in order: cards or plain text. */
  replies: ({ card: Card; summary?: string } | { text: string })[];
  /** The card the action came from is replaced by this one (in place), so a form cannot be sent twice. */
  replaceSource?: Card;
  /** Something now waits for proactive delivery (a returned report's notice): the Teams layer runs the sender. */
  wake?: boolean;
  /**
   * The store could not be read or written (chat/store-failure.ts): the replies say so and that nothing changed;
   * 'retry' (the database is away or slow: it comes back by itself) or 'operator' (its files replaced, read-only, a
   * full disk). An invoke is then answered 503.
   */
  unavailable?: 'retry' | 'operator';
}

export interface ChatConfig {
  /** PEI_ADMINS: lower-cased ids or emails. */
  admins: string[];
  bands: Bands;
  reminderDays: number[];
  /** DIGEST_CRON (America/Bogota); the default '0 8 * * 1' when absent. */
  digestCron?: string;
  /** PEI_DB_TIMEOUT_MS: the longest a store write may take (a submit starts only with that much of the turn left). */
  storeTimeoutMs?: number;
  /** Signed download links of the follow-up workbook: the key and the bot's public address (PEI_PUBLIC_URL). */
  exportLink?: { secret: string; publicUrl: string };
}

export interface Services {
  /** The plan the turn is about (the one named, or in force today; the router scopes it) as first loaded. */
  plan: Plan;
  store: Store;
  /** The status service of that plan. */
  status: StatusService;
  /** Every plan loaded (progress/plans.ts); absent where one plan is the only one (tests). */
  plans?: PlanBook;
  /** The understanding of each plan other than the shipped one, made once (language/). */
  understandingOf?: (plan: Plan) => Understander;
  understanding: Understander;
  config: ChatConfig;
  /**
   * Runs the proactive sender now and resolves with what it did (the keys it delivered or failed), so that a reply
   * can say whether a notice was really sent. Absent where nothing sends (unit tests of the chat alone).
   */
  sendNow?: () => Promise<readonly { key: string; status: string }[]>;
  /** Delivers one proactive message now (the Teams layer's sender): «enviar recordatorios ahora». */
  deliver?: (item: Outbound) => Promise<DeliveryResult>;
  /** Fetches the files people send (the plan workbook); absent: files are not accepted. */
  files?: FileSource;
}

export const reply = {
  card: (card: Card, summary?: string): ChatResult => ({ replies: [{ card, summary }] }),
  text: (text: string): ChatResult => ({ replies: [{ text }] }),
};
