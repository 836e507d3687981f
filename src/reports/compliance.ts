import { ownersOfPlan } from '../domain/owners';
import type { Indicator, Plan } from '../domain/plan';
import type { Person } from '../domain/records';
import { bogotaDate, makePeriod, monthsClosed, reportDeadline, type IsoDate, type Period } from '../calendar';
import { personKeys } from './ownership';
import type { Store } from '../store/types';

/**
 * Reporting compliance (DOMAIN.md, «Reporting compliance»), pure: the plan, the stored report versions, the owners
 * and a deadline function in; per indicator and closed month a state, and per owner the counts, out.
 *
 * - Only indicators with a target in the year, and months closed by the as-of date (a month closes on its last day).
 * - A month's deadline is the 5th business day of the next month, Colombian holidays counted (calendar/reportDeadline).
 * - The first version of (indicator, month) decides: stored (Bogotá date of `reportedAt`) on or before the deadline
 *   → `a-tiempo`; after it → `tarde`. Its review state does not matter: a returned version was still reported then.
 * - Nothing stored by the as-of date: `sin-reporte` once the deadline has passed (as-of date after the deadline),
 *   `en-plazo` until then. Versions stored after the as-of date are not seen (a past as-of date reads as it was).
 */

export type ComplianceState = 'a-tiempo' | 'tarde' | 'sin-reporte' | 'en-plazo';
export const COMPLIANCE_STATES: readonly ComplianceState[] = ['a-tiempo', 'tarde', 'sin-reporte', 'en-plazo'];

export type ComplianceCounts = Record<ComplianceState, number>;

export interface IndicatorCompliance {
  id: string;
  /** Period "YYYY-MM" -> state, months ascending. */
  months: Record<Period, ComplianceState>;
  /** The deadline of each month (for the workbook and the cards). */
  deadlines: Record<Period, IsoDate>;
  /** The Bogotá date the month's first version was stored, for the months reported (a late one reads with it). */
  reportedOn: Record<Period, IsoDate>;
}

export interface OwnerCompliance extends ComplianceCounts {
  owner: Person;
  /** The indicators counted for this owner, in plan order. */
  indicators: string[];
}

export interface Compliance {
  asOf: IsoDate;
  year: number;
  indicators: IndicatorCompliance[];
  owners: OwnerCompliance[];
  /** Months of indicators without an owner. */
  unassigned: ComplianceCounts & { indicators: string[] };
  /** All months of all indicators. */
  totals: ComplianceCounts;
}

/** What compliance reads of a stored version. */
export interface ReportStamp {
  indicatorId: string;
  period: Period;
  reportedAt: string;
}

export interface ComplianceInput {
  plan: Plan;
  reports: readonly ReportStamp[];
  owners: (indicatorId: string) => readonly Person[];
  year: number;
  asOf: IsoDate;
  /** The deadline of a month's report; the calendar's 5th business day by default. */
  deadline?: (period: Period) => IsoDate;
  /**
   * Versions stored up to this date are seen (default: the as-of date, so a past as-of date reads as it was). The
   * follow-up workbook passes the day it is made: its figures count every stored report of the quarter's months,
   * so its compliance columns must see the same reports (one stored after the cut reads «tarde», never «sin reporte»
   * beside its value).
   */
  seenUntil?: IsoDate;
}

export const zeroCounts = (): ComplianceCounts => ({ 'a-tiempo': 0, tarde: 0, 'sin-reporte': 0, 'en-plazo': 0 });

const hasTarget = (ind: Indicator, year: number) => ((ind.program as Record<number, number>)[year] ?? 0) !== 0;

/** The compliance of `year` as of `asOf` from what the store holds now: its reports of the year and its owners. */
export async function storedCompliance(
  store: Pick<Store, 'reports' | 'allOwners'>,
  plan: Plan,
  year: number,
  asOf: IsoDate,
): Promise<Compliance> {
  const owners = ownersOfPlan(await store.allOwners(), plan.id);
  return computeCompliance({
    plan,
    reports: await store.reports({ year }),
    owners: (id) => owners[id] ?? [],
    year,
    asOf,
  });
}

export function computeCompliance(input: ComplianceInput): Compliance {
  const { plan, year, asOf } = input;
  const deadlineOf = input.deadline ?? ((p: Period) => reportDeadline(p));
  const closed = monthsClosed(year, asOf);
  const yearPrefix = `${year}-`;

  // The Bogotá date of the first version of each (indicator, month) of the year stored by the as-of date.
  const first = new Map<string, IsoDate>();
  for (const r of input.reports) {
    if (!r.period.startsWith(yearPrefix)) continue;
    const day = bogotaDate(new Date(r.reportedAt));
    if (day > (input.seenUntil ?? asOf)) continue;
    const key = `${r.indicatorId}|${r.period}`;
    const seen = first.get(key);
    if (seen === undefined || day < seen) first.set(key, day);
  }

  const indicators: IndicatorCompliance[] = [];
  const owners = new Map<string, OwnerCompliance>();
  const unassigned = { ...zeroCounts(), indicators: [] as string[] };
  const totals = zeroCounts();

  for (const ind of plan.objectives.flatMap((o) => o.indicators)) {
    if (!hasTarget(ind, year)) continue;
    const months: Record<Period, ComplianceState> = {};
    const deadlines: Record<Period, IsoDate> = {};
    const reportedOn: Record<Period, IsoDate> = {};
    const counts = zeroCounts();
    for (let m = 1; m <= closed; m++) {
      const period = makePeriod(year, m);
      const deadline = deadlineOf(period);
      const stored = first.get(`${ind.id}|${period}`);
      const state: ComplianceState =
        stored !== undefined
          ? stored <= deadline
            ? 'a-tiempo'
            : 'tarde'
          : asOf > deadline
            ? 'sin-reporte'
            : 'en-plazo';
      months[period] = state;
      deadlines[period] = deadline;
      if (stored !== undefined) reportedOn[period] = stored;
      counts[state] += 1;
      totals[state] += 1;
    }
    indicators.push({ id: ind.id, months, deadlines, reportedOn });

    const people = input.owners(ind.id);
    if (!people.length) {
      addCounts(unassigned, counts);
      unassigned.indicators.push(ind.id);
    }
    for (const p of people) {
      const key = personKeys(p)[0] ?? p.id;
      let row = owners.get(key);
      if (!row) owners.set(key, (row = { owner: p, ...zeroCounts(), indicators: [] }));
      addCounts(row, counts);
      row.indicators.push(ind.id);
    }
  }

  return { asOf, year, indicators, owners: [...owners.values()], unassigned, totals };
}

function addCounts(into: ComplianceCounts, add: ComplianceCounts): void {
  for (const s of COMPLIANCE_STATES) into[s] += add[s];
}

/** CONTRACT.md's JSON for GET /api/v1/compliance (plus `deadlines`, `indicators` per owner, `unassigned`, `totals`). */
export function complianceJson(c: Compliance) {
  return {
    asOf: c.asOf,
    year: c.year,
    indicators: c.indicators.map((i) => ({ id: i.id, months: i.months, deadlines: i.deadlines })),
    owners: c.owners.map((o) => ({
      owner: { id: o.owner.id, name: o.owner.name, email: o.owner.email ?? null },
      'a-tiempo': o['a-tiempo'],
      tarde: o.tarde,
      'sin-reporte': o['sin-reporte'],
      'en-plazo': o['en-plazo'],
      indicators: o.indicators,
    })),
    unassigned: c.unassigned,
    totals: c.totals,
  };
}
