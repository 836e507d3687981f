import { bogotaDate, lastClosedPeriod, yearOf } from '../calendar';
import type { Understanding } from '../language/types';
import { storedCompliance } from '../reports/compliance';
import { isQuarter, lastClosedQuarter, quarterAsOf, quarterOf, type Quarter } from '../outputs/common';
import { exportLink } from '../outputs/signed-link';
import { workbookFileName } from '../outputs/workbook';
import { messageCard } from '../views/message-cards';
import { strings } from '../i18n';
import { complianceCard, exportLinkCard } from '../views/output-cards';
import { isAdmin } from './roles';
import type { ChatModule, IntentHandler } from './router';
import { reply, type ChatResult, type ChatTurn } from './types';

/**
 * The official outputs in chat:
 * - «exportar seguimiento [T2] [2025]» / «export follow-up [Q2] [2025]» (admins): a card with a link that downloads
 *   the quarterly workbook without the bearer token for 15 minutes (an HMAC-signed, expiring URL under
 *   PEI_PUBLIC_URL). Without a quarter: the last quarter that closed; a year alone: its fourth quarter (or, for the
 *   running year, the last closed one).
 * - «cumplimiento [2025]» / «reporting compliance»: each owner's on-time, late, missing and not-yet-due months.
 *   Anyone may ask (like «responsables»): it shows who is in charge, not what they reported.
 */

const ORDINALS: Record<string, Quarter> = {
  primer: 1,
  primero: 1,
  first: 1,
  segundo: 2,
  second: 2,
  tercer: 3,
  tercero: 3,
  third: 3,
  cuarto: 4,
  fourth: 4,
  '1er': 1,
  '2do': 2,
  '3er': 3,
  '4to': 4,
};

/** The quarter a message names: "T2", "Q2", "trimestre 2", "segundo trimestre", "2nd quarter". */
export function quarterInText(text: string): Quarter | undefined {
  const t = text.toLowerCase();
  const m =
    /(?:^|\s)[tq]\s?([1-4])(?=\s|$)/.exec(t) ??
    /(?:trimestre|quarter)\s+([1-4])(?=\s|$)/.exec(t) ??
    /(?:^|\s)([1-4])(?:st|nd|rd|th|er|do|to)?\s+(?:trimestre|quarter)/.exec(t);
  if (m) return Number(m[1]) as Quarter;
  const w = /(?:^|\s)(\S+)\s+(?:trimestre|quarter)/.exec(t);
  return w ? ORDINALS[w[1]] : undefined;
}

function say(text: string, color: 'attention' | 'warning' | 'default' = 'warning'): ChatResult {
  return reply.card(messageCard({ text, color }));
}

export const exportFollowUp: IntentHandler = async (services, turn: ChatTurn, u: Understanding) => {
  const s = strings(turn.lang);
  if (!(await isAdmin(services, turn.actor))) return say(s.exportOnlyAdmins);
  const link = services.config.exportLink;
  if (!link) return say(s.exportUnavailable, 'attention');
  const today = bogotaDate(turn.now);
  const named = quarterInText(u.text);
  const fallback = lastClosedQuarter(today);
  let year = u.year ?? fallback.year;
  let quarter: Quarter;
  if (named) quarter = named;
  else if (u.year === undefined) quarter = fallback.quarter;
  else if (u.year < yearOf(today)) quarter = 4;
  else quarter = u.year === fallback.year ? fallback.quarter : quarterOf(today);
  if (!isQuarter(quarter)) quarter = fallback.quarter;
  const { from, to } = services.plan.period;
  if (year < from || year > to) return say(s.exportOutsidePlan(year, from, to));
  const cut = quarterAsOf(year, quarter, today);
  if (!cut) return say(s.exportNotStarted(quarter, year));
  year = Number(year);
  const { url, expires } = exportLink(link.publicUrl, link.secret, year, quarter, turn.now);
  const card = exportLinkCard({
    lang: turn.lang,
    year,
    quarter,
    asOf: cut.asOf,
    running: cut.running,
    url,
    expires,
    fileName: workbookFileName(year, quarter),
  });
  return reply.card(card, s.exportTitle(quarter, year));
};

export const complianceIntent: IntentHandler = async (services, turn: ChatTurn, u: Understanding) => {
  const today = bogotaDate(turn.now);
  // The chat's vigencia: the year of the month that last closed (docs/decisions.md, «Chat»), unless one is named.
  const year = u.year ?? yearOf(lastClosedPeriod(today));
  // As of today: a past year's months are all closed and late reports stored since then count as late.
  const c = await storedCompliance(services.store, services.plan, year, today);
  return reply.card(complianceCard(c, turn.lang), strings(turn.lang).complianceTitle(year));
};

export const outputsModule: ChatModule = {
  intents: {
    'export-followup': exportFollowUp,
    compliance: complianceIntent,
  },
};
