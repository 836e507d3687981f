import { planShortName, type Indicator, type Plan } from '../domain/plan';
import type { AuditEntry, Person, ReportRecord } from '../domain/records';
import { FIELD_LABELS, formatInstant, trendHint, unitHint } from '../i18n';
import { LIMITS, type FieldError, type ReportField } from '../reports/validate';
import {
  formatPercent,
  formatPeriod,
  formatPeriodLong,
  formatValue,
  joinList,
  statusEmoji,
  truncate,
  type Lang,
  type StatusFacts,
} from './format';
import { escapeMarkdown as esc } from './escape';
import { renderCard, type CardJson } from './render';
import { conversationName, looksLikeId, ownerName, personName, type NameBook } from './names';
import { reportStrings } from '../i18n';
import { showIndicator, reportStart } from './verbs';

/**
 * The cards of reporting and administration: the report form (cards/report-form.json), its confirmation
 * (report-confirmation.json), the owners and admins lists (owners.json) and the audit log (audit-log.json).
 * Pure: view models in the reader's language, expanded from templates that carry no words.
 */

export const VERB_REPORT_SUBMIT = 'report-submit';
export const VERB_REPORT_CANCEL = 'report-cancel';

const SEP = ' · ';
/** Characters kept of an indicator's name in the form's choice list. */
export const MAX_CHOICE_NAME = 70;

/** Up to this many indicators, the form shows what to report for each without a click. */
export const HINTS_OPEN_MAX = 4;

export type FormValues = Partial<Record<ReportField, string>>;

export interface ReportFormModel {
  lang: Lang;
  /** Generated when the form is rendered; the submit's idempotency key. */
  formId: string;
  /** The indicators the user may report (their own; all for admins), in plan order. */
  indicators: readonly Indicator[];
  /** YYYY-MM choices, newest first. */
  periods: readonly string[];
  /** The month still open (shown "en curso"). */
  currentPeriod?: string;
  /** What the inputs hold: the preselection, or the user's entries after an invalid submit. */
  values: FormValues;
  errors?: readonly FieldError[];
  /** A line above the form (e.g. "No eres responsable de 4263…"). */
  notice?: string | null;
  /** The latest effective report of an indicator (for the hint). */
  lastReport: (indicatorId: string) => ReportRecord | undefined;
}

function yearTarget(ind: Indicator, year: number): number {
  return (ind.program as Record<number, number>)[year] ?? 0;
}

/** "valor acumulado a la fecha (nivel alcanzado) · número · meta 2025: 0,4 · último reporte: 0,3 (jun. 2025)" */
export function indicatorHint(ind: Indicator, year: number, last: ReportRecord | undefined, lang: Lang): string {
  const s = reportStrings(lang);
  const target = yearTarget(ind, year);
  const parts = [trendHint(ind.trend, lang), unitHint(ind.unit, lang)];
  parts.push(target ? s.hintTarget(year, formatValue(target, ind.unit, lang)) : s.hintNoTarget(year));
  parts.push(
    last ? s.hintLast(formatValue(last.value, ind.unit, lang), formatPeriod(last.period, lang)) : s.hintNoReports,
  );
  return parts.join(SEP);
}

export function reportFormCard(m: ReportFormModel): CardJson {
  const s = reportStrings(m.lang);
  const labels = FIELD_LABELS[m.lang];
  const values: Record<ReportField, string> = {
    indicatorId: m.values.indicatorId ?? '',
    period: m.values.period ?? '',
    value: m.values.value ?? '',
    logros: m.values.logros ?? '',
    dificultades: m.values.dificultades ?? '',
    evidencia: m.values.evidencia ?? '',
  };
  const errors: Record<ReportField, string | null> = {
    indicatorId: null,
    period: null,
    value: null,
    logros: null,
    dificultades: null,
    evidencia: null,
  };
  for (const e of m.errors ?? []) errors[e.field] = errors[e.field] ? `${errors[e.field]}\n\n${e.message}` : e.message;
  const formLabels: Record<ReportField, string> = {
    indicatorId: s.labelIndicator,
    period: s.labelPeriod,
    value: labels.value,
    logros: s.labelLogros,
    dificultades: s.labelDificultades,
    evidencia: s.labelEvidencia,
  };
  // The summary names the fields (as their labels read): the red text is below each field, maybe far down the card.
  const errorFields = (Object.keys(errors) as ReportField[]).filter((f) => errors[f]).map((f) => formLabels[f]);

  const selected = m.indicators.find((i) => i.id === values.indicatorId);
  const periods = [...m.periods];
  if (values.period && !periods.includes(values.period) && /^\d{4}-\d{2}$/.test(values.period))
    periods.unshift(values.period);
  const year = Number((values.period || periods[0] || '').slice(0, 4)) || new Date().getFullYear();

  const hint = selected
    ? `${s.hintFor(selected.id)}: ${indicatorHint(selected, year, m.lastReport(selected.id), m.lang)}`
    : null;
  const hints =
    m.indicators.length > 1 || !selected
      ? m.indicators.map((i) => `**${i.id}**${SEP}${indicatorHint(i, year, m.lastReport(i.id), m.lang)}`)
      : [];
  /** With no indicator chosen yet and a short list, what to report for each is shown at once. */
  const hintsOpen = !selected && m.indicators.length <= HINTS_OPEN_MAX;

  const view = {
    title: m.indicators.length === 1 ? s.formTitleFor(m.indicators[0].id) : s.formTitle,
    intro: s.formIntro(selected ? selected.trend : m.indicators.length === 1 ? m.indicators[0].trend : undefined),
    notice: m.notice ?? null,
    errorSummary: errorFields.length ? s.formErrorsFields(errorFields) : null,
    labels: {
      // Teams marks required inputs (isRequired) with its own asterisk.
      indicatorId: s.labelIndicator,
      period: s.labelPeriod,
      value: `${labels.value}${selected ? ` — ${trendHint(selected.trend, m.lang)}, ${unitHint(selected.unit, m.lang)}` : ''}`,
      // The texts' limits are said, not only enforced: Teams cuts a longer paste at maxLength without a word.
      logros: `${s.labelLogros} (${s.maxCharsHint(LIMITS.textMax)})`,
      dificultades: `${s.labelDificultades} (${s.maxCharsHint(LIMITS.textMax)})`,
      evidencia: s.labelEvidencia,
    },
    maxLength: { logros: LIMITS.textMax, dificultades: LIMITS.textMax, evidencia: LIMITS.evidenceMax },
    placeholders: {
      indicatorId: s.placeholderIndicator,
      value: s.placeholderValue,
      logros: s.placeholderLogros,
      dificultades: s.placeholderDificultades,
      evidencia: s.placeholderEvidencia,
    },
    required: {
      indicatorId: s.requiredIndicator,
      period: s.requiredPeriod,
      value: s.requiredValue,
      logros: s.requiredLogros,
      evidencia: s.requiredEvidencia,
    },
    values,
    errors,
    indicatorChoices: m.indicators.map((i) => ({
      title: `${i.id}${SEP}${truncate(i.name, MAX_CHOICE_NAME)}`,
      value: i.id,
    })),
    periodChoices: periods.map((p) => ({
      title: formatPeriodLong(p, m.lang) + (p === m.currentPeriod ? s.currentMonthSuffix : ''),
      value: p,
    })),
    hint,
    hints,
    hintsOpen,
    hintsToggle: s.hintsToggle(m.indicators.length),
    hintsHeading: s.hintsHeading,
    submitTitle: s.btnSubmit,
    submitData: { verb: VERB_REPORT_SUBMIT, formId: m.formId },
    cancelTitle: s.btnCancel,
    cancelData: { verb: VERB_REPORT_CANCEL, formId: m.formId },
  };
  return renderCard('report-form', view);
}

/** The evidence as a person can open it: a web address as a markdown link (with the address), other text as text. */
export function evidenceMarkdown(evidencia: string, linkText: string, max = 600): string {
  const e = evidencia.trim();
  if (/^https?:\/\/\S+$/i.test(e))
    return `[${linkText}](${e.replace(/\(/g, '%28').replace(/\)/g, '%29')}) (${esc(truncate(e, 120))})`;
  return esc(truncate(e, max));
}

/** "3 de julio de 2025, 07:15" (Bogotá) / "July 3, 2025, 07:15"; what is not an ISO 8601 instant as written. */
export function instantText(iso: string, lang: Lang): string {
  return formatInstant(iso, lang);
}

export interface ConfirmationModel {
  lang: Lang;
  indicator: Indicator;
  record: ReportRecord;
  /** Validation warnings (correction, month in progress, closed year). */
  notes?: readonly string[];
  /** A repeated submit of a form already stored. */
  duplicate?: boolean;
  /**
   * The indicator's figures of the report's year right after it was stored: the confirmation carries the new
   * figure itself, so that the form's submit is answered by this one card (no second message).
   */
  figures?: StatusFacts & { year: number; progress: number | null };
}

/** What replaces the form once it is stored: no input and no button that could send it again. */
export function reportConfirmationCard(c: ConfirmationModel): CardJson {
  const s = reportStrings(c.lang);
  const r = c.record;
  const ind = c.indicator;
  const texts = [{ label: s.factLogros, text: esc(truncate(r.logros, 600)) }];
  if (r.dificultades) texts.push({ label: s.factDificultades, text: esc(truncate(r.dificultades, 600)) });
  if (r.evidencia) texts.push({ label: s.factEvidencia, text: evidenceMarkdown(r.evidencia, s.openEvidence) });
  const view = {
    title: c.duplicate ? s.duplicateTitle : r.version > 1 ? s.correctionTitle(r.version) : s.storedTitle,
    color: c.duplicate ? 'default' : 'good',
    text: c.duplicate ? s.duplicateText : null,
    facts: [
      { title: s.factIndicator, value: `${ind.id}${SEP}${truncate(ind.name, 90)}` },
      { title: s.factPeriod, value: formatPeriodLong(r.period, c.lang) },
      { title: s.factValue, value: formatValue(r.value, ind.unit, c.lang) },
      { title: s.factVersion, value: r.version > 1 ? s.versionCorrection(r.version) : s.versionFirst },
      { title: s.factAuthor, value: esc(r.author.name) },
      { title: s.factWhen, value: instantText(r.reportedAt, c.lang) },
      { title: s.factReview, value: s.reviewState[r.review ?? 'aprobado'] },
      ...(c.figures
        ? [
            {
              title: s.factProgressNow(c.figures.year),
              value: `${statusEmoji(c.figures)} ${formatPercent(c.figures.progress, c.lang)}`,
            },
          ]
        : []),
    ],
    texts,
    notesHeading: s.notesHeading,
    notes: [...(c.notes ?? [])],
    actions: [{ title: s.btnSeeIndicator(ind.id), data: showIndicator(ind.id) }],
  };
  return renderCard('report-confirmation', view);
}

// --- Owners and admins ----------------------------------------------------------------------------

/** An owner's line: the name (or «responsable por confirmar»), with the e-mail for admins only. */
function personLine(p: Person, lang: Lang, showEmail: boolean): string {
  const name = esc(ownerName(p, lang));
  return showEmail && p.email ? `${name} (${esc(p.email)})` : name;
}

export function ownersCard(o: {
  lang: Lang;
  indicator: Indicator;
  /** The plan whose owners these are (its short name goes in the title). */
  plan: Pick<Plan, 'name' | 'period'>;
  owners: readonly Person[];
  note?: string | null;
  noteColor?: string;
  /** The owners' e-mail addresses under their names (admins); others read names only. */
  showEmail?: boolean;
}): CardJson {
  const s = reportStrings(o.lang);
  return renderCard('owners', {
    title: s.ownersTitle(o.indicator.id, planShortName(o.plan)),
    subtitle: truncate(o.indicator.name, 160),
    note: o.note ?? null,
    noteColor: o.noteColor ?? 'good',
    rows: o.owners.map((p) => ({
      text: `**${esc(ownerName(p, o.lang))}**`,
      sub: o.showEmail && p.email ? esc(p.email) : null,
    })),
    empty: o.owners.length ? null : s.ownersNone,
    actions: [
      { title: s.btnSeeIndicator(o.indicator.id), data: showIndicator(o.indicator.id) },
      { title: s.formTitle, data: reportStart(o.indicator.id) },
    ],
  });
}

export function allOwnersCard(o: {
  lang: Lang;
  plan: Plan;
  owners: (id: string) => readonly Person[];
  /** As ownersCard's. */
  showEmail?: boolean;
}): CardJson {
  const s = reportStrings(o.lang);
  const all = o.plan.objectives.flatMap((x) => x.indicators);
  const withOwner = all.filter((i) => o.owners(i.id).length > 0).length;
  return renderCard('owners', {
    title: s.allOwnersTitle(planShortName(o.plan)),
    subtitle: s.allOwnersIntro(withOwner, all.length),
    note: null,
    noteColor: 'default',
    rows: all.map((i) => {
      const names = o.owners(i.id).map((p) => personLine(p, o.lang, !!o.showEmail));
      return {
        text: `**${i.id}**${SEP}${truncate(i.name, 70)}`,
        sub: names.length ? joinList(names, o.lang) : `${s.noOwnerRow}${i.area ? ` (${i.area})` : ''}`,
      };
    }),
    empty: null,
    actions: [],
  });
}

export function adminsCard(o: {
  lang: Lang;
  configured: readonly string[];
  added: readonly Person[];
  note?: string | null;
  noteColor?: string;
  names?: NameBook;
}): CardJson {
  const s = reportStrings(o.lang);
  const rows = [
    // PEI_ADMINS holds ids or e-mails: a person is shown by the name kept when they were last seen.
    ...o.configured.map((k) => ({ text: esc(personName(k, undefined, o.names, o.lang)), sub: s.adminsConfigured })),
    ...o.added.map((p) => ({
      text: `**${esc(p.name)}**`,
      sub: `${s.adminsAdded}${p.email ? ` · ${esc(p.email)}` : ''}`,
    })),
  ];
  return renderCard('owners', {
    title: s.adminsTitle,
    subtitle: null,
    note: o.note ?? null,
    noteColor: o.noteColor ?? 'good',
    rows,
    empty: rows.length ? null : s.auditNone,
    actions: [],
  });
}

// --- Audit ----------------------------------------------------------------------------------------

/** The `after` of a report.approve / report.return entry: the version's id and its new state (store/rules.ts). */
function reviewOfEntry(e: AuditEntry): { id: string; reviewNote?: string } | undefined {
  if (e.action !== 'report.approve' && e.action !== 'report.return') return undefined;
  const after = e.after as { id?: unknown; reviewNote?: unknown } | null;
  if (!after || typeof after !== 'object' || typeof after.id !== 'string') return undefined;
  return { id: after.id, reviewNote: typeof after.reviewNote === 'string' ? after.reviewNote : undefined };
}

function isReport(x: unknown): x is ReportRecord {
  return (
    !!x &&
    typeof x === 'object' &&
    typeof (x as ReportRecord).indicatorId === 'string' &&
    typeof (x as ReportRecord).value === 'number'
  );
}

function isPeople(x: unknown): x is Person[] {
  return Array.isArray(x);
}

function isPerson(x: unknown): x is Person {
  return !!x && typeof x === 'object' && typeof (x as Person).id === 'string' && typeof (x as Person).name === 'string';
}

export function auditLogCard(a: {
  lang: Lang;
  plan: Plan;
  entries: readonly AuditEntry[];
  total: number;
  indicatorId?: string;
  names?: NameBook;
}): CardJson {
  const s = reportStrings(a.lang);
  const lang = a.lang;
  const unitOf = new Map(a.plan.objectives.flatMap((o) => o.indicators.map((i) => [i.id, i.unit] as const)));
  const nameOf = new Map(a.plan.objectives.flatMap((o) => o.indicators.map((i) => [i.id, i.name] as const)));
  /** A target as a person reads it: «4263 · Portal…», «4263 · jun. 2025», never «owner:4263» or an id. */
  const readableTarget = (target: string): string => {
    const [kind, id = '', period] = target.split(':');
    if ((kind === 'report' || kind === 'owner') && nameOf.has(id))
      return period
        ? `${id}${SEP}${formatPeriodLong(period, lang)}`
        : `${id}${SEP}${esc(truncate(nameOf.get(id)!, 60))}`;
    if (kind === 'subscription') return conversationName(target.slice('subscription:'.length), a.names, lang);
    if (kind === 'admin') return esc(personName(target.slice('admin:'.length), undefined, a.names, lang));
    return looksLikeId(target) ? s.auditNone : esc(target);
  };
  const rows = [...a.entries].reverse().map((e) => {
    const action = s.auditActions[e.action] ?? e.action;
    let subject = readableTarget(e.target);
    let change: string | null = null;
    const review = reviewOfEntry(e);
    if (review) {
      // A review changes the state, not the value: which version, and a return's reason (the store's ReviewAfter).
      const [id, period, v] = review.id.split(':');
      if (id && period && v) subject = `${id}${SEP}${formatPeriodLong(period, lang)}${SEP}${v}`;
      change = review.reviewNote ? s.auditReason(esc(truncate(review.reviewNote, 300))) : null;
    } else if (isReport(e.after)) {
      const unit = unitOf.get(e.after.indicatorId) ?? 'number';
      subject = `${e.after.indicatorId}${SEP}${formatPeriodLong(e.after.period, lang)}${SEP}v${e.after.version}`;
      const before = isReport(e.before) ? formatValue(e.before.value, unit, lang) : '—';
      change = `${before} → ${formatValue(e.after.value, unit, lang)}${e.after.author && e.after.author.id !== e.actor.id ? `${SEP}${esc(e.after.author.name)}` : ''}`;
    } else if (e.action === 'owners.set') {
      const names = (x: unknown) => (isPeople(x) && x.length ? x.map((p) => esc(p.name)).join(', ') : s.auditNone);
      change = `${names(e.before)} → ${names(e.after)}`;
    } else if (e.action.startsWith('admin.')) {
      const p = isPerson(e.after) ? e.after : isPerson(e.before) ? e.before : undefined;
      subject = esc(personName(p?.id ?? e.target.replace(/^admin:/, ''), p?.name, a.names, lang));
    } else if (e.action.startsWith('subscription.')) {
      // The conversation by its name (a channel with its team), never its id ("19:…@thread.tacv2").
      subject = conversationName(e.target.replace(/^subscription:/, ''), a.names, lang);
    }
    return {
      heading: `**${action}**${SEP}${subject}`,
      byline: `${esc(personName(e.actor.id, e.actor.name, a.names, lang))}${SEP}${instantText(e.at, lang)}`,
      change,
    };
  });
  return renderCard('audit-log', {
    title: a.indicatorId ? s.auditTitleFor(a.indicatorId) : s.auditTitle,
    intro: a.entries.length ? s.auditIntro(a.entries.length, a.total) : s.auditEmpty,
    rows,
    actions: a.indicatorId ? [{ title: s.btnSeeIndicator(a.indicatorId), data: showIndicator(a.indicatorId) }] : [],
  });
}
