import type { Plan } from '../domain/plan';
import { strings, type Example, type Strings } from '../i18n';
import { renderCard, type CardJson } from './render';
import { ask, showLagging, showPlan, type CardActionData } from './verbs';
import { type ViewContext, type ActionView, SEP, reportAction, reviewAction } from './card-parts';
import { messageCard } from './message-cards';

/** The welcome, the help, the greeting and the mission and vision: what the bot is and what to ask it. */

// --- Help and welcome -----------------------------------------------------------------------------

interface ExampleView {
  text: string;
  action: CardActionData;
}

function exampleView(e: Example): ExampleView {
  return { text: `**${e.text}**${SEP}${e.hint}`, action: ask(e.text) };
}

function mainButtons(ctx: ViewContext, s: Strings): ActionView[] {
  return [
    { title: s.btnSeePlan, data: showPlan() },
    { title: s.btnLagging, data: showLagging() },
    ...reportAction(ctx, s),
  ];
}

/** Who asks for help, and where: the help fits the person's role and the conversation. */
export type HelpRole = 'official' | 'owner' | 'admin';
export type HelpScope = 'personal' | 'groupChat' | 'channel';

/** «suscribir resumen semanal» with the hint of this conversation («en este canal» only in a channel). */
function subscribeExample(s: Strings, scope: HelpScope): Example {
  return { text: s.examples.subscribe.text, hint: s.subscribeHint[scope] };
}

/** The welcome when the app is installed in a chat or a team (Spanish unless ctx says English). */
export function welcomeCard(ctx: ViewContext, scope: HelpScope = 'channel'): CardJson {
  const s = strings(ctx.lang);
  const ex = { ...s.examples, subscribe: subscribeExample(s, scope) };
  const indicators = ctx.plan ? ctx.plan.objectives.reduce((n, o) => n + o.indicators.length, 0) : null;
  const view = {
    title: s.welcomeTitle,
    intro: s.welcomeIntro(ctx.plan ? ctx.plan.objectives.length : null, indicators),
    examplesHeading: s.examplesHeading,
    hint: s.tapExampleHint,
    examples: [ex.objective, ex.indicator, ex.lagging, ex.plan, ex.report, ex.subscribe].map(exampleView),
    notes: [{ text: s.ownersNote }, { text: s.adminsNote }, { text: s.languageNote }],
    actions: mainButtons(ctx, s),
  };
  return renderCard('welcome', view);
}

/**
 * The help, by role and by conversation: everyone may ask about the plan and subscribe the conversation to the
 * digest; owners (and admins) report; admins also get the planning office's commands (review, assign, audit,
 * reminders, send the digest now, export). «asignar responsable» shows the e-mail form in a personal chat (nobody
 * to @mention there), and the digest's hint names this conversation.
 */
export function helpCard(
  ctx: ViewContext,
  who: { role: HelpRole; scope: HelpScope } = { role: 'official', scope: 'channel' },
): CardJson {
  const s = strings(ctx.lang);
  const ex = s.examples;
  const ask = [ex.objective, ex.indicator, ex.search, ex.lagging, ex.plan, ex.explain, ex.mission];
  const sections = [{ title: s.helpSectionAsk, examples: who.role === 'official' ? [...ask, ex.compliance] : ask }];
  if (who.role !== 'official')
    sections.push({ title: s.helpSectionReport, examples: [ex.report, ex.mine, ex.compliance] });
  if (who.role === 'admin')
    sections.push({
      title: s.helpSectionAdmin,
      examples: [
        ex.review,
        who.scope === 'personal' ? s.assignPersonal : ex.assign,
        ex.owners,
        ex.audit,
        ex.reminders,
        ex.sendDigestNow,
        ex.exportFollowUp,
        ex.admins,
      ],
    });
  sections.push({ title: s.helpSectionDigest, examples: [subscribeExample(s, who.scope), ex.unsubscribe] });
  const notes =
    who.role === 'admin'
      ? [s.adminHelpNote, s.languageNote]
      : who.role === 'owner'
        ? [s.ownersNote, s.languageNote]
        : [s.ownersNote, s.adminsNote, s.languageNote];
  const view = {
    title: s.helpTitle,
    intro: s.helpIntro,
    sections: sections.map((x) => ({ title: x.title, examples: x.examples.map(exampleView) })),
    notes: notes.map((text) => ({ text })),
    actions: [...mainButtons(ctx, s), ...reviewAction(ctx, s)],
  };
  return renderCard('help', view);
}

// --- Mission and vision ---------------------------------------------------------------------------

export function missionVisionCard(plan: Plan, which: 'mission' | 'vision' | 'both', ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  const sections: { heading: string; text: string }[] = [];
  if (which !== 'vision') sections.push({ heading: s.mission, text: plan.mission });
  if (which !== 'mission') sections.push({ heading: s.vision, text: plan.vision });
  const norms = plan.legalBasis.map((b) => (b.article ? `${b.norm}, ${s.article(b.article)}` : b.norm)).join('; ');
  const view = {
    title: which === 'both' ? s.missionAndVision : which === 'mission' ? s.mission : s.vision,
    entity: plan.entity,
    sections,
    note: s.officialTextNote,
    legal: norms ? s.legalBasis(norms) : null,
    actions: [
      { title: s.btnSeePlan, data: showPlan() },
      { title: s.btnHelp, data: ask(s.btnHelp.toLowerCase()) },
    ],
  };
  return renderCard('mission-vision', view);
}

/** «hola» / «gracias»: a short friendly answer with the main buttons (not the whole help card). */
export function greetingCard(kind: 'hello' | 'thanks', ctx: ViewContext): CardJson {
  const s = strings(ctx.lang);
  return messageCard({
    text: kind === 'thanks' ? s.thanksText : s.helloText,
    actions: [...mainButtons(ctx, s), { title: s.btnHelp, data: ask(s.btnHelp.toLowerCase()) }],
  });
}
