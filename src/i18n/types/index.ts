import type { Strings } from './cards';
import type { DigestStrings } from './digest';
import type { CliStrings } from './cli';
import type { CsvStrings } from './csv';
import type { ExplainStrings } from './explain';
import type { NamesStrings } from './names';
import type { ReviewOutcomeStrings } from './review-outcome';
import type { HttpStrings } from './http';
import type { RepliesStrings } from './replies';
import type { ReportStrings } from './report';
import type { StatusStrings } from './status';
import type { ValidationStrings } from './validation';
import type { OperatorStrings } from './operator';
import type { StoreStrings } from './store';
import type { MineStrings } from './mine';
import type { McpStrings } from './mcp';
import type { TabStrings } from './tab';
import type { PlanStrings } from './plan';
import type { PlanUploadStrings } from './plan-upload';

/**
 * The whole catalog of one locale, split by capability. es/index.ts and en/index.ts are each typed by it (and each
 * capability by its interface), so a message missing from, or extra in, either locale fails `tsc`.
 */
export interface Catalog {
  cards: Strings;
  explain: ExplainStrings;
  status: StatusStrings;
  report: ReportStrings;
  validation: ValidationStrings;
  digest: DigestStrings;
  replies: RepliesStrings;
  http: HttpStrings;
  csv: CsvStrings;
  cli: CliStrings;
  names: NamesStrings;
  reviewOutcome: ReviewOutcomeStrings;
  operator: OperatorStrings;
  store: StoreStrings;
  mine: MineStrings;
  mcp: McpStrings;
  tab: TabStrings;
  plan: PlanStrings;
  planUpload: PlanUploadStrings;
}
