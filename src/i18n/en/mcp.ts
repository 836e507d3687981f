import type { McpStrings } from '../types/mcp';

export const mcp: McpStrings = {
  planStatus: (name, year, asOf, progress, expected, status) =>
    `${name}, ${year}, as of ${asOf}: progress ${progress}, expected ${expected}, traffic light ${status}.`,
  objectiveLine: (n, name, progress, status) => `Objective ${n} (${name}): ${progress}, ${status}.`,
  objectiveStatus: (n, name, year, asOf, progress, expected, status, indicators) =>
    `Objective ${n}, ${name}. ${year}, as of ${asOf}: progress ${progress}, expected ${expected}, traffic light ${status}; ${indicators === 1 ? '1 indicator' : `${indicators} indicators`}.`,
  indicatorStatus: (id, name, year, asOf, progress, expected, status, lastReport) =>
    `Indicator ${id}, ${name}. ${year}, as of ${asOf}: progress ${progress}, expected ${expected}, traffic light ${status}; ${lastReport ? `last report: ${lastReport}` : 'no report this year'}.`,
  lagging: (year, asOf, red, amber, missing) =>
    `${year}, as of ${asOf}: ${red} red, ${amber} amber and ${missing} without a report.`,
  laggingLine: (id, name, status, progress, expected) =>
    `${id} ${name}: ${status}, ${progress} of ${expected} expected.`,
  compliance: (year, asOf, onTime, late, missing, open) =>
    `Reporting compliance, ${year}, as of ${asOf}: ${onTime} months on time, ${late} late, ${missing} not reported and ${open} still open.`,
  searchFound: (query, count) => `"${query}": ${count === 1 ? '1 result' : `${count} results`}, closest first.`,
  searchNone: (query) => `No indicator or objective found for "${query}".`,
  searchObjective: (n, name) => `Objective ${n}: ${name}`,
  searchIndicator: (id, name) => `Indicator ${id}: ${name}`,
  explainSource: "Figures computed with the Planning Office's rules, the same as the bot's cards.",
  invalidAsOf: (got) => `asOf must be a valid YYYY-MM-DD date (got: ${got}).`,
  invalidYear: (got) => `year must be a YYYY year (got: ${got}).`,
  unknownPlan: (id) => `This server has no plan ${id}.`,
  unknownObjective: (got, max) => `The plan has no objective ${got}: objectives go from 1 to ${max}.`,
  unknownIndicator: (got) => `The plan has no indicator ${got}. Use search to find its code.`,
  explainWhich: 'Give objective or indicator, not both (with neither, the plan’s progress is explained).',
  emptyQuery: 'query cannot be empty: write a code, "objective 5" or words of the name.',
  unavailable:
    'The follow-up could not be read right now (the store does not answer). Please try again in a few minutes.',
};
