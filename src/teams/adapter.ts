import {
  ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { catalog } from '../i18n';
import { turnLang } from './activity';

/**
 * The Bot Framework adapter: teams-ai's TeamsAdapter (botbuilder's CloudAdapter) as documented. Without BOT_ID the
 * bot runs in anonymous local mode (Agents Playground, tests); with BOT_ID every request must carry a valid Bot
 * Framework token (CloudAdapter answers 401 otherwise).
 */

export interface BotIdentity {
  id?: string;
  password?: string;
  tenantId?: string;
  type: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
}

/**
 * CloudAdapter.process answers 401 to a request without a valid Bot Framework token (right), but first prints the
 * AuthenticationError with its whole stack through console.error: an expected refusal looked like a crash in the
 * log (and in the test run). Exactly those errors become one warning line; anything else console.error gets is
 * printed as before. Installed once per process.
 */
const QUIET_AUTH = Symbol.for('pei-bot.quietAuthenticationErrors');
let authWarn: (msg: string) => void = () => undefined;
function quietAuthenticationErrors(warn: (msg: string) => void): void {
  authWarn = warn;
  const c = console as unknown as Record<symbol, boolean>;
  if (c[QUIET_AUTH]) return;
  c[QUIET_AUTH] = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    // botframework-connector's AuthenticationError (not re-exported by botbuilder): its class name and a 401/403 code
    const e = args[0] as { constructor?: { name?: string }; statusCode?: number } | undefined;
    if (
      args.length === 1 &&
      e instanceof Error &&
      e.constructor?.name === 'AuthenticationError' &&
      (e.statusCode === 401 || e.statusCode === 403)
    ) {
      authWarn(`Petición rechazada con 401: ${(args[0] as Error).message}`);
      return;
    }
    original(...args);
  };
}

export function createAdapter(
  bot: BotIdentity,
  log: (msg: string, err?: unknown) => void,
  warn?: (msg: string) => void,
): TeamsAdapter {
  if (warn) quietAuthenticationErrors(warn);
  const settings = bot.id
    ? {
        MicrosoftAppId: bot.id,
        MicrosoftAppPassword: bot.password ?? '',
        MicrosoftAppType: bot.type,
        MicrosoftAppTenantId: bot.tenantId ?? '',
      }
    : {};
  const adapter = new TeamsAdapter(
    settings as ConfigurationBotFrameworkAuthenticationOptions,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
  adapter.onTurnError = async (context, error) => {
    log(`Error en el turno ${context.activity.type} de ${context.activity.conversation?.id}`, error);
    try {
      // The turn's language once the message was read (app.ts keeps it in the turn state), else the client's locale.
      await context.sendActivity(catalog(turnLang(context)).replies.apology);
    } catch {
      // The connector may be the thing that failed; the error is already logged.
    }
  };
  return adapter;
}
