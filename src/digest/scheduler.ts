import type { DigestLog, DigestRunner, RunSummary } from './run';

/**
 * The clock of the proactive work: a tick every minute (an unref'd setInterval, so it never keeps the process
 * alive) asks the runner what is due at the clock's time; the runner hands it to the sender. The clock is injected: tests
 * call `tick(now)` with a fake time. Ticks never overlap: an interval tick is skipped while one runs; an explicit
 * tick waits for the running one. The first tick runs shortly after start, so a process that was down at the
 * cron time catches up (within the same week) without waiting a minute. A run that found another process holding the
 * proactive lock is tried again after `busyRetryMs` (5 s), not a minute later: that process may be mid-way through a
 * long fan-out, and if it dies its lock is released and this process finishes the sends within seconds.
 */

export interface SchedulerOptions {
  runner: Pick<DigestRunner, 'run'>;
  /** The delivery side (the Teams layer's sender): started with the schedule; stopped first, which cuts its waits short. */
  sender: { start(): void; stop(): void };
  clock: () => Date;
  log: DigestLog;
  intervalMs?: number;
  firstTickMs?: number;
  /** How soon to try again after a run found the proactive lock held by another process. */
  busyRetryMs?: number;
}

export class Scheduler {
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;
  private running: Promise<RunSummary> | null = null;
  /** A run asked for by wake() that has not started yet: later wakes share it. */
  private woken: Promise<RunSummary> | null = null;

  constructor(private readonly opts: SchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.opts.sender.start();
    const interval = this.opts.intervalMs ?? 60_000;
    this.timer = setInterval(() => {
      if (!this.running) void this.tick();
    }, interval);
    this.timer.unref();
    this.first = setTimeout(() => void this.tick(), this.opts.firstTickMs ?? 1000);
    this.first.unref();
    this.opts.log.debug(`programador de resúmenes y recordatorios iniciado (cada ${interval / 1000} s)`);
  }

  /** Runs what is due at `now` (the clock's time by default), after any run in progress. */
  tick(now: Date = this.opts.clock()): Promise<RunSummary> {
    return this.chain(() => now);
  }

  /**
   * Something new may be due (a report returned, a personal chat opened): one run after the one in progress, at the
   * clock's time when it starts. Wakes that come while that run waits to start share it, so a burst (an app rolled out
   * to a thousand people opens a thousand chats) costs one run, not one each.
   */
  wake(): Promise<RunSummary> {
    if (this.woken) return this.woken;
    const run = this.chain(() => {
      if (this.woken === run) this.woken = null;
      return this.opts.clock();
    });
    this.woken = run;
    return run;
  }

  private chain(startAt: () => Date): Promise<RunSummary> {
    const previous = this.running;
    const run = (async () => {
      // Always yields first: startAt() runs once `run` is known to the caller (wake() compares with it).
      await (previous ?? Promise.resolve()).catch(() => undefined);
      return this.opts.runner.run(startAt());
    })();
    this.running = run;
    void run
      .finally(() => {
        if (this.running === run) this.running = null;
      })
      .then((summary) => {
        if (summary.busy) this.retrySoon();
      })
      .catch(() => undefined);
    return run;
  }

  /** Another tick in busyRetryMs, while started (one at a time). */
  private retrySoon(): void {
    if (!this.timer || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.running) void this.tick();
    }, this.opts.busyRetryMs ?? 5000);
    this.retry.unref();
  }

  /** Stops the timer, cuts the sender's waits short, and waits for the run in progress to finish recording. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    if (this.retry) clearTimeout(this.retry);
    this.timer = undefined;
    this.retry = undefined;
    this.first = undefined;
    this.opts.sender.stop();
    if (this.running) await this.running.catch(() => undefined);
  }
}
