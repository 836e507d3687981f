import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';

/**
 * The only reader of request bodies: `application/json`, identity or gzip/deflate, at most `limit` bytes both on the
 * wire and once decompressed (a gzip bomb stops at `limit`), UTF-8, parsed with JSON.parse. Every stream error
 * becomes a client error; nothing is ever written to disk. restify's bodyParser is not used: its Gunzip stream's
 * errors kill the process, it counts compressed bytes only, and its multipart parser writes uploads to TMPDIR.
 */

export type BodyResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      status: 400 | 413 | 415;
      code: 'unsupported-media-type' | 'unsupported-encoding' | 'body-too-large' | 'malformed-body' | 'invalid-json';
    };

/** One decoder for every body: without `stream`, each decode() starts afresh (and a fatal error resets it). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Bytes of a refused body read and thrown away (so the client can read the answer) before the socket is cut. */
export const DISCARD_LIMIT = 16 * 1024 * 1024;

/**
 * Reads and throws away what is left of a refused request, so that the client, still sending, gets the 4xx
 * instead of a reset; beyond `cap` bytes the connection is destroyed. Nothing is kept.
 */
export function discard(req: IncomingMessage, cap = DISCARD_LIMIT): void {
  if (req.complete || req.destroyed) return;
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > cap) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

function fail(status: 400 | 413 | 415, code: Extract<BodyResult, { ok: false }>['code']): BodyResult {
  return { ok: false, status, code };
}

export function readJsonBody(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<BodyResult> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json') return Promise.resolve(fail(415, 'unsupported-media-type'));
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  let decoder: Gunzip | Inflate | undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip') decoder = createGunzip();
  else if (encoding === 'deflate') decoder = createInflate();
  else if (encoding !== 'identity' && encoding !== '') return Promise.resolve(fail(415, 'unsupported-encoding'));
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    decoder?.destroy();
    return Promise.resolve(fail(413, 'body-too-large'));
  }

  return new Promise<BodyResult>((resolve) => {
    const chunks: Buffer[] = [];
    let wire = 0;
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      req.removeListener('data', onWire);
      if (decoder) {
        req.unpipe(decoder);
        decoder.removeAllListeners('data');
        decoder.on('error', () => undefined);
        decoder.destroy();
      }
      chunks.length = 0;
      resolve(result); // on a refusal the caller answers, then discard()s the rest
    };
    const onDecoded = (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) return finish(fail(413, 'body-too-large'));
      chunks.push(chunk);
    };
    const onWire = (chunk: Buffer) => {
      wire += chunk.length;
      if (wire > limit) finish(fail(413, 'body-too-large'));
    };
    const complete = () => {
      if (settled) return;
      const buf = Buffer.concat(chunks);
      let text: string;
      try {
        text = UTF8.decode(buf);
      } catch {
        return finish(fail(400, 'malformed-body'));
      }
      try {
        finish({ ok: true, value: JSON.parse(text) });
      } catch {
        finish(fail(400, 'invalid-json'));
      }
    };
    req.on('data', onWire);
    req.on('error', () => finish(fail(400, 'malformed-body')));
    req.on('aborted', () => finish(fail(400, 'malformed-body')));
    if (decoder) {
      decoder.on('data', onDecoded);
      decoder.on('error', () => finish(fail(400, 'malformed-body')));
      decoder.on('end', complete);
      req.pipe(decoder);
    } else {
      req.on('data', onDecoded);
      req.on('end', complete);
    }
  });
}
