import restify, { type Request, type Response, type Server } from 'restify';
import { bogotaDate, isIsoDate, yearOf } from '../calendar';
import { statusJson } from '../views/status-json';
import { apiError, checkBearer } from './api-auth';
import type { StatusService } from '../progress/service';
import type { Store } from '../store/types';
import type { Plan } from '../plan/types';
import { registerReportsApi } from './reports-api';

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
  /** The plan (for /api/v1/reports' indicator check); the status service's plan when absent. */
  plan?: Plan;
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
    if (!checkBearer(opts.apiToken, req, res)) return;
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

  registerReportsApi(server, { store: opts.store, plan: opts.plan ?? opts.status.plan, apiToken: opts.apiToken });

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
