import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { parseNow } from './calendar';
import { Cron } from 'croner';
import { DEFAULT_BANDS, validateBands, type Bands } from './domain/bands';
import type { ConfigFailure, ConfigProblem } from './domain/operator-errors';

/** docs/interfaces.md's environment, read once (process env wins over .env) into one typed, validated Config. */

export interface Config {
  port: number;
  /** Address to listen on: PEI_HOST, else 0.0.0.0 with BOT_ID (Azure's front end must reach it), 127.0.0.1 without. */
  host: string;
  /** Why `host` is what it is (printed at start). */
  hostReason: 'PEI_HOST' | 'authenticated' | 'anonymous';
  /** Milliseconds POST /api/messages may take before it answers 503 (PEI_REQUEST_TIMEOUT_MS; Teams gives up at 15 s). */
  requestTimeoutMs: number;
  /**
   * PEI_DB_TIMEOUT_MS: how long one store operation may take (PostgreSQL: connecting, waiting for a lock, a statement,
   * a whole write from its call to its commit) before it fails; at most a third of requestTimeoutMs, so that a write
   * the turn's answer calls failed is never committed later. Default 3000 (or a third of a shorter deadline).
   */
  dbTimeoutMs: number;
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
  /** PEI_TAB_JWKS_URL: the keys the tab's Teams SSO tokens are checked with; unset = Entra ID's for BOT_TENANT_ID. */
  tabJwksUrl?: string;
  /**
   * PEI_FILE_HOSTS: the hosts the bot fetches files people send from (Teams' downloadUrl), comma-separated; a name
   * starting with a dot allows its subdomains. Unset = .sharepoint.com and .sharepoint.us (where Teams keeps them).
   */
  fileHosts: string[];
}

/**
 * The environment cannot be used: its code and facts (domain/operator-errors.ts). The message is a developer's
 * summary in English naming the variable; what the operator reads is worded at the edges (cli/, main.ts).
 */
export class ConfigError extends Error {
  constructor(readonly failure: ConfigFailure) {
    super(developerText(failure));
    this.name = 'ConfigError';
  }

  get code(): ConfigFailure['code'] {
    return this.failure.code;
  }
}

const MIN_SECRET = 32;
const PORTS = { min: 1, max: 65535 };
const REQUEST_TIMEOUT = { min: 100, max: 14_000 };
const DB_TIMEOUT_MIN = 100;

/** The schema's own checks carry their problem's code as their message (read back by problemOf). */
const must = (code: Exclude<ConfigProblem['code'], 'schema'>) => `must:${code}`;

function problemOf(message: string): ConfigProblem {
  const code = /^must:(.+)$/.exec(message)?.[1];
  if (!code) return { code: 'schema', message };
  return code === 'long-secret' ? { code, min: MIN_SECRET } : ({ code } as ConfigProblem);
}

const MUST_BE = {
  port: 'must be a port number',
  host: 'must be an IP address or a host name',
  millis: 'must be a number of milliseconds',
  'database-url': 'must be a postgres://user:password@host:5432/database address',
  url: 'must be an http(s):// address',
  http: 'must start with http:// or https://',
} as const;

function developerText(f: ConfigFailure): string {
  const why = (() => {
    switch (f.code) {
      case 'config-invalid': {
        const p = f.problem;
        return p.code === 'schema'
          ? p.message
          : p.code === 'long-secret'
            ? `must have at least ${p.min} characters`
            : MUST_BE[p.code];
      }
      case 'port-range':
      case 'request-timeout-range':
      case 'db-timeout-range':
        return `must be between ${f.min} and ${f.max}`;
      case 'not-iso-date':
        return `"${f.value}" is not an ISO date`;
      case 'not-cron':
        return `"${f.value}" is not a cron expression: ${f.reason}`;
      case 'bands-invalid':
        return `"${f.value}": ${f.problem}`;
      case 'reminder-days-invalid':
        return `"${f.value}": whole numbers from 0 to 30, comma-separated`;
    }
  })();
  return `Invalid configuration: ${f.variable}: ${why}`;
}

const env = z.object({
  PORT: z.string().regex(/^\d+$/, must('port')).optional(),
  PEI_HOST: z
    .string()
    .regex(/^[0-9A-Za-z.:\-[\]]+$/, must('host'))
    .optional(),
  PEI_REQUEST_TIMEOUT_MS: z.string().regex(/^\d+$/, must('millis')).optional(),
  PEI_DB_TIMEOUT_MS: z.string().regex(/^\d+$/, must('millis')).optional(),
  PEI_DB_FILE: z.string().min(1).optional(),
  PEI_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, must('database-url'))
    .optional(),
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
  PEI_PUBLIC_URL: z
    .string()
    .url(must('url'))
    .regex(/^https?:\/\//i, must('http'))
    .optional(),
  PEI_LINK_SECRET: z.string().min(MIN_SECRET, must('long-secret')).optional(),
  PEI_OPEN_DATA: z.enum(['true', 'false']).optional(),
  PEI_TAB_JWKS_URL: z
    .string()
    .url(must('url'))
    .regex(/^https?:\/\//i, must('http'))
    .optional(),
  PEI_FILE_HOSTS: z.string().optional(),
});

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** Reads `.env` and `.localConfigs` from the working directory (never overriding real env vars) unless told not to. */
export function loadConfig(
  source: NodeJS.ProcessEnv = process.env,
  opts: { dotenv?: boolean; cwd?: string } = {},
): Config {
  if (opts.dotenv !== false && source === process.env) {
    // .env, then .localConfigs (what the Teams Toolkit's local debug writes: BOT_ID, BOT_PASSWORD…).
    const cwd = opts.cwd ?? process.cwd();
    loadDotenv({ path: [resolve(cwd, '.env'), resolve(cwd, '.localConfigs')], quiet: true });
  }
  const parsed = env.safeParse(Object.fromEntries(Object.entries(source).map(([k, v]) => [k, blank(v)])));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ConfigError({ code: 'config-invalid', variable: i.path.join('.'), problem: problemOf(i.message) });
  }
  const e = parsed.data;
  const port = e.PORT ? Number(e.PORT) : 3978;
  if (port < PORTS.min || port > PORTS.max) throw new ConfigError({ code: 'port-range', variable: 'PORT', ...PORTS });

  let now: Date | undefined;
  if (e.PEI_NOW) {
    now = parseNow(e.PEI_NOW);
    if (!now) throw new ConfigError({ code: 'not-iso-date', variable: 'PEI_NOW', value: e.PEI_NOW });
  }

  const digestCron = e.DIGEST_CRON ?? '0 8 * * 1';
  try {
    new Cron(digestCron, { paused: true, timezone: 'America/Bogota' }).stop();
  } catch (err) {
    throw new ConfigError({
      code: 'not-cron',
      variable: 'DIGEST_CRON',
      value: digestCron,
      reason: (err as Error).message,
    });
  }

  let bands = DEFAULT_BANDS;
  if (e.PEI_STATUS_BANDS) {
    const parts = e.PEI_STATUS_BANDS.split(',').map((x) => Number(x.trim()));
    const b = { red: parts[0], yellow: parts[1], green: parts[2] };
    const invalid = parts.length !== 3 ? 'need-three' : validateBands(b);
    if (invalid)
      throw new ConfigError({
        code: 'bands-invalid',
        variable: 'PEI_STATUS_BANDS',
        value: e.PEI_STATUS_BANDS,
        problem: invalid,
      });
    bands = b;
  }

  let reminderDays = [5, 3, 1];
  if (e.PEI_REMINDER_DAYS) {
    reminderDays = e.PEI_REMINDER_DAYS.split(',').map((x) => Number(x.trim()));
    if (reminderDays.some((d) => !Number.isInteger(d) || d < 0 || d > 30)) {
      throw new ConfigError({
        code: 'reminder-days-invalid',
        variable: 'PEI_REMINDER_DAYS',
        value: e.PEI_REMINDER_DAYS,
      });
    }
  }

  const requestTimeoutMs = e.PEI_REQUEST_TIMEOUT_MS ? Number(e.PEI_REQUEST_TIMEOUT_MS) : 10_000;
  if (requestTimeoutMs < REQUEST_TIMEOUT.min || requestTimeoutMs > REQUEST_TIMEOUT.max) {
    throw new ConfigError({ code: 'request-timeout-range', variable: 'PEI_REQUEST_TIMEOUT_MS', ...REQUEST_TIMEOUT });
  }
  const dbTimeoutMax = Math.max(DB_TIMEOUT_MIN, Math.floor(requestTimeoutMs / 3));
  const dbTimeoutMs = e.PEI_DB_TIMEOUT_MS ? Number(e.PEI_DB_TIMEOUT_MS) : Math.min(3000, dbTimeoutMax);
  if (dbTimeoutMs < DB_TIMEOUT_MIN || dbTimeoutMs > dbTimeoutMax) {
    const range = { min: DB_TIMEOUT_MIN, max: dbTimeoutMax };
    throw new ConfigError({ code: 'db-timeout-range', variable: 'PEI_DB_TIMEOUT_MS', ...range });
  }
  const host = e.PEI_HOST?.replace(/^\[(.*)\]$/, '$1') ?? (e.BOT_ID ? '0.0.0.0' : '127.0.0.1');
  const hostReason = e.PEI_HOST ? 'PEI_HOST' : e.BOT_ID ? 'authenticated' : 'anonymous';

  return {
    port,
    host,
    hostReason,
    requestTimeoutMs,
    dbTimeoutMs,
    dbFile: resolve(e.PEI_DB_FILE ?? 'data/db.json'),
    databaseUrl: e.PEI_DATABASE_URL,
    now,
    apiToken: e.PEI_API_TOKEN,
    admins: (e.PEI_ADMINS ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    bot: { id: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, type: e.BOT_TYPE ?? 'SingleTenant' },
    digestCron,
    bands,
    reminderDays,
    logLevel: e.LOG_LEVEL ?? 'info',
    publicUrl: e.PEI_PUBLIC_URL?.replace(/\/+$/, ''),
    linkSecret: e.PEI_LINK_SECRET,
    openData: e.PEI_OPEN_DATA === 'true',
    ...(e.PEI_TAB_JWKS_URL ? { tabJwksUrl: e.PEI_TAB_JWKS_URL } : {}),
    fileHosts: (e.PEI_FILE_HOSTS ?? '.sharepoint.com,.sharepoint.us')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}
