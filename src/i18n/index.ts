import { en } from './en';
import { es } from './es';
import type { Lang } from './lang';
import type { Catalog } from './types';
import type { FieldKey } from './types/validation';
import type { StoreFact } from './types/store';

/**
 * The words of the whole product, one typed catalog per locale (es-CO, en), split by capability, and the one
 * formatter (format.ts). Every folder may import it; it imports nothing of ours but types.
 */

export * from './lang';
export * from './format';
export * from './operator-errors';
export type { Catalog } from './types';
export type { Example, Strings } from './types/cards';
export type { ExplainStrings } from './types/explain';
export type { ShownStatus, StatusStrings } from './types/status';
export type { ReportStrings } from './types/report';
export type { DigestStrings } from './types/digest';
export type { RepliesStrings } from './types/replies';
export type { CsvStrings } from './types/csv';
export type { CliStrings } from './types/cli';
export type { OperatorStrings } from './types/operator';
export type { StoreDoing, StoreFact, StoreFileKind, StoreStrings } from './types/store';
export type { BodyErrorCode, HttpStrings } from './types/http';
export type { MineStrings } from './types/mine';
export type { McpStrings } from './types/mcp';
export type { TabStrings } from './types/tab';
export type { FieldKey, ValidationStrings, ValidationStrings as Messages } from './types/validation';

export const CATALOGS: Readonly<Record<Lang, Catalog>> = Object.freeze({ es, en });

/** The whole catalog of a language; anything but 'en' gets Spanish. Handlers take one `t = catalog(lang)`. */
export function catalog(lang: Lang): Catalog {
  return lang === 'en' ? en : es;
}

/**
 * The operator's words for an error thrown below the edges: a store error (a StoreError, which carries its `fact`)
 * through the catalog; any other error's own message.
 */
export function errorText(e: unknown, lang: Lang = 'es'): string {
  const fact = (e as { fact?: StoreFact } | null)?.fact;
  if (e instanceof Error && e.name === 'StoreError' && fact) return catalog(lang).store.say(fact);
  return e instanceof Error ? e.message : String(e);
}

export const strings = (lang: Lang) => catalog(lang).cards;
export const explainStrings = (lang: Lang) => catalog(lang).explain;
export const reportStrings = (lang: Lang) => catalog(lang).report;
export const digestStrings = (lang: Lang) => catalog(lang).digest;
export const mineStrings = (lang: Lang) => catalog(lang).mine;
/** What the report validation says. */
export const messages = (lang: Lang) => catalog(lang).validation;

/** The labels of the report's fields, by language. */
export const FIELD_LABELS: Readonly<Record<Lang, Record<FieldKey, string>>> = Object.freeze({
  es: es.validation.fields,
  en: en.validation.fields,
});

/** The hint of what the owner enters, by tendencia. */
export function trendHint(trend: import('../domain/plan').Trend, lang: Lang): string {
  return catalog(lang).validation.trendHint(trend);
}

/** The hint of how to write a value, by unit. */
export function unitHint(unit: import('../domain/plan').Unit, lang: Lang): string {
  return catalog(lang).validation.unitHint(unit);
}
