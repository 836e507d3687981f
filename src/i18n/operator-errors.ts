import type { ConfigFailure, ConfigProblem, PlanFailure, PlanProblem } from '../domain/operator-errors';
import type { OperatorStrings } from './types/operator';

/** At most this many failed checks are listed (the first ones in the file). */
const MAX_LISTED = 10;

/** A PlanError's facts (src/plan/) in the operator's words: what start-up and the CLI print. */
export function planFailureText(f: PlanFailure, t: OperatorStrings): string {
  switch (f.code) {
    case 'plan-unreadable':
      return t.planUnreadable(f.file, f.reason);
    case 'plan-not-json':
      return t.planNotJson(f.file, f.reason);
    case 'plan-invalid':
      return t.planInvalid(
        f.file,
        f.issues
          .slice(0, MAX_LISTED)
          .map((i) => `  - ${fieldPath(i.path, t)}: ${problemText(i.problem, t)}`)
          .join('\n'),
      );
  }
}

/** "objectives[4].indicators[0].weight"; the root when empty. */
function fieldPath(path: readonly (string | number)[], t: OperatorStrings): string {
  return (
    path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : String(p)), '') ||
    t.planRoot
  );
}

function problemText(p: PlanProblem, t: OperatorStrings): string {
  switch (p.code) {
    case 'id-format':
      return t.planIdFormat;
    case 'expected-number':
      return t.planExpectedNumber(p.n);
    case 'repeated-id':
      return t.planRepeatedId(p.id);
    case 'must-be':
      return t.planMustBe(p.n);
    case 'schema':
      return p.message;
  }
}

/** A ConfigError's facts (src/config.ts) in the operator's words: what start-up and the CLI print. */
export function configFailureText(f: ConfigFailure, t: OperatorStrings): string {
  switch (f.code) {
    case 'config-invalid':
      return t.configInvalid(f.variable, configProblemText(f.problem, t));
    case 'port-range':
      return t.portRange;
    case 'not-iso-date':
      return t.notIsoDate(f.value);
    case 'not-cron':
      return t.notCron(f.value, f.reason);
    case 'bands-invalid':
      return t.bandsInvalid(
        f.value,
        { 'need-three': t.bandsNeedThree, 'not-positive': t.bandsNotPositive, 'not-ordered': t.bandsNotOrdered }[
          f.problem
        ],
      );
    case 'reminder-days-invalid':
      return t.reminderDaysInvalid(f.value);
    case 'request-timeout-range':
      return t.requestTimeoutRange;
    case 'db-timeout-range':
      return t.dbTimeoutRange(f.min, f.max);
  }
}

function configProblemText(p: ConfigProblem, t: OperatorStrings): string {
  switch (p.code) {
    case 'port':
      return t.mustBePort;
    case 'host':
      return t.mustBeHost;
    case 'millis':
      return t.mustBeMillis;
    case 'database-url':
      return t.mustBeDatabaseUrl;
    case 'url':
      return t.mustBeUrl;
    case 'http':
      return t.mustBeHttp;
    case 'long-secret':
      return t.mustBeLongSecret;
    case 'schema':
      return p.message;
  }
}
