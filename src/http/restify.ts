import type * as Restify from 'restify';

/**
 * restify, loaded without its one deprecation warning. restify 11's lib/server.js requires `spdy` at load time
 * (for the optional HTTP/2 server, which this bot never uses), and spdy's dependency `http-deceiver` calls
 * `process.binding('http_parser')`, so every start printed "[DEP0111] DeprecationWarning: Access to
 * process.binding('http_parser') is deprecated" twice. Neither package can be changed from here, so exactly that
 * warning (code DEP0111) is dropped, and only while restify's modules load; every other warning, and DEP0111 from
 * anything loaded later, still prints.
 */
function loadRestify(): typeof Restify {
  const emitWarning = process.emitWarning;
  process.emitWarning = function filtered(this: NodeJS.Process, warning: string | Error, ...rest: unknown[]): void {
    const code = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: string }).code : rest[1];
    if (code === 'DEP0111') return;
    return (emitWarning as (...a: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('restify') as typeof Restify;
  } finally {
    process.emitWarning = emitWarning;
  }
}

const restify = loadRestify();
export default restify;
export type { Request, Response, Server, Next, RequestHandler } from 'restify';
