/** A small leveled logger to stderr/stdout with timestamps; one line per event. */

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string, err?: unknown): void;
}

/** How an error reads in the log: by default its stack; main.ts words coded errors through the catalog. */
export type DescribeError = (e: unknown) => string;
const withStack: DescribeError = (e) => (e as Error)?.stack ?? String(e);

export function createLogger(level: Level = 'info', describe: DescribeError = withStack): Logger {
  const on = (l: Level) => order[l] >= order[level];
  const line = (l: string, msg: string) => `${new Date().toISOString()} ${l.toUpperCase()} ${msg}\n`;
  return {
    debug: (m) => on('debug') && process.stdout.write(line('debug', m)),
    info: (m) => on('info') && process.stdout.write(line('info', m)),
    warn: (m) => on('warn') && process.stderr.write(line('warn', m)),
    error: (m, e) => on('error') && process.stderr.write(line('error', e ? `${m}: ${describe(e)}` : m)),
  } as Logger;
}
