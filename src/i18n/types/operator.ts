import type { Finding, FindingCode } from '../../domain/codes';

/**
 * What the bot tells its operator (the person who installs and runs it): configuration errors at start-up, a broken
 * plan or card template, the plan check's findings (check-plan, the workbook's «Hallazgos del plan» sheet) and where
 * the bot listens. The CLI and the start-up use the Spanish catalog; the English one keeps both locales whole.
 */
export interface OperatorStrings {
  // Configuration (src/config.ts throws ConfigError with codes and facts; i18n/operator-errors.ts words them with these)
  configInvalid(variable: string, problem: string): string;
  mustBePort: string;
  mustBeHost: string;
  mustBeMillis: string;
  mustBeDatabaseUrl: string;
  mustBeUrl: string;
  mustBeHttp: string;
  mustBeLongSecret: string;
  portRange: string;
  notIsoDate(got: string): string;
  notCron(got: string, why: string): string;
  bandsNeedThree: string;
  bandsNotPositive: string;
  bandsNotOrdered: string;
  bandsInvalid(got: string, why: string): string;
  reminderDaysInvalid(got: string): string;
  requestTimeoutRange: string;
  dbTimeoutRange(min: number, max: number): string;
  // Start-up (link secret, where the bot listens)
  linkSecretShort(file: string): string;
  listenMode: { authenticated(botId: string): string; anonymous: string };
  listenReason: { PEI_HOST: string; authenticated: string; anonymous: string };
  // The plan file (src/plan/ throws PlanError with codes and facts; i18n/operator-errors.ts words them with these)
  planUnreadable(file: string, why: string): string;
  planNotJson(file: string, why: string): string;
  planInvalid(file: string, lines: string): string;
  planRoot: string;
  planIdFormat: string;
  planExpectedNumber(n: number): string;
  planRepeatedId(id: string): string;
  planMustBe(n: number): string;
  // Card templates (src/views/render.ts)
  templateBadName(name: string): string;
  templateUnreadable(file: string, why: string): string;
  templateNotJson(file: string, why: string): string;
  // The plan check's findings, one sentence each from the facts the check found
  finding(f: Pick<Finding, 'code' | 'facts'>): string;
  /** A finding's kind in a few words (the workbook's «Tipo» column; the code stays for programs). */
  findingKind: Record<FindingCode, string>;
  noFindings: string;
}
