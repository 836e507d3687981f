import { loadConfig, ConfigError, type Config } from './config';
import { loadPlan } from './plan/load';
import { PlanError } from './plan/schema';
import { createPlanBook } from './progress/plans';
import { bogotaDate, lastClosedPeriod, yearOf } from './calendar';
import { createUnderstanding } from './language';
import { ChatRouter } from './chat/router';
import { chatModules } from './chat/modules';
import type { Services } from './chat/types';
import { describeStore, openStore } from './store';
import type { Store } from './store/types';
import { createHttpServer, type HttpServer } from './http/server';
import { createMcpHandler } from './mcp';
import { APP_VERSION } from './paths';
import { createTabHandler } from './tab/handler';
import {
  createAdapter,
  createFileSource,
  createTeamsApp,
  deliverMessage,
  messagesHandler,
  ProactiveSender,
} from './teams';
import { DigestRunner } from './digest/run';
import { Scheduler } from './digest/scheduler';
import { renderOutbound } from './chat/outbound';
import { createLogger, type Logger } from './log';
import { resolveLinkSecret } from './link-secret';
import { catalog, configFailureText, errorText, planFailureText } from './i18n';

/** A store error in the operator's words (its facts through the catalog); any other error with its stack. */
const describeError = (e: unknown): string =>
  e instanceof Error && e.name === 'StoreError' ? errorText(e) : ((e as Error)?.stack ?? String(e));

/**
 * The one composition root: config -> plan -> store -> services -> the chat router -> the Teams adapter, app and
 * sender -> the digest runner and its schedule -> the HTTP server; graceful shutdown. Nothing else builds these.
 */

export interface RunningBot {
  config: Config;
  services: Services;
  http: HttpServer;
  /** The digests, reminders and notices: `tick(now)` runs what is due (tests drive it with a fake clock). */
  scheduler: Scheduler;
  port: number;
  stop(): Promise<void>;
}

export async function startBot(config: Config, opts: { log?: Logger; host?: string } = {}): Promise<RunningBot> {
  const log = opts.log ?? createLogger(config.logLevel, describeError);
  const plan = loadPlan();
  const store: Store = await openStore(config, {
    mode: 'serve',
    onWarning: (w) => log.warn(catalog('es').store.say(w)),
  });
  const clock = () => config.now ?? new Date();
  // Every plan loaded (the shipped one and those a workbook with a new plan id added), a status service each.
  const plans = createPlanBook(plan, store, config.bands);
  /** Each other plan's understanding (its indicators' names, its objectives), made when first asked about. */
  const understandings = new Map<string, ReturnType<typeof createUnderstanding>>();
  const services: Services = {
    plan,
    store,
    status: plans.shipped,
    plans,
    understanding: createUnderstanding(plan),
    understandingOf: (other) => {
      if (!understandings.has(other.id)) understandings.set(other.id, createUnderstanding(other));
      return understandings.get(other.id)!;
    },
    config: {
      admins: config.admins,
      bands: config.bands,
      reminderDays: config.reminderDays,
      digestCron: config.digestCron,
      storeTimeoutMs: config.databaseUrl ? config.dbTimeoutMs : undefined,
    },
    // The plan workbook an admin sends in a personal chat: fetched from Teams' downloadUrl only (PEI_FILE_HOSTS).
    files: createFileSource({ hosts: config.fileHosts }),
  };
  const linkSecret = resolveLinkSecret(config.linkSecret, config.dbFile);
  const router = new ChatRouter(services, chatModules);

  // Teams: the Bot Framework adapter, the app over the chat router, the proactive sender.
  const adapter = createAdapter(
    config.bot,
    (m, e) => log.error(m, e),
    (m) => log.warn(m),
  );
  const app = createTeamsApp({
    services,
    router,
    adapter,
    clock,
    log: (m, e) => log.error(m, e),
    wake: () => void scheduler.wake(),
  });
  const sender = new ProactiveSender({ adapter, botAppId: config.bot.id ?? '', store, log, clock });

  // The proactive work: digest/ says what is due, chat/ renders it, teams/ delivers it.
  const runner = new DigestRunner({
    plan,
    store,
    figures: (year, asOf) => services.status.figures(year, asOf),
    cron: config.digestCron,
    reminderDays: config.reminderDays,
    admins: config.admins,
    log,
    deliver: (item) => deliverMessage(sender, item.conversation, renderOutbound(item, plan), item.key),
    // The weekly digest follows the plans in force in its year; the review digest shows each report with its plan;
    // reminders go to the owners of each plan in force.
    plans,
  });
  const scheduler = new Scheduler({ runner, sender, clock, log });
  // A returned report's notice is sent within the admin's turn, so the admin is told whether it was delivered.
  services.sendNow = async () => (await scheduler.wake()).items;
  services.deliver = (item) => deliverMessage(sender, item.conversation, renderOutbound(item, plan), item.key);

  const http = createHttpServer({
    messages: messagesHandler(adapter, app, (m) => log.warn(m)),
    status: services.status,
    plans,
    store,
    apiToken: config.apiToken,
    linkSecret,
    openData: config.openData,
    clock,
    log: (m, e) => log.error(m, e),
    deadlineMs: config.requestTimeoutMs,
    // The MCP server: the same read functions as /api/v1/* (outputs/read-api.ts), the chat's search.
    mcp: createMcpHandler({
      source: { plan, status: services.status, store, clock, plans },
      search: (text) => services.understanding.search(text),
      deadlineMs: config.requestTimeoutMs,
      log: (m, e) => (e ? log.error(m, e) : log.warn(m)),
      version: APP_VERSION,
    }),
    tab: createTabHandler({
      status: services.status,
      plans,
      store,
      clock,
      auth: {
        appId: config.bot.id,
        tenantId: config.bot.tenantId,
        publicUrl: config.publicUrl,
        jwksUrl: config.tabJwksUrl,
      },
      log: (m, e) => log.error(m, e),
    }),
  });
  const port = await http.listen(config.port, opts.host ?? config.host);
  services.config.exportLink = { secret: linkSecret, publicUrl: config.publicUrl ?? `http://localhost:${port}` };
  scheduler.start();
  // The figures' first read of every report version happens now, in the background, not in the first turn (the
  // PostgreSQL store loads nothing whole on open; the status service pulls the versions once, then only changes).
  const today = bogotaDate(clock());
  void services.status
    .figures(yearOf(lastClosedPeriod(today)), today)
    .catch((e: unknown) => log.warn(`figures warm-up failed: ${(e as Error)?.message ?? e}`));
  let stopped: Promise<void> | undefined;
  return {
    config,
    services,
    http,
    scheduler,
    port,
    stop: () =>
      (stopped ??= (async () => {
        await scheduler.stop();
        await http.close();
        await store.flush();
        await store.close();
      })()),
  };
}

/** A configuration or plan error in the operator's words (Spanish); undefined for any other error. */
function operatorText(e: unknown): string | undefined {
  const t = catalog('es').operator;
  if (e instanceof ConfigError) return configFailureText(e.failure, t);
  if (e instanceof PlanError) return planFailureText(e.failure, t);
  return undefined;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`${operatorText(e) ?? (e as Error).message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel, describeError);
  let bot: RunningBot;
  try {
    bot = await startBot(config, { log });
  } catch (e) {
    const words = operatorText(e);
    if (words) log.error(words);
    else log.error('No se pudo iniciar el bot', e);
    process.exit(1);
  }
  const words = catalog('es').operator;
  const mode = config.bot.id ? words.listenMode.authenticated(config.bot.id) : words.listenMode.anonymous;
  const why = words.listenReason[config.hostReason];
  const shown = config.host.includes(':') ? `[${config.host}]` : config.host;
  log.info(
    `PEI Bot escuchando en http://${shown}:${bot.port}/api/messages (${why}) — modo ${mode}; almacén ${describeStore(config)}`,
  );
  if (!config.bot.id && config.hostReason === 'PEI_HOST' && !['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
    log.warn(
      `Modo anónimo abierto en ${config.host}: quien alcance el puerto puede hacerse pasar por cualquier usuario, también por un administrador.`,
    );
  }
  const shutdown = (signal: string) => {
    log.info(`${signal} recibido: terminando el turno en curso y guardando el almacén…`);
    bot.stop().then(
      () => {
        log.info('Detenido.');
        process.exit(0);
      },
      (e) => {
        log.error('Error al detener', e);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) void main();
