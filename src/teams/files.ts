import type { Activity } from 'botbuilder';
import type { FetchedFile, FileSource, IncomingFile } from '../chat/types';

/**
 * Files people send the bot. In a personal chat (the manifest's `supportsFiles`), Teams sends a file as a message
 * attachment of content type `application/vnd.microsoft.teams.file.download.info` whose `content` holds a
 * pre-authorized, short-lived `downloadUrl` (a plain GET, no token), `uniqueId` and `fileType`; `name` is the file's
 * name. teams-ai's own TeamsAttachmentDownloader is not used: it fetches every attachment's `contentUrl` (with the
 * bot's token) before any handler runs, with no size limit. Here only the downloadUrl is fetched, only from the
 * allowed hosts (PEI_FILE_HOSTS), at most MAX_FILE_BYTES, under a timeout, and only when the chat asks for it
 * (after it checked who sent it).
 */

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
/** The plan workbook is tens of kilobytes; anything past this is not it. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The longest a download may take (Teams gives the whole turn 15 s). */
export const FILE_TIMEOUT_MS = 8000;
const MAX_REDIRECTS = 3;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The files of a message as the chat takes them (anything but a file.download.info attachment is not a file). */
export function filesOf(activity: Partial<Activity>): IncomingFile[] {
  const out: IncomingFile[] = [];
  for (const a of activity.attachments ?? []) {
    if (a?.contentType !== FILE_DOWNLOAD_INFO) continue;
    const c = (a.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
    if (typeof c.downloadUrl !== 'string' || !c.downloadUrl || c.downloadUrl.length > 8192) continue;
    out.push({
      name: (typeof a.name === 'string' && a.name ? a.name : 'archivo').slice(0, 256),
      fileType: typeof c.fileType === 'string' ? c.fileType.toLowerCase().slice(0, 20) : '',
      url: c.downloadUrl,
    });
  }
  return out;
}

/**
 * Whether the bot may fetch from `url`: https on an allowed host (a listed name, or a subdomain of a listed name that
 * starts with a dot); plain http only on a loopback host listed by name (a local stand-in in tests and the Playground).
 */
export function allowedFileUrl(url: string, hosts: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  const host = u.hostname.toLowerCase();
  const listed = hosts.some((h) => (h.startsWith('.') ? host.endsWith(h) && host.length > h.length : host === h));
  if (u.protocol === 'https:') return listed;
  return u.protocol === 'http:' && LOOPBACK.has(host) && hosts.includes(host);
}

export function createFileSource(opts: {
  hosts: readonly string[];
  maxBytes?: number;
  timeoutMs?: number;
}): FileSource {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const timeoutMs = opts.timeoutMs ?? FILE_TIMEOUT_MS;
  return {
    maxBytes,
    async fetch(url: string, deadline?: number): Promise<FetchedFile> {
      // Leave the turn time to answer (and to store) after the download.
      const budget = Math.min(timeoutMs, deadline === undefined ? timeoutMs : deadline - Date.now() - 3000);
      if (budget <= 0) return { ok: false, code: 'timeout' };
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), budget);
      let tooLarge = false;
      timer.unref();
      try {
        let next = url;
        for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
          if (!allowedFileUrl(next, opts.hosts)) return { ok: false, code: 'not-allowed' };
          const res = await fetch(next, { redirect: 'manual', signal: abort.signal });
          if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
            await res.body?.cancel();
            next = new URL(res.headers.get('location')!, next).toString();
            continue;
          }
          if (!res.ok) {
            await res.body?.cancel();
            return { ok: false, code: [401, 403, 404, 410].includes(res.status) ? 'expired' : 'failed' };
          }
          const declared = Number(res.headers.get('content-length'));
          if (Number.isFinite(declared) && declared > maxBytes) {
            await res.body?.cancel();
            return { ok: false, code: 'too-large' };
          }
          const chunks: Buffer[] = [];
          let size = 0;
          for await (const chunk of res.body ?? []) {
            size += (chunk as Uint8Array).byteLength;
            if (size > maxBytes) {
              tooLarge = true; // leaving the loop cancels the body
              break;
            }
            chunks.push(Buffer.from(chunk as Uint8Array));
          }
          return tooLarge ? { ok: false, code: 'too-large' } : { ok: true, bytes: Buffer.concat(chunks) };
        }
        return { ok: false, code: 'failed' };
      } catch {
        return { ok: false, code: tooLarge ? 'too-large' : abort.signal.aborted ? 'timeout' : 'failed' };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
