import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { parseNow } from './calendar';
import { Cron } from 'croner';
import { DEFAULT_BANDS, validateBands, type Bands } from './progress/status';
import { catalog } from './i18n';

/** The operator reads the configuration errors in Spanish. */
const t = catalog('es').operator;

/** docs/interfaces.md's environment, read once (process env wins over .env) into one typed, validated Config. */

export interface Config {
  port: number;
  /** Address to listen on: PEI_HOST, else 0.0.0.0 with BOT_ID (Azure's front end must reach it), 127.0.0.1 without. */
  host: string;
  /** Why `host` is what it is (printed at start). */
  hostReason: 'PEI_HOST' | 'authenticated' | 'anonymous';
  /** Milliseconds POST /api/messages may take before it answers 503 (PEI_REQUEST_TIMEOUT_MS; Teams gives up at 15 s). */
  requestTimeoutMs: number;
  dbFile: string;
  /** PEI_DATABASE_URL: the PostgreSQL store (several processes may share it); unset = the embedded store (dbFile). */
  databaseUrl?: string;
  /** Fixed "now" for demos and tests; undefined = the real clock. */
  now?: Date;
  apiToken?: string;
  /** Lower-cased AAD object ids or emails. */
  admins: string[];
  bot: { id?: string; password?: string; tenantId?: string; type: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI' };
  digestCron: string;
  bands: Bands;
  reminderDays: number[];
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** PEI_PUBLIC_URL: the bot's address as people reach it (download links); unset = http://localhost:<port it listens on>. */
  publicUrl?: string;
  /** PEI_LINK_SECRET: the key of signed download links; unset = a random one kept beside the store (link-secret.ts). */
  linkSecret?: string;
  /** PEI_OPEN_DATA=true: the open-data feeds are public; otherwise they answer 404. */
  openData: boolean;
}

export class ConfigError extends Error {}

const env = z.object({
  PORT: z.string().regex(/^\d+$/, t.mustBePort).optional(),
  PEI_HOST: z.string().regex(/^[0-9A-Za-z.:\-\[\]]+$/, t.mustBeHost).optional(),
  PEI_REQUEST_TIMEOUT_MS: z.string().regex(/^\d+$/, t.mustBeMillis).optional(),
  PEI_DB_FILE: z.string().min(1).optional(),
  PEI_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, t.mustBeDatabaseUrl).optional(),
  PEI_NOW: z.string().optional(),
  PEI_API_TOKEN: z.string().optional(),
  PEI_ADMINS: z.string().optional(),
  BOT_ID: z.string().optional(),
  BOT_PASSWORD: z.string().optional(),
  BOT_TENANT_ID: z.string().optional(),
  BOT_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).optional(),
  DIGEST_CRON: z.string().optional(),
  PEI_STATUS_BANDS: z.string().optional(),
  PEI_REMINDER_DAYS: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  PEI_PUBLIC_URL: z.string().url(t.mustBeUrl).regex(/^https?:\/\//i, t.mustBeHttp).optional(),
  PEI_LINK_SECRET: z.string().min(32, t.mustBeLongSecret).optional(),
  PEI_OPEN_DATA: z.enum(['true', 'false']).optional(),
});

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** Reads `.env` and `.localConfigs` from the working directory (never overriding real env vars) unless told not to. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, opts: { dotenv?: boolean; cwd?: string } = {}): Config {
  if (opts.dotenv !== false && source === process.env) {
    // .env, then .localConfigs (what the Teams Toolkit's local debug writes: BOT_ID, BOT_PASSWORD…).
    const cwd = opts.cwd ?? process.cwd();
    loadDotenv({ path: [resolve(cwd, '.env'), resolve(cwd, '.localConfigs')], quiet: true });
  }
  const parsed = env.safeParse(Object.fromEntries(Object.entries(source).map(([k, v]) => [k, blank(v)])));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ConfigError(t.configInvalid(i.path.join('.'), i.message));
  }
  const e = parsed.data;
  const port = e.PORT ? Number(e.PORT) : 3978;
  if (port < 1 || port > 65535) throw new ConfigError(t.portRange);

  let now: Date | undefined;
  if (e.PEI_NOW) {
    now = parseNow(e.PEI_NOW);
    if (!now) throw new ConfigError(t.notIsoDate(e.PEI_NOW));
  }

  const digestCron = e.DIGEST_CRON ?? '0 8 * * 1';
  try {
    new Cron(digestCron, { paused: true, timezone: 'America/Bogota' }).stop();
  } catch (err) {
    throw new ConfigError(t.notCron(digestCron, (err as Error).message));
  }

  let bands = DEFAULT_BANDS;
  if (e.PEI_STATUS_BANDS) {
    const parts = e.PEI_STATUS_BANDS.split(',').map((x) => Number(x.trim()));
    const b = { red: parts[0], yellow: parts[1], green: parts[2] };
    const invalid = parts.length !== 3 ? 'need-three' : validateBands(b);
    const problem = invalid && { 'need-three': t.bandsNeedThree, 'not-positive': t.bandsNotPositive, 'not-ordered': t.bandsNotOrdered }[invalid];
    if (problem) throw new ConfigError(t.bandsInvalid(e.PEI_STATUS_BANDS, problem));
    bands = b;
  }

  let reminderDays = [5, 3, 1];
  if (e.PEI_REMINDER_DAYS) {
    reminderDays = e.PEI_REMINDER_DAYS.split(',').map((x) => Number(x.trim()));
    if (reminderDays.some((d) => !Number.isInteger(d) || d < 0 || d > 30)) {
      throw new ConfigError(t.reminderDaysInvalid(e.PEI_REMINDER_DAYS));
    }
  }

  const requestTimeoutMs = e.PEI_REQUEST_TIMEOUT_MS ? Number(e.PEI_REQUEST_TIMEOUT_MS) : 10_000;
  if (requestTimeoutMs < 100 || requestTimeoutMs > 14_000) {
    throw new ConfigError(t.requestTimeoutRange);
  }
  const host = e.PEI_HOST?.replace(/^\[(.*)\]$/, '$1') ?? (e.BOT_ID ? '0.0.0.0' : '127.0.0.1');
  const hostReason = e.PEI_HOST ? 'PEI_HOST' : e.BOT_ID ? 'authenticated' : 'anonymous';

  return {
    port,
    host,
    hostReason,
    requestTimeoutMs,
    dbFile: resolve(e.PEI_DB_FILE ?? 'data/db.json'),
    databaseUrl: e.PEI_DATABASE_URL,
    now,
    apiToken: e.PEI_API_TOKEN,
    admins: (e.PEI_ADMINS ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
    bot: { id: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, type: e.BOT_TYPE ?? 'SingleTenant' },
    digestCron,
    bands,
    reminderDays,
    logLevel: e.LOG_LEVEL ?? 'info',
    publicUrl: e.PEI_PUBLIC_URL?.replace(/\/+$/, ''),
    linkSecret: e.PEI_LINK_SECRET,
    openData: e.PEI_OPEN_DATA === 'true',
  };
}
