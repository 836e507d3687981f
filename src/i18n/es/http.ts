import type { HttpStrings } from '../types/http';

export const http: HttpStrings = {
  apiDisabled: 'La API de lectura está deshabilitada (PEI_API_TOKEN no está configurado).',
  unauthorized: 'Falta el token de acceso o no es válido (Authorization: Bearer …).',
  invalidYear: (got) => `year debe ser un año AAAA (recibido: ${got}).`,
  invalidQuarter: (got) => `quarter debe ser 1, 2, 3 o 4 (recibido: ${got ?? 'nada'}).`,
  invalidAsOf: (got) => `asOf debe ser una fecha AAAA-MM-DD válida (recibido: ${got}).`,
  invalidIndicator: (text) => `El plan no tiene el indicador ${text}.`,
  unknownPlan: (id) => `Este servidor no tiene el plan ${id}.`,
  linkExpired: 'Este enlace de descarga venció (vale 15 minutos). Pida uno nuevo al bot con «exportar seguimiento».',
  linkInvalid:
    'Este enlace de descarga no es válido (fue modificado o está incompleto). Pida uno nuevo al bot con «exportar seguimiento».',
  openDataOff: 'Los datos abiertos no están publicados en este servidor (PEI_OPEN_DATA no es true).',
  body: {
    'unsupported-media-type': 'Este servicio solo acepta cuerpos JSON (Content-Type: application/json).',
    'unsupported-encoding': 'Codificación no admitida: use el cuerpo sin comprimir, gzip o deflate.',
    'body-too-large': 'El cuerpo de la petición es demasiado grande (máximo 1 MB, también una vez descomprimido).',
    'malformed-body':
      'No se pudo leer el cuerpo de la petición (compresión o UTF-8 inválidos, o conexión interrumpida).',
    'invalid-json': 'El cuerpo de la petición no es JSON válido.',
  },
  shuttingDown: 'El servicio se está reiniciando; intente de nuevo en un momento.',
  timeout: 'El servicio no pudo atender la petición a tiempo; intente de nuevo.',
  storeUnavailable: {
    unreachable: 'la base de datos no responde',
    timeout: 'la base de datos no responde a tiempo (bloqueada o sobrecargada)',
    'read-only': 'la base de datos no acepta escrituras (solo lectura)',
    'files-replaced': 'los archivos del almacén fueron borrados o reemplazados; reinicie el bot',
    failed: 'el almacén no acepta escrituras; revise el registro del bot',
    closed: 'el almacén está cerrado',
  },
  internal: 'Error interno.',
  methodNotAllowed: (method, path, allowed) => `Método ${method} no permitido en ${path}; use ${allowed.join(' o ')}.`,
  activity: {
    type: 'El cuerpo no es una actividad del Bot Framework: falta `type` (texto).',
    serviceUrl: 'La actividad no trae un `serviceUrl` válido (http o https): no hay a dónde responder.',
    conversation: 'La actividad no trae `conversation.id` (texto).',
    channelId: 'La actividad no trae `channelId` (texto).',
    from: 'La actividad no trae `from.id` (texto): no se sabe quién escribe.',
    recipient: 'La actividad no trae `recipient.id` (texto).',
    invalidField: (where) => `La actividad tiene un campo inválido o demasiado largo: ${where}.`,
  },
  botUnauthorized: 'La petición no trae una autorización válida del Bot Framework.',
  unsupportedInvoke: 'El bot no atiende esta invocación.',
  badRequest: 'La petición no es válida.',
  notFound: 'No existe esa dirección en este servicio; GET / lista las disponibles.',
  about: {
    description:
      'Bot de Microsoft Teams para el seguimiento del Plan Estratégico Institucional 2024-2027 de la Secretaría General de la Alcaldía Mayor de Bogotá.',
    messages: 'Endpoint del Bot Framework (Teams habla con el bot aquí).',
    healthz: 'Salud del servicio: {"status":"ok"}.',
    status: 'Estado del plan en JSON (Authorization: Bearer PEI_API_TOKEN).',
  },
  yearOutsidePlan: (from, to, year) => `El plan cubre ${from}–${to}; no hay seguimiento de ${year}.`,
  quarterNotStarted: (q, year, today) => `El trimestre T${q} de ${year} aún no ha empezado (hoy es ${today}).`,
};
