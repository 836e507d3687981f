import type { Indicator } from '../domain/plan';
import type { IndicatorFigures } from '../progress/engine';
import type { IsoDate, Period } from '../calendar';
import { formatDate, formatPercent, formatPeriodLong, joinList, mineStrings, strings, truncate } from '../i18n';
import { statusColor, statusText, type CardColor, type Lang } from './format';
import type { ViewContext } from './card-parts';
import { messageCard } from './message-cards';
import { renderCard, type CardJson } from './render';
import { escapeMarkdown } from './escape';
import { ask, reportStart, showIndicator, showPlan, type CardActionData } from './verbs';

/** «Mis indicadores»: an owner's indicators with status, the month due and its deadline, and a report button. */

/** Where an owned indicator stands on its reporting calendar (chat/mine.ts reads it from the compliance rules). */
export type DueState =
  /** The month that last closed has no report and its deadline is ahead (today included). */
  | { kind: 'due'; period: Period; deadline: IsoDate }
  /** The month that last closed has no report and its deadline passed. */
  | { kind: 'overdue'; period: Period; deadline: IsoDate }
  /** The month that last closed is reported; `next` is the month in progress (when it expects a report). */
  | { kind: 'reported'; period: Period; next?: { period: Period; deadline: IsoDate } }
  /** No target in the year: no report expected. */
  | { kind: 'no-target'; year: number };

export interface OwnedIndicatorView {
  indicator: Indicator;
  figures: IndicatorFigures;
  due: DueState;
  /** Earlier months of the year whose deadline passed without a report. */
  missing: Period[];
  canReport: boolean;
}

export interface MyIndicatorsView {
  lang: Lang;
  year: number;
  asOf: IsoDate;
  items: OwnedIndicatorView[];
}

/** Characters kept of an indicator's name on the list. */
const MAX_NAME = 90;

/** The line that says the month due and its deadline ("Por reportar: junio de 2025, plazo hasta el 7 de julio de 2025"). */
export function dueText(due: DueState, lang: Lang): string {
  const m = mineStrings(lang);
  switch (due.kind) {
    case 'due':
      return m.dueLine(formatPeriodLong(due.period, lang), formatDate(due.deadline, lang));
    case 'overdue':
      return m.overdueLine(formatPeriodLong(due.period, lang), formatDate(due.deadline, lang));
    case 'reported':
      return due.next
        ? m.reportedLine(
            formatPeriodLong(due.period, lang),
            formatPeriodLong(due.next.period, lang),
            formatDate(due.next.deadline, lang),
          )
        : m.reportedOnlyLine(formatPeriodLong(due.period, lang));
    case 'no-target':
      return m.noTargetLine(due.year);
  }
}

function dueColor(due: DueState): CardColor {
  return due.kind === 'overdue' ? 'attention' : 'default';
}

/** Status and progress of the year ("🟢 Al día · 78,5 %"). */
export function statusLine(f: IndicatorFigures, lang: Lang): string {
  return f.progress === null ? statusText(f, lang) : `${statusText(f, lang)} · ${formatPercent(f.progress, lang)}`;
}

export function myIndicatorsCard(view: MyIndicatorsView, ctx: Pick<ViewContext, 'lang'>): CardJson {
  const lang = ctx.lang;
  const m = mineStrings(lang);
  const s = strings(lang);
  const rows = view.items.map((it) => {
    const ind = it.indicator;
    const action: CardActionData = showIndicator(ind.id);
    return {
      heading: `**${ind.id}** · ${escapeMarkdown(truncate(ind.name, MAX_NAME))}`,
      status: statusLine(it.figures, lang),
      statusColor: statusColor(it.figures),
      due: dueText(it.due, lang),
      dueColor: dueColor(it.due),
      missing: it.missing.length
        ? m.missingMonths(
            it.missing.length,
            joinList(
              it.missing.map((p) => formatPeriodLong(p, lang)),
              lang,
            ),
          )
        : null,
      action,
      actionTitle: m.btnOpen,
      report: it.canReport ? { title: m.btnReport, data: reportStart(ind.id) } : null,
    };
  });
  return renderCard('my-indicators', {
    title: m.title,
    intro: m.intro(view.items.length, view.year, formatDate(view.asOf, lang)),
    rows,
    actions: [{ title: s.btnWholePlan, data: showPlan() }],
  });
}

/** For someone who owns no indicator: who assigns them (admins are told what they may do instead). */
export function nobodyOwnsCard(lang: Lang, admin: boolean): CardJson {
  const m = mineStrings(lang);
  return messageCard({
    title: m.nobodyTitle,
    text: admin ? m.nobodyAdminText : m.nobodyText,
    actions: [{ title: m.btnHelp, data: ask(m.helpQuery) }],
  });
}
