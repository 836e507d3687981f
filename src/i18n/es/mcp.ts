import type { McpStrings } from '../types/mcp';

export const mcp: McpStrings = {
  planStatus: (name, year, asOf, progress, expected, status) =>
    `${name}, vigencia ${year}, con corte al ${asOf}: avance ${progress}, esperado ${expected}, semáforo ${status}.`,
  objectiveLine: (n, name, progress, status) => `Objetivo ${n} (${name}): ${progress}, ${status}.`,
  objectiveStatus: (n, name, year, asOf, progress, expected, status, indicators) =>
    `Objetivo ${n}, ${name}. Vigencia ${year}, con corte al ${asOf}: avance ${progress}, esperado ${expected}, semáforo ${status}; ${indicators === 1 ? '1 indicador' : `${indicators} indicadores`}.`,
  indicatorStatus: (id, name, year, asOf, progress, expected, status, lastReport) =>
    `Indicador ${id}, ${name}. Vigencia ${year}, con corte al ${asOf}: avance ${progress}, esperado ${expected}, semáforo ${status}; ${lastReport ? `último reporte: ${lastReport}` : 'sin reportes en el año'}.`,
  lagging: (year, asOf, red, amber, missing) =>
    `Vigencia ${year}, con corte al ${asOf}: ${red} en rojo, ${amber} en amarillo y ${missing} sin reporte.`,
  laggingLine: (id, name, status, progress, expected) =>
    `${id} ${name}: ${status}, ${progress} de ${expected} esperado.`,
  compliance: (year, asOf, onTime, late, missing, open) =>
    `Cumplimiento del reporte, vigencia ${year}, con corte al ${asOf}: ${onTime} meses a tiempo, ${late} tarde, ${missing} sin reporte y ${open} en plazo.`,
  searchFound: (query, count) =>
    `«${query}»: ${count === 1 ? '1 resultado' : `${count} resultados`}, el más cercano primero.`,
  searchNone: (query) => `No encontré indicadores ni objetivos para «${query}».`,
  searchObjective: (n, name) => `Objetivo ${n}: ${name}`,
  searchIndicator: (id, name) => `Indicador ${id}: ${name}`,
  explainSource:
    'Cifras calculadas con las reglas de la Oficina Asesora de Planeación, las mismas de las tarjetas del bot.',
  invalidAsOf: (got) => `asOf debe ser una fecha AAAA-MM-DD válida (recibido: ${got}).`,
  invalidYear: (got) => `year debe ser un año AAAA (recibido: ${got}).`,
  unknownPlan: (id) => `Este servidor no tiene el plan ${id}.`,
  unknownObjective: (got, max) => `El plan no tiene el objetivo ${got}: los objetivos van del 1 al ${max}.`,
  unknownIndicator: (got) => `El plan no tiene el indicador ${got}. Use search para encontrar su código.`,
  explainWhich: 'Indique objective o indicator, no ambos (sin ninguno se explica el avance del plan).',
  emptyQuery: 'query no puede estar vacío: escriba un código, «objetivo 5» o palabras del nombre.',
  unavailable:
    'No fue posible leer el seguimiento en este momento (el almacén no responde). Intente de nuevo en unos minutos.',
};
