import type { CliIo } from './main';

/** Commands contributed by other capabilities (import-reports), registered by name. */
export const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {};
