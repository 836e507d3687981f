/** What the language layer hands to the bot for one chat message. Pure data, no I/O. */

import type { Lang } from '../i18n/lang';

export type { Lang };

export type Intent =
  | 'objective-status'
  | 'indicator-detail'
  | 'plan-summary'
  | 'lagging'
  | 'mission'
  | 'vision'
  | 'help'
  | 'greeting'
  | 'report-start'
  | 'assign-owner'
  | 'audit'
  | 'admins'
  | 'owners'
  | 'subscribe-digest'
  | 'unsubscribe-digest'
  | 'send-digest-now'
  | 'export-followup'
  | 'compliance'
  | 'review-list'
  | 'explain'
  | 'my-indicators'
  | 'reminders'
  | 'plan-versions'
  | 'unknown';

export const INTENTS: readonly Intent[] = [
  'objective-status',
  'indicator-detail',
  'plan-summary',
  'lagging',
  'mission',
  'vision',
  'help',
  'greeting',
  'report-start',
  'assign-owner',
  'audit',
  'admins',
  'owners',
  'subscribe-digest',
  'unsubscribe-digest',
  'send-digest-now',
  'export-followup',
  'compliance',
  'review-list',
  'explain',
  'my-indicators',
  'reminders',
  'plan-versions',
  'unknown',
];

export interface Understanding {
  lang: Lang;
  intent: Intent;
  /** Objective number as written (1..10 exist; 11 is returned as 11 so the caller can say it does not exist). */
  objective?: number;
  /**
   * One indicator: a plan id ("4263", "8116-M3", "O10-1"), or, when the text names a code the plan does not have,
   * the code as written ("9999") so the caller can say it is unknown.
   */
  indicatorId?: string;
  /** Several candidate indicators (free-word matches best first, or several codes named), for the caller to offer as choices. */
  indicatorIds?: string[];
  /** YYYY-MM when the text names a month with its year ("junio 2025", "2025-06", "06/2025"). */
  period?: string;
  /** 1..12 when the text names a month without a year ("reportar junio"); the caller picks the year. */
  month?: number;
  /** 1..31 when the text names a day with the month ("al 31 de marzo", "as of March 31"). */
  day?: number;
  /** A year named in the text (2015..2040), alone or as part of the period. */
  year?: number;
  /** People named in the message: Teams mentions other than the bot's ("<at>Ana Pérez</at>"), "@ana", or for
   * assign-owner the leftover words ("asignar responsable 4263 Ana Pérez"). Several are joined with ", ". */
  mentionsText?: string;
  /** For 'admins': list them, add the people named, or remove them. */
  adminAction?: 'list' | 'add' | 'remove';
  /** «recordatorios»: see what is due (preview) or send it now («enviar recordatorios ahora»). */
  remindersAction?: 'preview' | 'send';
  /** An e-mail address found in the text, lower-cased. */
  email?: string;
  /** The message normalized: markup removed, lower case, accents folded, punctuation dropped. */
  text: string;
  /** The message as written (markup removed, accents and case kept): what a card echoes back. */
  original?: string;
  /** For 'greeting': a hello, or a thank-you. */
  greeting?: 'hello' | 'thanks';
  /** For 'unknown': a subject the plan's follow-up does not cover ("presupuesto", "budget"), as written. */
  outOfScope?: string;
  /** For 'objective-status' without a number ("¿cómo va el objetivo?"): true, the caller offers the objectives. */
  chooseObjective?: boolean;
}

/** One result of a search: an indicator (its plan id) or an objective (its number). */
export type SearchHit = { kind: 'indicator'; id: string } | { kind: 'objective'; objective: number };

export interface Understander {
  understand(text: string): Understanding;
  /**
   * What a search box means (the message extension): the indicators and objectives the text names or points to,
   * best first, with the chat's reading (ids, «objetivo cinco», synonyms such as «CSIRT», free words with typos).
   * Empty when the text points nowhere.
   */
  search(text: string): SearchHit[];
}
