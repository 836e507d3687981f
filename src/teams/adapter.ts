import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { catalog } from '../i18n';
import { turnLang } from './activity';

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
    if (args.length === 1 && e instanceof Error && e.constructor?.name === 'AuthenticationError' && (e.statusCode === 401 || e.statusCode === 403)) {
      authWarn(`Petición rechazada con 401: ${(args[0] as Error).message}`);
      return;
    }
    original(...args);
  };
}

// botframework-connector's types, as botbuilder's CloudAdapter takes and gives them (botbuilder does not re-export them).
type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type AuthenticateRequestResult = Awaited<ReturnType<BotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<BotFrameworkAuthentication['createUserTokenClient']>[0];
type UserTokenClient = Awaited<ReturnType<BotFrameworkAuthentication['createUserTokenClient']>>;

/** A few entries by key; a failed creation is not kept. Cleared when full (a bot talks to a handful of service URLs). */
class ClientCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly max: number) {}
  get(key: string, create: () => Promise<T>): Promise<T> {
    let p = this.entries.get(key);
    if (!p) {
      if (this.entries.size >= this.max) this.entries.clear();
      p = create();
      this.entries.set(key, p);
      p.catch(() => this.entries.delete(key));
    }
    return p;
  }
}

/** The bot's app id in the claims (the audience of a channel's token, the appid claim of the Emulator's): '' when anonymous. */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

/**
 * The Bot Framework's CloudAdapter builds, for every turn, a ConnectorClient and a UserTokenClient (each one an
 * HTTP pipeline of a dozen policies): about a fifth of the CPU of a whole turn, spent even when the turn sends
 * nothing (an invoke answered in its HTTP body). Both are stateless apart from their credentials, which cache their
 * token until it expires; botbuilder's older BotFrameworkAdapter kept them per service URL, and so does this one:
 * per app id, service URL and audience (the connector), per app id (the token client).
 */
export class PeiTeamsAdapter extends TeamsAdapter {
  private readonly connectors = new ClientCache<ConnectorClient>(64);
  private readonly tokenClients = new ClientCache<UserTokenClient>(16);

  constructor(settings: ConfigurationBotFrameworkAuthenticationOptions, credentials: ConfigurationServiceClientCredentialFactory) {
    super(settings, credentials);
    const auth = this.botFrameworkAuthentication;
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = (claims: ClaimsIdentity) => this.tokenClients.get(appIdOf(claims), () => createUserTokenClient(claims));
  }

  protected override async processActivity(
    authHeaderOrResult: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const result =
      typeof authHeaderOrResult === 'string' ? await this.botFrameworkAuthentication.authenticateRequest(activity, authHeaderOrResult) : authHeaderOrResult;
    const factory = result.connectorFactory;
    if (!factory) return super.processActivity(result, activity, logic);
    const appId = appIdOf(result.claimsIdentity);
    const cached: ConnectorFactory = {
      create: (serviceUrl: string, audience?: string) =>
        this.connectors.get(`${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
    return super.processActivity({ ...result, connectorFactory: cached }, activity, logic);
  }
}

export function createAdapter(bot: BotIdentity, log: (msg: string, err?: unknown) => void, warn?: (msg: string) => void): TeamsAdapter {
  if (warn) quietAuthenticationErrors(warn);
  const settings = bot.id
    ? { MicrosoftAppId: bot.id, MicrosoftAppPassword: bot.password ?? '', MicrosoftAppType: bot.type, MicrosoftAppTenantId: bot.tenantId ?? '' }
    : {};
  const adapter = new PeiTeamsAdapter(settings as ConfigurationBotFrameworkAuthenticationOptions, new ConfigurationServiceClientCredentialFactory(settings));
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
