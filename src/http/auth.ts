import type { Request, Response } from 'restify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { catalog, type HttpStrings, type Lang } from '../i18n';

/** What the read API's routes share: the answer language, error bodies, and the bearer-token check. */

const sha = (s: string) => createHash('sha256').update(s).digest();

export function wantsEnglish(req: Request): boolean {
  const al = String(req.headers['accept-language'] ?? '').toLowerCase();
  return al.startsWith('en');
}

/** The language of an HTTP caller: English with `Accept-Language: en…`, else Spanish. */
export function httpLang(req: Request): Lang {
  return wantsEnglish(req) ? 'en' : 'es';
}

/** A JSON error `{ error: { code, message } }` with the message from the catalog in the caller's language. */
export function apiError(
  req: Request,
  res: Response,
  status: number,
  code: string,
  message: (t: HttpStrings) => string,
): void {
  res.status(status);
  res.json({ error: { code, message: message(catalog(httpLang(req)).http) } });
}

/**
 * PEI_API_TOKEN's check: 404 while the read API is disabled (no token configured), 401 without the right
 * `Authorization: Bearer …` (compared in constant time). Returns true when the request may go on.
 */
export function requireBearer(req: Request, res: Response, apiToken: string | undefined): boolean {
  if (!apiToken) {
    apiError(req, res, 404, 'not-found', (t) => t.apiDisabled);
    return false;
  }
  const auth = String(req.headers.authorization ?? '');
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  if (!m || !timingSafeEqual(sha(m[1].trim()), sha(apiToken))) {
    res.header('WWW-Authenticate', 'Bearer realm="pei-bot"');
    apiError(req, res, 401, 'unauthorized', (t) => t.unauthorized);
    return false;
  }
  return true;
}
