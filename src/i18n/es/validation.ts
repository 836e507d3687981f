import { capitalize, formatDate, numberText, periodText } from '../format';
import type { ValidationStrings } from '../types/validation';

const DIF_ES = '«Dificultades, soluciones o justificación»';

export const validation: ValidationStrings = {
  fields: {
    indicatorId: 'Indicador',
    period: 'Mes del reporte',
    value: 'Valor',
    logros: 'Logros y avances del periodo',
    dificultades: 'Dificultades, soluciones o justificación',
    evidencia: 'Enlace a la evidencia',
  },
  trendHint: (trend) =>
    trend === 'suma'
      ? 'avance del periodo (Suma: lo logrado en el mes)'
      : 'valor acumulado a la fecha (nivel alcanzado)',
  unitHint: (unit) => (unit === 'percent' ? 'en %: escriba 75 o 75\u00a0% (o la fracción 0,75)' : 'número'),
  indicatorRequired: 'Elija el indicador que va a reportar.',
  indicatorUnknown: (id) => `El indicador «${id}» no existe en el plan.`,
  periodRequired: 'Elija el mes del reporte.',
  periodFormat: (t) => `«${t}» no es un mes válido: use la forma AAAA-MM (por ejemplo 2025-06).`,
  periodOutsidePlan: (from, to) => `El mes debe estar dentro del plan: de enero de ${from} a diciembre de ${to}.`,
  periodFuture: (p, c) =>
    `${capitalize(periodText(p, 'es'))} todavía no ha llegado: el último mes que se puede reportar es ${periodText(c, 'es')}.`,
  yearClosed: (y, d) =>
    `La vigencia ${y} ya está cerrada (el plazo del reporte de diciembre venció el ${formatDate(d, 'es')}): solo la Oficina Asesora de Planeación puede corregirla.`,
  yearClosedAdminWarning: (y) =>
    `Corrección de la vigencia ${y}, que ya está cerrada: quedará señalada como reporte de un periodo cerrado.`,
  currentMonthWarning: (p) =>
    `${capitalize(periodText(p, 'es'))} aún no ha cerrado: el reporte se tomará como avance parcial del mes.`,
  correctionWarning: (p, v, val, next) =>
    `Ya había un reporte de ${periodText(p, 'es')} (v${v}, valor ${val}): este queda como corrección v${next}.`,
  valueEmpty: 'Escriba el valor alcanzado.',
  valueNotNumber: (t) => `«${t}» no es un número. Escriba, por ejemplo, 1.500,5 · 0,25 · 75\u00a0%.`,
  valueAmbiguous: (t) => {
    const [thousands, decimal] = readingsOf(t, ',');
    return `«${t}» es ambiguo: escriba ${thousands} si son miles, o ${decimal} si lleva decimales.`;
  },
  valueBadGrouping: (t) =>
    `«${t}» no tiene un formato de número válido: los miles van en grupos de tres (1.500.000) y los decimales después de una sola coma (0,25).`,
  valueTooManyDecimals: (m) => `Use como máximo ${m} decimales.`,
  valueNegative: 'El valor no puede ser negativo.',
  valueOverHundred: (v) => `El valor (${v}) supera el 100\u00a0%: revise el porcentaje.`,
  valueAbsurdTarget: (v, y, t) =>
    `El valor (${v}) es más de 10 veces la meta ${y} (${t}): revise el número y su unidad.`,
  valueAbsurdTotal: (v, t) =>
    `Un avance de ${v} en un solo mes supera la meta de todo el cuatrienio (${t}): revise el número.`,
  zeroNeedsExplanation: (min) =>
    `Un avance de 0 requiere explicar las dificultades en ${DIF_ES} (mínimo ${min} caracteres).`,
  overExecutionNeedsJustification: (y, e, t, min) =>
    `Con este reporte el ejecutado de ${y} (${e}) supera la meta (${t}): justifique la sobre-ejecución en ${DIF_ES} (mínimo ${min} caracteres).`,
  levelDropNeedsExplanation: (p, from, to, min) =>
    `El nivel baja respecto al reporte de ${periodText(p, 'es')} (${from} → ${to}): explique la razón en ${DIF_ES} (mínimo ${min} caracteres).`,
  levelRiseNeedsExplanation: (p, from, to, min) =>
    `El valor sube respecto al reporte de ${periodText(p, 'es')} (${from} → ${to}) en un indicador decreciente: explique la razón en ${DIF_ES} (mínimo ${min} caracteres).`,
  logrosRequired: (min) => `Describa los logros y avances del periodo (mínimo ${min} caracteres).`,
  textTooShort: (f, min, n) => `«${f}» es muy corto (${n} caracteres): escriba al menos ${min}.`,
  textTooLong: (f, max, n) => `«${f}» tiene ${numberText(n, 'es')} caracteres: el máximo es ${numberText(max, 'es')}.`,
  evidenceRequired: 'Pegue el enlace a la evidencia (https://…), por ejemplo la carpeta compartida del reporte.',
  evidenceNotHttps: 'La evidencia debe ser un enlace https:// válido (por ejemplo https://intranet…/carpeta).',
  notOwner: (id) =>
    `Usted no es responsable del indicador ${id}: solo sus responsables y la Oficina Asesora de Planeación pueden reportarlo.`,
};

/** The two readings of "1,500": the whole number "1500" and the decimal one ("1,5" / "1.5"). */
function readingsOf(text: string, decimalMark: string): [string, string] {
  const t = text.replace(/[%\s]/g, '');
  const [head, tail = ''] = t.split(',');
  const frac = tail.replace(/0+$/, '');
  return [head + tail, frac ? `${head}${decimalMark}${frac}` : head];
}
