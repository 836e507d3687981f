/**
 * Owners belong to one plan (DOMAIN.md: «Owners, reports, reviews and compliance belong to one plan»). The next PEI
 * (2028–2031) reuses indicator 4263 of the first (2024–2027): each plan has its own owner for it, and the chat, the
 * compliance per owner and the reminders address each plan's own. A store written before owners were kept by plan
 * keeps its owners under the first plan.
 */
import * as fs from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { next4263, nextPei, sumIndicator, testPlan } from '../helpers/plans';
import type { Person } from '../../src/domain/records';
import { FIRST_PLAN_ID, ownersKey, ownersKeyParts, ownersOfPlan } from '../../src/domain/owners';
import { AUDIT_ACTIONS } from '../../src/domain/audit';
import { loadPlan } from '../../src/plan/load';
import { createPlanBook } from '../../src/progress/plans';
import { createUnderstanding } from '../../src/language';
import { storedCompliance } from '../../src/reports/compliance';
import { submitReport } from '../../src/reports/submit';
import { readCompliance, readStatus } from '../../src/outputs/read-api';
import { reminderDaysOf } from '../../src/digest/reminders';
import type { Outbound } from '../../src/digest/run';
import { renderOutbound } from '../../src/chat/outbound';
import { reportDeadline } from '../../src/calendar';
import { createMemoryStore } from '../../src/store/memory';
import { openLowdbStore } from '../../src/store/lowdb-store';
import type { Store } from '../../src/store/types';
import { startConversation, cardsOf, cardText, type Conversation } from '../helpers/conversation';
import { ANA, LUIS, ADMIN } from '../helpers/activities';
import { ChatRouter } from '../../src/chat/router';
import { chatModules } from '../../src/chat/modules';
import type { ChatTurn } from '../../src/chat/types';
import { admin } from '../store/contract';
import { at, conversation, harness } from '../digest/fixtures';

const shipped = loadPlan();

/** The next PEI: indicator 4263 again (its years do not overlap the first plan's). */
const PEI_2028 = nextPei(shipped, [
  {
    ...shipped.objectives[0],
    indicators: [next4263()],
  },
]);

/** A Plan de Acción 2026, in force beside the first PEI (its own indicator O1-1). */
const ACTION_2026 = testPlan(
  shipped,
  'pa-2026',
  'Plan de Acción 2026',
  [2026, 2026],
  [{ ...shipped.objectives[0], indicators: [sumIndicator('O1-1', 1, 1, 'Jornadas de atención', { 2026: 8 })] }],
);

const ANA_OWNER: Person = { id: 'aad-ana', name: 'Ana Pérez' };
const LUIS_OWNER: Person = { id: 'aad-luis', name: 'Luis Gómez' };

async function loadPlans(store: Store): Promise<void> {
  for (const [plan, effective] of [
    [PEI_2028, '2028-01-01'],
    [ACTION_2026, '2026-01-01'],
  ] as const) {
    const r = await store.appendPlanVersion(
      { planId: plan.id, effective, reason: 'Acuerdo de prueba', plan, changes: [], firstVersion: 1 },
      admin,
      '2026-01-02T10:00:00.000Z',
    );
    expect(r.status).toBe('stored');
  }
}

/** A conversation over `store` with every plan loaded (the plan book), as main.ts composes it. */
function chat(store: Store, now: string): Conversation {
  const c = startConversation({ now, store });
  c.services.plans = createPlanBook(shipped, store);
  c.services.understandingOf = (p) => createUnderstanding(p);
  return c;
}

const text = async (p: Promise<any[]>) =>
  cardsOf(await p)
    .map(cardText)
    .join('\n');

describe('the owners key', () => {
  test('the first plan keeps bare indicator ids; another plan names itself; the inverse reads both', () => {
    expect(FIRST_PLAN_ID).toBe(shipped.id);
    expect(ownersKey(shipped.id, '4263')).toBe('4263');
    expect(ownersKey('pei-2028-2031', '4263')).toBe('pei-2028-2031/4263');
    expect(ownersKeyParts('4263')).toEqual({ planId: shipped.id, indicatorId: '4263' });
    expect(ownersKeyParts('pei-2028-2031/8116-M3')).toEqual({ planId: 'pei-2028-2031', indicatorId: '8116-M3' });
    const all = { '4263': [ANA_OWNER], 'pei-2028-2031/4263': [LUIS_OWNER], 'pa-2026/O1-1': [ANA_OWNER] };
    expect(ownersOfPlan(all, shipped.id)).toEqual({ '4263': [ANA_OWNER] });
    expect(ownersOfPlan(all, 'pei-2028-2031')).toEqual({ '4263': [LUIS_OWNER] });
    expect(ownersOfPlan(all, 'pa-2026')).toEqual({ 'O1-1': [ANA_OWNER] });
  });
});

describe('a reused indicator id has its own owner in each plan', () => {
  test('chat: assigned in the plan in force (2028: the next PEI), «responsables», «mis indicadores», the report form', async () => {
    const store = createMemoryStore({ owners: { '4263': [ANA_OWNER] } }); // Ana: 4263 of the first plan
    await loadPlans(store);
    const c = chat(store, '2028-07-15');

    const assigned = await text(
      c.say('asignar responsable 4263 <at>Luis Gómez</at>', { from: ADMIN, mentions: [LUIS] }),
    );
    expect(assigned).toContain('Responsables del indicador 4263 (PEI 2028–2031)');
    expect(assigned).toContain('Se asignó como responsable a Luis Gómez.');
    // Luis is the next PEI's owner; Ana stays the first plan's only owner of 4263
    expect(await store.owners('pei-2028-2031/4263')).toEqual([{ id: '29:luis', name: 'Luis Gómez' }]);
    expect(await store.owners('4263')).toEqual([ANA_OWNER]);
    // the audit entry names the plan (its target)
    const audit = await store.audit({ target: 'owner:pei-2028-2031/4263' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: AUDIT_ACTIONS.ownersSet, before: [], after: [{ id: '29:luis' }] });

    const now = await text(c.say('responsables 4263', { from: ADMIN }));
    expect(now).toContain('Responsables del indicador 4263 (PEI 2028–2031)');
    expect(now).toContain('Luis Gómez');
    expect(now).not.toContain('Ana Pérez');
    const first = await text(c.say('responsables 4263 del plan pei-sg-2024-2027', { from: ADMIN }));
    expect(first).toContain('Responsables del indicador 4263 (PEI 2024–2027)');
    expect(first).toContain('Ana Pérez');
    expect(first).not.toContain('Luis Gómez');
    const list = await text(c.say('responsables', { from: ADMIN }));
    expect(list).toContain('Responsables de los indicadores (PEI 2028–2031)');
    expect(list).toContain('1 de 1 indicadores tienen responsable asignado.');
    const firstList = await text(c.say('responsables del plan pei-sg-2024-2027', { from: ADMIN }));
    expect(firstList).toContain('1 de 29 indicadores tienen responsable asignado.');

    // «mis indicadores» and the report form: Luis owns 4263 in 2028, Ana does not (hers was the first plan's)
    expect(await text(c.say('mis indicadores', { from: LUIS }))).toContain('Trámites del portal en línea');
    expect(await text(c.say('mis indicadores', { from: ANA }))).toContain('No tiene indicadores a su cargo');
    // in the first plan, named, 4263 is still hers
    expect(await text(c.say('mis indicadores del plan pei-sg-2024-2027', { from: ANA }))).toContain('4263');
    // the message extension's search: the empty query lists what the person owns in the plan in force
    const router = new ChatRouter(c.services, chatModules);
    const turnOf = (u: typeof ANA): ChatTurn => ({
      actor: { id: u.aadObjectId!, name: u.name!, aadObjectId: u.aadObjectId, teamsId: u.id },
      lang: 'es',
      scope: 'personal',
      conversationKey: `a:${u.id}`,
      mentions: [],
      now: at('2028-07-15T10:00'),
    });
    expect((await router.search(turnOf(LUIS), '')).results.map((r) => [r.kind, r.ref])).toEqual([
      ['indicator', '4263'],
    ]);
    expect((await router.search(turnOf(ANA), '')).results.map((r) => r.kind)).toEqual(['objective']);
    expect((await router.search(turnOf(ANA), 'del plan pei-sg-2024-2027')).results.map((r) => [r.kind, r.ref])).toEqual(
      [['indicator', '4263']],
    );
    expect(await text(c.say('reportar avance', { from: LUIS }))).toContain('4263 · Trámites del portal en línea');
    expect(await text(c.say('reportar avance', { from: ANA }))).not.toContain('4263 ·');
  });

  test('compliance per owner: each plan counts its own owner of 4263', async () => {
    const store = createMemoryStore({
      owners: { '4263': [ANA_OWNER], [ownersKey(PEI_2028.id, '4263')]: [LUIS_OWNER] },
    });
    const first = await storedCompliance(store, shipped, 2025, '2025-07-15');
    expect(first.owners.map((o) => [o.owner.name, o.indicators])).toEqual([['Ana Pérez', ['4263']]]);
    const next = await storedCompliance(store, PEI_2028, 2028, '2028-07-15');
    expect(next.owners.map((o) => [o.owner.name, o.indicators, o['sin-reporte']])).toEqual([
      ['Luis Gómez', ['4263'], 6],
    ]);
    expect(next.unassigned.indicators).toEqual([]);
  });

  test('the read API and MCP (one read side): the status and compliance of each plan show its own owner', async () => {
    const store = createMemoryStore({
      owners: { '4263': [ANA_OWNER], [ownersKey(PEI_2028.id, '4263')]: [LUIS_OWNER] },
    });
    await loadPlans(store);
    const plans = createPlanBook(shipped, store);
    const src = { plan: shipped, status: plans.shipped, store, clock: () => at('2028-07-15T10:00'), plans };
    const owner4263 = (r: any) =>
      r.value.objectives.flatMap((o: any) => o.indicators).find((i: any) => i.id === '4263').owner;
    expect(owner4263(await readStatus(src, {}))).toBe('Luis Gómez'); // the plan in force today
    expect(owner4263(await readStatus(src, { plan: 'pei-sg-2024-2027', asOf: '2025-06-30' }))).toBe('Ana Pérez');
    expect(owner4263(await readStatus(src, { asOf: '2025-06-30' }))).toBe('Ana Pérez');
    const compliance = (await readCompliance(src, { plan: 'pei-2028-2031' })) as any;
    expect(compliance.value.owners.map((o: any) => [o.owner.name, o.indicators])).toEqual([['Luis Gómez', ['4263']]]);
  });

  test("a report: the owner of 4263 in the plan reported on may send it; the first plan's owner may not", async () => {
    const store = createMemoryStore({
      owners: { '4263': [ANA_OWNER], [ownersKey(PEI_2028.id, '4263')]: [LUIS_OWNER] },
    });
    const send = (actor: Person) =>
      submitReport(store, {
        plan: PEI_2028,
        actor,
        isAdmin: false,
        input: {
          indicatorId: '4263',
          period: '2028-06',
          value: '4',
          logros: 'Avance del mes',
          dificultades: '',
          evidencia: 'https://x.example/e',
        },
        now: at('2028-07-03T10:00'),
        source: 'teams',
        lang: 'es',
      });
    const refused = await send(ANA_OWNER);
    expect(refused).toMatchObject({ status: 'forbidden' });
    expect((refused as { message: string }).message).toContain('4263');
    const ok = await send(LUIS_OWNER);
    expect(ok).toMatchObject({ status: 'stored', record: { indicatorId: '4263', value: 4 } });
    expect((await store.reports()).map((r) => r.author.name)).toEqual(['Luis Gómez']);
  });

  test("reminders: each plan in force reminds its own owners; keys never collide; the first plan's keys as before", async () => {
    const store = createMemoryStore({
      owners: {
        '4263': [ANA_OWNER],
        [ownersKey(PEI_2028.id, '4263')]: [LUIS_OWNER],
        [ownersKey(ACTION_2026.id, 'O1-1')]: [ANA_OWNER],
      },
      conversations: [
        conversation('a:personal-ana', 'personal', { userId: 'aad-ana' }),
        conversation('a:personal-luis', 'personal', { userId: 'aad-luis' }),
      ],
    });
    await loadPlans(store);
    const book = createPlanBook(shipped, store);
    const h = harness(store);
    const runner = () =>
      new (h.runner.constructor as any)({
        ...(h.runner as any).deps,
        plans: book,
      });
    // The first reminder day of a month (d-5, moved to a business day), as the harness configures them.
    const first = (period: string) => reminderDaysOf(reportDeadline(period), [5, 3, 1])[0];
    const d3 = (period: string) => `${first(period).day}T09:00`;
    const due = async (when: string) =>
      ((await runner().due(at(when))) as any[])
        .filter((i) => i.kind === 'reminder')
        .map((i) => [i.key, i.reminder.owner.name, i.reminder.indicators.map((x: any) => x.id)]);

    // 2028: the next PEI alone is in force; its owner of 4263 is Luis
    expect(first('2028-06').offset).toBe(5);
    expect(await due(d3('2028-06'))).toEqual([
      ['reminder:2028-06:d-5:aad-luis@plan:pei-2028-2031', 'Luis Gómez', ['4263']],
    ]);

    // January 2028: December 2027's reports are due; they are the first plan's, so Ana is reminded, not Luis
    const december = first('2027-12');
    expect(december.day.startsWith('2028-01')).toBe(true);
    expect(await due(`${december.day}T09:00`)).toEqual([
      [`reminder:2027-12:d-${december.offset}:aad-ana`, 'Ana Pérez', ['4263']],
    ]);

    // 2026: the first PEI and the Plan de Acción are both in force; Ana owns an indicator in each: two reminders
    const day2026 = d3('2026-06');
    expect(first('2026-06').offset).toBe(5);
    expect(await due(day2026)).toEqual([
      ['reminder:2026-06:d-5:aad-ana', 'Ana Pérez', ['4263']],
      ['reminder:2026-06:d-5:aad-ana@plan:pa-2026', 'Ana Pérez', ['O1-1']],
    ]);
    // a reminder of the first plan sent before owners were kept by plan (its key as it was) is not sent again
    await store.markSent({ key: 'reminder:2026-06:d-5:aad-ana', at: at(day2026).toISOString() });
    expect(await due(day2026)).toEqual([['reminder:2026-06:d-5:aad-ana@plan:pa-2026', 'Ana Pérez', ['O1-1']]]);

    // The Plan de Acción's reminder, as delivered: its buttons (the indicator, the report form) answer for its plan
    const [item] = ((await runner().due(at(day2026))) as Outbound[]).filter((i) => i.kind === 'reminder');
    const buttons = JSON.stringify(renderOutbound(item).card).match(/"data":\{[^}]*\}/g);
    expect(buttons).toEqual([
      '"data":{"verb":"show-indicator","indicatorId":"O1-1","plan":"pa-2026"}',
      '"data":{"verb":"report-start","indicatorId":"O1-1","plan":"pa-2026"}',
    ]);
  });
});

describe("«recordatorios»: the month being collected, its plan and that plan's owners", () => {
  test("July 2028: the next PEI's owner of 4263; January 2028: December 2027 is the first plan's", async () => {
    const store = createMemoryStore({
      owners: { '4263': [ANA_OWNER], [ownersKey(PEI_2028.id, '4263')]: [LUIS_OWNER] },
    });
    await loadPlans(store);
    const c = chat(store, '2028-07-03');
    const july = await text(c.say('recordatorios', { from: ADMIN }));
    expect(july).toContain('Recordatorios del reporte de junio de 2028 (PEI 2028–2031)');
    expect(july).toContain('Luis Gómez');
    expect(july).not.toContain('Ana Pérez');
    c.setNow('2028-01-05');
    const january = await text(c.say('recordatorios', { from: ADMIN }));
    expect(january).toContain('Recordatorios del reporte de diciembre de 2027 (PEI 2024–2027)');
    expect(january).toContain('Ana Pérez');
    expect(january).not.toContain('Luis Gómez');
  });
});

describe('a store written before owners were kept by plan', () => {
  test('an embedded store of an earlier format opens with its owners under the first plan, and keeps them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pei-plan-owners-'));
    const file = join(dir, 'db.json');
    // Format 1: the document and its audit log, the owners under bare indicator ids.
    const entry = {
      seq: 1,
      at: '2025-03-01T10:00:00.000Z',
      actor: admin,
      action: AUDIT_ACTIONS.ownersSet,
      target: 'owner:4263',
      before: [],
      after: [ANA_OWNER],
    };
    fs.writeFileSync(join(dir, 'db.audit.jsonl'), `${JSON.stringify(entry)}\n`);
    fs.writeFileSync(join(dir, 'db.reports.jsonl'), '');
    fs.writeFileSync(
      file,
      JSON.stringify({ format: 'pei-bot-store', version: 1, auditSeq: 1, owners: { '4263': [ANA_OWNER] } }),
    );
    let store = await openLowdbStore(file, { onWarning: () => undefined });
    await loadPlans(store);
    await store.close();
    store = await openLowdbStore(file, { onWarning: () => undefined });
    try {
      expect(ownersOfPlan(await store.allOwners(), shipped.id)).toEqual({ '4263': [ANA_OWNER] });
      expect(ownersOfPlan(await store.allOwners(), PEI_2028.id)).toEqual({});
      // its old audit entry stays as it was
      expect(await store.audit({ target: 'owner:4263' })).toEqual([
        expect.objectContaining({ seq: 1, target: 'owner:4263' }),
      ]);

      const c = chat(store, '2025-07-15');
      const first = await text(c.say('responsables 4263', { from: ADMIN }));
      expect(first).toContain('Responsables del indicador 4263 (PEI 2024–2027)');
      expect(first).toContain('Ana Pérez');
      c.setNow('2028-07-15');
      const next = await text(c.say('responsables 4263', { from: ADMIN }));
      expect(next).toContain('Responsables del indicador 4263 (PEI 2028–2031)');
      expect(next).not.toContain('Ana Pérez');
    } finally {
      await store.close();
    }
  });
});
