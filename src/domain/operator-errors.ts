/**
 * What stops the bot (or a command) because of what its operator gave it, as codes and facts: the plan file
 * (src/plan/ throws PlanError) and the environment (src/config.ts throws ConfigError). The edges (cli/, main.ts) put
 * them into words through the catalog (i18n/operator-errors.ts).
 */

/** One check a field of the plan failed. */
export type PlanProblem =
  /** An indicator id that is neither a 4-digit code, PPPP-Mn nor On-n. */
  | { code: 'id-format' }
  /** An objective out of order: its number should be `n`. */
  | { code: 'expected-number'; n: number }
  /** Two indicators with one id. */
  | { code: 'repeated-id'; id: string }
  /** An indicator filed under another objective: its objective should be `n`. */
  | { code: 'must-be'; n: number }
  /** A check of the schema itself (a type, a range, a missing or unknown key), with the schema library's message. */
  | { code: 'schema'; message: string };

/** A failed check and where: the path of the field in the file, e.g. ['objectives', 4, 'indicators', 0, 'weight']. */
export interface PlanIssue {
  path: (string | number)[];
  problem: PlanProblem;
}

export type PlanFailure =
  | { code: 'plan-unreadable'; file: string; reason: string }
  | { code: 'plan-not-json'; file: string; reason: string }
  /** Every failed check, in the order of the file. */
  | { code: 'plan-invalid'; file: string; issues: PlanIssue[] };

/** What is wrong with one variable's value, as the schema of the environment checks it. */
export type ConfigProblem =
  | { code: 'port' }
  | { code: 'host' }
  | { code: 'millis' }
  | { code: 'database-url' }
  | { code: 'url' }
  | { code: 'http' }
  | { code: 'long-secret'; min: number }
  /** Another check of the schema (an unknown choice…), with the schema library's message. */
  | { code: 'schema'; message: string };

/** The environment cannot be used (src/config.ts): the variable, its value and what is wrong with it. */
export type ConfigFailure =
  | { code: 'config-invalid'; variable: string; problem: ConfigProblem }
  | { code: 'port-range'; variable: 'PORT'; min: number; max: number }
  | { code: 'not-iso-date'; variable: 'PEI_NOW'; value: string }
  | { code: 'not-cron'; variable: 'DIGEST_CRON'; value: string; reason: string }
  | {
      code: 'bands-invalid';
      variable: 'PEI_STATUS_BANDS';
      value: string;
      problem: 'need-three' | 'not-positive' | 'not-ordered';
    }
  | { code: 'reminder-days-invalid'; variable: 'PEI_REMINDER_DAYS'; value: string }
  | { code: 'request-timeout-range'; variable: 'PEI_REQUEST_TIMEOUT_MS'; min: number; max: number }
  /** PEI_DB_TIMEOUT_MS out of range: at least `min`, and at most a third of the turn's deadline (`max`). */
  | { code: 'db-timeout-range'; variable: 'PEI_DB_TIMEOUT_MS'; min: number; max: number };
