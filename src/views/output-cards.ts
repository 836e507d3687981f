import type { Compliance } from '../reports/compliance';
import { formatDate, joinList, truncate, type Lang } from './format';
import { formatBogotaDateTime } from '../i18n/format';
import { strings } from '../i18n';
import { renderCard, type CardJson } from './render';
import { ownerName } from './names';

/** Cards of the official outputs: the follow-up workbook's download link, and reporting compliance per owner. */

export interface ExportLinkView {
  lang: Lang;
  year: number;
  quarter: number;
  asOf: string;
  running: boolean;
  url: string;
  expires: Date;
  fileName: string;
}

const bogotaTime = formatBogotaDateTime;

export function exportLinkCard(v: ExportLinkView): CardJson {
  const s = strings(v.lang);
  return renderCard('export-link', {
    title: s.exportTitle(v.quarter, v.year),
    text: s.exportText(formatDate(v.asOf, v.lang), v.running),
    facts: [
      { title: s.exportFactQuarter, value: s.quarterLabel(v.quarter, v.year) },
      { title: s.exportFactCut, value: v.asOf },
      { title: s.exportFactExpires, value: s.bogotaTime(bogotaTime(v.expires, v.lang)) },
      { title: s.exportFactFile, value: v.fileName },
    ],
    note: s.exportNote,
    button: s.exportButton,
    url: v.url,
  });
}

export const COMPLIANCE_CARD_ROWS = 25;

export function complianceCard(c: Compliance, lang: Lang): CardJson {
  const s = strings(lang);
  const months = Object.keys(c.indicators[0]?.months ?? {}).length;
  const bad = (r: { tarde: number; 'sin-reporte': number }) => r['sin-reporte'] * 2 + r.tarde;
  const owners = [...c.owners].sort((a, b) => bad(b) - bad(a) || a.owner.name.localeCompare(b.owner.name, 'es'));
  const row = (
    name: string,
    ids: string[],
    n: { 'a-tiempo': number; tarde: number; 'sin-reporte': number; 'en-plazo': number },
  ) => ({
    name: truncate(name, 60),
    sub: s.complianceIndicators(truncate(joinList(ids, lang), 120)),
    onTime: String(n['a-tiempo']),
    late: String(n.tarde),
    missing: String(n['sin-reporte']),
    open: String(n['en-plazo']),
  });
  const rows = owners.slice(0, COMPLIANCE_CARD_ROWS).map((o) => row(ownerName(o.owner, lang), o.indicators, o));
  if (c.unassigned.indicators.length) rows.push(row(s.complianceUnassigned, c.unassigned.indicators, c.unassigned));
  const more = owners.length - Math.min(owners.length, COMPLIANCE_CARD_ROWS);
  const t = c.totals;
  return renderCard('compliance', {
    title: s.complianceTitle(c.year),
    subtitle: s.complianceSubtitle(formatDate(c.asOf, lang), months),
    totals: months
      ? s.complianceTotals(t['a-tiempo'], t.tarde, t['sin-reporte'], t['en-plazo'])
      : s.complianceNoMonths(c.year),
    headers: {
      owner: s.complianceHeaderOwner,
      onTime: s.complianceHeaderOnTime,
      late: s.complianceHeaderLate,
      missing: s.complianceHeaderMissing,
      open: s.complianceHeaderOpen,
    },
    rows: months ? rows : [],
    note: more > 0 ? `${s.complianceNote} ${s.andMore(more)}` : s.complianceNote,
  });
}
