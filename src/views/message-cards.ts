import type { Indicator } from '../domain/plan';
import type { PlanFigures } from '../progress/engine';
import { formatPercent, statusEmoji, statusLabel, truncate, type CardColor, type Lang } from './format';
import { catalog, strings } from '../i18n';
import { renderCard, type CardJson } from './render';
import { escapeMarkdown } from './escape';
import { ask, showIndicator, showObjective, showPlan, type CardActionData } from './verbs';
import { type ViewContext, type ActionView, MAX_CHOICES, SEP, objectiveName, listHeading } from './card-parts';

/** Short messages (cards/message.json) and the choices offered when a question is not precise enough. */

// --- Choosing among indicators --------------------------------------------------------------------

/** When free words match several indicators: one button per indicator. */
export function chooseIndicatorCard(indicators: readonly Indicator[], query: string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const shown = indicators.slice(0, MAX_CHOICES);
  const view = {
    title: s.chooseTitle(indicators.length, truncate(query, 60)),
    question: s.chooseQuestion,
    options: shown.map((ind) => ({
      heading: listHeading(ind),
      sub: objectiveName(ind.objective, ctx, s),
      buttonTitle: s.btnView,
      actionTitle: s.btnSeeIndicator(ind.id),
      action: showIndicator(ind.id),
    })),
    more: indicators.length > shown.length ? s.chooseMore(indicators.length - shown.length) : null,
    actions: [{ title: s.btnSeePlan, data: showPlan() }],
  };
  return renderCard('choose-indicator', view);
}

// --- Simple messages ------------------------------------------------------------------------------

export interface MessageRowView {
  text: string;
  sub?: string | null;
  action: CardActionData;
  actionTitle?: string;
}

export interface MessageView {
  title?: string | null;
  text: string;
  /** Colour of the title: 'attention' for errors, 'good' for confirmations. */
  color?: CardColor;
  facts?: { title: string; value: string }[];
  /** Tappable rows (e.g. the objectives that exist). */
  rows?: MessageRowView[];
  actions?: ActionView[];
}

/** A short message with optional facts, tappable rows and buttons (cards/message.json). */
export function messageCard(m: MessageView): CardJson {
  const view = {
    title: m.title ?? null,
    color: m.color ?? 'default',
    text: m.text,
    facts: m.facts && m.facts.length ? m.facts : null,
    rows: (m.rows ?? []).map((r) => ({
      text: r.text,
      sub: r.sub ?? null,
      action: r.action,
      actionTitle: r.actionTitle ?? r.text,
    })),
    actions: (m.actions ?? []).slice(0, 6),
  };
  return renderCard('message', view);
}

export function notUnderstoodCard(text: string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  return messageCard({
    title: s.notUnderstoodTitle,
    text: s.notUnderstoodText(escapeMarkdown(truncate(text, 80))),
    actions: s.notUnderstoodExamples.map((e) => ({ title: e, data: ask(e) })),
  });
}

export function unknownObjectiveCard(n: number | string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const objectives = ctx.plan?.objectives ?? [];
  const count = objectives.length || 10;
  return messageCard({
    title: s.unknownObjectiveTitle(escapeMarkdown(truncate(String(n), 20))),
    text: s.unknownObjectiveText(count),
    rows: objectives.map((o) => ({
      text: `**${o.number}**${SEP}${o.shortName}`,
      action: showObjective(o.number),
      actionTitle: s.btnSeeObjective(o.number),
    })),
    actions: objectives.length
      ? [{ title: s.btnWholePlan, data: showPlan() }]
      : [
          { title: s.btnSeeObjective(1), data: showObjective(1) },
          { title: s.btnSeeObjective(count), data: showObjective(count) },
          { title: s.btnWholePlan, data: showPlan() },
        ],
  });
}

/** A subject the bot has no data on («presupuesto»): it says so, and what it can answer instead. */
export function outOfScopeCard(topic: string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  return messageCard({
    title: s.outOfScopeTitle,
    text: s.outOfScopeText(truncate(topic, 40)),
    actions: s.notUnderstoodExamples.map((e) => ({ title: e, data: ask(e) })),
  });
}

/**
 * «¿cómo va el objetivo?» without a number: the objectives to pick from, each with its semáforo and progress when
 * the figures are given.
 */
export function chooseObjectiveCard(ctx: ViewContext, figures?: PlanFigures): CardJson {
  const s = strings(ctx.lang);
  const objectives = ctx.plan?.objectives ?? [];
  return messageCard({
    title: s.chooseObjectiveTitle,
    text: s.chooseObjectiveText(objectives.length),
    rows: objectives.map((o) => {
      const f = figures?.objectives.find((x) => x.objective.number === o.number);
      return {
        text: `${f ? `${statusEmoji(f)} ` : ''}**${o.number}**${SEP}${o.shortName}`,
        sub: f ? `${statusLabel(f, ctx.lang)}${SEP}${s.annualProgress} ${formatPercent(f.progress, ctx.lang)}` : null,
        action: showObjective(o.number),
        actionTitle: s.btnSeeObjective(o.number),
      };
    }),
    actions: [{ title: s.btnWholePlan, data: showPlan() }],
  });
}

export function unknownIndicatorCard(id: string, ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  return messageCard({
    title: s.unknownIndicatorTitle(escapeMarkdown(truncate(id, 40))),
    text: s.unknownIndicatorText,
    actions: [
      { title: s.examples.search.text, data: ask(s.examples.search.text) },
      { title: s.btnWholePlan, data: showPlan() },
      { title: s.btnHelp, data: ask(s.btnHelp.toLowerCase()) },
    ],
  });
}

/** An Action.Execute (Universal Action) whose verb the bot does not know: the card that replaces the tapped one. */
export function actionUnavailableCard(verb: string, lang: Lang): CardJson {
  const s = strings(lang);
  const shown = truncate(verb, 40);
  return messageCard({
    title: catalog(lang).replies.actionUnavailableTitle,
    color: 'attention',
    text: catalog(lang).replies.actionUnavailableText(shown ? escapeMarkdown(shown) : null),
    actions: [
      { title: s.btnWholePlan, data: showPlan() },
      { title: s.btnHelp, data: ask(s.btnHelp.toLowerCase()) },
    ],
  });
}
