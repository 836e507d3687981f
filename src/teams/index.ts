import type { Request, Response } from 'botbuilder';
import type { Config } from '../config';
import type { ChatRouter } from '../chat/router';
import type { Services } from '../chat/types';
import type { Logger } from '../log';
import { createAdapter } from './adapter';
import { createTeamsApp } from './app';

/** The Teams side of the bot as the composition root sees it: an HTTP handler, and start/stop for schedules. */

export interface TeamsBot {
  handle(req: unknown, res: unknown): Promise<void>;
  start(): void;
  stop(): void;
}

export function createTeamsBot(opts: { config: Config; services: Services; router: ChatRouter; clock: () => Date; log: Logger }): TeamsBot {
  const { config, services, router, clock, log } = opts;
  const adapter = createAdapter(config.bot, (m, e) => log.error(m, e));
  const app = createTeamsApp({ services, router, adapter, clock, log: (m, e) => log.error(m, e) });
  return {
    handle: (req, res) => adapter.process(req as Request, res as Response, (context) => app.run(context).then(() => undefined)),
    start() {},
    stop() {},
  };
}
