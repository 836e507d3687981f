import restify, { type Request, type Response, type Server } from './restify';
import { timingSafeEqual, createHash } from 'node:crypto';
import { bogotaDate, isIsoDate, yearOf } from '../calendar';
import { statusJson } from '../views/status-json';
import type { StatusService } from '../progress/service';
import type { Store } from '../store/types';

/**
 * restify: POST /api/messages (handed to the Bot Framework adapter), GET /healthz, GET /api/v1/status.
 * This folder is the only one that imports restify.
 */

/** What /api/messages needs from the Teams layer: the adapter's process() with the app's run(). */
export type MessagesHandler = (req: Request, res: Response) => Promise<void>;

export interface HttpOptions {
  messages: MessagesHandler;
  status: StatusService;
  store: Store;
  apiToken?: string;
  clock: () => Date;
  log: (msg: string, err?: unknown) => void;
}

export interface HttpServer {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, waits for the requests in flight (up to `graceMs`). */
  close(graceMs?: number): Promise<void>;
  inFlight(): number;
}

const sha = (s: string) => createHash('sha256').update(s).digest();

function wantsEnglish(req: Request): boolean {
  const al = String(req.headers['accept-language'] ?? '').toLowerCase();
  return al.startsWith('en');
}

function apiError(req: Request, res: Response, status: number, code: string, es: string, en: string): void {
  res.status(status);
  res.json({ error: { code, message: wantsEnglish(req) ? en : es } });
}

export function createHttpServer(opts: HttpOptions): HttpServer {
  const server = restify.createServer({ name: 'pei-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let closing = false;
  const idle: (() => void)[] = [];
  const done = () => {
    inFlight -= 1;
    if (inFlight === 0) idle.splice(0).forEach((f) => f());
  };

  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (closing) {
      res.header('Retry-After', '5');
      res.send(503);
      return;
    }
    inFlight += 1;
    try {
      await opts.messages(req, res);
    } catch (e) {
      opts.log('Error procesando /api/messages', e);
      if (!res.headersSent) res.send(500);
    } finally {
      done();
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    if (closing) {
      res.status(503);
      res.json({ status: 'shutting-down' });
      return;
    }
    res.json({ status: 'ok' });
  });

  server.get('/api/v1/status', async (req: Request, res: Response) => {
    if (!opts.apiToken) {
      apiError(req, res, 404, 'not-found', 'La API de lectura está deshabilitada (PEI_API_TOKEN no está configurado).', 'The read API is disabled (PEI_API_TOKEN is not set).');
      return;
    }
    const auth = String(req.headers.authorization ?? '');
    const m = /^Bearer\s+(.+)$/i.exec(auth);
    if (!m || !timingSafeEqual(sha(m[1].trim()), sha(opts.apiToken))) {
      res.header('WWW-Authenticate', 'Bearer realm="pei-bot"');
      apiError(req, res, 401, 'unauthorized', 'Falta el token de acceso o no es válido (Authorization: Bearer …).', 'Missing or invalid access token (Authorization: Bearer …).');
      return;
    }
    const q = (req.query ?? {}) as Record<string, string | undefined>;
    const asOf = q.asOf ?? bogotaDate(opts.clock());
    if (!isIsoDate(asOf)) {
      apiError(req, res, 400, 'invalid-asOf', `asOf debe ser una fecha AAAA-MM-DD válida (recibido: ${asOf}).`, `asOf must be a valid YYYY-MM-DD date (got: ${asOf}).`);
      return;
    }
    const yearText = q.year ?? String(yearOf(asOf));
    if (!/^\d{4}$/.test(yearText)) {
      apiError(req, res, 400, 'invalid-year', `year debe ser un año AAAA (recibido: ${yearText}).`, `year must be a YYYY year (got: ${yearText}).`);
      return;
    }
    const figures = opts.status.figures(Number(yearText), asOf);
    res.json(statusJson(figures, (id) => opts.store.owners(id)));
  });

  return {
    server,
    listen: (port, host = '0.0.0.0') =>
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
