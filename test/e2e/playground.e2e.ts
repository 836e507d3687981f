import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { BAR_EMPTY_RGB } from '../../src/views/format';
import {
  BOT_ENTRY,
  build,
  Child,
  cli,
  currentUserOf,
  ensureOutput,
  escapeRe,
  freePort,
  getJson,
  httpGet,
  OUTPUT,
  pct,
  plain,
  ROOT,
  waitHttp,
} from './harness';
import type { StatusJson, StatusObjectiveJson } from '../../src/views/status-json';
import * as ui from './ui';
import { CHROMIUM } from './ui';

/**
 * End to end in Microsoft's Agents Playground (`npm run test:e2e`): the compiled bot and the playground run as child
 * processes (free ports, a temporary store, PEI_NOW=2025-07-03), and headless Chromium does what a person does in the
 * playground's UI: asks for objective 5 in the personal chat, reports June's value of indicator 4263 through the
 * card form, asks for indicator 3980 and reads its chart back from the drawing, and asks "@PEI Bot plan" in the
 * General channel of "My Team". Every figure a card shows is compared with the read API (GET /api/v1/status) of the
 * same bot. Screenshots of each step go to test/e2e/output/;
 * PEI_E2E_UPDATE_DOCS=1 also copies the objective card to docs/images/playground-objetivo.png and indicator 3980's card
 * (its chart) to docs/images/playground-indicador-grafica.png.
 *
 * Everything happens in the browser; the playground's HTTP API is only read (GET /_internal/v1/config: the
 * simulated user, made an admin with PEI_ADMINS, and the names of the bot and the team).
 */

const PEI_NOW = '2025-07-03';
const TOKEN = randomBytes(16).toString('hex');
const SEED_CSV = [
  'indicator,period,value,logros,dificultades,evidencia,reported_by',
  '4267,2025-06,1,Se fortalecieron los canales presencial y telefónico de la Red CADE.,,https://intranet.example/evidencias/4267-2025-06,andres.rodriguez@secretariageneral.example',
  '8129-M4,2025-06,90%,Acompañamiento a 45 de las 50 entidades programadas.,Dos entidades aplazaron sus mesas de trabajo.,https://intranet.example/evidencias/8129-M4-2025-06,carolina.martinez@secretariageneral.example',
  // Indicator 3980's three reports of the demo data (data/demo/reportes-2025.csv), for its card's chart.
  ...readFileSync(join(ROOT, 'data', 'demo', 'reportes-2025.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.startsWith('3980,')),
].join('\n');

// The read API's JSON (docs/interfaces.md), as the bot's own types describe it.
type ObjectiveStatus = StatusObjectiveJson;
type PlanStatus = StatusJson;
type PlaygroundUser = ui.PlaygroundUser;

let tmp = '';
let bot: Child | undefined;
let playground: Child | undefined;
let context: BrowserContext | undefined;
let page: Page;
let botUrl = '';
let pgUrl = '';
let me: PlaygroundUser;
let botName = 'PEI Bot';
let teamName = 'My Team';
const timings: Record<string, number> = {};
/** The objective card of the first test, whose "Reportar avance" button opens the form in the second. */
let objectiveCard5: Locator | undefined;

const children = () => [bot, playground].filter((c): c is Child => !!c);
// If Jest itself is interrupted, the servers must not outlive it.
const killAll = () => children().forEach((c) => c.running && c.proc.kill('SIGKILL'));
process.once('exit', killAll);

async function status(): Promise<PlanStatus> {
  return getJson<PlanStatus>(`${botUrl}/api/v1/status`, { Authorization: `Bearer ${TOKEN}` });
}

async function objective(n: number): Promise<ObjectiveStatus> {
  const o = (await status()).objectives.find((x) => x.number === n);
  if (!o) throw new Error(`la API no trae el objetivo ${n}`);
  return o;
}

/** Marks the cards on the page now (ui.ts markCards), so that `newCard` sees only the ones drawn afterwards. */
const markCards = () => ui.markCards(page);

/** The first card drawn since `markCards` that satisfies `accept` (ui.ts newCard, on this test's page). */
const newCard = (what: string, accept: (text: string) => boolean, timeoutMs = 30000) =>
  ui.newCard(page, what, accept, timeoutMs);

/**
 * The bot's messages as the playground streams them to its page (WebSocket /_ws_conversation/v1/conversations/stream:
 * {action:'createMessage', actionConversationId, message: {messageId, attachments}}), collected in the page from now on: their ids are what
 * an adaptiveCard/action invoke must name in replyToId.
 */
async function watchMessages(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __peiMessages?: unknown[] };
    if (w.__peiMessages) return;
    const seen: unknown[] = (w.__peiMessages = []);
    const ws = new WebSocket(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/_ws_conversation/v1/conversations/stream`,
    );
    ws.onmessage = (e) => {
      try {
        seen.push(JSON.parse(String(e.data)));
      } catch {
        /* not JSON */
      }
    };
  });
}

interface StreamedMessage {
  action: string;
  actionConversationId: string;
  message: { messageId: string; attachments?: { content?: Record<string, any> }[] };
}

async function streamed(): Promise<StreamedMessage[]> {
  return page.evaluate(() => ((window as unknown as { __peiMessages?: unknown[] }).__peiMessages ?? []) as never);
}

async function shot(name: string, target?: Locator): Promise<string> {
  const file = join(OUTPUT, `${name}.png`);
  if (target) {
    await target.scrollIntoViewIfNeeded();
    await target.screenshot({ path: file });
  } else {
    await page.screenshot({ path: file });
  }
  return file;
}

/** Runs a step; on failure saves a screenshot and adds the servers' last lines to the error. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  try {
    const r = await fn();
    timings[name] = Date.now() - t0;
    return r;
  } catch (e) {
    if (page) await page.screenshot({ path: join(OUTPUT, `fallo-${name}.png`) }).catch(() => undefined);
    const logs = children()
      .map((c) => c.lastLines(15))
      .join('\n');
    const err = e as Error;
    err.message = `[${name}] ${err.message}\n--- últimas líneas ---\n${logs}`;
    throw err;
  }
}

/** Types into the Lexical message box (the first one on the page: the chat's, or the channel's "Start a new post"). */
async function typeInto(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.type(text, { delay: 5 });
}

/** The value printed right after `label` on its own line (the cards' bar rows: label · bar · value). */
function valueAfter(text: string, label: string): string {
  const m = new RegExp(`^${escapeRe(label)}\\n(.+)$`, 'm').exec(text);
  if (!m) throw new Error(`la tarjeta no muestra «${label}»:\n${text}`);
  return m[1];
}

interface MeasuredBar {
  alt: string;
  /** The figure the bar stands for, 0..1 (from its alternative text, capped as the bar is). */
  expected: number;
  width: number;
  /** Pixels along the bar's middle row that are not the empty part's colour. */
  filled: number;
}

/**
 * The bars of a card as the browser drew them: the card's screenshot (a PNG) is read pixel by pixel along the middle
 * row of each bar image, and the filled pixels counted against the bar's drawn width.
 */
async function measureBars(card: Locator, file: string): Promise<MeasuredBar[]> {
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: file });
  const cardBox = (await card.boundingBox())!;
  const png = PNG.sync.read(readFileSync(file));
  const sx = png.width / cardBox.width;
  const imgs = card.locator('img[src^="data:image/png"]');
  const out: MeasuredBar[] = [];
  for (let i = 0; i < (await imgs.count()); i++) {
    const img = imgs.nth(i);
    const box = (await img.boundingBox())!;
    const alt = (await img.getAttribute('alt')) ?? '';
    const m = /(-?[\d.]+(?:,\d+)?)[\s\u00a0]*%/.exec(alt);
    const expected = m ? Math.max(0, Math.min(1, Number(m[1].replace(/\./g, '').replace(',', '.')) / 100)) : 0;
    const y = Math.round((box.y - cardBox.y + box.height / 2) * sx);
    const x0 = Math.round((box.x - cardBox.x) * sx);
    const width = Math.round(box.width * sx);
    let filled = 0;
    for (let x = x0; x < x0 + width; x++) {
      const k = (y * png.width + x) * 4;
      const d =
        Math.abs(png.data[k] - BAR_EMPTY_RGB[0]) +
        Math.abs(png.data[k + 1] - BAR_EMPTY_RGB[1]) +
        Math.abs(png.data[k + 2] - BAR_EMPTY_RGB[2]);
      if (d > 60) filled++;
    }
    out.push({ alt, expected, width, filled });
  }
  return out;
}

/** The piece of an objective card about one indicator: from "<id> ·" to the next indicator's id. */
function indicatorBlock(text: string, id: string, all: string[]): string {
  const start = text.search(new RegExp(`^${escapeRe(id)} · `, 'm'));
  if (start < 0) throw new Error(`la tarjeta no muestra el indicador ${id}:\n${text}`);
  const rest = text.slice(start + id.length);
  const ends = all
    .filter((x) => x !== id)
    .map((x) => rest.search(new RegExp(`^${escapeRe(x)} · `, 'm')))
    .filter((i) => i >= 0);
  return text.slice(start, start + id.length + (ends.length ? Math.min(...ends) : rest.length));
}

/** Every figure of objective `o` that the objective card shows, checked against the API. */
function expectObjectiveCard(text: string, o: ObjectiveStatus): void {
  expect(valueAfter(text, 'Avance anual')).toBe(pct(o.progress));
  expect(valueAfter(text, 'Esperado a la fecha')).toBe(pct(o.expected));
  expect(valueAfter(text, 'Avance cuatrienio')).toBe(pct(o.cumulative));
  const ids = o.indicators.map((i) => i.id);
  for (const ind of o.indicators) {
    const block = indicatorBlock(text, ind.id, ids);
    // The row's headline figure is the year's progress ("—" without a report), then "Esperado: NN,N %".
    expect(block.split('\n').slice(0, 3).join('\n')).toContain(pct(ind.progress));
    if (ind.expected !== null) expect(block).toContain(`Esperado: ${pct(ind.expected)}`);
  }
}

beforeAll(async () => {
  ensureOutput();
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No está Chromium en ${CHROMIUM}: apt-get install -y chromium (o CHROMIUM_PATH=/ruta/al/navegador).`,
    );
  let t0 = Date.now();
  build();
  timings.build = Date.now() - t0;
  t0 = Date.now();

  tmp = mkdtempSync(join(tmpdir(), 'pei-e2e-'));
  const dbFile = join(tmp, 'db.json');
  // The bot and the CLI run in the temporary folder: a developer's .env in the repository must not leak in.
  const baseEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(PEI_|BOT_|TEAMSAPPTESTER_|M365_AGENTS_PLAYGROUND_|TEAMS_APP_TEST_TOOL_)/.test(k)) continue;
    if (['PORT', 'DIGEST_CRON', 'LOG_LEVEL', 'NODE_ENV'].includes(k)) continue;
    baseEnv[k] = v;
  }
  const peiEnv = { ...baseEnv, PEI_DB_FILE: dbFile, PEI_NOW, TZ: 'America/Bogota' };

  // Two June reports of objective 5 (the contract's CSV import), so its card has figures before the browser adds 4263.
  writeFileSync(join(tmp, 'seed.csv'), `${SEED_CSV}\n`);
  const seeded = cli(['import-reports', join(tmp, 'seed.csv')], { cwd: tmp, env: peiEnv });
  if (seeded.code !== 0) throw new Error(`import-reports falló (${seeded.code}): ${seeded.err}${seeded.out}`);

  const botPort = await freePort();
  let pgPort = await freePort();
  while (pgPort === botPort) pgPort = await freePort();
  botUrl = `http://127.0.0.1:${botPort}`;

  // The simulated user (the playground's config file) is made an admin: PEI_ADMINS is its aadObjectId. The
  // playground answers its API only once the bot's endpoint is up, so the id is read from the file first and
  // checked against GET /_internal/v1/config below.
  const pgConfigFile = join(ROOT, '.m365agentsplayground.yml');
  const admin = currentUserOf(readFileSync(pgConfigFile, 'utf8'));
  if (!admin) throw new Error(`${pgConfigFile} no define currentUser`);
  bot = new Child('bot', BOT_ENTRY, [], {
    cwd: tmp,
    env: {
      ...peiEnv,
      PORT: String(botPort),
      PEI_API_TOKEN: TOKEN,
      PEI_ADMINS: admin.aadObjectId ?? admin.id,
      LOG_LEVEL: 'info',
    },
    logFile: join(OUTPUT, 'bot.log'),
  });
  await waitHttp(`${botUrl}/healthz`, bot, 60000);
  timings.bot = Date.now() - t0;
  t0 = Date.now();

  const started = await ui.startPlayground({
    name: 'playground',
    botUrl,
    port: pgPort,
    configFile: pgConfigFile,
    env: baseEnv,
  });
  playground = started.child;
  pgUrl = started.url;
  me = started.user;
  // The bot knows people by from.aadObjectId ?? from.id: the admin must be the user the playground sends.
  expect(me.aadObjectId ?? me.id).toBe(admin.aadObjectId ?? admin.id);
  botName = started.config.bot.name;
  teamName = started.config.teams[0]?.name ?? teamName;
  timings.playground = Date.now() - t0;
  t0 = Date.now();

  context = await ui.launchBrowser(tmp);
  page = context.pages()[0] ?? (await context.newPage());
  timings.browser = Date.now() - t0;
}, 300000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await Promise.all(children().map((c) => c.stop()));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  writeFileSync(join(OUTPUT, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
}, 60000);

test('chat personal: «¿cómo va el objetivo 5?» muestra las cifras del objetivo', async () => {
  await step('bienvenida', async () => {
    await page.goto(pgUrl);
    await page.locator('[data-lexical-editor="true"]').first().waitFor({ timeout: 60000 });
    // On load the playground installs the app; the bot answers with its welcome card.
    await newCard('la tarjeta de bienvenida', (t) => /PEI/.test(t), 60000);
    // The playground's log panel (its request log) takes a third of the width: hidden for clearer screenshots.
    const toggle = page.getByTitle('Toggle Log Panel');
    if (await toggle.isVisible().catch(() => false)) await toggle.click();
    await shot('01-bienvenida');
  });

  const { card, text } = await step('objetivo-5', async () => {
    await watchMessages();
    await markCards();
    await typeInto(page.locator('[data-lexical-editor="true"]').first(), '¿cómo va el objetivo 5?');
    await page.keyboard.press('Enter');
    const o = await objective(5);
    return newCard(
      'la tarjeta del objetivo 5',
      (t) => t.includes('Esperado a la fecha') && o.indicators.every((i) => t.includes(`${i.id} · `)),
    );
  });
  objectiveCard5 = card;

  await step('objetivo-5-cifras', async () => {
    const o = await objective(5);
    writeFileSync(join(OUTPUT, '02-objetivo-5.txt'), `${text}\n`);
    expectObjectiveCard(text, o);
    // Before the browser's report: 4263 has none, 4267 and 8129-M4 have June's.
    expect(o.indicators.find((i) => i.id === '4263')?.progress).toBeNull();
    await shot('02-objetivo-5');
    await shot('02-objetivo-5-tarjeta', card);
  });

  await step('objetivo-5-barras', async () => {
    // The bars are drawn to scale: measured in the screenshot, each filled length is its figure of the bar's width
    // (within 2 px, or 1 % of the width), and bars of the same width keep the figures' ratios.
    const bars = await measureBars(card, join(OUTPUT, '02-objetivo-5-barras.png'));
    writeFileSync(join(OUTPUT, '02-objetivo-5-barras.json'), `${JSON.stringify(bars, null, 2)}\n`);
    expect(bars.length).toBe(3 + (await objective(5)).indicators.length);
    for (const b of bars) {
      expect(b.width).toBeGreaterThan(40);
      expect({ alt: b.alt, off: Math.abs(b.filled - b.expected * b.width) <= Math.max(2, 0.01 * b.width) }).toEqual({
        alt: b.alt,
        off: true,
      });
    }
    const rows = bars.slice(3).filter((b) => b.expected > 0.05);
    for (const a of rows)
      for (const b of rows) {
        if (Math.abs(a.width - b.width) > 1) continue;
        expect(a.filled / b.filled).toBeCloseTo(a.expected / b.expected, 1);
      }
    // At least one bar is partly filled and one differs from another: the measure is not vacuous.
    expect(bars.some((b) => b.filled > 0 && b.filled < b.width)).toBe(true);
    expect(new Set(bars.map((b) => Math.round((100 * b.filled) / b.width))).size).toBeGreaterThan(2);
  });

  await step('objetivo-5-documentacion', async () => {
    // For the README: the playground as a person sees it, the question and the card (a narrower window, so that
    // the question on the right sits near the card on the left).
    const docShot = join(OUTPUT, '02-objetivo-5-playground.png');
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 1320 });
    await page.getByText('¿cómo va el objetivo 5?', { exact: true }).last().scrollIntoViewIfNeeded();
    await card.evaluate((e) => e.scrollIntoView({ block: 'end' }));
    await page.waitForTimeout(300);
    await page.screenshot({ path: docShot });
    if (size) await page.setViewportSize(size);
    if (process.env.PEI_E2E_UPDATE_DOCS === '1') {
      mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
      copyFileSync(docShot, join(ROOT, 'docs', 'images', 'playground-objetivo.png'));
    }
  });
});

test('reportar avance: el formulario guarda 0,3 para 4263 (junio) y el avance sube a 75,0 %', async () => {
  const form = await step('formulario', async () => {
    const objectiveCard = objectiveCard5 ?? page.locator('.ac-adaptiveCard', { hasText: 'Esperado a la fecha' }).last();
    await markCards();
    await objectiveCard.getByRole('button', { name: 'Reportar avance' }).click();
    const found = await newCard('el formulario de reporte', (t) => /Enviar/.test(t));
    const f = found.card;
    await f.getByRole('combobox', { name: /Indicador/ }).click();
    await page.getByRole('option', { name: /^4263 · / }).click();
    expect(await f.getByRole('combobox', { name: /Indicador/ }).inputValue()).toMatch(/^4263 · /);
    // June is the month that closed before 2025-07-03: the form's default.
    const period = f.getByRole('combobox', { name: /Mes/ });
    if (!/junio de 2025/i.test(await period.inputValue())) {
      await period.click();
      await page.getByRole('option', { name: /junio de 2025/i }).click();
    }
    await f.getByLabel(/^Valor/).fill('0,3');
    await f.getByLabel(/^Logros/).fill('Portal de trámites en producción con 120 trámites publicados.');
    await f.getByLabel(/evidencia/i).fill('https://intranet.example/evidencias/4263-2025-06');
    await shot('03-formulario', f);
    return f;
  });

  await step('confirmacion', async () => {
    await markCards();
    // «Enviar» is an Action.Execute: the playground sends the adaptiveCard/action invoke and draws the card of its
    // answer in place of the form (one round trip). The confirmation carries the indicator's new figure.
    await form.getByRole('button', { name: /Enviar/ }).click();
    const confirmation = page.locator('.ac-adaptiveCard', { hasText: /Reporte registrado/ });
    await confirmation.first().waitFor();
    const ctext = plain(await confirmation.first().innerText());
    expect(ctext).toContain('4263');
    expect(ctext).toContain('junio de 2025');
    expect(ctext).toMatch(/Valor\n0,3/);
    const ind = (await objective(5)).indicators.find((i) => i.id === '4263')!;
    expect(ind).toMatchObject({ executed: 0.3, progress: 0.75, lastReport: '2025-06' });
    expect(ctext).toMatch(new RegExp(`Avance 2025 del indicador\\n.*${escapeRe(pct(ind.progress))}`));
    // No second message: the whole indicator card comes from the confirmation's button.
    await markCards();
    await confirmation.first().getByRole('button', { name: 'Ver indicador 4263' }).click();
    const detail = await newCard('la tarjeta del indicador 4263', (t) => t.includes('4263') && /Programado/.test(t));
    writeFileSync(join(OUTPUT, '04-indicador-4263.txt'), `${detail.text}\n`);
    // The 2025 row of the programmed-vs-executed table: year, programmed, executed, progress.
    expect(detail.text).toMatch(new RegExp(`^2025\\n0,4\\n0,3\\n.*${escapeRe(pct(ind.progress))}$`, 'm'));
    expect(pct(ind.progress)).toBe('75,0 %');
    await shot('04-confirmacion');
  });

  await step('objetivo-5-actualizado', async () => {
    await markCards();
    await typeInto(page.locator('[data-lexical-editor="true"]').first(), '¿cómo va el objetivo 5?');
    await page.keyboard.press('Enter');
    const { card, text } = await newCard(
      'la tarjeta del objetivo 5 actualizada',
      (t) => t.includes('Esperado a la fecha') && t.includes('4263 · '),
    );
    writeFileSync(join(OUTPUT, '05-objetivo-5-actualizado.txt'), `${text}\n`);
    const o = await objective(5);
    expectObjectiveCard(text, o);
    expect(
      indicatorBlock(
        text,
        '4263',
        o.indicators.map((i) => i.id),
      ),
    ).toContain('75,0 %');
    await shot('05-objetivo-5-actualizado', card);
    // The chart of its indicators (Chart.VerticalBar.Grouped) is drawn: per indicator, its annual progress and its
    // expected, each bar as tall as its figure (the API's, in percent) on the chart's own axis.
    const bars = await measureBarChart(card, join(OUTPUT, '05-objetivo-5-grafica.png'));
    writeFileSync(join(OUTPUT, '05-objetivo-5-grafica.json'), `${JSON.stringify(bars, null, 2)}\n`);
    const withTarget = o.indicators.filter((i) => i.expected !== null);
    expect(bars.map((b) => b.value)).toEqual(
      withTarget.flatMap((i) => [Math.round((i.progress ?? 0) * 1000) / 10, Math.round(i.expected! * 1000) / 10]),
    );
    expect(new Set(bars.map((b) => b.fill)).size).toBe(2);
  });
});

/** The bars of a card's bar chart as the browser drew them, read back in the chart's units through its y axis. */
async function measureBarChart(
  card: Locator,
  file: string,
): Promise<{ fill: string; value: number; x: number; width: number }[]> {
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: file });
  const info = await card.evaluate((el) => {
    const svgs = [...el.querySelectorAll('svg')]
      .map((s) => ({ s, r: s.getBoundingClientRect() }))
      .sort((a, b) => b.r.width * b.r.height - a.r.width * a.r.height);
    if (!svgs.length) return null;
    const { s } = svgs[0];
    const ticks = [...s.querySelectorAll('g')]
      .map((g) => ({
        text: g.querySelector(':scope > text')?.textContent ?? '',
        line: g.querySelector(':scope > line'),
      }))
      .filter((t) => t.line && /^-?[\d.,]+$/.test(t.text.trim()))
      .map((t) => ({ value: Number(t.text.replace(/,/g, '')), y: Number(t.line!.getAttribute('y1')) }));
    // Each bar is a closed path (a rectangle) filled with its series' colour, in the order of the data.
    const bars = [...s.querySelectorAll('path')]
      .filter(
        (p) =>
          /Z\s*$/i.test(p.getAttribute('d') ?? '') && !['none', 'transparent', null].includes(p.getAttribute('fill')),
      )
      .map((p) => {
        const xy = [...(p.getAttribute('d') ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
          Number(m[1]),
          Number(m[2]),
        ]);
        const xs = xy.map((q) => q[0]);
        const ys = xy.map((q) => q[1]);
        const b = p.getBoundingClientRect();
        return {
          fill: p.getAttribute('fill')!,
          x: b.x,
          width: Math.max(...xs) - Math.min(...xs),
          height: Math.max(...ys) - Math.min(...ys),
        };
      })
      .filter((r) => r.width > 2);
    return { ticks, bars, html: s.outerHTML };
  });
  if (!info) throw new Error('la tarjeta no tiene ningún SVG: el Playground no dibujó la gráfica de barras');
  writeFileSync(`${file}.svg`, `${info.html}\n`);
  const lo = info.ticks.reduce((a, b) => (b.value < a.value ? b : a));
  const hi = info.ticks.reduce((a, b) => (b.value > a.value ? b : a));
  const perPx = (hi.value - lo.value) / (lo.y - hi.y);
  return info.bars.map((b) => ({
    fill: b.fill,
    value: Math.round(b.height * perPx * 10) / 10,
    x: b.x,
    width: b.width,
  }));
}

/** A line series as the browser drew it: its colour, its points read back in the chart's units, its pixels. */
interface DrawnSeries {
  color: string;
  /** The path's points mapped back through the y axis' ticks: [month index 0..11, value]. */
  points: [number, number][];
  /** Pixels of the series' colour in the screenshot, inside the chart, and the horizontal span they cover (0..1). */
  pixels: number;
  from: number;
  to: number;
}
interface DrawnChart {
  svg: { width: number; height: number };
  series: DrawnSeries[];
}

function rgbOf(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) as [number, number, number];
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/i.exec(color.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

/**
 * A card's line chart as the browser drew it. From the DOM: the largest SVG of the card, its y-axis ticks (a label
 * and the y of its grid line) and its series (paths drawn with a stroke and no fill), whose points are mapped back to
 * values through the ticks and to months through the spacing of the twelve expected points. From the screenshot: for
 * each series, the pixels of its colour inside the SVG, so that "drawn" means seen, not only present in the DOM.
 */
async function measureChart(card: Locator, file: string): Promise<DrawnChart> {
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: file });
  const cardBox = (await card.boundingBox())!;
  const info = await card.evaluate((el) => {
    const svgs = [...el.querySelectorAll('svg')]
      .map((s) => ({ s, r: s.getBoundingClientRect() }))
      .sort((a, b) => b.r.width * b.r.height - a.r.width * a.r.height);
    if (!svgs.length) return null;
    const { s, r } = svgs[0];
    const ticks = [...s.querySelectorAll('g')]
      .map((g) => ({
        text: g.querySelector(':scope > text')?.textContent ?? '',
        line: g.querySelector(':scope > line'),
      }))
      .filter((t) => t.line && /^-?[\d.,]+$/.test(t.text.trim()))
      .map((t) => ({ value: Number(t.text.replace(/,/g, '')), y: Number(t.line!.getAttribute('y1')) }));
    const paths = [...s.querySelectorAll('path')]
      .filter(
        (p) => p.getAttribute('fill') === 'none' && p.getAttribute('stroke') && p.getAttribute('stroke') !== 'none',
      )
      .map((p) => {
        const b = p.getBoundingClientRect();
        return {
          stroke: p.getAttribute('stroke')!,
          d: p.getAttribute('d') ?? '',
          box: { x: b.x, y: b.y, width: b.width, height: b.height },
        };
      });
    return { x: r.x, y: r.y, width: r.width, height: r.height, ticks, paths, html: s.outerHTML };
  });
  if (!info) throw new Error('la tarjeta no tiene ningún SVG: el Playground no dibujó la gráfica');
  writeFileSync(`${file}.svg`, `${info.html}\n`);
  if (info.ticks.length < 2) throw new Error(`la gráfica no tiene eje y legible: ${JSON.stringify(info.ticks)}`);
  const lo = info.ticks.reduce((a, b) => (b.value < a.value ? b : a));
  const hi = info.ticks.reduce((a, b) => (b.value > a.value ? b : a));
  const valueAt = (y: number) => lo.value + ((y - lo.y) * (hi.value - lo.value)) / (hi.y - lo.y);
  const raw = info.paths.map((p) => ({
    color: p.stroke,
    box: p.box,
    xy: [...p.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]),
  }));
  // The month step: the widest series spans the twelve months.
  const widest = raw.reduce((a, b) => (b.xy.length > a.xy.length ? b : a));
  const step = (widest.xy[widest.xy.length - 1][0] - widest.xy[0][0]) / (widest.xy.length - 1);
  const png = PNG.sync.read(readFileSync(file));
  const sx = png.width / cardBox.width;
  const x0 = Math.round((info.x - cardBox.x) * sx);
  const y0 = Math.round((info.y - cardBox.y) * sx);
  const w = Math.round(info.width * sx);
  const h = Math.round(info.height * sx);
  const series: DrawnSeries[] = raw.map(({ color, box, xy }) => {
    const rgb = rgbOf(color)!;
    let pixels = 0;
    let from = Infinity;
    let to = -Infinity;
    // Only around the line itself (its box, 4 px more each side): the axis labels and legend are not the line.
    const bx0 = Math.max(x0, Math.round((box.x - cardBox.x - 4) * sx));
    const by0 = Math.max(y0, Math.round((box.y - cardBox.y - 4) * sx));
    const bx1 = Math.min(x0 + w, Math.round((box.x - cardBox.x + box.width + 4) * sx));
    const by1 = Math.min(y0 + h, Math.round((box.y - cardBox.y + box.height + 4) * sx));
    for (let y = by0; y < Math.min(png.height, by1); y++) {
      for (let x = bx0; x < Math.min(png.width, bx1); x++) {
        const k = (y * png.width + x) * 4;
        if (
          Math.abs(png.data[k] - rgb[0]) + Math.abs(png.data[k + 1] - rgb[1]) + Math.abs(png.data[k + 2] - rgb[2]) <=
          24
        ) {
          pixels++;
          from = Math.min(from, x);
          to = Math.max(to, x);
        }
      }
    }
    return {
      color,
      points: xy.map(
        ([x, y]) => [Math.round((x - widest.xy[0][0]) / step), Math.round(valueAt(y) * 100) / 100] as [number, number],
      ),
      pixels,
      from: pixels ? (from - x0) / w : 0,
      to: pixels ? (to - x0) / w : 0,
    };
  });
  return { svg: { width: info.width, height: info.height }, series };
}

test('chat personal: «indicador 3980» dibuja sus valores mes a mes contra la línea esperada', async () => {
  const { card, text } = await step('indicador-3980', async () => {
    await markCards();
    await typeInto(page.locator('[data-lexical-editor="true"]').first(), 'indicador 3980');
    await page.keyboard.press('Enter');
    return newCard('la tarjeta del indicador 3980', (t) => t.includes('3980') && t.includes('Mes a mes en 2025'));
  });

  await step('indicador-3980-grafica', async () => {
    writeFileSync(join(OUTPUT, '08-indicador-3980.txt'), `${text}\n`);
    const ind = (await status()).objectives.flatMap((o) => o.indicators).find((i) => i.id === '3980')!;
    // The demo's reports: 3 in February, 2 in April, 2 in June → 7 of 26 by June.
    expect(ind.executed).toBe(7);
    const cardShot = await shot('08-indicador-3980', card);
    if (process.env.PEI_E2E_UPDATE_DOCS === '1') {
      mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
      copyFileSync(cardShot, join(ROOT, 'docs', 'images', 'playground-indicador-grafica.png'));
    }
    const drawn = await measureChart(card, join(OUTPUT, '08-indicador-3980-grafica.png'));
    writeFileSync(join(OUTPUT, '08-indicador-3980-grafica.json'), `${JSON.stringify(drawn, null, 2)}\n`);
    // The Playground draws Chart.Line (an SVG across the card), not the fallback table.
    expect(drawn.svg.width).toBeGreaterThan(300);
    expect(drawn.svg.height).toBeGreaterThan(120);
    expect(text).not.toMatch(/^feb\.\n3\n4,33$/m);
    // Two lines, read back from the drawing: the expected path to 26 (26·m/12, m = 1..12) and the year's sum.
    expect(drawn.series).toHaveLength(2);
    const [expectedLine, actualLine] = drawn.series;
    expect(expectedLine.points.map(([m]) => m)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expectedLine.points.forEach(([m, v]) => expect(Math.abs(v - (26 * (m + 1)) / 12)).toBeLessThan(0.05));
    // February to June: 3, 3, 5, 5, 7; the last point is the card's «Ejecutado» (the API's executed).
    expect(actualLine.points).toEqual([
      [1, 3],
      [2, 3],
      [3, 5],
      [4, 5],
      [5, ind.executed],
    ]);
    // Both lines are seen in the screenshot: the expected one across the whole chart, the year's sum only over
    // February to June (the left half), ending where the expected line goes on.
    for (const line of drawn.series) expect(line.pixels).toBeGreaterThan(150);
    expect(expectedLine.to - expectedLine.from).toBeGreaterThan(0.6);
    expect(actualLine.to).toBeLessThan(expectedLine.to - 0.2);
    expect(actualLine.to - actualLine.from).toBeGreaterThan(0.15);
    expect(text).toContain('Acumulado del año');
    expect(text).toContain('Esperado');
  });

  await step('objetivo-5-refresh', async () => {
    // The objective card asked for before the report, refreshed after it: its refresh (Action.Execute
    // refresh-objective) sent as Teams would, through the playground's POST /_conversation/v1/invoke, which forwards
    // the adaptiveCard/action invoke and answers the bot's invoke response. (The playground's page does not fire a
    // card's refresh itself: its client has no automatic refresh, so the invoke is posted here.)
    const seen = await streamed();
    const first = seen.find(
      (m) =>
        m.action === 'createMessage' &&
        m.message.attachments?.[0]?.content?.refresh?.action?.verb === 'refresh-objective',
    );
    if (!first) throw new Error('no se vio en el stream del playground la tarjeta del objetivo 5 con su refresh');
    const card0 = first.message.attachments![0].content!;
    expect(card0.refresh.userIds).toEqual([me.id]);
    const before = plain(textOfCard(card0));
    expect(
      indicatorBlock(
        before,
        '4263',
        (await objective(5)).indicators.map((i) => i.id),
      ),
    ).not.toContain('75,0 %');
    const res = await fetch(`${pgUrl}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        conversation: { id: first.actionConversationId },
        from: { id: me.id, name: me.name },
        replyToId: first.message.messageId,
        value: { action: card0.refresh.action, trigger: 'manual' },
      }),
    });
    const raw = await res.text();
    writeFileSync(join(OUTPUT, '05b-objetivo-5-refresh.json'), `${raw}\n`);
    expect(res.status).toBe(200);
    // The playground answers the bot's invoke response without its statusCode: {type, value}.
    const answer = JSON.parse(raw) as { type: string; value: Record<string, any> };
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const after = plain(textOfCard(answer.value));
    const o = await objective(5);
    expect(
      indicatorBlock(
        after,
        '4263',
        o.indicators.map((i) => i.id),
      ),
    ).toContain('75,0 %');
    expect(answer.value.body[0].text).toBe(card0.body[0].text);
  });
});

/** What a card JSON shows (texts, in order, one a line), as innerText would read it. */
function textOfCard(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (key === 'text' || key === 'title' || key === 'value') out.push(v.replace(/\*\*/g, ''));
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (k !== 'data' && k !== 'refresh' && k !== 'actions') walk(x, k);
  };
  walk(card, '');
  return out.join('\n');
}

test('canal General de «My Team»: «@PEI Bot plan» responde con el plan', async () => {
  await step('canal-general', async () => {
    await page.getByRole('treeitem', { name: `${teamName} - General` }).click();
    await page.getByRole('button', { name: 'Post', exact: true }).waitFor();
  });

  const answer = await step('mencion', async () => {
    await markCards();
    // The channel's "Start a new post" box: "@" opens the playground's mention picker; the bot is picked from it.
    const editor = page.locator('[data-lexical-editor="true"]').first();
    await typeInto(editor, '@PEI');
    await page.locator('#typeahead-menu [role="menuitem"]', { hasText: botName }).click();
    await page.keyboard.type(' plan', { delay: 5 });
    await shot('06-mencion');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    // In channels the bot answers only when mentioned: an answer proves the mention reached it as one.
    return newCard('la respuesta del bot en el canal', (t) => /^(Avance del plan|Plan progress)$/m.test(t));
  });

  await step('plan-cifras', async () => {
    const s = await status();
    writeFileSync(join(OUTPUT, '07-canal-plan.txt'), `${answer.text}\n`);
    // The playground sends every activity with locale en-US; "plan" is both Spanish and English, so the bot may
    // answer in the client's language: the labels and the number format follow whichever language it chose.
    const en = /^Plan progress$/m.test(answer.text);
    const l = en
      ? { plan: 'Plan progress', expected: 'Expected to date', cumulative: 'Four-year progress', lang: 'en' as const }
      : {
          plan: 'Avance del plan',
          expected: 'Esperado a la fecha',
          cumulative: 'Avance cuatrienio',
          lang: 'es' as const,
        };
    expect(valueAfter(answer.text, l.plan)).toBe(pct(s.plan.progress, l.lang));
    expect(valueAfter(answer.text, l.expected)).toBe(pct(s.plan.expected, l.lang));
    expect(valueAfter(answer.text, l.cumulative)).toBe(pct(s.plan.cumulative, l.lang));
    // Objective 5's row carries the progress the browser's report produced.
    const o5 = s.objectives.find((o) => o.number === 5)!;
    expect(answer.text).toMatch(new RegExp(`^5 · .*\\n${escapeRe(pct(o5.progress, l.lang))}$`, 'm'));
    await shot('07-canal-plan');
    await shot('07-canal-plan-tarjeta', answer.card);
  });
});

/**
 * Issue 16: the search message extension through the playground. Its HTTP API forwards a `composeExtension/query`
 * (POST /_conversation/v1/invoke) to the bot as Teams would, and answers with the bot's `composeExtension` body;
 * the test reads that answer. The playground's UI is not driven here: inserting a result into a chat is Teams'
 * own client at work (the README, «Buscar desde el cuadro de redacción», says what the playground shows and what not).
 */
test('extensión de mensajes: «CSIRT» por el playground devuelve primero la tarjeta del 4234', async () => {
  const answer = await step('busqueda-csirt', async () => {
    const config = JSON.parse((await httpGet(`${pgUrl}/_internal/v1/config`)).body) as {
      config: { personalChat: { id: string } };
    };
    const conversationId = config.config.personalChat.id;
    const body = JSON.stringify({
      name: 'composeExtension/query',
      conversation: { id: conversationId },
      from: { id: me.id },
      value: {
        commandId: 'searchPlan',
        parameters: [{ name: 'query', value: 'CSIRT' }],
        queryOptions: { skip: 0, count: 25 },
      },
    });
    const res = await fetch(`${pgUrl}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    const text = await res.text();
    writeFileSync(join(OUTPUT, '08-busqueda-csirt.json'), `${text}\n`);
    expect({ status: res.status, conversationId }).toEqual({ status: 200, conversationId });
    return JSON.parse(text);
  });
  await step('busqueda-tarjeta', async () => {
    expect(answer.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [first] = answer.composeExtension.attachments;
    expect(first.preview.content.title).toMatch(/^4234 · /);
    expect(first.contentType).toBe('application/vnd.microsoft.card.adaptive');
    // The playground sends locale en-US and «CSIRT» tells no language: the card speaks the client's (English).
    expect(JSON.stringify(first.content)).toMatch(/"(Indicador|Indicator) 4234"/);
    expect(Buffer.byteLength(JSON.stringify(first.content), 'utf8')).toBeLessThan(28 * 1024);
  });
});
