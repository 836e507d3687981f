/**
 * The dashboard tab in a real browser (issue 27): headless Chromium (playwright-core, /usr/bin/chromium or
 * CHROMIUM_PATH) opens GET /tab/ on the real server in process, over two different report sets, and finds each
 * objective's figures exactly as GET /api/v1/status gives them, written as the cards write them; axe-core finds no
 * WCAG 2.1 A/AA violation in the light and high-contrast themes; the filters are reached and used by keyboard;
 * «mis indicadores» lists the person's own; the page never holds PEI_API_TOKEN. A screenshot of the tab is written
 * to a temporary folder (and to docs/images/ with PEI_UPDATE_SCREENSHOTS=1).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestBot, type TestBot } from '../helpers/bot';
import { formatPercent } from '../../src/i18n/format';
import { seedReports, OWNER } from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TOKEN = 'tab-test-api-token-that-the-page-must-never-hold';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ROOT = join(__dirname, '..', '..');

let browser: Browser;
let tmp: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or CHROMIUM_PATH)`);
  tmp = mkdtempSync(join(tmpdir(), 'pei-tab-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 30000);

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openTab(
  bot: TestBot,
  query = '',
  opts: { theme?: string } = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  const q = new URLSearchParams(query);
  if (opts.theme) q.set('theme', opts.theme);
  await page.goto(`${bot.url}/tab/${q.size ? `?${q}` : ''}`);
  await page.waitForSelector('body[data-ready]');
  expect(await page.getAttribute('body', 'data-ready')).toBe('true');
  return { page, problems };
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

/** Every objective's and indicator's figures on the page equal the status API's, formatted as the cards do. */
async function expectSameFigures(page: Page, api: any, lang: 'es' | 'en') {
  const fmt = (x: number | null) => formatPercent(x, lang);
  expect(await text(page, '[data-of="plan"][data-figure="progress"]')).toBe(fmt(api.plan.progress));
  expect(await text(page, '[data-of="plan"][data-figure="expected"]')).toBe(fmt(api.plan.expected));
  expect(api.objectives).toHaveLength(10);
  const shown = await page.$$eval('section.objective', (els) =>
    els.map((s) => ({
      n: Number((s as HTMLElement).dataset.objective),
      progress: s.querySelector('[data-figure="progress"][data-of^="objective"]')!.textContent,
      expected: s.querySelector('[data-figure="expected"][data-of^="objective"]')!.textContent,
      cumulative: s.querySelector('[data-figure="cumulative"][data-of^="objective"]')!.textContent,
      status: s.querySelector('.objective-head .status')!.textContent,
      rows: [...s.querySelectorAll('tbody tr[data-indicator]')].map((tr) => ({
        id: (tr as HTMLElement).dataset.indicator,
        progress: tr.querySelector('[data-figure="progress"]')!.textContent,
      })),
    })),
  );
  expect(shown.map((o) => o.n)).toEqual(api.objectives.map((o: any) => o.number));
  for (const [i, o] of api.objectives.entries()) {
    expect({
      n: o.number,
      progress: shown[i].progress,
      expected: shown[i].expected,
      cumulative: shown[i].cumulative,
    }).toEqual({
      n: o.number,
      progress: fmt(o.progress),
      expected: fmt(o.expected),
      cumulative: fmt(o.cumulative),
    });
    // The semáforo is a word beside an icon, never a colour alone.
    expect(shown[i].status).toMatch(/^\S+\s+\S/u);
    expect(shown[i].rows).toEqual(o.indicators.map((ind: any) => ({ id: ind.id, progress: fmt(ind.progress) })));
  }
}

async function axeViolations(page: Page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v: any) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`);
  });
}

describe('the dashboard tab in Chromium', () => {
  let bot: TestBot;
  afterEach(async () => {
    await bot?.stop();
  });

  test('report set A: the figures of the status API, no axe violation in light and high contrast, keyboard filters, mis indicadores', async () => {
    bot = await startTestBot({ PEI_API_TOKEN: TOKEN });
    const ids = await seedReports(bot.bot.services.store, { pick: 0, share: 0.1, months: 5, ownerOf: 2 });
    const api = await bot.get('/api/v1/status?asOf=2025-07-03', { Authorization: `Bearer ${TOKEN}` });
    expect(api.status).toBe(200);
    expect(api.body.objectives.some((o: any) => o.progress > 0)).toBe(true);

    const { page, problems } = await openTab(bot, `me=${OWNER.email}`);
    await expectSameFigures(page, api.body, 'es');
    expect(await page.content()).not.toContain(TOKEN);
    const html = await bot.get('/tab/');
    expect(html.status).toBe(200);
    expect(String(html.body)).not.toContain(TOKEN);

    // «Mis indicadores»: the owner's two, with what to type in the bot's chat (anonymous mode: no bot id to link to).
    const mine = await page.$$eval('ul.mine li', (els) => els.map((e) => (e as HTMLElement).dataset.indicator));
    expect(mine).toEqual(ids.slice(0, 2));
    expect(await text(page, 'ul.mine li')).toContain(`«reportar avance ${ids[0]}»`);
    // Owners by name, never an e-mail.
    expect(await page.locator('tbody').first().innerText()).not.toMatch(/@/);

    // axe-core, light theme.
    expect(await axeViolations(page)).toEqual([]);

    // Every filter is reached with Tab, in order, from the top of the page.
    await page.locator('body').focus();
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a ? a.id || a.getAttribute('aria-controls') || a.tagName.toLowerCase() : '';
      });
      if (reached[reached.length - 1] !== id) reached.push(id);
    }
    for (const id of ['f-year', 'f-asOf', 'f-objective', 'f-status', 'f-owner', 'f-mine', 'f-clear', 'f-print'])
      expect(reached).toContain(id);
    expect(reached.indexOf('f-year')).toBeLessThan(reached.indexOf('f-print'));
    expect(reached.some((r) => /^objective-\d+-bars$/.test(r))).toBe(true);

    // The status filter, by keyboard: the rows left all carry the chosen status.
    await page.focus('#f-status');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.$eval('#f-status', (s) => (s as HTMLSelectElement).value);
    expect(chosen).not.toBe('');
    const statuses = await page.$$eval('tbody tr[data-indicator]:not([hidden])', (els) =>
      els.map((e) => (e as HTMLElement).dataset.status),
    );
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([chosen]));
    expect(await text(page, '#count')).toMatch(new RegExp(`Se muestran ${statuses.length} de \\d+ indicadores`));
    // «Solo mis indicadores» with the space bar.
    await page.focus('#f-status');
    await page.keyboard.press('Home');
    await page.focus('#f-mine');
    await page.keyboard.press('Space');
    const visible = await page.$$eval('tbody tr[data-indicator]:not([hidden])', (els) =>
      els.map((e) => (e as HTMLElement).dataset.indicator),
    );
    expect(visible).toEqual(ids.slice(0, 2));

    // An objective's bars open with Enter, with their table; an indicator's monthly chart opens in a dialog.
    await page.focus('#f-mine');
    await page.keyboard.press('Space');
    const barsButton = page.locator('button[aria-controls="objective-1-bars"]');
    await barsButton.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#objective-1-bars canvas');
    expect(await barsButton.getAttribute('aria-expanded')).toBe('true');
    const monthly = page.locator(`tr[data-indicator="${ids[0]}"] button`).first();
    await monthly.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open] canvas');
    expect(await page.locator('dialog[open] table.data tbody tr').count()).toBeGreaterThan(0);

    // A screenshot for the README.
    await page.keyboard.press('Escape');
    await page.focus('#f-status');
    await page.keyboard.press('Home');
    const shot = join(tmp, 'tablero-pei.png');
    await page.screenshot({ path: shot, fullPage: false });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    if (process.env.PEI_UPDATE_SCREENSHOTS === '1') copyFileSync(shot, join(ROOT, 'docs', 'images', 'tablero-pei.png'));

    // High contrast: the same page, no violation either.
    const contrast = await openTab(bot, '', { theme: 'contrast' });
    expect(await contrast.page.getAttribute('html', 'data-theme')).toBe('contrast');
    expect(await axeViolations(contrast.page)).toEqual([]);

    expect([...problems, ...contrast.problems]).toEqual([]);
  }, 40000);

  test('report set B, in English: the figures of the status API, written «39.2 %»', async () => {
    bot = await startTestBot({ PEI_API_TOKEN: TOKEN });
    await seedReports(bot.bot.services.store, { pick: 1, share: 0.07, months: 6 });
    await seedReports(bot.bot.services.store, { pick: 2, share: 0.2, months: 3 });
    const api = await bot.get('/api/v1/status?asOf=2025-07-03', { Authorization: `Bearer ${TOKEN}` });
    const { page, problems } = await openTab(bot, 'lang=en');
    await expectSameFigures(page, api.body, 'en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await text(page, 'h1')).toBe('PEI dashboard');
    // Another as-of date, typed in the date field: the figures follow the API's for that date.
    const earlier = await bot.get('/api/v1/status?asOf=2025-04-15', { Authorization: `Bearer ${TOKEN}` });
    await page.fill('#f-asOf', '2025-04-15');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('asOf') === '2025-04-15');
    await page.waitForSelector('#f-asOf');
    await expectSameFigures(page, earlier.body, 'en');
    expect(problems).toEqual([]);
  }, 30000);
});
