/**
 * Plans follow each other (DOMAIN.md, «Plans follow each other»; CONTRACT.md, «Plans that change»): a workbook whose
 * plan id is new loads a second plan (PEI 2028–2031) beside the first. Asked by name, through the command line as an
 * operator types it, the read API of the real server and a chat message as Teams posts it, that plan answers;
 * without a name, the plan in force at the date (2028: the new one; 2025: the first, its figures as before).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '../../src/domain/plan';
import { eachYear, next4263, NEXT_PEI_OBJECTIVES, nextPei, sumIndicator, testPlan } from '../helpers/plans';
import { loadPlan } from '../../src/plan/load';
import { planWorkbook } from '../../src/outputs/plan-workbook';
import { loadConfig } from '../../src/config';
import { openStore } from '../../src/store';
import { startTestBot, type TestBot } from '../helpers/bot';
import { execute, message, submit } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { cliInProcess } from '../helpers/cli';

// A machine that may be busy: no timed assertion, a generous limit.
jest.setTimeout(300_000);

const shipped = loadPlan();

/** The next PEI, small: indicator 4263 again (plans that follow each other may reuse an id) and two new ones. */
const { digital, documents } = NEXT_PEI_OBJECTIVES;
const PEI_2028 = nextPei(shipped, [
  { ...digital, indicators: [next4263()] },
  {
    ...documents,
    indicators: [
      sumIndicator('5001', 2, 0.6, 'Series documentales digitalizadas', eachYear(2028, 2031, 20)),
      sumIndicator('5002', 2, 0.4, 'Archivos de gestión organizados', eachYear(2028, 2031, 5)),
    ],
  },
]);

/** A Plan de Acción 2026, whose year overlaps the first PEI's: it may not reuse 4263. */
const ACTION_2026 = testPlan(
  shipped,
  'pa-2026',
  'Plan de Acción 2026',
  [2026, 2026],
  [{ ...digital, indicators: [sumIndicator('4263', 1, 1, 'Trámites del portal en línea', { 2026: 10 })] }],
);

/** The CLI in this process (test/helpers/cli.ts), quiet. */
const cli = (args: string[], env: Record<string, string>) => cliInProcess(args, { LOG_LEVEL: 'silent', ...env });

const dir = mkdtempSync(join(tmpdir(), 'pei-second-plan-'));
const dbFile = join(dir, 'db.json');
const env = { PEI_DB_FILE: dbFile, PEI_NOW: '2027-11-20' };
const TOKEN = 'second-plan-token';

async function file(name: string, plan: Plan): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await planWorkbook(plan, () => [], { number: 1, effective: `${plan.period.from}-01-01` }));
  return path;
}

const ind = (status: any, id: string) =>
  status.objectives.flatMap((o: any) => o.indicators).find((i: any) => i.id === id);

beforeAll(async () => {
  // Reports of 4263 in both plans' years (each month belongs to the plan whose years hold it), and of 5001 in 2028.
  const store = await openStore(loadConfig({ PEI_DB_FILE: dbFile }, { dotenv: false }), { mode: 'write' });
  const author = { id: 'owner-1', name: 'Ana Pérez' };
  const item = (indicatorId: string, period: string, value: number) => ({
    input: { indicatorId, period, value, logros: 'Avance del mes', dificultades: '', evidencia: 'https://x.example/e' },
    author,
    source: 'csv' as const,
  });
  await store.appendReports(
    [item('4263', '2025-06', 0.3), item('4263', '2028-03', 4), item('5001', '2028-03', 5)],
    '2028-04-02T15:00:00.000Z',
    author,
  );
  await store.close();
});

describe('a second plan loaded beside the first', () => {
  test('plan import of a workbook with a new plan id stores its version 1; again, nothing; a clash is refused', async () => {
    const pei = await file('pei-2028-2031.xlsx', PEI_2028);
    const first = await cli(['plan', 'import', pei, '--reason', 'Acuerdo 3 de 2027'], env);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(
      'Plan nuevo «Plan Estratégico Institucional 2028-2031» (pei-2028-2031, vigencias 2028–2031) cargado al lado de los demás: 3 indicadores.',
    );
    expect(first.out).toContain('Guardada la versión 1 del plan, vigente desde el 2028-01-01 (Acuerdo 3 de 2027)');

    const again = await cli(['plan', 'import', pei, '--reason', 'Acuerdo 3 de 2027'], env);
    expect(again.code).toBe(0);
    expect(again.out).toContain('El libro no cambia nada frente a la versión 1 del plan');

    const clash = await cli(['plan', 'import', await file('pa-2026.xlsx', ACTION_2026), '--reason', 'Res. 9'], env);
    expect(clash.code).toBe(1);
    expect(clash.err).toContain(
      'Hoja «Indicadores», fila 2: el id 4263 ya es un indicador del plan «pei-sg-2024-2027», cuyas vigencias se cruzan con las de este',
    );

    const versions = await cli(['plan', 'versions', '--plan', 'pei-2028-2031', '--json'], env);
    expect(JSON.parse(versions.out)).toEqual([
      expect.objectContaining({ version: 1, effective: '2028-01-01', reason: 'Acuerdo 3 de 2027' }),
    ]);
    // the first plan's versions are its own: version 1, the shipped plan
    const firstPlan = await cli(['plan', 'versions', '--json'], env);
    expect(JSON.parse(firstPlan.out)).toEqual([expect.objectContaining({ version: 1, effective: '2024-01-01' })]);
    // the Plan de Acción was not stored
    expect((await cli(['plan', 'versions', '--plan', 'pa-2026'], env)).code).toBe(2);
  });

  test('CLI status: by name, unnamed at a 2028 date (the new plan), unnamed at 2025 (the first, as before)', async () => {
    const named = await cli(
      ['status', '--plan', 'pei-2028-2031', '--year', '2028', '--as-of', '2028-06-30', '--json'],
      env,
    );
    expect(named.code).toBe(0);
    const s = JSON.parse(named.out);
    expect(s.plan).toMatchObject({ id: 'pei-2028-2031', version: 1, versionEffective: '2028-01-01' });
    expect(s.objectives.map((o: any) => o.name)).toEqual([
      'Consolidar los trámites digitales del Distrito',
      'Fortalecer la gestión documental de la entidad',
    ]);
    // 4263 in 2028: 4 of 10 (its 2025 report belongs to the first plan: the four-year figure is 4 of 40, not 4,3)
    expect(ind(s, '4263')).toMatchObject({
      program: { 2028: 10, 2029: 10, 2030: 10, 2031: 10 },
      executed: 4,
      progress: 0.4,
      expected: 0.5,
      cumulative: 0.1,
    });
    expect(ind(s, '5001')).toMatchObject({ executed: 5, progress: 0.25 });

    const unnamed = JSON.parse((await cli(['status', '--as-of', '2028-06-30', '--json'], env)).out);
    expect(unnamed).toEqual(s);

    const before = JSON.parse((await cli(['status', '--as-of', '2025-06-30', '--json'], env)).out);
    expect(before.plan.id).toBe('pei-sg-2024-2027');
    expect(before.objectives.flatMap((o: any) => o.indicators)).toHaveLength(29);
    expect(ind(before, '4263')).toMatchObject({ executed: 0.3, progress: 0.75, expected: 0.625, status: 'verde' });

    const unknown = await cli(['status', '--plan', 'pei-2032-2035'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(
      '--plan: no hay un plan «pei-2032-2035» (los planes cargados: pei-sg-2024-2027, pei-2028-2031)',
    );
  });

  describe('the running bot', () => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startTestBot(
        { PEI_API_TOKEN: TOKEN, PEI_NOW: '2028-07-15', PEI_REQUEST_TIMEOUT_MS: '14000', PEI_OPEN_DATA: 'true' },
        { dbFile },
      );
    });
    afterAll(() => t.stop());
    const auth = { Authorization: `Bearer ${TOKEN}` };

    test('GET /api/v1/status: plan=ID answers for it; without it, the plan in force at the as-of date', async () => {
      const named = await t.get('/api/v1/status?plan=pei-2028-2031&asOf=2028-06-30', auth);
      expect(named.status).toBe(200);
      expect(named.body.plan.id).toBe('pei-2028-2031');
      expect(ind(named.body, '4263')).toMatchObject({ executed: 4, progress: 0.4, cumulative: 0.1 });
      const today = await t.get('/api/v1/status', auth);
      expect(today.body).toMatchObject({ asOf: '2028-07-15', year: 2028, plan: { id: 'pei-2028-2031' } });
      const past = await t.get('/api/v1/status?asOf=2025-06-30', auth);
      expect(past.body.plan.id).toBe('pei-sg-2024-2027');
      expect(ind(past.body, '4263')).toMatchObject({ executed: 0.3, progress: 0.75 });
      // the first plan, named, at a 2025 date
      const first = await t.get('/api/v1/status?plan=pei-sg-2024-2027&asOf=2025-06-30', auth);
      expect(first.body).toEqual(past.body);
      const unknown = await t.get('/api/v1/status?plan=pei-2032-2035', auth);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toEqual({
        code: 'unknown-plan',
        message: 'Este servidor no tiene el plan pei-2032-2035.',
      });
    });

    test('the quarterly workbook and open data: plan=ID answers for it; without it, the plan in force', async () => {
      const sheetTitle = async (query: string) => {
        const res = await fetch(`${t.url}/api/v1/export.xlsx?${query}`, { headers: auth });
        expect(res.status).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(await res.arrayBuffer()));
        return String(wb.worksheets[0].getCell(1, 1).value);
      };
      expect(await sheetTitle('year=2028&quarter=2&plan=pei-2028-2031')).toMatch(/^Seguimiento del PEI 2028–2031 — /);
      expect(await sheetTitle('year=2028&quarter=2')).toMatch(/^Seguimiento del PEI 2028–2031 — /);
      expect(await sheetTitle('year=2025&quarter=2')).toMatch(/^Seguimiento del PEI 2024–2027 — /);
      const unknownBook = await t.get('/api/v1/export.xlsx?year=2028&quarter=2&plan=pei-2032-2035', auth);
      expect(unknownBook.status).toBe(400);
      expect(unknownBook.body.error.message).toBe('Este servidor no tiene el plan pei-2032-2035.');

      const rows = async (query: string) => {
        const res = await t.get(`/api/v1/open-data/indicadores.json${query}`, {});
        expect(res.status).toBe(200);
        return res.body as { plan_id: string; indicador_id: string; vigencia: number }[];
      };
      const unnamed = await rows('');
      expect(new Set(unnamed.map((r) => r.plan_id))).toEqual(new Set(['pei-2028-2031']));
      expect(unnamed.filter((r) => r.indicador_id === '4263').map((r) => r.vigencia)).toEqual([2028, 2029, 2030, 2031]);
      const first = await rows('?plan=pei-sg-2024-2027');
      expect(new Set(first.map((r) => r.plan_id))).toEqual(new Set(['pei-sg-2024-2027']));
      expect(first).toHaveLength(29 * 4);
      const unknownData = await t.get('/api/v1/open-data/indicadores.json?plan=pei-2032-2035', {});
      expect(unknownData.status).toBe(400);
    });

    test("a card of the first plan, on a 2028 day: its refresh and its buttons answer with the first plan's figures", async () => {
      t.connector.clear();
      const asked = '¿cómo va el objetivo 5 en 2025 del plan pei-sg-2024-2027?';
      expect(await t.send(message(t.connector.url, asked))).toBe(200);
      const card = t.connector.activities().flatMap((a: any) => (a.attachments ?? []).map((x: any) => x.content))[0];
      expect(cardText(card)).toContain(shipped.objectives[4].shortName);
      // 4263 in 2025: 0,3 of 0,4 (75,0 %)
      expect(cardText(card)).toMatch(/4263\n75,0\s%/);
      const refresh = card.refresh.action;
      expect(refresh.data).toEqual({
        verb: 'refresh-objective',
        objective: 5,
        year: 2025,
        lang: 'es',
        plan: 'pei-sg-2024-2027',
      });
      // pressed on 15 July 2028, when the next plan (which has no objective 5) is in force
      const refreshed = await t.invoke(execute(t.connector.url, refresh.verb, refresh.data));
      expect(refreshed.status).toBe(200);
      expect(cardText(refreshed.body.value)).toMatch(/4263\n75,0\s%/);
      // its buttons (explain, open an indicator…) carry the first plan too
      expect(JSON.stringify(refreshed.body.value)).toContain('"plan":"pei-sg-2024-2027"');
      expect(JSON.stringify(refreshed.body.value)).not.toContain('"plan":"pei-2028-2031"');
      // the same refresh without its plan: the plan in force has no objective 5
      const unplanned = { ...refresh.data };
      delete unplanned.plan;
      const inForce = await t.invoke(execute(t.connector.url, refresh.verb, unplanned));
      expect(cardText(inForce.body.value)).not.toMatch(/4263\n75,0\s%/);
    });

    test('chat: «¿cómo va el objetivo 2 del plan pei-2028-2031?», the plan in force unnamed, an unknown plan', async () => {
      const ask = async (text: string, locale = 'es-CO') => {
        t.connector.clear();
        expect(await t.send(message(t.connector.url, text, { locale }))).toBe(200);
        return t.connector
          .activities()
          .map((a: any) => [a.text ?? '', ...(a.attachments ?? []).map((x: any) => cardText(x.content))].join('\n'))
          .join('\n');
      };
      const named = await ask('¿cómo va el objetivo 2 del plan pei-2028-2031?');
      expect(named).toContain('Fortalecer la gestión documental de la entidad');
      expect(named).toContain('Series documentales digitalizadas');
      // 5001: 5 of 20 in 2028
      expect(named).toMatch(/5001[\s\S]*25,0\s%/);
      // unnamed on 15 July 2028: the plan in force, the new one
      const unnamed = await ask('¿cómo va el objetivo 1?');
      expect(unnamed).toContain('Consolidar los trámites digitales del Distrito');
      // the first plan, named: its objective 2 (and its own years: 2027, the nearest to 2028)
      const first = await ask('¿cómo va el objetivo 2 del plan pei-sg-2024-2027?');
      expect(first).toContain(shipped.objectives[1].name);
      const unknown = await ask('¿cómo va el objetivo 2 del plan pei-2032-2035?');
      expect(unknown).toContain('No encuentro el plan «pei-2032-2035». Los planes cargados son: pei-sg-2024-2027');
      expect(unknown).toContain('pei-2028-2031 (Plan Estratégico Institucional 2028-2031, 2028–2031)');
      const english = await ask('how is objective 2 of plan pei-2032-2035 doing?', 'en-US');
      expect(english).toContain('I cannot find plan "pei-2032-2035"');
    });
  });

  describe('cards carry their plan (the bot on 20 November 2027, the first plan in force)', () => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startTestBot({ PEI_NOW: '2027-11-20', PEI_REQUEST_TIMEOUT_MS: '14000' }, { dbFile });
    });
    afterAll(() => t.stop());

    /** Every Action.Submit / Action.Execute of a card (its refresh too), with its verb and data. */
    const actionsOf = (card: any) => {
      const found: { type: string; verb?: string; data: any }[] = [];
      const walk = (n: any) => {
        if (Array.isArray(n)) return n.forEach(walk);
        if (!n || typeof n !== 'object') return;
        if (n.type === 'Action.Submit' || n.type === 'Action.Execute')
          found.push({ type: n.type, verb: n.verb, data: n.data });
        Object.values(n).forEach(walk);
      };
      walk(card);
      return found;
    };
    const cardsSent = () =>
      t.connector
        .activities()
        .flatMap((a: any) => (a.attachments ?? []).map((x: any) => x.content))
        .filter(Boolean);

    test('a card of the next plan: its refresh (Action.Execute) and its buttons (Action.Submit) answer with that plan', async () => {
      t.connector.clear();
      expect(await t.send(message(t.connector.url, '¿cómo va el objetivo 2 del plan pei-2028-2031?'))).toBe(200);
      const [card] = cardsSent();
      expect(cardText(card)).toContain('Fortalecer la gestión documental de la entidad');
      const actions = actionsOf(card);
      expect(actions.length).toBeGreaterThan(1);
      for (const a of actions) expect(a.data).toMatchObject({ plan: 'pei-2028-2031' });

      // Refreshed (Teams' Universal Actions refresh, by hand): the next plan's objective 2 and its indicators, in 2028
      // (no figures yet on 20 November 2027), not the first plan's objective 2
      const refresh = card.refresh.action;
      expect(refresh.data).toMatchObject({ verb: 'refresh-objective', objective: 2, year: 2028 });
      const refreshed = await t.invoke(execute(t.connector.url, refresh.verb, refresh.data));
      expect(refreshed.status).toBe(200);
      const again = cardText(refreshed.body.value);
      expect(again).toContain('Fortalecer la gestión documental de la entidad');
      expect(again).toContain('Vigencia 2028 · corte 20 de noviembre de 2027');
      expect(again).toMatch(/5001[\s\S]*5002/);
      expect(again).not.toContain(shipped.objectives[1].name);
      for (const a of actionsOf(refreshed.body.value)) expect(a.data).toMatchObject({ plan: 'pei-2028-2031' });

      // The indicator's button (Action.Submit, posted back as the message's value): 5001, its 2028 figures
      const open = actions.find((a) => a.data.verb === 'show-indicator' && a.data.indicatorId === '5001')!;
      expect(open).toBeDefined();
      t.connector.clear();
      expect(await t.send(submit(t.connector.url, open.data))).toBe(200);
      const [detail] = cardsSent();
      expect(cardText(detail)).toContain('Series documentales digitalizadas');
      for (const a of actionsOf(detail)) expect(a.data).toMatchObject({ plan: 'pei-2028-2031' });
      const detailRefresh = detail.refresh.action;
      const redrawn = await t.invoke(execute(t.connector.url, detailRefresh.verb, detailRefresh.data));
      expect(cardText(redrawn.body.value)).toContain('Series documentales digitalizadas');
    });

    test('the same button without a plan (a card sent before cards carried one) answers from the plan in force', async () => {
      t.connector.clear();
      expect(await t.send(submit(t.connector.url, { verb: 'show-objective', objective: 2, lang: 'es' }))).toBe(200);
      const [card] = cardsSent();
      expect(cardText(card)).toContain(shipped.objectives[1].name);
      for (const a of actionsOf(card)) expect(a.data).toMatchObject({ plan: 'pei-sg-2024-2027' });
    });

    test("a suggested question (verb ask) replays on the card's plan; a plan no longer loaded is said politely", async () => {
      t.connector.clear();
      const ask = { verb: 'ask', text: '¿cómo va el objetivo 1?', lang: 'es', plan: 'pei-2028-2031' };
      expect(await t.send(submit(t.connector.url, ask))).toBe(200);
      expect(cardText(cardsSent()[0])).toContain('Consolidar los trámites digitales del Distrito');
      t.connector.clear();
      const gone = { verb: 'show-objective', objective: 2, lang: 'es', plan: 'pei-2032-2035' };
      expect(await t.send(submit(t.connector.url, gone))).toBe(200);
      const said = t.connector
        .activities()
        .map((a: any) => a.text ?? '')
        .join('\n');
      expect(said).toContain('No encuentro el plan «pei-2032-2035». Los planes cargados son: pei-sg-2024-2027');
    });
  });
});
