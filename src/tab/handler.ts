import type { IncomingMessage, ServerResponse } from 'node:http';
import { ownersOfPlan } from '../domain/owners';
import type { Person } from '../domain/records';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bogotaDate, isIsoDate, yearOf } from '../calendar';
import { catalog, type HttpStrings, type Lang, type TabStrings } from '../i18n';
import type { StatusService } from '../progress/service';
import type { PlanBook } from '../progress/plans';
import type { Store } from '../store/types';
import { samePerson } from '../reports/ownership';
import { tabMonthly, tabView } from '../views/tab-view';
import { TAB_ASSETS_DIR } from '../paths';
import { createTabAuth, type TabAuth, type TabAuthOptions, type TabPerson } from './auth';
import { CSP, configHtml, dashboardHtml } from './page';

/**
 * The dashboard tab («Tablero PEI»), an adapter beside teams/, http/ and cli/: plain Node request handling (http/
 * mounts it on the bot's restify server under /tab), over the same status service and store as GET /api/v1/status.
 *
 *   GET /tab/                                   the page (Spanish; English with ?lang=en… or Accept-Language: en)
 *   GET /tab/config                             the channel tab's configuration page
 *   GET /tab/assets/<file>                      the built script and styles (dist/tab/, npm run build)
 *   GET /tab/api/plan?year&asOf&lang&me         the figures, as the view model the page draws
 *   GET /tab/api/indicators/<id>/monthly?…      an indicator's monthly chart
 *
 * With BOT_ID the data routes need the Teams SSO token (auth.ts); the page itself holds no secret.
 */

export interface TabOptions {
  status: StatusService;
  /** Every plan loaded: the tab shows the plan named (`?plan=ID`) or the plan in force at the as-of date. */
  plans?: PlanBook;
  store: Store;
  clock: () => Date;
  auth: TabAuthOptions;
  /** Where the built assets are (default dist/tab/). */
  assetsDir?: string;
  log: (msg: string, err?: unknown) => void;
}

export type TabHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const SECURITY = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  body: string | Buffer,
  type: string,
  headers: Record<string, string> = {},
) {
  if (res.headersSent) return;
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(payload.length),
    ...SECURITY,
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

const sendJson = (res: ServerResponse, req: IncomingMessage, status: number, body: unknown, h = {}) =>
  send(res, req, status, JSON.stringify(body), 'application/json; charset=utf-8', {
    'Cache-Control': 'no-store',
    ...h,
  });

/** ?lang=en… (the Teams locale, `{locale}` in the manifest's URL) wins; else Accept-Language; else Spanish. */
function langOf(req: IncomingMessage, q: URLSearchParams): Lang {
  const asked = q.get('lang');
  if (asked) return /^en\b/i.test(asked) ? 'en' : 'es';
  return /^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'es';
}

export function createTabHandler(opts: TabOptions): TabHandler {
  const auth: TabAuth = createTabAuth(opts.auth);
  const assetsDir = opts.assetsDir ?? TAB_ASSETS_DIR;
  const settings = (lang: Lang) => ({ lang, botId: opts.auth.appId ?? null, signIn: !auth.anonymous });

  const error = (
    req: IncomingMessage,
    res: ServerResponse,
    lang: Lang,
    status: number,
    code: string,
    message: (t: { http: HttpStrings; tab: TabStrings }) => string,
    headers: Record<string, string> = {},
  ) => sendJson(res, req, status, { error: { code, message: message(catalog(lang)) } }, headers);

  /** The year and as-of date as the status API reads them (today in Bogotá, its year). */
  function yearAsOf(q: URLSearchParams): { year: number; asOf: string } | { bad: 'asOf' | 'year'; got: string } {
    const asOf = q.get('asOf') || bogotaDate(opts.clock());
    if (!isIsoDate(asOf)) return { bad: 'asOf', got: asOf.slice(0, 80) };
    const yearText = q.get('year') || String(yearOf(asOf));
    if (!/^\d{4}$/.test(yearText)) return { bad: 'year', got: yearText.slice(0, 80) };
    return { year: Number(yearText), asOf };
  }

  /** The indicators the person owns in the plan shown (matched by every key they are known by, as the chat does). */
  async function mineOf(person: TabPerson | null, owners: Readonly<Record<string, readonly Person[]>>) {
    if (!person) return null;
    const mine = new Set<string>();
    for (const [id, list] of Object.entries(owners))
      if (list.some((o) => samePerson(o, { ...person, aadObjectId: person.id }))) mine.add(id);
    return mine;
  }

  async function data(req: IncomingMessage, res: ServerResponse, path: string, q: URLSearchParams, lang: Lang) {
    const who = await auth.check(req.headers.authorization);
    if (!who.ok) {
      const code = who.code;
      error(req, res, lang, 401, code, (t) => (code === 'token-missing' ? t.tab.tokenMissing : t.tab.tokenInvalid), {
        'WWW-Authenticate': 'Bearer realm="pei-bot-tab"',
      });
      return;
    }
    const p = yearAsOf(q);
    if ('bad' in p) {
      const got = p.got;
      if (p.bad === 'asOf') error(req, res, lang, 400, 'invalid-asOf', (t) => t.http.invalidAsOf(got));
      else error(req, res, lang, 400, 'invalid-year', (t) => t.http.invalidYear(got));
      return;
    }
    // In anonymous local mode the page may say who is looking (?me=<AAD object id or e-mail>), as anyone on the
    // local address may pose as anyone; with BOT_ID only the token says it.
    const me = q.get('me')?.trim();
    const person: TabPerson | null =
      who.person ?? (auth.anonymous && me ? { id: me, email: me.includes('@') ? me : undefined } : null);
    const named = q.get('plan')?.trim();
    const status = opts.plans
      ? named
        ? await opts.plans.get(named)
        : await opts.plans.inForce(p.asOf)
      : !named || named.toLowerCase() === opts.status.plan.id.toLowerCase()
        ? opts.status
        : undefined;
    if (!status) {
      error(req, res, lang, 404, 'unknown-plan', (t) => t.http.unknownPlan(named!.slice(0, 80)));
      return;
    }
    const figures = await status.figures(p.year, p.asOf);
    if (path === '/tab/api/plan') {
      // The owners of the plan shown (a reused id has other owners in another plan).
      const owners = ownersOfPlan(await opts.store.allOwners(), status.plan.id);
      sendJson(res, req, 200, tabView({ figures, owners, mine: await mineOf(person, owners), lang }));
      return;
    }
    const m = /^\/tab\/api\/indicators\/([^/]{1,40})\/monthly$/.exec(path);
    const id = m ? decodeURIComponent(m[1]) : '';
    const monthly = tabMonthly(figures, id, lang);
    if (!m || !monthly.found) {
      error(req, res, lang, 404, 'unknown-indicator', (t) => t.tab.unknownIndicator(id.slice(0, 40)));
      return;
    }
    sendJson(res, req, 200, { id, chart: monthly.chart });
  }

  return async (req, res) => {
    const url = new URL(String(req.url ?? '/'), 'http://tab.local');
    const path = url.pathname;
    const q = url.searchParams;
    const lang = langOf(req, q);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        error(
          req,
          res,
          lang,
          405,
          'method-not-allowed',
          (t) => t.http.methodNotAllowed(String(req.method), path, ['GET', 'HEAD']),
          {
            Allow: 'GET, HEAD',
          },
        );
        return;
      }
      if (path === '/tab') {
        send(res, req, 301, '', 'text/plain; charset=utf-8', { Location: `/tab/${url.search}` });
        return;
      }
      if (path === '/tab/' || path === '/tab/index.html' || path === '/tab/config') {
        if (!existsSync(join(assetsDir, 'tab.js'))) {
          opts.log(`the tab's assets are missing in ${assetsDir} (npm run build)`);
          error(req, res, lang, 503, 'not-built', (t) => t.tab.notBuilt);
          return;
        }
        const html = path === '/tab/config' ? configHtml(settings(lang)) : dashboardHtml(settings(lang));
        send(res, req, 200, html, 'text/html; charset=utf-8', { 'Cache-Control': 'no-cache' });
        return;
      }
      const asset = /^\/tab\/assets\/([A-Za-z0-9-]+\.(?:js|css|map))$/.exec(path);
      if (asset) {
        const file = join(assetsDir, asset[1]);
        if (!existsSync(file)) {
          error(req, res, lang, 404, 'not-found', (t) => t.http.notFound);
          return;
        }
        send(res, req, 200, readFileSync(file), TYPES[asset[1].slice(asset[1].lastIndexOf('.'))], {
          'Cache-Control': 'no-cache',
        });
        return;
      }
      if (path === '/tab/api/plan' || path.startsWith('/tab/api/indicators/')) {
        await data(req, res, path, q, lang);
        return;
      }
      error(req, res, lang, 404, 'not-found', (t) => t.http.notFound);
    } catch (e) {
      opts.log('tab request failed (/tab)', e);
      error(req, res, lang, 503, 'unavailable', (t) => t.http.internal, { 'Retry-After': '5' });
    }
  };
}
