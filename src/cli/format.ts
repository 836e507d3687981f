import type { PlanCheck } from '../plan/check';
import type { StatusJson } from '../views/status-json';

/** Plain-text renderings for the terminal, in Spanish. */

const STATUS_ES: Record<string, string> = {
  rojo: 'rojo', amarillo: 'amarillo', verde: 'verde', 'sobre-ejecucion': 'sobre-ejecución', 'sin-meta': 'sin meta', 'sin-datos': 'sin datos',
};

export function pctEs(x: number | null): string {
  if (x === null) return '—';
  return `${(x * 100).toLocaleString('es-CO', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}

function pad(s: string, n: number, right = false): string {
  const t = s.length > n ? `${s.slice(0, n - 1)}…` : s;
  return right ? t.padStart(n) : t.padEnd(n);
}

export function statusTable(s: StatusJson): string {
  const lines: string[] = [];
  lines.push(`${s.plan.name} — vigencia ${s.year}, corte ${s.asOf} (${s.monthsClosed} meses cerrados)`);
  lines.push(`Plan: avance ${pctEs(s.plan.progress)} | esperado ${pctEs(s.plan.expected)} | cuatrienio ${pctEs(s.plan.cumulative)} | ${STATUS_ES[s.plan.status]}`);
  lines.push('');
  const head = `${pad('Obj/Indicador', 14)} ${pad('Nombre', 44)} ${pad('Avance', 9, true)} ${pad('Esperado', 9, true)} ${pad('Cuatrienio', 10, true)}  Estado`;
  lines.push(head);
  lines.push('-'.repeat(head.length + 6));
  for (const o of s.objectives) {
    lines.push(`${pad(`Objetivo ${o.number}`, 14)} ${pad(o.name, 44)} ${pad(pctEs(o.progress), 9, true)} ${pad(pctEs(o.expected), 9, true)} ${pad(pctEs(o.cumulative), 10, true)}  ${STATUS_ES[o.status]}`);
    for (const i of o.indicators) {
      lines.push(`${pad(`  ${i.id}`, 14)} ${pad(i.name, 44)} ${pad(pctEs(i.progress), 9, true)} ${pad(pctEs(i.expected), 9, true)} ${pad(pctEs(i.cumulative), 10, true)}  ${STATUS_ES[i.status]}${i.pending ? ' (pendiente)' : ''}`);
    }
  }
  return lines.join('\n');
}

export function checkReport(c: PlanCheck): string {
  const lines = [`Revisión del plan: ${c.findings.length} hallazgos (${c.findings.filter((f) => !f.acknowledged).length} nuevos)`, ''];
  for (const f of c.findings) {
    lines.push(`[${f.acknowledged ? 'conocido' : 'NUEVO'}] ${f.code} ${f.ref} (objetivo ${f.objective}): ${f.message}`);
  }
  for (const s of c.stale) lines.push(`[ya no aparece] ${s.code} ${s.ref}: el hallazgo reconocido ya no se presenta en los datos`);
  lines.push('');
  lines.push(c.ok ? 'Resultado: solo hallazgos conocidos de la fuente (semilla).' : 'Resultado: hay hallazgos nuevos que revisar.');
  return lines.join('\n');
}
