import type { OperatorStrings } from '../types/operator';
import { formatNumber, formatPercentShort, formatValue, truncate } from '../format';

const v = (x: number, unit: 'number' | 'percent') => formatValue(x, unit, 'es');

export const operator: OperatorStrings = {
  configInvalid: (variable, problem) => `Configuración inválida: ${variable}: ${problem}`,
  mustBePort: 'debe ser un número de puerto',
  mustBeHost: 'debe ser una dirección IP o un nombre de host (p. ej. 127.0.0.1 o 0.0.0.0)',
  mustBeMillis: 'debe ser un número de milisegundos',
  mustBeDatabaseUrl: 'debe ser una dirección postgres://usuario:clave@servidor:5432/base',
  mustBeUrl: 'debe ser una dirección http(s)://…',
  mustBeHttp: 'debe empezar por http:// o https://',
  mustBeLongSecret: 'debe tener al menos 32 caracteres',
  portRange: 'Configuración inválida: PORT debe estar entre 1 y 65535',
  notIsoDate: (got) => `Configuración inválida: PEI_NOW="${got}" no es una fecha ISO (AAAA-MM-DD o fecha-hora)`,
  notCron: (got, why) => `Configuración inválida: DIGEST_CRON="${got}" no es una expresión cron: ${why}`,
  bandsNeedThree: 'se esperan tres números: rojo,amarillo,verde',
  bandsNotPositive: 'los umbrales deben ser números positivos',
  bandsNotOrdered: 'los umbrales deben cumplir rojo < amarillo <= verde',
  bandsInvalid: (got, why) => `Configuración inválida: PEI_STATUS_BANDS="${got}": ${why}`,
  reminderDaysInvalid: (got) =>
    `Configuración inválida: PEI_REMINDER_DAYS="${got}": enteros entre 0 y 30 separados por comas`,
  requestTimeoutRange:
    'Configuración inválida: PEI_REQUEST_TIMEOUT_MS debe estar entre 100 y 14000 (Teams deja de esperar a los 15 s)',
  dbTimeoutRange: (min, max) =>
    `Configuración inválida: PEI_DB_TIMEOUT_MS debe estar entre ${min} y ${max} (a lo sumo un tercio de PEI_REQUEST_TIMEOUT_MS, para que lo que se le responde a una persona sea lo que quedó guardado)`,

  linkSecretShort: (file) =>
    `${file}: la clave de los enlaces de descarga está vacía o es corta; bórrela para generar otra.`,
  listenMode: { authenticated: (botId) => `autenticado (BOT_ID ${botId})`, anonymous: 'anónimo local (sin BOT_ID)' },
  listenReason: {
    PEI_HOST: 'porque PEI_HOST lo pide',
    authenticated: 'todas las interfaces: con BOT_ID cada petición debe traer un token del Bot Framework',
    anonymous:
      'solo esta máquina: sin BOT_ID cualquiera que alcance el puerto sería administrador; PEI_HOST=0.0.0.0 lo abre',
  },

  planUnreadable: (file, why) => `No se pudo leer el archivo del plan ${file}: ${why}`,
  planNotJson: (file, why) => `El archivo del plan ${file} no es JSON válido: ${why}`,
  planInvalid: (file, lines) => `El archivo del plan ${file} no es válido:\n${lines}`,
  planRoot: '(raíz)',
  planIdFormat: 'debe ser un código de 4 dígitos, PPPP-Mn u On-n',
  planExpectedNumber: (n) => `se esperaba ${n}`,
  planRepeatedId: (id) => `id repetido: ${id}`,
  planMustBe: (n) => `debe ser ${n}`,

  templateBadName: (name) => `Nombre de plantilla no válido: ${name}`,
  templateUnreadable: (file, why) => `No se pudo leer la plantilla ${file}: ${why}`,
  templateNotJson: (file, why) => `La plantilla ${file} no es JSON válido: ${why}`,

  finding: ({ facts: f }) => {
    switch (f.code) {
      case 'weights-sum':
        return `las ponderaciones del objetivo ${f.objective} suman ${formatPercentShort(f.sum, 'es')}, no ${formatPercentShort(1, 'es')}`;
      case 'weights-year':
        return `en ${f.year} solo ${formatPercentShort(f.programmed, 'es')} de la ponderación del objetivo ${f.objective} tiene meta programada (${f.unprogrammed.join(', ')} sin meta); las ponderaciones se renormalizan sobre los indicadores programados`;
      case 'zero-target':
        return `el indicador ${f.indicatorId} no tiene meta en ${f.year}: no tiene avance anual ese año ni pondera`;
      case 'total-mismatch':
        return `el total 2024-2027 (${v(f.total, f.unit)}) no coincide con la programación anual (${f.rule === 'sum' ? 'suma' : 'último año'}: ${v(f.expected, f.unit)})`;
      case 'meta-quantity':
        return `${f.metaLabel} dice ${formatNumber(f.stated, 'es', 3)} pero la programación 2024-2027 suma ${v(f.total, f.unit)}`;
      case 'mixed-format':
        return `indicador ${f.indicatorId}: la fila mezcla formatos (${f.cells.join(' | ')}); se lee como ${f.read.map((x) => v(x, f.unit)).join(' | ')}`;
      case 'code-out-of-series':
        return `el indicador ${f.indicatorId} (meta ${f.metaNumber ?? '—'}) tiene un código en el rango de los números de meta (${f.min}-${f.max}), fuera de la serie de códigos de indicador`;
      case 'no-code':
        return `el indicador "${truncate(f.name, 60)}" no tiene código ni número de meta en la fuente; se le asigna el id ${f.indicatorId}`;
    }
  },
  findingKind: {
    'weights-sum': 'Ponderaciones que no suman 100 %',
    'weights-year': 'Ponderación sin meta en el año',
    'zero-target': 'Meta cero en el año',
    'total-mismatch': 'Total del cuatrienio distinto',
    'meta-quantity': 'Cantidad de la meta distinta',
    'mixed-format': 'Formatos mezclados',
    'code-out-of-series': 'Código fuera de serie',
    'no-code': 'Sin código',
  },
  noFindings: 'La verificación del plan no encontró hallazgos.',
};
