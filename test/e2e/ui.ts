import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { Child, httpGet, OUTPUT, plain, ROOT, waitHttp } from './harness';

/**
 * What the end-to-end tests do in the Agents Playground's page, for any number of pages (one per simulated user):
 * start a playground for a config file, open headless Chromium on it, wait for cards drawn after a mark.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Polls `fn` until it returns something truthy; the last error it threw goes into the timeout's message. */
export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 30000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `Tiempo agotado (${timeoutMs / 1000} s) esperando ${what}${last ? `: ${(last as Error).message}` : ''}`,
  );
}

/**
 * Marks the cards on the page now, so that `newCard` sees only the ones drawn afterwards (wherever they land: the
 * chat appends at the bottom, a channel puts new posts on top).
 */
export async function markCards(page: Page): Promise<void> {
  await page.$$eval('.ac-adaptiveCard', (els) => els.forEach((e) => e.setAttribute('data-e2e-seen', '1')));
}

/** The first card drawn since `markCards` that satisfies `accept` (its innerText, plain). */
export async function newCard(
  page: Page,
  what: string,
  accept: (text: string) => boolean,
  timeoutMs = 30000,
): Promise<{ card: Locator; text: string }> {
  return until(
    what,
    async () => {
      const fresh = page.locator('.ac-adaptiveCard:not([data-e2e-seen])');
      const n = await fresh.count();
      for (let i = 0; i < n; i++) {
        const text = plain(await fresh.nth(i).innerText());
        if (!accept(text)) continue;
        // Pin it down: once marked it keeps its identity when other cards come and go.
        const tag = `c${Date.now()}${i}`;
        await fresh.nth(i).evaluate((e, t) => e.setAttribute('data-e2e-card', t), tag);
        return { card: page.locator(`[data-e2e-card="${tag}"]`), text };
      }
      return undefined;
    },
    timeoutMs,
  );
}

/** Types into the Lexical message box and sends. */
export async function say(page: Page, text: string): Promise<void> {
  await page.locator('[data-lexical-editor="true"]').first().click();
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
}

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId?: string;
}

/** What GET /_internal/v1/config of the playground tells about its simulated world (the parts the tests read). */
export interface PlaygroundConfig {
  currentUser: PlaygroundUser;
  bot: { name: string };
  teams: { name: string }[];
}

/** The Microsoft 365 Agents Playground as a child process, for one config file, talking to the bot at `botUrl`. */
export async function startPlayground(opts: {
  name: string;
  botUrl: string;
  port: number;
  configFile: string;
  env: NodeJS.ProcessEnv;
}): Promise<{ child: Child; url: string; user: PlaygroundUser; config: PlaygroundConfig }> {
  const pgCli = join(require.resolve('@microsoft/m365agentsplayground/package.json'), '..', 'cli.js');
  const child = new Child(
    opts.name,
    pgCli,
    ['-e', `${opts.botUrl}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(opts.port)],
    {
      cwd: ROOT,
      env: {
        ...opts.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        TEAMSAPPTESTER_PORT: String(opts.port),
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: opts.configFile,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(OUTPUT, `${opts.name}-events.log`),
        LC_ALL: 'es_CO.UTF-8',
        TZ: 'America/Bogota',
      },
      logFile: join(OUTPUT, `${opts.name}.log`),
    },
  );
  // It moves to a random port when the asked one is taken: believe what it prints.
  const listening = await child.waitForLine(/Listening on (\d+)/, 60000);
  const url = `http://127.0.0.1:${listening[1]}`;
  const config = await until(
    `GET /_internal/v1/config de ${opts.name}`,
    async () => {
      if (!child.running) throw new Error(`${opts.name} terminó\n${child.lastLines()}`);
      const r = await httpGet(`${url}/_internal/v1/config`);
      return r.status === 200 ? (JSON.parse(r.body) as { config: PlaygroundConfig }) : undefined;
    },
    60000,
  );
  await waitHttp(`${url}/`, child, 60000);
  return { child, url, user: config.config.currentUser, config: config.config };
}

/**
 * A copy of the repository's playground config (.m365agentsplayground.yml) in `dir` where the user `userId` of its
 * `users` list is the current one (the two swap places) and the personal chat has its own id: each simulated person
 * has a chat of their own, so what the bot sends one (a notice) never lands in another's.
 */
export function playgroundConfigAs(userId: string, personalChatId: string, dir: string): string {
  const text = readFileSync(join(ROOT, '.m365agentsplayground.yml'), 'utf8');
  const current = /^currentUser:\n((?:[ \t]+.*\n)+)/m.exec(text);
  const other = new RegExp(`^  - id: ${userId}\\n((?:    .*\\n)+)`, 'm').exec(text);
  if (!current || !other) throw new Error(`.m365agentsplayground.yml no tiene currentUser o el usuario ${userId}`);
  const currentFields = current[1].replace(/^ {2}/gm, '');
  const otherFields = `id: ${userId}\n${other[1].replace(/^ {4}/gm, '')}`;
  const out = text
    .replace(current[0], `currentUser:\n${otherFields.replace(/^/gm, '  ').replace(/ +$/, '')}`)
    .replace(other[0], `  - ${currentFields.replace(/^/gm, '    ').trimStart().replace(/ +$/, '')}`)
    .replace(/^personalChat:\n {2}id: .*$/m, `personalChat:\n  id: ${personalChatId}`);
  const file = join(dir, `playground-${userId}.yml`);
  writeFileSync(file, out);
  return file;
}

/** Headless Chromium with its own profile in `dir`, in Spanish (Colombia) and Bogotá's time. */
export async function launchBrowser(dir: string): Promise<BrowserContext> {
  const profile = join(dir, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 1700 },
    locale: 'es-CO',
    timezoneId: 'America/Bogota',
  });
  context.setDefaultTimeout(30000);
  return context;
}

/** Opens the playground's page, waits for the bot's welcome and hides the log panel (clearer screenshots). */
export async function openChat(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-lexical-editor="true"]').first().waitFor({ timeout: 60000 });
  await newCard(page, 'la tarjeta de bienvenida', (t) => /PEI/.test(t), 60000);
  const toggle = page.getByTitle('Toggle Log Panel');
  if (await toggle.isVisible().catch(() => false)) await toggle.click();
}
