/**
 * The words the bot listens for, grouped by what they signal, with their language; stop words of both languages;
 * and the typo-tolerant lookup (Levenshtein ≤ 1 for words of up to 5 letters, ≤ 2 for longer ones).
 */

import { distance } from 'fastest-levenshtein';
import type { Lang } from './types';

export type Group =
  | 'obj' // objetivo
  | 'ind' // indicador
  | 'meta' // meta (an indicator's target)
  | 'proj' // proyecto
  | 'status' // cómo va, estado, avance
  | 'detail' // detalle, ficha
  | 'plan' // plan, resumen, todos
  | 'lag' // rojo, atrasado
  | 'mission'
  | 'vision'
  | 'help'
  | 'greet'
  | 'thanks'
  | 'report' // reportar
  | 'assign' // asignar
  | 'role' // responsable
  | 'admin' // administrador
  | 'add' // agregar
  | 'audit'
  | 'sub' // suscribir
  | 'unsub' // desuscribir
  | 'cancel' // cancelar, stop
  | 'activate' // activar, recibir
  | 'send' // enviar
  | 'now' // ahora
  | 'digest' // resumen semanal
  | 'reminder' // recordatorios
  | 'export' // exportar (the follow-up workbook)
  | 'compliance' // cumplimiento de reportes
  | 'numMark'; // número, #, no.

export interface Keyword {
  groups: ReadonlySet<Group>;
  /** undefined: used in both languages. */
  lang?: Lang;
}

type Entry = [words: string, groups: Group[], lang?: Lang];

const ENTRIES: Entry[] = [
  ['objetivo objetivos', ['obj'], 'es'],
  ['objective objectives goal goals', ['obj'], 'en'],
  ['obj objs', ['obj']],
  ['indicador indicadores', ['ind'], 'es'],
  ['indicator indicators', ['ind'], 'en'],
  ['ind kpi kpis', ['ind']],
  ['meta metas', ['meta'], 'es'],
  ['target targets', ['meta'], 'en'],
  ['proyecto proyectos', ['proj'], 'es'],
  ['project projects', ['proj'], 'en'],
  [
    'como va van vamos estado estados avance avances progreso situacion cumplimiento ejecucion desempeno marcha',
    ['status'],
    'es',
  ],
  ['how doing status progress going performance track', ['status'], 'en'],
  ['detalle detalles ficha informacion', ['detail'], 'es'],
  ['detail details information', ['detail'], 'en'],
  ['info', ['detail']],
  ['resumen', ['plan', 'digest'], 'es'],
  ['general todos todas estrategico institucional tablero consolidado panorama', ['plan'], 'es'],
  ['overview summary all everything overall strategic whole', ['plan'], 'en'],
  ['plan pei global dashboard', ['plan']],
  [
    'rojo rojos roja rojas atrasado atrasados atrasada atrasadas atraso atrasos rezagado rezagados rezagada rezagadas rezago rezagos retrasado retrasados retrasada retrasadas retraso retrasos alerta alertas riesgo riesgos critico criticos critica criticas incumplidos incumplido mal amarillo amarillos',
    ['lag'],
    'es',
  ],
  ['lagging behind delayed late alert alerts risk critical underperforming yellow red', ['lag'], 'en'],
  ['mision', ['mission'], 'es'],
  ['mission', ['mission'], 'en'],
  ['vision', ['vision']],
  ['ayuda ayudame ayudar comandos instrucciones opciones guia', ['help'], 'es'],
  ['help commands instructions options guide', ['help'], 'en'],
  ['menu', ['help']],
  ['hola holi holis buenas buenos buen saludos', ['greet'], 'es'],
  ['hi hello hey hiya greetings morning afternoon evening', ['greet'], 'en'],
  ['gracias', ['thanks'], 'es'],
  ['thanks thank thx', ['thanks'], 'en'],
  [
    'reportar reporto reporta reportamos reportemos reportare reporte reportes registrar cargar subir diligenciar ingresar actualizar',
    ['report'],
    'es',
  ],
  ['report reported reporting submit update register enter', ['report'], 'en'],
  ['asignar asigna asignale asignarle asignacion designar nombrar cambiar', ['assign'], 'es'],
  ['assign set change', ['assign'], 'en'],
  ['responsable responsables encargado encargada dueno duena', ['role'], 'es'],
  ['owner owners responsible', ['role'], 'en'],
  ['administrador administradores administradora administradoras', ['admin'], 'es'],
  ['administrator administrators', ['admin'], 'en'],
  ['admin admins', ['admin']],
  ['agregar agrega agregue agregale anadir anade incluir', ['add'], 'es'],
  ['add', ['add'], 'en'],
  ['auditoria auditorias auditar bitacora historial trazabilidad', ['audit'], 'es'],
  ['audit log history', ['audit'], 'en'],
  [
    'suscribir suscribirse suscribirme suscribete suscribeme suscribanos suscripcion subscribirme subscribir',
    ['sub'],
    'es',
  ],
  ['subscribe subscription', ['sub'], 'en'],
  ['desuscribir desuscribirse desuscribirme desuscribeme desuscripcion', ['unsub'], 'es'],
  ['unsubscribe unsub', ['unsub'], 'en'],
  ['cancelar cancela detener parar quitar eliminar desactivar baja dejar', ['cancel'], 'es'],
  ['cancel stop disable deactivate remove', ['cancel'], 'en'],
  ['activar activa habilitar recibir', ['activate'], 'es'],
  ['activate enable receive', ['activate'], 'en'],
  ['enviar envia envie enviame mandar manda mande mandame', ['send'], 'es'],
  ['send', ['send'], 'en'],
  ['ahora ya inmediatamente', ['now'], 'es'],
  ['now immediately', ['now'], 'en'],
  ['semanal boletin', ['digest'], 'es'],
  ['recordatorio recordatorios', ['reminder'], 'es'],
  ['reminder reminders', ['reminder'], 'en'],
  ['digest weekly newsletter', ['digest'], 'en'],
  ['exportar exporta exportame exportarlo descargar descarga descargame', ['export'], 'es'],
  ['export download', ['export'], 'en'],
  ['cumplimiento puntualidad', ['compliance'], 'es'],
  ['compliance punctuality timeliness', ['compliance'], 'en'],
  ['numero nro num', ['numMark'], 'es'],
  ['number nr', ['numMark'], 'en'],
  ['#', ['numMark']],
];

export const KEYWORDS: ReadonlyMap<string, Keyword> = (() => {
  const map = new Map<string, { groups: Set<Group>; lang?: Lang }>();
  for (const [words, groups, lang] of ENTRIES) {
    for (const w of words.split(' ')) {
      const prev = map.get(w);
      if (prev) {
        groups.forEach((g) => prev.groups.add(g));
        if (prev.lang !== lang) prev.lang = undefined;
      } else {
        map.set(w, { groups: new Set(groups), lang });
      }
    }
  }
  return map;
})();

/** Spanish words that carry no topic (articles, prepositions, pronouns, chat filler). */
export const STOP_ES: ReadonlySet<string> = new Set(
  `a al algo algun alguna alguno algunos ante antes aqui asi aun bajo bien cada casi como con contra cual cuales cuando
  cuanto cuantos cuanta cuantas de del desde donde dos durante e el ella ellos ellas en entre era eres es esa esas ese eso esos
  esta estas este esto estos estan estamos estoy fue fueron ha han hasta hay hoy la las le les lo los mas me mi mis mucho
  muy nada ni no nos nosotros nuestra nuestro nuestros nuestras o os otra otro otros para pero poco por porque pues que
  quien quienes se sea ser si sin sino sobre solo son su sus tal tambien tan tanto te tengo tiene tienen ti tu tus u un
  una unas uno unos usted ustedes vez y yo puedes puede podrias podria hacer haces sabes saber quiero quisiera
  necesito necesitamos ver mostrar muestrame muestra muestreme dame deme dime digame favor porfa porfavor consultar
  consulta consultame acerca respecto cuentame contar explicame explica cual cuales estas estamos hace hola
  que tal pasa mas oye bueno listo ok okay vale dias tardes noches gente equipo anda andan lleva llevamos
  llevan sale salen vas ir cuenta decir dices entonces ahi aca alla esten este mismo misma eh ah uy bot peibot manana ayer mes meses ano anos tiempo nuevo nueva nuevos
  nuevas semana cosa cosas gusta gustaria`.split(/\s+/),
);

/** English words that carry no topic. */
export const STOP_EN: ReadonlySet<string> = new Set(
  `a about above after again all am an and any are as at be been being below but by can could did do does doing
  for from get give got had has have having he her here hers him his i if in into is it its itself just let lets me
  more most my no nor not of off on once only or other our ours out over own please pls same she should so some such
  than that the their them then there these they this those through to too under until up very was we were what
  whats when where which while who whom why will with would you your yours tell show see want need know list like
  are which there s tracking hows going doing currently current right anything things thing ok okay bot peibot today tomorrow yesterday
  tonight time week month year new old great some many much dont doesnt didnt isnt arent hasnt havent wont cant
  im ive youre theyre were`.split(/\s+/),
);

/** Words too common in chat to be read as typos of a keyword (they are words of their own). */
const NEVER_FUZZY: ReadonlySet<string> = new Set(
  `hora horas sola solo bola cada para pare paro nodo nodos todo toda datos dato dado dados nada meto mete mesa mata
  mato mira miro plano plana plata plaza plazo planta estaba estaban estado estar estas esto esta vision mision visto
  vista lista listo listar resumir suma sumar sumo rojo roja ojo ojos mal mala malo cambio cambios carga cargo cargue
  report reports asigno portal portales hey hay hoy hola hols role rol help held hell hello bien buen malas obvio
  objeto objetos indica indico indicar meter metro metros cancion queso proyecte proyectar nombre nombres log lag
  ver vez red reda sede sedes base baja bajo audio audios ayer ayuno plan plans planes meta metal exportar
  exporta exporte export exports importar importa import imports soportar soporte aportar aporte apoyar`.split(/\s+/),
);

export interface Canon {
  /** The keyword the token stands for ("objetvo" -> "objetivo"), or undefined when it is none. */
  word?: string;
  keyword?: Keyword;
  /** Language signalled by the token when it is a keyword or a stop word of one language only. */
  lang?: Lang;
  fuzzy: boolean;
}

/** Keywords a typo may stand for (4+ letters). */
const FUZZY_TARGETS: string[] = [...KEYWORDS.keys()].filter((w) => w.length >= 4 && /^[a-z]+$/.test(w));

/** The largest edit distance tolerated between a typed word and a keyword. */
export function maxTypoDistance(a: string, b: string): number {
  const len = Math.min(a.length, b.length);
  if (len < 4) return 0;
  return len <= 5 ? 1 : 2;
}

/**
 * Typo-tolerant lookup of one folded token in the keyword table. `protectedWords` are words that exist on their own
 * (stop words, the plan's own vocabulary, number and month words): they are never read as typos.
 */
export function makeCanonicalizer(protectedWords: ReadonlySet<string>): (token: string) => Canon {
  return (token: string): Canon => {
    const exact = KEYWORDS.get(token);
    if (exact) return { word: token, keyword: exact, lang: exact.lang, fuzzy: false };
    const inEs = STOP_ES.has(token);
    const inEn = STOP_EN.has(token);
    const stopLang: Lang | undefined = inEs && !inEn ? 'es' : inEn && !inEs ? 'en' : undefined;
    if (inEs || inEn || protectedWords.has(token) || NEVER_FUZZY.has(token)) return { lang: stopLang, fuzzy: false };
    if (token.length < 4 || !/^[a-z]+$/.test(token)) return { fuzzy: false };
    let best: string | undefined;
    let bestD = Infinity;
    let tie = false;
    for (const kw of FUZZY_TARGETS) {
      if (Math.abs(kw.length - token.length) > 2) continue;
      const limit = maxTypoDistance(token, kw);
      if (limit === 0) continue;
      const d = distance(token, kw);
      if (d > limit) continue;
      if (d < bestD) {
        best = kw;
        bestD = d;
        tie = false;
      } else if (d === bestD && best !== undefined && KEYWORDS.get(kw)!.lang !== KEYWORDS.get(best)!.lang) {
        tie = true;
      }
    }
    if (best === undefined) return { fuzzy: false };
    const keyword = KEYWORDS.get(best)!;
    return { word: best, keyword, lang: tie ? undefined : keyword.lang, fuzzy: true };
  };
}

export function hasGroup(c: Canon | undefined, g: Group): boolean {
  return c?.keyword?.groups.has(g) ?? false;
}
