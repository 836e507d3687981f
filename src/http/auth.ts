import type { Request, Response } from 'restify';
import { createHash, timingSafeEqual } from 'node:crypto';

/** What the read API's routes share: the answer language, error bodies, and the bearer-token check. */

const sha = (s: string) => createHash('sha256').update(s).digest();

export function wantsEnglish(req: Request): boolean {
  const al = String(req.headers['accept-language'] ?? '').toLowerCase();
  return al.startsWith('en');
}

export function apiError(req: Request, res: Response, status: number, code: string, es: string, en: string): void {
  res.status(status);
  res.json({ error: { code, message: wantsEnglish(req) ? en : es } });
}

/**
 * PEI_API_TOKEN's check: 404 while the read API is disabled (no token configured), 401 without the right
 * `Authorization: Bearer …` (compared in constant time). Returns true when the request may go on.
 */
export function requireBearer(req: Request, res: Response, apiToken: string | undefined): boolean {
  if (!apiToken) {
    apiError(req, res, 404, 'not-found', 'La API de lectura está deshabilitada (PEI_API_TOKEN no está configurado).', 'The read API is disabled (PEI_API_TOKEN is not set).');
    return false;
  }
  const auth = String(req.headers.authorization ?? '');
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  if (!m || !timingSafeEqual(sha(m[1].trim()), sha(apiToken))) {
    res.header('WWW-Authenticate', 'Bearer realm="pei-bot"');
    apiError(req, res, 401, 'unauthorized', 'Falta el token de acceso o no es válido (Authorization: Bearer …).', 'Missing or invalid access token (Authorization: Bearer …).');
    return false;
  }
  return true;
}
