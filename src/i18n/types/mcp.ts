/**
 * The MCP server's words (src/mcp/): the short text beside each tool's structured result, and the tool errors. The
 * figures arrive already formatted (percents, dates) by the caller.
 */
export interface McpStrings {
  planStatus(name: string, year: number, asOf: string, progress: string, expected: string, status: string): string;
  objectiveLine(n: number, name: string, progress: string, status: string): string;
  objectiveStatus(
    n: number,
    name: string,
    year: number,
    asOf: string,
    progress: string,
    expected: string,
    status: string,
    indicators: number,
  ): string;
  indicatorStatus(
    id: string,
    name: string,
    year: number,
    asOf: string,
    progress: string,
    expected: string,
    status: string,
    lastReport: string | null,
  ): string;
  lagging(year: number, asOf: string, red: number, amber: number, missing: number): string;
  laggingLine(id: string, name: string, status: string, progress: string, expected: string): string;
  compliance(year: number, asOf: string, onTime: number, late: number, missing: number, open: number): string;
  searchFound(query: string, count: number): string;
  searchNone(query: string): string;
  searchObjective(n: number, name: string): string;
  searchIndicator(id: string, name: string): string;
  /** The explanation's closing line: how to read it. */
  explainSource: string;
  /** Tool errors: what was wrong with the arguments, or why nothing could be read. */
  invalidAsOf(got: string): string;
  invalidYear(got: string): string;
  unknownPlan(id: string): string;
  unknownObjective(got: string, max: number): string;
  unknownIndicator(got: string): string;
  explainWhich: string;
  emptyQuery: string;
  unavailable: string;
}
