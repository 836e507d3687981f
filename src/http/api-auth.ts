import type { Request, Response } from 'restify';
import { createHash, timingSafeEqual } from 'node:crypto';

/** The read API's bearer-token check and its error shape, shared by every /api/v1 route. */

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
 * PEI_API_TOKEN unset: 404 (the read API is disabled). A missing or wrong token: 401. Returns true when the request
 * may go on; otherwise the answer has been sent.
 */
export function checkBearer(apiToken: string | undefined, req: Request, res: Response): boolean {
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
