import { createHmac, timingSafeEqual } from 'node:crypto';
import { isQuarter, type Quarter } from './common';

/**
 * The download link an admin gets in chat: the workbook of (year, quarter) without the bearer token, for 15 minutes.
 * The query carries year, quarter and expiry (epoch seconds) and an HMAC-SHA256 of them under the link secret
 * (PEI_LINK_SECRET, or the random one kept beside the store); any change to them, or the passing of the expiry,
 * makes the server refuse the link.
 */

export const LINK_TTL_SECONDS = 15 * 60;
export const DOWNLOAD_PATH = '/api/v1/export/download';

const payload = (year: number, quarter: number, expires: number) => `pei-export-v1|${year}|${quarter}|${expires}`;

function signature(secret: string, year: number, quarter: number, expires: number): string {
  return createHmac('sha256', secret)
    .update(payload(year, quarter, expires))
    .digest('base64url');
}

export function signExportQuery(
  secret: string,
  year: number,
  quarter: Quarter,
  now: Date,
  ttlSeconds = LINK_TTL_SECONDS,
): { query: string; expires: Date } {
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const sig = signature(secret, year, quarter, expires);
  return { query: `year=${year}&quarter=${quarter}&expires=${expires}&sig=${sig}`, expires: new Date(expires * 1000) };
}

/** The full link under the bot's public address (PEI_PUBLIC_URL). */
export function exportLink(
  publicUrl: string,
  secret: string,
  year: number,
  quarter: Quarter,
  now: Date,
): { url: string; expires: Date } {
  const { query, expires } = signExportQuery(secret, year, quarter, now);
  return { url: `${publicUrl.replace(/\/+$/, '')}${DOWNLOAD_PATH}?${query}`, expires };
}

export type LinkCheck =
  { ok: true; year: number; quarter: Quarter } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

/** Checks a link's query: the signature first (constant-time), then the expiry. */
export function verifyExportQuery(secret: string, q: Record<string, unknown>, now: Date): LinkCheck {
  const text = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '');
  const [y, qu, ex, sig] = [text('year'), text('quarter'), text('expires'), text('sig')];
  if (!/^\d{4}$/.test(y) || !/^[1-4]$/.test(qu) || !/^\d{1,12}$/.test(ex) || !/^[A-Za-z0-9_-]{43}$/.test(sig))
    return { ok: false, reason: 'malformed' };
  const year = Number(y);
  const quarter = Number(qu);
  const expires = Number(ex);
  const want = Buffer.from(signature(secret, year, quarter, expires));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'tampered' };
  if (now.getTime() >= expires * 1000) return { ok: false, reason: 'expired' };
  if (!isQuarter(quarter)) return { ok: false, reason: 'malformed' };
  return { ok: true, year, quarter };
}
