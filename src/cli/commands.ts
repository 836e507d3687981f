import type { CliIo } from './io';
import { importReportsCommand } from './import-reports';
import { exportCommand } from './export';
import { migrateStoreCommand } from './migrate-store';
import { planCommand } from './plan';

/** Commands contributed by other capabilities (import-reports), registered by name. */
export const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  'import-reports': importReportsCommand,
  export: exportCommand,
  'migrate-store': migrateStoreCommand,
  plan: planCommand,
};
