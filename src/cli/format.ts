import type { PlanCheck } from '../plan/check';
import type { StatusJson } from '../views/status-json';
import { catalog, DASH, formatNumber } from '../i18n';

/** Plain-text renderings for the terminal, in Spanish (the words are the catalog's, src/i18n/). */

const t = catalog('es').cli;
const STATUS_ES = t.status;

/**
 * A fraction as the terminal shows it: one decimal, the one formatter's Spanish number, and a plain space before
 * «%» (a terminal does not wrap a column, and the README's examples are matched as typed).
 */
export function pctEs(x: number | null): string {
  return x === null ? DASH : `${formatNumber(x * 100, 'es', 1, 1)} %`;
}

function pad(s: string, n: number, right = false): string {
  const t = s.length > n ? `${s.slice(0, n - 1)}…` : s;
  return right ? t.padStart(n) : t.padEnd(n);
}

export function statusTable(s: StatusJson): string {
  const lines: string[] = [];
  lines.push(t.statusTitle(s.plan.name, s.year, s.asOf, s.monthsClosed));
  lines.push(
    t.statusPlanLine(
      pctEs(s.plan.progress),
      pctEs(s.plan.expected),
      pctEs(s.plan.cumulative),
      STATUS_ES[s.plan.status],
    ),
  );
  lines.push('');
  const head = `${pad(t.colIndicator, 14)} ${pad(t.colName, 44)} ${pad(t.colProgress, 9, true)} ${pad(t.colExpected, 9, true)} ${pad(t.colFourYear, 10, true)}  ${t.colStatus}`;
  lines.push(head);
  lines.push('-'.repeat(head.length + 6));
  for (const o of s.objectives) {
    lines.push(
      `${pad(t.objective(o.number), 14)} ${pad(o.name, 44)} ${pad(pctEs(o.progress), 9, true)} ${pad(pctEs(o.expected), 9, true)} ${pad(pctEs(o.cumulative), 10, true)}  ${STATUS_ES[o.status]}`,
    );
    for (const i of o.indicators) {
      lines.push(
        `${pad(`  ${i.id}`, 14)} ${pad(i.name, 44)} ${pad(pctEs(i.progress), 9, true)} ${pad(pctEs(i.expected), 9, true)} ${pad(pctEs(i.cumulative), 10, true)}  ${STATUS_ES[i.status]}${i.pending ? t.pendingTag : ''}`,
      );
    }
  }
  return lines.join('\n');
}

export function checkReport(c: PlanCheck): string {
  const lines = [t.checkTitle(c.findings.length, c.findings.filter((f) => !f.acknowledged).length), ''];
  for (const f of c.findings) {
    lines.push(
      `[${f.acknowledged ? t.checkKnown : t.checkNew}] ${f.code} ${f.ref} (${t.checkObjective(f.objective)}): ${catalog('es').operator.finding(f)}`,
    );
  }
  for (const s of c.stale) lines.push(t.checkStale(s.code, s.ref));
  lines.push('');
  lines.push(c.ok ? t.checkOk : t.checkNotOk);
  return lines.join('\n');
}
