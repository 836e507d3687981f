import { bogotaDate } from '../calendar';
import { versionAt } from '../plan/versions';
import { messageCard } from '../views/message-cards';
import { changeLines } from '../views/plan-versions';
import { catalog, formatDate, reportStrings } from '../i18n';
import { isAdmin } from './roles';
import type { ChatModule, IntentHandler } from './router';
import { reply } from './types';

/**
 * «versiones del plan» / «plan versions» (admins): each version of the plan with the date it took effect, the act it
 * cites, who imported it and what it changed; the one in force today marked. The versions are imported with
 * `npm run cli -- plan import` (docs/operacion.md).
 */
export const planVersions: IntentHandler = async (services, turn) => {
  const s = reportStrings(turn.lang);
  const t = catalog(turn.lang).plan;
  if (!(await isAdmin(services, turn.actor)))
    return reply.card(
      messageCard({ title: s.adminOnlyTitle, text: s.adminOnlyText, color: 'warning' }),
      s.adminOnlyTitle,
    );
  const versions = await services.status.versions();
  const current = versionAt(versions, bogotaDate(turn.now)).current.version;
  const facts = versions.map((v) => ({
    title: t.chatFact(v.version, formatDate(v.effective, turn.lang), v.version === current),
    value: t.chatValue(
      v.reason ?? t.firstVersion,
      v.by?.name ?? '—',
      changeLines(v.changes, v.plan, turn.lang)
        .map((l) => l.replace(/^\s*·\s*/, ''))
        .join('; '),
    ),
  }));
  const title = t.versionsHeading(services.status.plan.name);
  return reply.card(messageCard({ title, text: t.chatText, facts }), title);
};

export const planVersionsModule: ChatModule = { intents: { 'plan-versions': planVersions } };
