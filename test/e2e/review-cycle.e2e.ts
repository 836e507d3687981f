import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  BUILD,
  BOT_ENTRY,
  build,
  Child,
  ensureOutput,
  freePort,
  getJson,
  OUTPUT,
  plain,
  ROOT,
  waitHttp,
} from './harness';
import { CHROMIUM, launchBrowser, markCards, newCard, openChat, playgroundConfigAs, say, startPlayground } from './ui';
import type { StatusJson } from '../../src/views/status-json';

/**
 * The planning office's review cycle end to end, with two people in two Agents Playgrounds beside one bot (each
 * playground simulates one user, with a personal chat of its own): Andrés Rodríguez, owner of 4263, reports June;
 * Laura Gómez (Planeación, admin) returns it with a reason; the notice reaches Andrés's chat, he corrects the report
 * from its button; Laura approves the correction. Each step is driven in headless Chromium as a person does it and
 * checked against the read API; screenshots of each go to test/e2e/output/ciclo-*.png.
 */

const PEI_NOW = '2025-07-03T10:00';
const TOKEN = randomBytes(16).toString('hex');
const LAURA = { id: '00000000-0000-0000-0000-000000000020', name: 'Laura Gómez' };
const ANDRES = {
  id: '00000000-0000-0000-0000-000000000021',
  name: 'Andrés Rodríguez',
  email: 'andres.rodriguez@secretariageneral.example',
};
const REASON = 'Falta el acta de entrega en la evidencia: adjúntela y envíe de nuevo el reporte.';

interface ReportJson {
  indicator: string;
  period: string;
  version: number;
  value: number;
  review: string;
}

let tmp = '';
let botUrl = '';
const children: Child[] = [];
let context: BrowserContext | undefined;
let owner: Page;
let admin: Page;
process.once('exit', () => children.forEach((c) => c.running && c.proc.kill('SIGKILL')));

const auth = { Authorization: `Bearer ${TOKEN}` };
const reports = async () =>
  (await getJson<{ reports: ReportJson[] }>(`${botUrl}/api/v1/reports?indicator=4263&year=2025`, auth)).reports;
const ind4263 = async () =>
  (await getJson<StatusJson>(`${botUrl}/api/v1/status?year=2025`, auth)).objectives
    .find((o) => o.number === 5)!
    .indicators.find((i) => i.id === '4263')!;

/** The text of the card that shows `re` (a card redrawn in place by the bot's answer keeps its place on the page). */
async function cardWith(page: Page, re: RegExp): Promise<string> {
  const card = page.locator('.ac-adaptiveCard', { hasText: re }).last();
  await card.waitFor();
  return plain(await card.innerText());
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, `ciclo-${name}.png`) });
}

/** Runs a step; on failure saves both pages and adds the servers' last lines to the error. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    for (const [who, p] of [
      ['responsable', owner],
      ['planeacion', admin],
    ] as const)
      if (p) await p.screenshot({ path: join(OUTPUT, `fallo-ciclo-${name}-${who}.png`) }).catch(() => undefined);
    const err = e as Error;
    err.message = `[${name}] ${err.message}\n--- últimas líneas ---\n${children.map((c) => c.lastLines(15)).join('\n')}`;
    throw err;
  }
}

beforeAll(async () => {
  ensureOutput();
  if (!existsSync(CHROMIUM)) throw new Error(`No está Chromium en ${CHROMIUM} (CHROMIUM_PATH=/ruta/al/navegador).`);
  build();
  tmp = mkdtempSync(join(tmpdir(), 'pei-e2e-ciclo-'));
  const dbFile = join(tmp, 'db.json');
  const baseEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(PEI_|BOT_|TEAMSAPPTESTER_|M365_AGENTS_PLAYGROUND_|TEAMS_APP_TEST_TOOL_)/.test(k)) continue;
    if (['PORT', 'DIGEST_CRON', 'LOG_LEVEL', 'NODE_ENV'].includes(k)) continue;
    baseEnv[k] = v;
  }

  // Andrés owns 4263: the planning office assigned him, as an admin does with «asignar responsable» (written with the
  // build's own store, in a process of its own: lowdb is an ES module).
  const seed = spawnSync(
    process.execPath,
    [
      '-e',
      `const { openLowdbStore } = require(${JSON.stringify(join(BUILD, 'src', 'store', 'lowdb-store.js'))});
       (async () => {
         const store = await openLowdbStore(${JSON.stringify(dbFile)}, { onWarning: () => undefined });
         await store.setOwners('4263', [${JSON.stringify(ANDRES)}], ${JSON.stringify(LAURA)}, '2025-01-15T14:00:00.000Z');
         await store.close();
       })().catch((e) => { console.error(e); process.exit(1); });`,
    ],
    { cwd: tmp, encoding: 'utf8' },
  );
  if (seed.status !== 0) throw new Error(`no se pudo asignar el responsable: ${seed.stderr}`);

  const botPort = await freePort();
  botUrl = `http://127.0.0.1:${botPort}`;
  const bot = new Child('bot', BOT_ENTRY, [], {
    cwd: tmp,
    env: {
      ...baseEnv,
      PEI_DB_FILE: dbFile,
      PEI_NOW,
      TZ: 'America/Bogota',
      PORT: String(botPort),
      PEI_API_TOKEN: TOKEN,
      PEI_ADMINS: LAURA.id,
      LOG_LEVEL: 'info',
    },
    logFile: join(OUTPUT, 'ciclo-bot.log'),
  });
  children.push(bot);
  await waitHttp(`${botUrl}/healthz`, bot, 60000);

  // One playground per person, each with its own personal chat.
  const started = [];
  for (const [name, userId, chat] of [
    ['playground-planeacion', 'user-id-0', 'personal-chat-laura'],
    ['playground-responsable', 'user-id-1', 'personal-chat-andres'],
  ] as const) {
    const configFile = userId === 'user-id-0' ? join(ROOT, '.m365agentsplayground.yml') : undefined;
    const pg = await startPlayground({
      name,
      botUrl,
      port: await freePort(),
      configFile: configFile ?? playgroundConfigAs(userId, chat, tmp),
      env: baseEnv,
    });
    children.push(pg.child);
    started.push(pg);
  }
  const [lauraPg, andresPg] = started;
  expect(lauraPg.user.aadObjectId).toBe(LAURA.id);
  expect(andresPg.user.aadObjectId).toBe(ANDRES.id);

  context = await launchBrowser(tmp);
  admin = context.pages()[0] ?? (await context.newPage());
  owner = await context.newPage();
  await openChat(admin, lauraPg.url);
  await openChat(owner, andresPg.url);
}, 300000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await Promise.all(children.map((c) => c.stop()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60000);

test('el responsable reporta, Planeación lo devuelve con un motivo, él lo corrige desde el aviso y Planeación lo aprueba', async () => {
  await step('1-reporte', async () => {
    await owner.bringToFront();
    await markCards(owner);
    await say(owner, 'reportar avance 4263 junio');
    const { card: form } = await newCard(owner, 'el formulario de 4263, junio', (t) => /Enviar/.test(t));
    await form.getByLabel(/^Valor/).fill('0,3');
    await form.getByLabel(/^Logros/).fill('Portal de trámites en producción con 120 trámites publicados.');
    await form.getByLabel(/evidencia/i).fill('https://intranet.example/evidencias/4263-2025-06');
    await markCards(owner);
    await form.getByRole('button', { name: /Enviar/ }).click();
    const done = owner.locator('.ac-adaptiveCard', { hasText: /Reporte registrado/ }).first();
    await done.waitFor();
    expect(await done.innerText()).toContain('por revisar');
    expect(await reports()).toEqual([expect.objectContaining({ period: '2025-06', version: 1, review: 'pendiente' })]);
    expect(await ind4263()).toMatchObject({ executed: 0.3, unreviewed: ['2025-06'] });
    await shot(owner, '1-responsable-reporta');
  });

  await step('2-devolucion', async () => {
    await admin.bringToFront();
    await markCards(admin);
    await say(admin, 'reportes por revisar');
    const { card: list, text } = await newCard(admin, 'la lista de reportes por revisar', (t) =>
      /Reportes por revisar/.test(t),
    );
    expect(text).toContain('4263');
    expect(text).toContain(ANDRES.name);
    await list.getByRole('button', { name: 'Devolver', exact: true }).click();
    await list.getByLabel(/Motivo de la devolución/).fill(REASON);
    await markCards(admin);
    await list.getByRole('button', { name: 'Devolver al responsable' }).click();
    // The list is redrawn in place: what was done, and that Andrés was told (he has a personal chat with the bot:
    // the notice was sent, and only then is the admin told so).
    const answer = await cardWith(admin, /Devolvió el reporte/);
    expect(answer).toContain('Devolvió el reporte del indicador 4263 de junio de 2025 (v1)');
    expect(answer).toContain(`Se avisó a ${ANDRES.name} en su chat personal con el bot.`);
    expect(await reports()).toEqual([expect.objectContaining({ version: 1, review: 'devuelto' })]);
    expect(await ind4263()).toMatchObject({ executed: null, progress: null });
    await shot(admin, '2-planeacion-devuelve');
  });

  await step('3-correccion', async () => {
    await owner.bringToFront();
    const { card: notice, text } = await newCard(owner, 'el aviso de devolución', (t) => /fue devuelto/.test(t));
    expect(text).toContain('4263');
    expect(text).toContain(REASON);
    await shot(owner, '3-responsable-recibe-aviso');
    await markCards(owner);
    await notice.getByRole('button', { name: 'Corregir el reporte' }).click();
    const { card: form, text: formText } = await newCard(owner, 'el formulario de corrección', (t) => /Enviar/.test(t));
    // The form of a month already reported carries what is stored and says it will be version 2.
    expect(formText).toMatch(/versión 2/);
    expect(await form.getByLabel(/^Valor/).inputValue()).toBe('0,3');
    await form.getByLabel(/^Valor/).fill('0,32');
    await form.getByLabel(/evidencia/i).fill('https://intranet.example/evidencias/4263-2025-06-acta-de-entrega');
    await form.getByRole('button', { name: /Enviar/ }).click();
    const fixed = await cardWith(owner, /Corrección registrada \(v2\)/);
    expect(fixed).toMatch(/Valor\n0,32/);
    expect(fixed).toContain('por revisar');
    expect(await reports()).toEqual([
      expect.objectContaining({ version: 1, review: 'devuelto' }),
      expect.objectContaining({ version: 2, value: 0.32, review: 'pendiente' }),
    ]);
    await shot(owner, '4-responsable-corrige');
  });

  await step('4-aprobacion', async () => {
    await admin.bringToFront();
    await markCards(admin);
    await say(admin, 'reportes por revisar');
    const { card: list, text } = await newCard(admin, 'la lista con la corrección', (t) =>
      /Reportes por revisar/.test(t),
    );
    expect(text).toContain('0,32');
    await markCards(admin);
    await list.getByRole('button', { name: 'Aprobar', exact: true }).click();
    const answer = await cardWith(admin, /Aprobó el reporte/);
    expect(answer).toContain('Aprobó el reporte del indicador 4263 de junio de 2025 (v2).');
    const ind = await ind4263();
    expect(ind).toMatchObject({ executed: 0.32, unreviewed: [] });
    expect((await reports()).at(-1)).toMatchObject({ version: 2, review: 'aprobado' });
    await shot(admin, '5-planeacion-aprueba');
  });
  writeFileSync(join(OUTPUT, 'ciclo-ok.txt'), 'ok\n');
});
