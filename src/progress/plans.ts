/**
 * Every plan the bot follows (DOMAIN.md, «Plans follow each other»): the plan shipped in data/plan.json (loaded
 * first) and each plan loaded beside it by `plan import` of a workbook whose plan id is new (its version 1 stored).
 * One status service per plan id, made once and kept (each computes and keeps its own figures; nothing is computed
 * twice); they share the store's months (createLatestMonths). Without a plan named, the plan in force at a date answers: the one whose years contain the date's year,
 * the first loaded where several do (CONTRACT.md, «Plans that change»); a date no plan covers is the shipped plan's.
 */
import type { Plan } from '../domain/plan';
import { planInForce, planNamed, plansInForce, plansOf } from '../plan/versions';
import { createLatestMonths, createStatusService, type ReportSource, type StatusService } from './service';
import { DEFAULT_BANDS, type Bands } from './status';

/** A plan's id, name and years, as lists show it. */
export interface PlanSummary {
  id: string;
  name: string;
  period: { from: number; to: number };
}

export function createPlanBook(shipped: Plan, source: ReportSource, bands: Bands = DEFAULT_BANDS) {
  // Each month's latest version belongs to the store, not to a plan: read and kept once, for every plan's service.
  const months = createLatestMonths(source);
  const serviceOf = (plan: Plan) => createStatusService(plan, source, bands, months);
  const services = new Map<string, StatusService>([[shipped.id, serviceOf(shipped)]]);
  /** Plan ids in load order (the shipped plan first, then by the time their version 1 was stored). */
  let order: string[] = [shipped.id];
  let revision = -1;

  /** Reads the stored plans again when the store's revision moved (a plan imported by any process). */
  async function sync(): Promise<void> {
    if (!source.planVersions) return;
    const current = await source.revision();
    if (current === revision) return;
    const plans = plansOf(shipped, await source.planVersions());
    for (const p of plans) if (!services.has(p.id)) services.set(p.id, serviceOf(p));
    order = plans.map((p) => p.id);
    revision = current;
  }

  const ordered = () => order.map((id) => services.get(id)!);

  return {
    /** The plan shipped with the project (data/plan.json, version 1 of the first plan). */
    shipped: services.get(shipped.id)!,
    /** Every plan's status service, in load order. */
    async all(): Promise<StatusService[]> {
      await sync();
      return ordered();
    },
    /** The status service of the plan with this id (as typed: case and spaces aside), or undefined. */
    async get(id: string): Promise<StatusService | undefined> {
      await sync();
      const named = planNamed(
        ordered().map((s) => s.plan),
        id,
      );
      return named && services.get(named.id);
    },
    /** The plan in force on `asOf` (YYYY-MM-DD): the first loaded whose years contain its year; else the shipped one. */
    async inForce(asOf: string): Promise<StatusService> {
      await sync();
      return services.get(
        planInForce(
          ordered().map((s) => s.plan),
          asOf,
        ).id,
      )!;
    },
    /**
     * Every plan in force on `asOf` (YYYY-MM-DD), in load order (a PEI and a Plan de Acción may both be); a date none
     * covers, the shipped one.
     */
    async allInForce(asOf: string): Promise<StatusService[]> {
      await sync();
      return plansInForce(
        ordered().map((s) => s.plan),
        asOf,
      ).map((p) => services.get(p.id)!);
    },

    /** Id, name and years of every plan, in load order. */
    async summaries(): Promise<PlanSummary[]> {
      await sync();
      return ordered().map(({ plan }) => ({ id: plan.id, name: plan.name, period: { ...plan.period } }));
    },
  };
}

export type PlanBook = ReturnType<typeof createPlanBook>;
