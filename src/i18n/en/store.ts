import type { StoreDoing, StoreFact, StoreFileKind, StoreStrings } from '../types/store';
import type { LockHolder } from '../../domain/store-facts';
import { joinList } from '../format';

const DOING: Record<StoreDoing, string> = {
  lock: 'create the lock',
  open: 'open',
  write: 'write',
  append: 'write to',
  mkdir: 'create the folder',
  repair: 'repair',
};
const KIND: Record<StoreFileKind, string> = {
  folder: 'The store folder',
  doc: 'The document',
  journal: 'The journal',
};
const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;
const UNTOUCHED =
  'No file was changed (left untouched): restore the store from a backup, or move it aside to start with an empty one.';
const heldBy = (h: LockHolder) => `in use by process ${h.pid ?? '?'} (lock ${h.lockFile})`;

function fileSystem(f: Extract<StoreFact, { kind: 'fs' }>): string {
  const [d, file, errno] = [DOING[f.doing], f.file, f.errno ?? ''];
  switch (f.errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `No space left on the disk to ${d} ${file} (${errno}). Free some space; the store works again once there is.`;
    case 'EROFS':
      return `The file system of ${file} is read-only (${errno}): the file cannot ${f.doing === 'open' ? 'be opened' : `be written (${d})`}.`;
    case 'EACCES':
    case 'EPERM':
      return `No permission to ${d} ${file} (${errno}). Check the permissions of the file and of its folder.`;
    case 'EEXIST':
    case 'ENOTDIR':
      return `Cannot ${d} ${file}: part of the path is a file, not a folder (${errno}). Check PEI_DB_FILE.`;
    case 'EISDIR':
      return `Cannot ${d} ${file}: it is a folder, not a file (${errno}). Check PEI_DB_FILE.`;
    default:
      return `Could not ${d} ${file}: ${f.detail ?? errno}.`;
  }
}

/** Why the store does not start (a 'corrupt' fact), or null. */
function refusal(f: StoreFact): string | null {
  switch (f.kind) {
    case 'doc-not-json':
      return `The document ${f.file} is not valid JSON (${f.why})`;
    case 'not-a-store':
      return `The document ${f.file} is not a PEI Bot store (it has no "format": "pei-bot-store" header)`;
    case 'wrong-version':
      return `The document ${f.file} has format version ${f.got}; this program reads versions 1 to 3`;
    case 'doc-invalid':
      return `In the document ${f.file}, the record ${f.where} ${f.shown} is not valid (${f.problem})`.replace(
        /\s+/g,
        ' ',
      );
    case 'doc-tampered':
      return `The document ${f.file} was changed outside the bot or is damaged (its "integrity" checksum does not match its content)`;
    case 'doc-missing':
      return (
        `The document ${f.file} is missing but ${f.held.map((h) => `${h.file} has ${h.lines} lines`).join(' and ')}: ` +
        `without it the ${joinList(['owners', 'admins', 'subscriptions', 'conversations', 'sends'], 'en')} would be lost`
      );
    case 'bad-line':
      return `${f.file}: line ${f.line} is not a valid journal line: ${f.why}`;
    case 'chain-broken':
      return `${f.file}: line ${f.line} does not follow the one before it (hash chain broken): a line was removed, moved or changed`;
    case 'journal-missing':
      return `The journal ${f.file} is missing, but the document ${f.doc} vouches for ${lines(f.lines)} in it`;
    case 'journal-shorter':
      return `The journal ${f.file} has ${lines(f.lines)} but the document ${f.doc} vouches for ${lines(f.docLines)}`;
    case 'journal-changed':
      return `The journal ${f.file} does not match what the document ${f.doc} vouches for its first ${lines(f.lines)}: it was replaced, reordered or changed`;
    case 'journal-torn-vouched':
      return `The journal ${f.file} ends in an incomplete line that the document ${f.doc} takes as written`;
    default:
      return null;
  }
}

/** A repair made on open, or null. */
function repair(f: StoreFact): string | null {
  switch (f.kind) {
    case 'torn-line-cut':
      return `${f.file}: cut a torn last line (${f.bytes} bytes, an unacknowledged write)`;
    case 'last-line-completed':
      return `${f.file}: completed a last line without its newline`;
    case 'rolled-forward':
      return `${f.file}: rolled forward ${f.changes} change(s) from the journal`;
    case 'upgraded':
      return `${f.file}: upgraded to format ${f.to} (one journal, with a chain of checksums)`;
    default:
      return null;
  }
}

function say(f: StoreFact): string {
  const refused = refusal(f);
  if (refused) return `${refused}: the store does not start. ${UNTOUCHED}`;
  const repaired = repair(f);
  if (repaired) return `PEI store: ${repaired}${'readOnly' in f && f.readOnly ? ' (in memory only: read-only)' : ''}`;
  switch (f.kind) {
    case 'fs':
      return fileSystem(f);
    case 'cannot-read':
      return `Could not read ${f.file} (${f.why}). ${UNTOUCHED}`;
    case 'folder-is-file':
      return `The store folder ${f.file} is a file, not a folder. Check PEI_DB_FILE.`;
    case 'not-writable':
      return `${KIND[f.what]} ${f.file} is read-only: the bot cannot save to it and does not start. Give it write permission back (chmod u+w), or open the store read-only.`;
    case 'locked':
      return `The store ${f.file} is ${heldBy(f.holder)}: stop that process first`;
    case 'closed':
      return `The store ${f.file} is closed`;
    case 'read-only':
      return `The store ${f.file} is open read-only; nothing was saved`;
    case 'write-not-undone':
      return `A write to the store ${f.file} failed (${say(f.failed)}) and could not be undone (${f.undoWhy}); the store takes no more writes until the bot restarts`;
    case 'lock-info-failed':
      return `PEI store: could not write the information file ${f.file} (${f.why}); the lock still holds`;
    case 'pg-migrate':
      return `PostgreSQL: ${f.why}`;
    case 'pg-pool-lost':
      return `PostgreSQL: a pool connection was lost: ${f.why}`;
    case 'pg-listen-lost':
      return `PostgreSQL: the change listener was lost (${f.why}); trying again`;
    case 'pg-listen-failed':
      return `PostgreSQL: could not listen to changes: ${f.why}`;
    case 'pg-lock-lost':
      return `PostgreSQL: the connection holding the lock ${f.name} was lost: ${f.why}`;
    case 'pg-listen-back':
      return 'PostgreSQL: the change listener is back';
    case 'pg-unavailable':
      return `PostgreSQL unavailable (${f.cause}): ${f.why}`;
    case 'files-replaced':
      return `${f.file}: the store's file was ${f.how} while the bot was running; no more writes until the bot is restarted`;
    default:
      return JSON.stringify(f);
  }
}

export const store: StoreStrings = { say };
