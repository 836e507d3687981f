import type { PlanStrings } from '../types/plan';

const COLUMNS: Record<string, string> = {
  id: 'id',
  objective: 'objetivo',
  metaId: 'meta_id',
  metaLabel: 'meta_etiqueta',
  metaText: 'meta_texto',
  name: 'nombre',
  shortName: 'nombre_corto',
  number: 'número',
  trend: 'tendencia',
  unit: 'unidad',
  weight: 'ponderación',
  baseline: 'línea base',
  total: 'meta del cuatrienio',
  area: 'área responsable',
  mission: 'misión',
  vision: 'visión',
  meta: 'meta',
};
const col = (c: string | number) => (/^\d{4}$/.test(String(c)) ? `la meta de ${c}` : (COLUMNS[String(c)] ?? String(c)));
const pct = (x: string | number) => `${String(x).replace('.', ',')} %`;

export const plan: PlanStrings = {
  usage: `Uso: npm run cli -- plan <export|import|versions>

  plan export [--plan ID] --out ARCHIVO.xlsx                            el plan vigente como libro de Excel para editar
  plan import ARCHIVO.xlsx --reason "TEXTO" [--effective AAAA-MM-DD]    guarda el libro como nueva versión del plan
  plan versions [--plan ID] [--json]                                    las versiones del plan

  Un libro cuyo id de plan (hoja Plan) es nuevo carga ese plan al lado de los demás (el PEI siguiente, un plan de
  acción). Sin --plan: el plan vigente hoy.`,
  actor: (user) => `Línea de comandos (${user})`,
  unknownSubcommand: (s) => `Subcomando desconocido: plan ${s}`,
  fileMissing: 'Falta el archivo .xlsx que se va a importar.',
  planUnknown: (got, known) => `--plan: no hay un plan «${got}» (los planes cargados: ${known})`,
  reasonMissing:
    'Falta --reason: cite el acto administrativo que cambia el plan (por ejemplo, --reason "Resolución 45 de 2025").',
  effectiveInvalid: (got) => `--effective debe ser una fecha AAAA-MM-DD (recibido: ${got})`,
  exported: (file, v, eff, n) =>
    `Plan (versión ${v}, vigente desde el ${eff}) escrito en ${file}: ${n} indicadores. Edítelo y vuelva a importarlo con «plan import».`,
  notXlsx: (file) => `${file} no es un libro de Excel (.xlsx) legible. No se importó nada.`,
  sheetMissing: (sheet) =>
    `Al libro le falta la hoja «${sheet}». Use el libro que escribe «plan export». No se importó nada.`,
  columnMissing: (sheet, column) =>
    `A la hoja «${sheet}» le falta la columna «${column}». Use el libro que escribe «plan export». No se importó nada.`,
  sheet: { plan: 'Plan', objectives: 'Objetivos', indicators: 'Indicadores' },
  where: (sheet, row) => (row === null ? `Hoja «${sheet}»` : `Hoja «${sheet}», fila ${row}`),
  errorLine: (where, m) => `  ✗ ${where}: ${m}`,
  warningLine: (where, m) => `  ⚠ ${where}: ${m}`,
  problem: (code, p) => {
    switch (code) {
      case 'sheet-missing':
        return `falta la hoja ${p.sheet}`;
      case 'column-missing':
        return `falta la columna ${p.column}`;
      case 'required':
        return `falta ${col(p.column)}`;
      case 'not-number':
        return `${col(p.column)} debe ser un número (tiene «${p.got}»)`;
      case 'negative':
        return `${col(p.column)} no puede ser negativa`;
      case 'weight-range':
        return `la ponderación debe estar entre 0 % y 100 % (tiene ${pct(Number(p.got) * 100)})`;
      case 'trend-unknown':
        return `tendencia desconocida «${p.got}»: use Suma, Creciente, Constante o Decreciente`;
      case 'unit-unknown':
        return `unidad desconocida «${p.got}»: use numero o porcentaje`;
      case 'id-format':
        return `el id «${p.got}» no tiene la forma de un código de indicador (4263, 8116-M3, O10-1)`;
      case 'id-duplicate':
        return `el id ${p.id} ya está en la fila ${p.first}`;
      case 'objective-unknown':
        return `el objetivo «${p.objective}» no está en la hoja Objetivos`;
      case 'objective-duplicate':
        return `el objetivo ${p.number} ya está en la fila ${p.first}`;
      case 'objective-empty':
        return `el objetivo ${p.objective} no tiene indicadores`;
      case 'text-short':
        return `${col(p.column)} es demasiado corto (al menos ${p.min} caracteres)`;
      case 'plan-other':
        return `el libro es del plan «${p.id}», no de «${p.known}»`;
      case 'id-other-plan':
        return `el id ${p.id} ya es un indicador del plan «${p.plan}», cuyas vigencias se cruzan con las de este: use otro código`;
      case 'years-changed':
        return `las vigencias de un plan no cambian (tiene ${p.got}; el plan es ${p.years})`;
      case 'years-new':
        return `las vigencias de un plan nuevo se escriben como 2028-2031, o un año (2026) para un plan de acción (tiene «${p.got}»)`;
      case 'weights-sum':
        return `las ponderaciones del objetivo ${p.objective} suman ${pct(p.sum)}, no 100 %`;
      case 'finding':
        return 'hallazgo de la verificación del plan';
      case 'schema':
        return `dato no válido en ${p.path}: ${p.message}`;
    }
  },
  refused: (n, file) =>
    `No se importó nada: ${n} ${n === 1 ? 'problema' : 'problemas'} en ${file}. Corríjalos y vuelva a importar el libro.`,
  unchanged: (v) => `El libro no cambia nada frente a la versión ${v} del plan: no se guardó ninguna versión nueva.`,
  stale: (latest) =>
    `Mientras se leía el libro se guardó otra versión del plan (ahora la última es la ${latest}). No se guardó nada: vuelva a importar el libro para ver los cambios frente a ella.`,
  changesHeading: (n) => `${n} ${n === 1 ? 'cambio' : 'cambios'}:`,
  changeTarget: (id, y, from, to) => `  · ${id}: meta ${y} reprogramada ${from} → ${to}`,
  changeWeight: (id, from, to) => `  · ${id}: ponderación ${from} → ${to}`,
  changeAdded: (id) => `  · ${id}: indicador agregado`,
  changeRetired: (id) => `  · ${id}: indicador retirado (sus reportes se conservan)`,
  changeField: (id, f, from, to) => `  · ${id}: ${col(f)} «${from}» → «${to}»`,
  changeObjective: (n, f) => `  · objetivo ${n}: ${col(f)} cambiado`,
  changePlan: (f) => `  · plan: ${col(f)} cambiado`,
  newPlan: (id, name, years, n) =>
    `Plan nuevo «${name}» (${id}, vigencias ${years}) cargado al lado de los demás: ${n} indicadores.`,
  stored: (v, eff, reason, by) =>
    `Guardada la versión ${v} del plan, vigente desde el ${eff} (${reason}), importada por ${by}.`,
  pastEffective: (eff) =>
    `La fecha de vigencia (${eff}) no es futura: cambian las cifras con corte desde el ${eff} (las anteriores quedan como estaban).`,
  versionsHeading: (name) => `Versiones de ${name}:`,
  versionLine: (v, eff, reason, by, at) => `Versión ${v} · vigente desde el ${eff} · ${reason} · ${by} · ${at}`,
  firstVersion: 'el plan como se cargó de la fuente',
  noChanges: '  (sin cambios: es la base)',
  inForce: '(vigente hoy)',
  chatText:
    'Cada versión rige desde su fecha; las cifras con corte anterior no cambian. Para cargar una versión nueva, envíele al bot el libro del plan (.xlsx) en su chat personal con él, o use «npm run cli -- plan import» (guía de operación).',
  chatFact: (v, eff, now) => `Versión ${v} · desde el ${eff}${now ? ' (vigente hoy)' : ''}`,
  chatValue: (reason, by, changes) => `${reason} · ${by}${changes ? ` — ${changes}` : ''}`,
};
