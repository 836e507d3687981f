import { DateTime } from 'luxon';
import { bogotaDate, daysBetween, lastClosedPeriod, ZONE } from '../calendar';
import { personalConversationOf } from '../digest/run';
import { manualReminderKey, remindersPreview, type Reminder } from '../digest/reminders';
import { digestStrings, formatDate, formatPeriodLong, joinList, reportStrings } from '../i18n';
import { messageCard } from '../views/message-cards';
import { ask } from '../views/verbs';
import { planSentKey } from '../domain/owners';
import { planHoldsYear, planShortName } from '../domain/plan';
import { isAdmin, planOwners } from './roles';
import type { ChatModule, IntentHandler } from './module';
import { reply, type ChatResult, type ChatTurn, type Services } from './types';

/**
 * The owners' reminders, for the planning office (admins only):
 * - «recordatorios» / «reminders»: the month being collected, its deadline, the days reminders are still scheduled
 *   on, and each owner with indicators not yet reported, saying whether they can be reached (a personal chat with
 *   the bot) — the same rules the scheduled reminders follow (digest/reminders.ts).
 * - «enviar recordatorios ahora» / «send reminders now»: one reminder per owner now, to those with a chat, each
 *   claimed in the sent log before delivery (never twice for one request); the answer counts what was really
 *   delivered, who could not be reached and what failed. The scheduled reminders still go out on their days.
 */

const MAX_OWNERS_SHOWN = 15;

function adminOnly(turn: ChatTurn): ChatResult {
  const s = reportStrings(turn.lang);
  return reply.card(
    messageCard({ title: s.adminOnlyTitle, text: s.adminOnlyText, color: 'warning' }),
    s.adminOnlyTitle,
  );
}

/**
 * The plan whose owners are reminded of the month being collected: the turn's, when that month is in its years;
 * else the plan in force in that month (December 2027's reports, collected in January 2028, are the first PEI's).
 */
async function planOfMonth(services: Services, today: string): Promise<Services['plan']> {
  const month = lastClosedPeriod(today);
  if (planHoldsYear(services.plan, Number(month.slice(0, 4))) || !services.plans) return services.plan;
  return (await services.plans.inForce(`${month}-01`)).plan;
}

async function previewOf(services: Services, turn: ChatTurn) {
  const today = bogotaDate(turn.now);
  const plan = await planOfMonth(services, today);
  const preview = remindersPreview(
    today,
    plan,
    await services.store.latestReports(),
    await planOwners({ plan, store: services.store }),
    services.config.reminderDays,
  );
  const conversations = await services.store.conversations({ scope: 'personal' });
  const owners = preview.owners.map((o) => ({ ...o, chat: personalConversationOf(conversations, o.owner) }));
  return { today, plan, preview, owners };
}

async function previewReminders(services: Services, turn: ChatTurn): Promise<ChatResult> {
  if (!(await isAdmin(services, turn.actor))) return adminOnly(turn);
  const d = digestStrings(turn.lang);
  const { plan, preview, owners } = await previewOf(services, turn);
  const period = formatPeriodLong(preview.period, turn.lang);
  const deadline = formatDate(preview.deadline, turn.lang);
  const title = d.remindersTitle(period, planShortName(plan));
  if (!preview.open)
    return reply.card(
      messageCard({ title, text: d.remindersClosed(period, deadline, formatDate(preview.nextFrom, turn.lang)) }),
      title,
    );
  const days = preview.days.length
    ? joinList(
        preview.days.map((x) => formatDate(x, turn.lang)),
        turn.lang,
      )
    : null;
  const lines = [d.remindersOpen(deadline, days)];
  if (!owners.length) lines.push(d.remindersNonePending(period));
  if (preview.unassigned.length) lines.push(d.remindersUnassigned(preview.unassigned.map((i) => i.id).join(', ')));
  const shown = owners.slice(0, MAX_OWNERS_SHOWN);
  return reply.card(
    messageCard({
      title,
      text: lines.join('\n\n'),
      facts: shown.map((o) => ({
        title: o.owner.name,
        value: d.remindersOwnerValue(o.indicators.map((i) => i.id).join(', '), !!o.chat),
      })),
      actions: owners.some((o) => o.chat) ? [{ title: d.remindersSendButton, data: ask(d.remindersSendCommand) }] : [],
    }),
    title,
  );
}

const sendReminders: IntentHandler = async (services, turn) => {
  if (!(await isAdmin(services, turn.actor))) return adminOnly(turn);
  const d = digestStrings(turn.lang);
  const { today, plan, preview, owners } = await previewOf(services, turn);
  const period = formatPeriodLong(preview.period, turn.lang);
  if (!preview.open || !owners.length) return previewReminders(services, turn);
  const deliver = services.deliver;
  if (!deliver)
    return reply.card(
      messageCard({
        title: d.remindersTitle(period, planShortName(plan)),
        text: d.remindersCannotSend,
        color: 'attention',
      }),
    );
  const stamp = DateTime.fromJSDate(turn.now, { zone: ZONE }).toFormat("yyyyMMdd'T'HHmmss");
  const at = turn.now.toISOString();
  const outcomes = await Promise.all(
    owners.map(async (o): Promise<'sent' | 'no-chat' | 'failed' | 'claimed'> => {
      if (!o.chat) return 'no-chat';
      const daysLeft = daysBetween(today, preview.deadline);
      const reminder: Reminder = {
        key: planSentKey(manualReminderKey(preview.period, stamp, o.owner), plan.id),
        period: preview.period,
        deadline: preview.deadline,
        daysLeft,
        offset: daysLeft,
        owner: o.owner,
        indicators: o.indicators,
      };
      const detail = {
        kind: 'reminder',
        manual: true,
        by: turn.actor.id,
        conversationKey: o.chat.key,
        ownerId: o.owner.id,
        period: preview.period,
        indicators: o.indicators.map((i) => i.id),
      };
      try {
        // Claimed already: the same request arrived twice (a double tap); the first one sends it.
        if (!(await services.store.claimSend({ key: reminder.key, at, detail }))) return 'claimed';
      } catch {
        return 'failed';
      }
      let sent = false;
      try {
        sent =
          (await deliver({ kind: 'reminder', key: reminder.key, conversation: o.chat, reminder })).status === 'sent';
      } catch {
        sent = false;
      }
      if (!sent) await services.store.releaseSend(reminder.key).catch(() => undefined);
      return sent ? 'sent' : 'failed';
    }),
  );
  const count = (x: string) => outcomes.filter((y) => y === x).length;
  const noChat = owners.filter((o) => !o.chat).map((o) => o.owner.name);
  const failed = count('failed');
  const text = [d.remindersSentText(count('sent'), noChat.length, failed)];
  if (noChat.length) text.push(d.remindersNoChatList(joinList(noChat, turn.lang)));
  const title = d.remindersSentTitle(period);
  return reply.card(
    messageCard({ title, text: text.join('\n\n'), color: failed || noChat.length ? 'warning' : 'good' }),
    title,
  );
};

export const remindersModule: ChatModule = {
  intents: {
    reminders: (services, turn, u) =>
      u.remindersAction === 'send' ? sendReminders(services, turn, u) : previewReminders(services, turn),
  },
};
