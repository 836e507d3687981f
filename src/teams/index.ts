import type { MessagesRequest, MessagesResult } from '../http/server';
import type { Config } from '../config';
import type { ChatRouter } from '../chat/router';
import type { Services } from '../chat/types';
import type { Logger } from '../log';
import { DigestRunner, type RunSummary } from '../digest/run';
import { createAdapter } from './adapter';
import { createTeamsApp } from './app';
import { ProactiveSender } from './proactive';
import { Scheduler, deliverOutbound } from './scheduler';
import { processInbound } from './inbound';

/** The Teams side of the bot as the composition root sees it: an HTTP handler, and start/stop for schedules. */

export interface TeamsBot {
  /** One request to /api/messages (already read and parsed): checked, authenticated, run; never throws SDK text. */
  handle(request: MessagesRequest): Promise<MessagesResult>;
  /** Starts the digest/reminder scheduler (a tick per minute). */
  start(): void;
  /** Stops the scheduler and waits for a run in progress to record what it sent. */
  stop(): Promise<void>;
  /** Runs the digests and reminders due at `now` (the clock's time by default); for tests with a fake clock. */
  tick(now?: Date): Promise<RunSummary>;
}

export function createTeamsBot(opts: { config: Config; services: Services; router: ChatRouter; clock: () => Date; log: Logger }): TeamsBot {
  const { config, services, router, clock, log } = opts;
  const adapter = createAdapter(config.bot, (m, e) => log.error(m, e), (m) => log.warn(m));
  const app = createTeamsApp({ services, router, adapter, clock, log: (m, e) => log.error(m, e), wake: () => void scheduler.tick() });
  const sender = new ProactiveSender({ adapter, botAppId: config.bot.id ?? '', store: services.store, log, clock });
  const runner = new DigestRunner({
    plan: services.plan,
    store: services.store,
    figures: (year, asOf) => services.status.figures(year, asOf),
    cron: config.digestCron,
    reminderDays: config.reminderDays,
    admins: config.admins,
    log,
    deliver: (item) => deliverOutbound(sender, item, services.plan),
  });
  const scheduler = new Scheduler({ runner, sender, clock, log });
  return {
    handle: (request) => processInbound(adapter, request, (context) => app.run(context).then(() => undefined), (m) => log.warn(m)),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    tick: (now) => scheduler.tick(now),
  };
}
