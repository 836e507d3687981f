/**
 * Plan versions in words (DOMAIN.md «Plans change»): what a version changed, one line each, and the list of versions
 * (`plan versions`, the admin's «versiones del plan»).
 */
import type { Plan, Unit } from '../domain/plan';
import type { PlanChange, PlanVersion } from '../domain/plan-versions';
import { bogotaDate } from '../calendar';
import { catalog, formatPercentShort, formatValue, type Lang } from '../i18n';

/** One line per change; targets in the indicator's unit, weights as percents. */
export function changeLines(changes: readonly PlanChange[], plan: Plan, lang: Lang): string[] {
  const t = catalog(lang).plan;
  const unit = new Map<string, Unit>(plan.objectives.flatMap((o) => o.indicators).map((i) => [i.id, i.unit]));
  return changes.map((c) => {
    switch (c.kind) {
      case 'target': {
        const u = unit.get(c.indicatorId) ?? 'number';
        return t.changeTarget(c.indicatorId, c.year, formatValue(c.from, u, lang), formatValue(c.to, u, lang));
      }
      case 'weight':
        return t.changeWeight(c.indicatorId, formatPercentShort(c.from, lang), formatPercentShort(c.to, lang));
      case 'added':
        return t.changeAdded(c.indicatorId);
      case 'retired':
        return t.changeRetired(c.indicatorId);
      case 'field':
        return t.changeField(c.indicatorId, c.field, c.from, c.to);
      case 'objective':
        return t.changeObjective(c.objective, c.field);
      case 'plan':
        return t.changePlan(c.field);
    }
  });
}

/** The versions, oldest first, each with what it changed (`current`: the number in force today, marked). */
export function versionsText(versions: readonly PlanVersion[], current: number, lang: Lang): string {
  const t = catalog(lang).plan;
  const lines = [t.versionsHeading(versions[0]?.plan.name ?? '')];
  for (const v of versions) {
    const head = t.versionLine(
      v.version,
      v.effective,
      v.reason ?? t.firstVersion,
      v.by?.name ?? '—',
      v.at ? bogotaDate(new Date(v.at)) : '—',
    );
    lines.push(v.version === current ? `${head} ${t.inForce}` : head);
    const changes = changeLines(v.changes, v.plan, lang);
    lines.push(...(changes.length ? changes : [t.noChanges]));
  }
  return lines.join('\n');
}
