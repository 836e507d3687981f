import { ConfigurationBotFrameworkAuthenticationOptions, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';

/**
 * The Bot Framework adapter. Without BOT_ID the bot runs in anonymous local mode (Agents Playground, tests);
 * with BOT_ID every request must carry a valid Bot Framework token (CloudAdapter answers 401 otherwise).
 */

export interface BotIdentity {
  id?: string;
  password?: string;
  tenantId?: string;
  type: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
}

export function createAdapter(bot: BotIdentity, log: (msg: string, err?: unknown) => void): TeamsAdapter {
  const settings = bot.id
    ? { MicrosoftAppId: bot.id, MicrosoftAppPassword: bot.password ?? '', MicrosoftAppType: bot.type, MicrosoftAppTenantId: bot.tenantId ?? '' }
    : {};
  const adapter = new TeamsAdapter(settings as ConfigurationBotFrameworkAuthenticationOptions, new ConfigurationServiceClientCredentialFactory(settings));
  adapter.onTurnError = async (context, error) => {
    log(`Error en el turno ${context.activity.type} de ${context.activity.conversation?.id}`, error);
    try {
      const en = (context.activity.locale ?? '').toLowerCase().startsWith('en');
      await context.sendActivity(en
        ? 'Sorry, something went wrong on my side. Please try again in a moment.'
        : 'Lo siento, algo falló de mi lado. Por favor intenta de nuevo en un momento.');
    } catch {
      // The connector may be the thing that failed; the error is already logged.
    }
  };
  return adapter;
}
