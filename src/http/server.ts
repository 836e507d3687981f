import restify, { type Request, type Response, type Server } from './restify';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readJsonBody, discard, DEFAULT_BODY_LIMIT } from './body';
import { readStatus, type ReadSource } from '../outputs/read-api';
import type { StatusService } from '../progress/service';
import type { Store } from '../store/types';
import { StoreError, healthReason } from '../store/errors';
import { apiError, httpLang, requireBearer, wantsEnglish } from './auth';
import { catalog, type BodyErrorCode } from '../i18n';
import type { ClientError, MessagesHandler } from '../chat/messages';
import { registerOutputRoutes } from './outputs-api';
import { readFigureQuery, refusalError } from './params';
import { DOWNLOAD_PATH } from '../outputs/signed-link';
import type { Plan } from '../domain/plan';
import type { PlanBook } from '../progress/plans';
import { registerReportsApi } from './reports-api';
import { openApiRoute } from './openapi';

/**
 * restify: POST /api/messages (handed to the Bot Framework adapter), GET /healthz, GET /api/v1/status.
 * This folder is the only one that imports restify.
 */

export interface HttpOptions {
  messages: MessagesHandler;
  status: StatusService;
  /** Every plan loaded: the read API answers for the plan named (`plan=ID`) or the plan in force at the as-of date. */
  plans?: PlanBook;
  store: Store;
  /** The plan (for /api/v1/reports' indicator check); the status service's plan when absent. */
  plan?: Plan;
  apiToken?: string;
  /** Key of the signed download links (link-secret.ts); absent = a random key of this process. */
  linkSecret?: string;
  /** PEI_OPEN_DATA. */
  openData?: boolean;
  clock: () => Date;
  log: (msg: string, err?: unknown) => void;
  /** Milliseconds /api/messages may take before it answers 503 (below Teams' 15 s); default 10 s. */
  deadlineMs?: number;
  /** Largest body accepted, in bytes, on the wire and decompressed; default 1 MB. */
  bodyLimit?: number;
  /**
   * The MCP server's handler (src/mcp/, wired by main.ts), mounted at /mcp behind the read API's bearer token; it
   * gets the JSON body already read (POST) or undefined (GET, DELETE).
   */
  mcp?: (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void>;
  /** The dashboard tab (src/tab/, wired by main.ts): every request under /tab goes to it. */
  tab?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export interface HttpServer {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, waits for the requests in flight (up to `graceMs`). */
  close(graceMs?: number): Promise<void>;
  inFlight(): number;
}

const EMPTY = Buffer.alloc(0);

/** Answers with plain Node calls (no restify formatter), closing the connection when the body was not read. */
function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  // Encoded once: its length and its bytes.
  const payload = body === undefined ? EMPTY : Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...(payload.length ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(payload.length),
    ...headers,
  });
  res.end(payload);
}

const PKG = (() => {
  for (const up of ['..', '../..', '../../..']) {
    try {
      const p = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (p.name === 'pei-bot') return { name: p.name, version: p.version ?? '0.0.0' };
    } catch {
      /* try the next folder */
    }
  }
  return { name: 'pei-bot', version: '0.0.0' };
})();

/** The paths this service answers and their methods (for 404 vs 405). */
const ROUTES: Record<string, string[]> = {
  '/': ['GET', 'HEAD'],
  '/healthz': ['GET', 'HEAD'],
  '/api/v1/status': ['GET', 'HEAD'],
  '/api/v1/openapi.json': ['GET', 'HEAD'],
  '/mcp': ['POST', 'GET', 'DELETE'],
  '/api/messages': ['POST'],
  '/api/v1/reports': ['GET'],
  '/api/v1/compliance': ['GET'],
  '/api/v1/export.xlsx': ['GET'],
  [DOWNLOAD_PATH]: ['GET'],
  '/api/v1/open-data/indicadores.csv': ['GET'],
  '/api/v1/open-data/indicadores.json': ['GET'],
};

function aboutDocument(en: boolean) {
  const t = catalog(en ? 'en' : 'es').http.about;
  return {
    name: PKG.name,
    version: PKG.version,
    description: t.description,
    endpoints: [
      { method: 'POST', path: '/api/messages', description: t.messages },
      { method: 'GET', path: '/healthz', description: t.healthz },
      { method: 'GET', path: '/api/v1/status', description: t.status },
    ],
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function aboutHtml(en: boolean): string {
  const d = aboutDocument(en);
  const rows = d.endpoints
    .map((e) => `<li><code>${e.method} ${escapeHtml(e.path)}</code> — ${escapeHtml(e.description)}</li>`)
    .join('');
  return (
    `<!doctype html><html lang="${en ? 'en' : 'es'}"><head><meta charset="utf-8"><title>${escapeHtml(d.name)} ${escapeHtml(d.version)}</title></head>` +
    `<body><h1>${escapeHtml(d.name)} <small>${escapeHtml(d.version)}</small></h1><p>${escapeHtml(d.description)}</p><ul>${rows}</ul></body></html>`
  );
}

export function createHttpServer(opts: HttpOptions): HttpServer {
  const server = restify.createServer({ name: 'pei-bot', handleUncaughtExceptions: false });
  const deadlineMs = opts.deadlineMs ?? 10_000;
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  let inFlight = 0;
  let closing = false;
  const idle: (() => void)[] = [];
  const done = () => {
    inFlight -= 1;
    if (inFlight === 0) idle.splice(0).forEach((f) => f());
  };

  server.use(restify.plugins.queryParser({ mapParams: false }));
  /** What the read API and the MCP server read through (outputs/read-api.ts). */
  const source: ReadSource = {
    plan: opts.plan ?? opts.status.plan,
    status: opts.status,
    store: opts.store,
    clock: opts.clock,
    plans: opts.plans,
  };

  const clientError = (
    req: Request,
    res: Response,
    status: number,
    e: ClientError,
    headers: Record<string, string> = {},
  ) => sendJson(res, status, { error: { code: e.code, message: e.message(catalog(httpLang(req)).http) } }, headers);

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (closing) {
      discard(req);
      sendJson(
        res,
        503,
        { error: { code: 'shutting-down', message: catalog(httpLang(req)).http.shuttingDown } },
        { 'Retry-After': '5', Connection: 'close' },
      );
      return;
    }
    inFlight += 1;
    try {
      const read = await readJsonBody(req, bodyLimit);
      if (!read.ok) {
        clientError(req, res, read.status, { code: read.code, message: (t) => t.body[read.code as BodyErrorCode] });
        discard(req);
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((r) => (timer = setTimeout(() => r('deadline'), deadlineMs)));
      const work = opts.messages({ body: read.value, headers: req.headers, deadline: Date.now() + deadlineMs });
      // The turn keeps running after a deadline (and is counted in flight until it ends); the client is answered.
      const outcome = await Promise.race([
        work.then(
          (r) => ({ r }),
          (e: unknown) => ({ e }),
        ),
        deadline,
      ]);
      clearTimeout(timer);
      if (outcome === 'deadline') {
        opts.log(`/api/messages no respondió en ${deadlineMs} ms: 503`);
        clientError(req, res, 503, { code: 'timeout', message: (t) => t.timeout }, { 'Retry-After': '5' });
        await work.catch(() => undefined);
        return;
      }
      if ('e' in outcome) throw outcome.e;
      const { status, body, error, headers } = outcome.r;
      if (error) clientError(req, res, status, error, headers);
      else sendJson(res, status, body, headers);
    } catch (e) {
      opts.log('Error procesando /api/messages', e);
      sendJson(res, 500, { error: { code: 'internal', message: catalog(httpLang(req)).http.internal } });
    } finally {
      done();
    }
  });

  const about = async (req: Request, res: Response) => {
    const en = wantsEnglish(req);
    if (/text\/html/i.test(String(req.headers.accept ?? ''))) {
      const html = aboutHtml(en);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(html)),
      });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    sendJson(res, 200, aboutDocument(en));
  };
  server.get('/', about);
  server.head('/', about);

  /** 200 while the store can be read and written; 503 with a short reason (Accept-Language) while it cannot. */
  const healthz = async (req: Request, res: Response) => {
    if (closing) {
      res.status(503);
      res.json({ status: 'shutting-down' });
      return;
    }
    const health = await opts.store.health();
    if (!health.ok) {
      const reason = catalog(httpLang(req)).http.storeUnavailable[health.reason];
      sendJson(res, 503, { status: 'unavailable', reason }, { 'Retry-After': '30', 'Cache-Control': 'no-store' });
      return;
    }
    res.json({ status: 'ok' });
  };
  server.get('/healthz', healthz);
  server.head('/healthz', healthz);

  const statusApi = async (req: Request, res: Response) => {
    if (!requireBearer(req, res, opts.apiToken)) return;
    const p = readFigureQuery(req, res, source);
    if (!p) return;
    const status = await readStatus(source, p);
    if (!status.ok) refusalError(req, res, status.refusal);
    else res.json(status.value);
  };
  server.get('/api/v1/status', statusApi);
  server.head('/api/v1/status', statusApi);

  server.get('/api/v1/openapi.json', openApiRoute(PKG.version));
  server.head('/api/v1/openapi.json', openApiRoute(PKG.version));

  // The MCP server (src/mcp/): the read API's bearer token, the body read as /api/messages reads it, then the SDK.
  const mcp = opts.mcp;
  if (mcp) {
    const mcpRoute = async (req: Request, res: Response) => {
      if (!requireBearer(req, res, opts.apiToken)) {
        discard(req);
        return;
      }
      inFlight += 1;
      try {
        let body: unknown;
        if (req.method === 'POST') {
          const read = await readJsonBody(req, bodyLimit);
          if (!read.ok) {
            clientError(req, res, read.status, { code: read.code, message: (t) => t.body[read.code as BodyErrorCode] });
            discard(req);
            return;
          }
          body = read.value;
        } else discard(req);
        await mcp(req, res, body);
      } catch (e) {
        opts.log('Error procesando /mcp', e);
        sendJson(res, 500, { error: { code: 'internal', message: catalog(httpLang(req)).http.internal } });
      } finally {
        done();
      }
    };
    server.post('/mcp', mcpRoute);
    server.get('/mcp', mcpRoute);
    server.del('/mcp', mcpRoute);
  }

  // The dashboard tab answers everything under /tab itself (its methods, its 404s).
  const tab = opts.tab;
  if (tab) {
    const toTab = async (req: Request, res: Response) => {
      discard(req);
      await tab(req, res);
    };
    for (const method of ['get', 'head', 'post', 'put', 'patch', 'del'] as const) {
      server[method]('/tab', toTab);
      server[method]('/tab/*', toTab);
    }
  }

  // Everything else: a polite JSON 404 (unknown path) or 405 (known path, other method), never restify's own.
  // Written through restify's own response API: restify then knows the answer went out (its error events too).
  const fallback = async (req: Request, res: Response) => {
    discard(req);
    const path = String(req.url ?? '/').split('?')[0];
    const allowed = ROUTES[path];
    if (allowed) {
      res.setHeader('Allow', allowed.join(', '));
      apiError(req, res, 405, 'method-not-allowed', (t) => t.methodNotAllowed(String(req.method), path, allowed));
      return;
    }
    apiError(req, res, 404, 'not-found', (t) => t.notFound);
  };
  for (const method of ['get', 'head', 'post', 'put', 'patch', 'del', 'opts'] as const) server[method]('/*', fallback);
  server.post('/', fallback);
  server.put('/', fallback);
  server.del('/', fallback);
  server.patch('/', fallback);
  for (const p of ['/healthz', '/api/v1/status'])
    for (const m of ['post', 'put', 'patch', 'del'] as const) server[m](p, fallback);
  for (const m of ['get', 'head', 'put', 'patch', 'del'] as const) server[m]('/api/messages', fallback);
  // What restify's router refuses by itself (an undecodable path, an unknown method): the same JSON, not restify's.
  for (const event of ['NotFound', 'MethodNotAllowed', 'VersionNotAllowed', 'UnsupportedMediaType']) {
    server.on(event, (req: Request, res: Response, _err: unknown, cb: () => void) => {
      if (!res.headersSent) void fallback(req, res).finally(cb);
      else cb();
    });
  }

  // A route that failed (an async handler rejected; restify's own errors have a statusCode and are answered above):
  // a store failure is a 503 with /healthz's reason, anything else a 500; never restify's body, which would carry the
  // error's message (hosts, ports, SQL).
  server.on('restifyError', (req: Request, res: Response, err: unknown, cb: () => void) => {
    const known = typeof (err as { statusCode?: unknown } | undefined)?.statusCode === 'number';
    if (!res.headersSent && !known) {
      if (err instanceof StoreError) {
        res.header('Retry-After', '30');
        apiError(req, res, 503, 'store-unavailable', (t) => t.storeUnavailable[healthReason(err)]);
      } else {
        opts.log(`Error en ${req.method} ${String(req.url ?? '').split('?')[0]}`, err);
        apiError(req, res, 500, 'internal', (t) => t.internal);
      }
    }
    cb();
  });

  registerOutputRoutes(server, opts);

  registerReportsApi(server, { store: opts.store, plan: opts.plan ?? opts.status.plan, apiToken: opts.apiToken });

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    async close(graceMs = 10_000) {
      closing = true;
      const drained = inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => idle.push(r));
      await Promise.race([drained, new Promise((r) => setTimeout(r, graceMs).unref())]);
      await new Promise<void>((r) => server.close(() => r()));
    },
    inFlight: () => inFlight,
  };
}
