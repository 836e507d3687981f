import { planHoldsYear, type Indicator, type Plan } from '../domain/plan';
import type { ReportRecord } from '../domain/records';
import { reviewOf } from '../reports/review';
import { formatDate, formatPeriodLong, formatValue, truncate, type Lang } from './format';
import { renderCard, type CardJson } from './render';
import { instantText } from './report-cards';
import { reportStrings } from '../i18n';
import { messageCard } from './message-cards';
import { reportStart, showIndicator } from './verbs';
import { ownerName } from './names';

/**
 * The cards of the planning office's review: «reportes por revisar» (each waiting version with its figure, its
 * texts and its evidence, with «Aprobar» and «Devolver»), the owner's notice of a return, and the admins' daily
 * digest of what waits. Pure view models; the templates carry no words.
 */

export const VERB_REVIEW_LIST = 'review-list';
export const VERB_REVIEW_APPROVE = 'review-approve';
export const VERB_REVIEW_RETURN = 'review-return';
/** Opens the report form filled with a returned version (the button of the owner's notice). */
export const VERB_REPORT_FIX = 'report-fix';

/** How many waiting versions the list shows (the oldest); the rest are counted. */
export const MAX_REVIEW_ITEMS = 10;
const MAX_TEXT = 600;
const SEP = ' · ';

const URL = /^https?:\/\/\S+$/i;

function evidenceLine(evidencia: string, label: string, linkText: string): string | null {
  const e = evidencia.trim();
  if (!e) return null;
  if (URL.test(e))
    return `**${label}:** [${linkText}](${e.replace(/\(/g, '%28').replace(/\)/g, '%29')}) (${truncate(e, 120)})`;
  return `**${label}:** ${truncate(e, MAX_TEXT)}`;
}

function findIndicator(plan: Plan, id: string): Indicator | undefined {
  for (const o of plan.objectives) for (const i of o.indicators) if (i.id === id) return i;
  return undefined;
}

export interface ReviewListModel {
  lang: Lang;
  plan: Plan;
  /** Oldest first (reports/review.ts, pendingReviews). */
  pending: readonly ReportRecord[];
  /** The outcome of the review just made, shown on top. */
  note?: string | null;
  noteColor?: 'good' | 'attention' | 'warning' | 'default';
  /** The version a correction replaces (the month's previous version), to show its value beside the new one. */
  previous?: (r: ReportRecord) => ReportRecord | undefined;
}

/** The value of a version; a correction's with the value it replaces («0,35 (antes 0,3 en v1)»). */
function valueText(r: ReportRecord, ind: Indicator | undefined, lang: Lang, prev: ReportRecord | undefined): string {
  const fmt = (x: ReportRecord) => (ind ? formatValue(x.value, ind.unit, lang) : String(x.value));
  return prev && prev.version < r.version ? reportStrings(lang).correctsValue(fmt(r), fmt(prev), prev.version) : fmt(r);
}

export function reviewListCard(m: ReviewListModel): CardJson {
  const s = reportStrings(m.lang);
  const shown = m.pending.slice(0, MAX_REVIEW_ITEMS);
  const items = shown.map((r, i) => {
    const ind = findIndicator(m.plan, r.indicatorId);
    const texts: { text: string }[] = [];
    if (r.logros.trim()) texts.push({ text: `**${s.factLogros}:** ${truncate(r.logros, MAX_TEXT)}` });
    if (r.dificultades.trim()) texts.push({ text: `**${s.factDificultades}:** ${truncate(r.dificultades, MAX_TEXT)}` });
    const ev = evidenceLine(r.evidencia, s.factEvidencia, s.openEvidence);
    if (ev) texts.push({ text: ev });
    return {
      heading: `${r.indicatorId}${SEP}${truncate(ind?.name ?? '', 90)}`,
      byline: s.reviewItemLine(r.version, r.author.name, instantText(r.reportedAt, m.lang)),
      facts: [
        { title: s.factPeriod, value: formatPeriodLong(r.period, m.lang) },
        { title: s.factValue, value: valueText(r, ind, m.lang, m.previous?.(r)) },
        { title: s.factReview, value: s.reviewState[reviewOf(r)] },
      ],
      texts,
      approveTitle: s.btnApprove,
      approveData: { verb: VERB_REVIEW_APPROVE, reportId: r.id },
      returnTitle: s.btnReturn,
      reasonId: `reason_${i}`,
      reasonLabel: s.returnReasonLabel,
      reasonPlaceholder: s.returnReasonPlaceholder,
      confirmTitle: s.btnConfirmReturn,
      returnData: { verb: VERB_REVIEW_RETURN, reportId: r.id, reasonField: `reason_${i}` },
    };
  });
  return renderCard('review-list', {
    title: s.reviewListTitle,
    note: m.note ?? null,
    noteColor: m.noteColor ?? 'good',
    intro: m.pending.length ? s.reviewListIntro(m.pending.length) : s.reviewListEmpty,
    items,
    more: m.pending.length > shown.length ? s.reviewDigestMore(m.pending.length - shown.length) : null,
    actions: [],
  });
}

/** The owner's notice of a returned version: who, why, and a button that opens the form filled with it. */
export function returnNoticeCard(r: ReportRecord, indicator: Indicator, lang: Lang): CardJson {
  const s = reportStrings(lang);
  return messageCard({
    title: s.returnedNoticeTitle(r.indicatorId, formatPeriodLong(r.period, lang)),
    color: 'attention',
    text: s.returnedNoticeText(r.reviewedBy?.name ?? ''),
    facts: [
      { title: s.returnedReason, value: r.reviewNote ?? '' },
      { title: s.factIndicator, value: `${indicator.id}${SEP}${truncate(indicator.name, 90)}` },
      { title: s.factPeriod, value: formatPeriodLong(r.period, lang) },
      { title: s.factValue, value: formatValue(r.value, indicator.unit, lang) },
      { title: s.factVersion, value: `v${r.version}` },
    ],
    actions: [
      { title: s.btnFixReport, data: { verb: VERB_REPORT_FIX, reportId: r.id } },
      { title: s.btnSeeIndicator(indicator.id), data: showIndicator(indicator.id) },
    ],
  });
}

export function returnNoticeSummary(r: ReportRecord, lang: Lang): string {
  return reportStrings(lang).returnedNoticeTitle(r.indicatorId, formatPeriodLong(r.period, lang));
}

/**
 * The indicator a report is of, among several plans: the plan whose years hold the report's month and that has the
 * id (two plans whose years overlap never share an id), else any plan that has it.
 */
function indicatorOfReport(plans: readonly Plan[], r: ReportRecord): Indicator | undefined {
  const year = Number(r.period.slice(0, 4));
  for (const p of [...plans.filter((p) => planHoldsYear(p, year)), ...plans]) {
    const ind = findIndicator(p, r.indicatorId);
    if (ind) return ind;
  }
  return undefined;
}

/**
 * The admins' daily digest of what waits for review (one message, not one per report); each report's value in its own
 * plan's unit.
 */
export function reviewDigestCard(pending: readonly ReportRecord[], plans: readonly Plan[], lang: Lang): CardJson {
  const s = reportStrings(lang);
  const shown = pending.slice(0, MAX_REVIEW_ITEMS);
  return messageCard({
    title: s.reviewDigestTitle(pending.length),
    text: s.reviewDigestIntro,
    rows: shown.map((r) => {
      const ind = indicatorOfReport(plans, r);
      return {
        text: `**${r.indicatorId}**${SEP}${formatPeriodLong(r.period, lang)}${SEP}${ind ? formatValue(r.value, ind.unit, lang) : r.value}`,
        sub: s.reviewItemLine(r.version, r.author.name, instantText(r.reportedAt, lang)),
        action: { verb: VERB_REVIEW_LIST },
        actionTitle: s.reviewListTitle,
      };
    }),
    actions: [{ title: s.btnReviewList(pending.length), data: { verb: VERB_REVIEW_LIST } }],
  });
}

export interface MissedView {
  period: string;
  deadline: string;
  indicators: { id: string; name: string }[];
}

/** The owner's last notice after a deadline passed with nothing reported. */
export function missedOwnerCard(m: MissedView, lang: Lang): CardJson {
  const s = reportStrings(lang);
  return messageCard({
    title: s.missedNoticeTitle(formatPeriodLong(m.period, lang)),
    color: 'attention',
    text: s.missedNoticeText(formatDate(m.deadline, lang)),
    rows: m.indicators.map((i) => ({
      text: `**${i.id}**${SEP}${truncate(i.name, 90)}`,
      action: reportStart(i.id),
      actionTitle: s.formTitleFor(i.id),
    })),
    actions:
      m.indicators.length === 1
        ? [{ title: s.formTitleFor(m.indicators[0].id), data: reportStart(m.indicators[0].id) }]
        : [{ title: s.formTitle, data: reportStart() }],
  });
}

/** The admins' notice: which indicators of the month were not reported by the deadline, and whose they are. */
export function missedAdminsCard(
  m: {
    period: string;
    deadline: string;
    items: { indicator: { id: string; name: string }; owners: { name: string }[] }[];
  },
  lang: Lang,
): CardJson {
  const s = reportStrings(lang);
  return messageCard({
    title: s.missedAdminsTitle(formatPeriodLong(m.period, lang)),
    color: 'attention',
    text: s.missedAdminsText(m.items.length, formatDate(m.deadline, lang)),
    rows: m.items.slice(0, 30).map((x) => ({
      text: s.missedRow(
        x.indicator.id,
        truncate(x.indicator.name, 80),
        x.owners.length ? x.owners.map((p) => ownerName(p, lang)).join(', ') : s.noOwnerRow,
      ),
      action: showIndicator(x.indicator.id),
      actionTitle: s.btnSeeIndicator(x.indicator.id),
    })),
  });
}
