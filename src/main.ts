import { loadConfig, ConfigError, type Config } from './config';
import { loadPlan } from './plan/load';
import { PlanError } from './plan/schema';
import { createStatusService } from './progress/service';
import { bogotaDate, lastClosedPeriod, yearOf } from './calendar';
import { createUnderstanding } from './language';
import { ChatRouter } from './chat/router';
import { chatModules } from './chat/modules';
import type { Services } from './chat/types';
import { describeStore, openStore } from './store';
import type { Store } from './store/types';
import { createHttpServer, type HttpServer } from './http/server';
import { createTeamsBot, type TeamsBot } from './teams';
import { createLogger, type Logger } from './log';
import { resolveLinkSecret } from './link-secret';
import { catalog } from './i18n';

/** Composition root: config -> plan -> store -> services -> Teams app -> HTTP server; graceful shutdown. */

export interface RunningBot {
  config: Config;
  services: Services;
  http: HttpServer;
  teams: TeamsBot;
  port: number;
  stop(): Promise<void>;
}

export async function startBot(config: Config, opts: { log?: Logger; host?: string } = {}): Promise<RunningBot> {
  const log = opts.log ?? createLogger(config.logLevel);
  const plan = loadPlan();
  const store: Store = await openStore(config, { mode: 'serve', onWarning: (w) => log.warn(catalog('es').store.say(w)) });
  const clock = () => config.now ?? new Date();
  const services: Services = {
    plan,
    store,
    status: createStatusService(plan, store, config.bands),
    understanding: createUnderstanding(plan),
    config: { admins: config.admins, bands: config.bands, reminderDays: config.reminderDays, digestCron: config.digestCron },
  };
  const linkSecret = resolveLinkSecret(config.linkSecret, config.dbFile);
  const router = new ChatRouter(services, chatModules);
  const teams = createTeamsBot({ config, services, router, clock, log });
  const http = createHttpServer({
    messages: teams.handle,
    status: services.status,
    store,
    apiToken: config.apiToken,
    linkSecret,
    openData: config.openData,
    clock,
    log: (m, e) => log.error(m, e),
    deadlineMs: config.requestTimeoutMs,
  });
  const port = await http.listen(config.port, opts.host ?? config.host);
  services.config.exportLink = { secret: linkSecret, publicUrl: config.publicUrl ?? `http://localhost:${port}` };
  teams.start();
  // The figures' first read of every report version happens now, in the background, not in the first turn (the
  // PostgreSQL store loads nothing whole on open; the status service pulls the versions once, then only changes).
  const today = bogotaDate(clock());
  void services.status.figures(yearOf(lastClosedPeriod(today)), today).catch((e: unknown) => log.warn(`figures warm-up failed: ${(e as Error)?.message ?? e}`));
  let stopped: Promise<void> | undefined;
  return {
    config,
    services,
    http,
    teams,
    port,
    stop: () =>
      (stopped ??= (async () => {
        await teams.stop();
        await http.close();
        await store.flush();
        await store.close();
      })()),
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  let bot: RunningBot;
  try {
    bot = await startBot(config, { log });
  } catch (e) {
    if (e instanceof ConfigError || e instanceof PlanError) log.error(e.message);
    else log.error('No se pudo iniciar el bot', e);
    process.exit(1);
  }
  const words = catalog('es').operator;
  const mode = config.bot.id ? words.listenMode.authenticated(config.bot.id) : words.listenMode.anonymous;
  const why = words.listenReason[config.hostReason];
  const shown = config.host.includes(':') ? `[${config.host}]` : config.host;
  log.info(`PEI Bot escuchando en http://${shown}:${bot.port}/api/messages (${why}) — modo ${mode}; almacén ${describeStore(config)}`);
  if (!config.bot.id && config.hostReason === 'PEI_HOST' && !['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
    log.warn(`Modo anónimo abierto en ${config.host}: quien alcance el puerto puede hacerse pasar por cualquier usuario, también por un administrador.`);
  }
  const shutdown = (signal: string) => {
    log.info(`${signal} recibido: terminando el turno en curso y guardando el almacén…`);
    bot.stop().then(
      () => { log.info('Detenido.'); process.exit(0); },
      (e) => { log.error('Error al detener', e); process.exit(1); },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) void main();
