import type { Timer } from '../../src/teams/proactive';

/**
 * A fake clock for code that waits (the proactive sender's pacing and retries), so tests assert the waits it asks
 * for instead of measuring wall-clock time. `auto` (the default) ends each wait on the next turn of the event loop,
 * moving the fake time forward by the wait; with `auto: false` waits stay pending until `advance(ms)`.
 */
export class FakeTimer implements Timer {
  time = 1_750_000_000_000;
  /** Every wait asked for, in order, in ms. */
  readonly waits: number[] = [];
  private pending: { at: number; fn: () => void; cancelled: boolean }[] = [];

  constructor(private readonly opts: { auto?: boolean } = {}) {}

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const h = { at: this.time + ms, fn, cancelled: false };
    this.waits.push(ms);
    this.pending.push(h);
    if (this.opts.auto ?? true) {
      setImmediate(() => {
        if (h.cancelled || !this.pending.includes(h)) return;
        this.pending = this.pending.filter((p) => p !== h);
        this.time = Math.max(this.time, h.at);
        fn();
      });
    }
    return h;
  }

  clearTimeout(handle: unknown): void {
    const h = handle as { cancelled: boolean };
    h.cancelled = true;
    this.pending = this.pending.filter((p) => p !== h);
  }

  /** Waits not yet over. */
  get sleeping(): number {
    return this.pending.length;
  }

  /** Moves the fake time forward, ending the waits that are over (in order). */
  advance(ms: number): void {
    this.time += ms;
    const due = this.pending.filter((p) => p.at <= this.time).sort((a, b) => a.at - b.at);
    this.pending = this.pending.filter((p) => p.at > this.time);
    for (const p of due) p.fn();
  }
}
