import type { Understanding } from '../language/types';
import type { Person } from '../domain/records';
import { ownersKey, ownersOfPlan } from '../domain/owners';
import { planShortName } from '../domain/plan';
import { personFromEmail, personKeys, personOf, samePerson } from '../reports/ownership';
import { findIndicator } from '../reports/validate';
import { messageCard, unknownIndicatorCard } from '../views/message-cards';
import { adminsCard, allOwnersCard, auditLogCard, ownersCard } from '../views/report-cards';
import { reportStrings } from '../i18n';
import { joinList } from '../views/format';
import { viewContext } from './ask';
import { isAdmin } from './roles';
import { nameBook } from './names';
import type { ChatModule, IntentHandler } from './router';
import { reply, type Actor, type ChatResult, type ChatTurn, type Services } from './types';

/**
 * The planning office's commands. Admins are PEI_ADMINS plus those added by admins; users are identified by their
 * Teams AAD object id (a mention is resolved to it through Teams' member API), their Teams id, or their e-mail.
 * - "asignar responsable 4263 @Ana" / "… ana.perez@…" (adds an owner; an indicator may have several),
 *   "quitar responsable 4263 @Ana" (removes one) — admins only; answers with the indicator's owners.
 * - "responsables" / "owners": every indicator and its owners (anyone may see who is in charge).
 * - "agregar administrador @X", "quitar administrador @X", "administradores" — admins only.
 * - "auditoría" (the last 20 changes), "auditoría 4263" (that indicator's reports and owner changes) — admins only.
 */

export const AUDIT_LIMIT = 20;

const REMOVE_WORDS = new Set([
  'quitar',
  'quita',
  'quitale',
  'remover',
  'remueve',
  'eliminar',
  'elimina',
  'retirar',
  'retira',
  'desasignar',
  'sacar',
  'revocar',
  'remove',
  'unassign',
  'delete',
  'revoke',
]);

function words(u: Understanding): string[] {
  return u.text.split(/\s+/).filter(Boolean);
}

function adminOnly(turn: ChatTurn): ChatResult {
  const s = reportStrings(turn.lang);
  return reply.card(
    messageCard({ title: s.adminOnlyTitle, text: s.adminOnlyText, color: 'warning' }),
    s.adminOnlyTitle,
  );
}

function say(turn: ChatTurn, text: string, color: 'attention' | 'warning' | 'default' = 'default'): ChatResult {
  return reply.card(messageCard({ text, color }));
}

/**
 * The people a message names: its Teams mentions and an e-mail. A Teams mention carries the Teams id ("29:…") and
 * the name only, so mentions are looked up in Teams' directory first (turn.resolvePeople): the stored person then
 * has the AAD object id as id, the e-mail and the Teams id, and is recognised by any of them when they report.
 * Where the directory cannot answer, the Teams id is the id.
 */
async function namedPeople(turn: ChatTurn, u: Understanding): Promise<Person[]> {
  // Named by e-mail: Teams is asked for that person's name too (others see the name, never the address).
  const named: Actor[] = u.email ? [...turn.mentions, personFromEmail(u.email)] : turn.mentions;
  const mentioned = named.length && turn.resolvePeople ? await turn.resolvePeople(named) : named;
  const out: Person[] = mentioned.map((m) => {
    const person: Person = { id: m.aadObjectId ?? m.id, name: m.name };
    if (m.email) person.email = m.email.toLowerCase();
    if (m.teamsId && m.teamsId !== person.id) person.teamsId = m.teamsId;
    return person;
  });
  return out.filter((p, i) => out.findIndex((q) => samePerson(p, q)) === i);
}

function nobodyNamed(turn: ChatTurn, u: Understanding, indicatorId?: string): ChatResult {
  const s = reportStrings(turn.lang);
  if (turn.scope === 'personal' && indicatorId) {
    const notMention = u.mentionsText ? `${s.notAMention(u.mentionsText.slice(0, 60))} ` : '';
    return say(turn, `${notMention}${s.assignByEmailPersonal(indicatorId)}`, 'warning');
  }
  return say(turn, u.mentionsText ? s.mentionWithoutId(u.mentionsText.slice(0, 60)) : s.assignWhom, 'warning');
}

const names = (people: readonly Person[], turn: ChatTurn) =>
  joinList(
    people.map((p) => p.name),
    turn.lang,
  );

export const assignOwner: IntentHandler = async (services, turn, u) => {
  const s = reportStrings(turn.lang);
  if (!(await isAdmin(services, turn.actor))) return adminOnly(turn);
  const id = u.indicatorId ?? (u.indicatorIds?.length === 1 ? u.indicatorIds[0] : undefined);
  if (!id)
    return say(
      turn,
      turn.scope === 'personal' && !turn.mentions.length && !u.email
        ? s.assignByEmailPersonal('4263')
        : s.assignWhichIndicator,
      'warning',
    );
  const ind = findIndicator(services.plan, id);
  if (!ind) return reply.card(unknownIndicatorCard(id, await viewContext(services, turn)));
  const people = await namedPeople(turn, u);
  if (!people.length) return nobodyNamed(turn, u, ind.id);

  // The owners of the turn's plan (the one named, or in force today): a reused id has its own owners in each plan.
  const key = ownersKey(services.plan.id, ind.id);
  const current = [...(await services.store.owners(key))];
  const remove = words(u).some((w) => REMOVE_WORDS.has(w));
  let next: Person[];
  let note: string;
  if (remove) {
    const gone = current.filter((o) => people.some((p) => samePerson(o, p)));
    next = current.filter((o) => !gone.includes(o));
    const missing = people.filter((p) => !gone.some((o) => samePerson(o, p)));
    note = [
      gone.length ? s.ownersRemoved(names(gone, turn)) : '',
      missing.length ? s.ownersNotFound(names(missing, turn)) : '',
    ]
      .filter(Boolean)
      .join(' ');
  } else {
    const fresh = people.filter((p) => !current.some((o) => samePerson(o, p)));
    next = [...current, ...fresh];
    note = fresh.length ? s.ownersAdded(names(fresh, turn)) : s.ownersUnchanged;
  }
  if (next.length !== current.length) {
    await services.store.setOwners(key, next, personOf(turn.actor), turn.now.toISOString());
  }
  return reply.card(
    ownersCard({
      lang: turn.lang,
      indicator: ind,
      plan: services.plan,
      owners: await services.store.owners(key),
      showEmail: true, // an admin's command
      note,
      noteColor: next.length !== current.length ? 'good' : 'warning',
    }),
    s.ownersTitle(ind.id, planShortName(services.plan)),
  );
};

export const auditLog: IntentHandler = async (services, turn, u) => {
  if (!(await isAdmin(services, turn.actor))) return adminOnly(turn);
  const id = u.indicatorId ?? (u.indicatorIds?.length === 1 ? u.indicatorIds[0] : undefined);
  if (id) {
    const ind = findIndicator(services.plan, id);
    if (!ind) return reply.card(unknownIndicatorCard(id, await viewContext(services, turn)));
    const all = [
      ...(await services.store.audit({ target: `report:${ind.id}:` })),
      ...(await services.store.audit({ target: `owner:${ownersKey(services.plan.id, ind.id)}` })),
    ].sort((a, b) => a.seq - b.seq);
    const entries = all.slice(-AUDIT_LIMIT);
    return reply.card(
      auditLogCard({
        lang: turn.lang,
        plan: services.plan,
        entries,
        total: all.length,
        indicatorId: ind.id,
        names: await nameBook(services.store, turn.lang),
      }),
    );
  }
  const total = await services.store.auditCount();
  const entries = await services.store.audit({ limit: AUDIT_LIMIT });
  return reply.card(
    auditLogCard({
      lang: turn.lang,
      plan: services.plan,
      entries,
      total,
      names: await nameBook(services.store, turn.lang),
    }),
  );
};

async function adminsView(services: Services, turn: ChatTurn, note?: string, noteColor?: string): Promise<ChatResult> {
  return reply.card(
    adminsCard({
      lang: turn.lang,
      configured: services.config.admins,
      added: await services.store.admins(),
      note,
      noteColor,
      names: await nameBook(services.store, turn.lang),
    }),
  );
}

async function addAdmins(services: Services, turn: ChatTurn, u: Understanding): Promise<ChatResult> {
  if (!(await isAdmin(services, turn.actor))) return adminOnly(turn);
  const people = await namedPeople(turn, u);
  if (!people.length) return nobodyNamed(turn, u);
  const s = reportStrings(turn.lang);
  for (const p of people) await services.store.addAdmin(p, personOf(turn.actor), turn.now.toISOString());
  return adminsView(services, turn, s.adminAddedNote(names(people, turn)));
}

async function removeAdmins(services: Services, turn: ChatTurn, u: Understanding): Promise<ChatResult> {
  if (!(await isAdmin(services, turn.actor))) return adminOnly(turn);
  const people = await namedPeople(turn, u);
  if (!people.length) return nobodyNamed(turn, u);
  const s = reportStrings(turn.lang);
  const notes: string[] = [];
  for (const p of people) {
    const stored = (await services.store.admins()).filter((a) => samePerson(a, p));
    for (const a of stored) await services.store.removeAdmin(a.id, personOf(turn.actor), turn.now.toISOString());
    if (personKeys(p).some((k) => services.config.admins.includes(k))) notes.push(s.adminIsConfigured(p.name));
    else if (stored.length) notes.push(s.adminRemovedNote(p.name));
    else notes.push(s.adminNotFound(p.name));
  }
  return adminsView(services, turn, notes.join(' '), 'warning');
}

/** "administradores" (list), "agregar administrador @X", "quitar administrador @X": admins only. */
const admins: IntentHandler = async (services, turn, u) => {
  if (u.adminAction === 'add') return addAdmins(services, turn, u);
  if (u.adminAction === 'remove') return removeAdmins(services, turn, u);
  return (await isAdmin(services, turn.actor)) ? adminsView(services, turn) : adminOnly(turn);
};

/**
 * "responsables" (every indicator), "responsables 4263": anyone may see who is in charge, by name; admins also see
 * the e-mail addresses (and which owners assigned by e-mail are still to be confirmed).
 */
const owners: IntentHandler = async (services, turn, u) => {
  const showEmail = await isAdmin(services, turn.actor);
  const id = u.indicatorId ?? (u.indicatorIds?.length === 1 ? u.indicatorIds[0] : undefined);
  const ind = id ? findIndicator(services.plan, id) : undefined;
  if (id && !ind) return reply.card(unknownIndicatorCard(id, await viewContext(services, turn)));
  if (ind) {
    return reply.card(
      ownersCard({
        lang: turn.lang,
        indicator: ind,
        plan: services.plan,
        owners: await services.store.owners(ownersKey(services.plan.id, ind.id)),
        showEmail,
      }),
      reportStrings(turn.lang).ownersTitle(ind.id, planShortName(services.plan)),
    );
  }
  const all = ownersOfPlan(await services.store.allOwners(), services.plan.id);
  return reply.card(allOwnersCard({ lang: turn.lang, plan: services.plan, owners: (x) => all[x] ?? [], showEmail }));
};

export const adminModule: ChatModule = {
  intents: {
    'assign-owner': assignOwner,
    audit: auditLog,
    admins,
    owners,
  },
};
