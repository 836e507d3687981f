import type { Activity, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationRecord } from '../domain/records';
import type { Store } from '../store/types';
import type { DeliveryResult } from '../digest/run';
import type { Logger } from '../log';

/**
 * Proactive sending under Teams' limits: the digest and the reminders go through here.
 *
 * - Personal and group chats: `adapter.continueConversationAsync(botAppId, reference, logic)` and a plain
 *   sendActivity (botAppId is '' in anonymous local mode).
 * - Channels: a NEW THREAD in the channel (Connector `POST /v3/conversations` with `isGroup: true` and
 *   `channelData.channel.id`), issued from a continueConversation turn on the channel's reference. A post to the
 *   channel's root conversation id is accepted by the Playground but not drawn; a new thread shows in the
 *   Playground and in Teams, and a weekly digest reads best as its own thread anyway. It is the same request that
 *   `adapter.createConversationAsync` makes; going through the turn's connector client lets us control its
 *   retries (below) for this call too.
 * - Retries are ours, not the SDK's: the connector client's built-in retry policy (3 retries on 5xx, and on
 *   429/503 sleeping whatever Retry-After says, unbounded) is removed from the proactive turn's client, so that
 *   every attempt is paced, bounded and logged here. 429, 412, 502, 503, 504 and network errors are retried
 *   up to `maxAttempts` in all, waiting Retry-After (seconds or an HTTP date) when the service gives one, else
 *   1 s, 2 s, 4 s, 8 s; a Retry-After longer than `maxWaitMs` is not waited here: the send is reported as failed
 *   with that delay, and the caller retries on a later run.
 * - 403 / 404 (the bot was removed, the conversation is gone): the conversation is marked inactive in the store
 *   and skipped; the other conversations go on.
 * - Other errors (400, 401, 500…): logged, reported as failed (the caller decides about later runs).
 * - Pacing: at least `pacingMs` (1 s) between two attempts to the same conversation (Teams allows 7 per second
 *   per conversation; a second per message also keeps well under 1800 per hour); at most `ratePerSecond` (49)
 *   attempts started in any second, for the whole process (Teams allows 50 requests per second per app and
 *   tenant: one less, so that the requests' travel times cannot put a 51st into one of the service's seconds);
 *   and at most `concurrency` (8) sends in flight. The budget is the app's, shared by its processes: proactive
 *   runs hold the store's proactive lock, so one process sends them at a time.
 * - Every attempt and its outcome is logged.
 * Errors are caught inside the turn's logic, so the adapter's onTurnError (which would post an apology to the
 * conversation) never runs for a proactive send.
 */

export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export interface ProactiveOptions {
  adapter: ProactiveAdapter;
  /** BOT_ID; '' in anonymous local mode. */
  botAppId: string;
  store: Pick<Store, 'markConversationInactive'>;
  log: Logger;
  clock: () => Date;
  /** Minimum time between two attempts to the same conversation. */
  pacingMs?: number;
  /** Sends in flight at once, for the whole bot. */
  concurrency?: number;
  /** Attempts started in any one second, for the whole bot. */
  ratePerSecond?: number;
  /** Attempts in all for one message (first try included). */
  maxAttempts?: number;
  /** Longest single wait before a retry; a longer Retry-After ends the send as failed. */
  maxWaitMs?: number;
  /** First backoff without Retry-After (doubles each attempt). */
  baseDelayMs?: number;
  /** The clock pacing and retry waits run on (milliseconds); the real one by default, a fake one in tests. */
  timer?: Timer;
}

/** What the sender needs of time: the current instant and a cancellable wait. */
export interface Timer {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimer: Timer = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export const RETRYABLE_STATUS = new Set([429, 412, 502, 503, 504]);
export const GONE_STATUS = new Set([403, 404]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ESOCKETTIMEDOUT',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
]);

interface HttpishError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } | Record<string, string> };
}

export function statusOf(e: unknown): number | undefined {
  const x = e as HttpishError | undefined;
  const s = x?.statusCode ?? x?.response?.status ?? x?.status;
  return typeof s === 'number' ? s : undefined;
}

/** Retry-After in milliseconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterMs(e: unknown, now: Date): number | undefined {
  const headers = (e as HttpishError | undefined)?.response?.headers;
  if (!headers) return undefined;
  const raw =
    typeof (headers as { get?: unknown }).get === 'function'
      ? (headers as { get(n: string): string | undefined | null }).get('retry-after')
      : ((headers as Record<string, string>)['retry-after'] ?? (headers as Record<string, string>)['Retry-After']);
  if (raw === undefined || raw === null || String(raw).trim() === '') return undefined;
  const v = String(raw).trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - now.getTime()) : undefined;
}

function isNetworkError(e: unknown): boolean {
  const code = (e as HttpishError | undefined)?.code;
  return statusOf(e) === undefined && !!code && NETWORK_CODES.has(code);
}

/**
 * Removes the SDK's retry policy from the connector client of a proactive turn (that client is created for the
 * turn and used by nothing else). Returns false when the client does not have the expected shape (a future SDK):
 * sending still works, with the SDK's retries under ours.
 */
export function withoutSdkRetries(context: TurnContext): boolean {
  const adapter = context.adapter as unknown as { ConnectorClientKey?: symbol };
  const client = adapter.ConnectorClientKey ? context.turnState.get(adapter.ConnectorClientKey) : undefined;
  const pipeline = (client as { client?: { pipeline?: { removePolicy?(o: { name: string }): unknown[] } } } | undefined)
    ?.client?.pipeline;
  if (!pipeline?.removePolicy) return false;
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  return true;
}

interface ConnectorLike {
  conversations: { createConversation(p: ConversationParameters): Promise<{ id?: string }> };
}

function connectorOf(context: TurnContext): ConnectorLike | undefined {
  const adapter = context.adapter as unknown as { ConnectorClientKey?: symbol };
  return adapter.ConnectorClientKey
    ? (context.turnState.get(adapter.ConnectorClientKey) as ConnectorLike | undefined)
    : undefined;
}

export class ProactiveSender {
  private readonly pacingMs: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly maxWaitMs: number;
  private readonly baseDelayMs: number;
  private readonly ratePerSecond: number;
  private readonly lastAttempt = new Map<string, number>();
  /** When the latest attempts started (at most ratePerSecond of them), oldest first. */
  private readonly starts: number[] = [];
  private inFlight = 0;
  private readonly queue: (() => void)[] = [];
  private readonly sleepers = new Set<() => void>();
  private stopped = false;
  private warnedRetries = false;
  private readonly timer: Timer;

  constructor(private readonly opts: ProactiveOptions) {
    this.pacingMs = opts.pacingMs ?? 1000;
    this.concurrency = Math.max(1, opts.concurrency ?? 8);
    this.ratePerSecond = Math.max(1, opts.ratePerSecond ?? 49);
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? 5);
    this.maxWaitMs = opts.maxWaitMs ?? 60_000;
    this.baseDelayMs = opts.baseDelayMs ?? 1000;
    this.timer = opts.timer ?? realTimer;
  }

  /** Stops waiting: pending waits end at once and later sends return 'aborted'. */
  stop(): void {
    this.stopped = true;
    for (const wake of [...this.sleepers]) wake();
    for (const next of this.queue.splice(0)) next();
  }

  start(): void {
    this.stopped = false;
  }

  /** A sleep on the sender's timer that stop() cuts short; resolves false when cut. */
  private sleep(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!this.stopped);
    return new Promise((resolve) => {
      const wake = () => {
        this.timer.clearTimeout(t);
        this.sleepers.delete(wake);
        resolve(false);
      };
      const t = this.timer.setTimeout(() => {
        this.sleepers.delete(wake);
        resolve(!this.stopped);
      }, ms);
      this.sleepers.add(wake);
    });
  }

  /** Counts one more attempt when it fits in the last second's budget (synchronously: no other send in between). */
  private tryStart(): boolean {
    const now = this.timer.now();
    while (this.starts.length >= this.ratePerSecond && this.starts[0] + 1000 <= now) this.starts.shift();
    if (this.starts.length >= this.ratePerSecond) return false;
    this.starts.push(now);
    return true;
  }

  /** Waits until one more attempt fits in the last second's budget, and counts it; false when stopped. */
  private async withinRate(): Promise<boolean> {
    while (!this.tryStart()) {
      if (!(await this.sleep(this.starts[0] + 1000 - this.timer.now()))) return false;
    }
    return true;
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < this.concurrency) {
      this.inFlight += 1;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
    this.inFlight += 1;
  }

  private release(): void {
    this.inFlight -= 1;
    const next = this.queue.shift();
    if (next) next();
  }

  /** Sends one activity to a stored conversation; never throws. `label` names it in the logs (the record key). */
  async send(record: ConversationRecord, activity: Partial<Activity>, label: string): Promise<DeliveryResult> {
    if (this.stopped) return { status: 'aborted', attempts: 0 };
    await this.acquire();
    try {
      return await this.sendWithRetries(record, activity, label);
    } finally {
      this.release();
    }
  }

  private async sendWithRetries(
    record: ConversationRecord,
    activity: Partial<Activity>,
    label: string,
  ): Promise<DeliveryResult> {
    const { log } = this.opts;
    const target = `${record.key} (${record.scope === 'channel' ? 'canal, hilo nuevo' : record.scope})`;
    for (let attempt = 1; ; attempt++) {
      if (this.stopped) return { status: 'aborted', attempts: attempt - 1 };
      // Pacing per conversation.
      const last = this.lastAttempt.get(record.key);
      if (last !== undefined) {
        const wait = last + this.pacingMs - this.timer.now();
        if (wait > 0 && !(await this.sleep(wait))) return { status: 'aborted', attempts: attempt - 1 };
      }
      this.lastAttempt.set(record.key, this.timer.now());
      if (!this.tryStart()) {
        if (!(await this.withinRate())) return { status: 'aborted', attempts: attempt - 1 };
        this.lastAttempt.set(record.key, this.timer.now());
      }
      const started = this.timer.now();
      let error: unknown;
      try {
        error = await this.attempt(record, activity);
      } catch (e) {
        error = e; // failed before the turn's logic ran (e.g. the bot's token could not be obtained)
      }
      const ms = this.timer.now() - started;
      if (error === undefined) {
        log.info(`proactivo ${label} → ${target}: intento ${attempt} entregado (${ms} ms)`);
        return { status: 'sent', attempts: attempt };
      }
      const status = statusOf(error);
      const what =
        status !== undefined
          ? `HTTP ${status}`
          : ((error as HttpishError)?.code ?? (error as Error)?.message ?? String(error));
      if (status !== undefined && GONE_STATUS.has(status)) {
        log.warn(
          `proactivo ${label} → ${target}: intento ${attempt} rechazado (${what}): el bot ya no está en la conversación; se marca inactiva`,
        );
        try {
          await this.opts.store.markConversationInactive(record.key, `HTTP ${status}`, this.opts.clock().toISOString());
        } catch (e) {
          log.error(`proactivo ${label}: no se pudo marcar inactiva la conversación ${record.key}`, e);
        }
        return { status: 'gone', attempts: attempt, reason: what };
      }
      const retryable = (status !== undefined && RETRYABLE_STATUS.has(status)) || isNetworkError(error);
      if (!retryable) {
        log.error(`proactivo ${label} → ${target}: intento ${attempt} falló (${what}); no se reintenta ahora`);
        return { status: 'failed', attempts: attempt, reason: what };
      }
      const after = retryAfterMs(error, new Date());
      const wait = after ?? this.baseDelayMs * 2 ** (attempt - 1);
      if (attempt >= this.maxAttempts) {
        log.error(
          `proactivo ${label} → ${target}: intento ${attempt} falló (${what}); se agotaron los ${this.maxAttempts} intentos`,
        );
        return { status: 'failed', attempts: attempt, reason: what, retryAfterMs: after };
      }
      if (wait > this.maxWaitMs) {
        log.warn(
          `proactivo ${label} → ${target}: intento ${attempt} falló (${what}); Retry-After ${Math.round(wait / 1000)} s supera la espera máxima, se deja para otra ronda`,
        );
        return { status: 'failed', attempts: attempt, reason: what, retryAfterMs: wait };
      }
      log.warn(
        `proactivo ${label} → ${target}: intento ${attempt} falló (${what}); reintento en ${wait} ms${after !== undefined ? ' (Retry-After)' : ''}`,
      );
      // The conversation's next attempt may not come before the wait is over.
      this.lastAttempt.set(record.key, this.timer.now() + wait - this.pacingMs);
      if (!(await this.sleep(wait))) return { status: 'aborted', attempts: attempt };
    }
  }

  /** One try. Resolves with the error (undefined on success) so that the adapter's onTurnError never sees it. */
  private async attempt(record: ConversationRecord, activity: Partial<Activity>): Promise<unknown> {
    const reference = record.reference as Partial<ConversationReference>;
    let error: unknown;
    await this.opts.adapter.continueConversationAsync(this.opts.botAppId, reference, async (context) => {
      try {
        if (!withoutSdkRetries(context) && !this.warnedRetries) {
          this.warnedRetries = true;
          this.opts.log.warn(
            'proactivo: no se pudo quitar la política de reintentos del SDK; los reintentos del SDK se suman a los propios',
          );
        }
        if (record.scope === 'channel') {
          const connector = connectorOf(context);
          if (!connector) throw new Error('the adapter does not expose the connector client');
          const tenantId = reference.conversation?.tenantId;
          await connector.conversations.createConversation({
            isGroup: true,
            bot: reference.bot,
            tenantId,
            channelData: { channel: { id: record.key }, ...(tenantId ? { tenant: { id: tenantId } } : {}) },
            activity: { ...activity, type: activity.type ?? 'message' } as Activity,
          } as ConversationParameters);
        } else {
          await context.sendActivity(activity);
        }
      } catch (e) {
        error = e ?? new Error('error desconocido');
      }
    });
    return error;
  }
}
