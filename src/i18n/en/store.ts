import type { StoreDoing, StoreFileKind, StoreStrings } from '../types/store';
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
  audit: 'The audit log',
  reports: 'The report log',
};
const LOG = { audit: 'audit log', reports: 'report log' } as const;
const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;
const UNTOUCHED = 'No file was changed (left untouched): restore the store from a backup, or move it aside to start with an empty one.';

export const store: StoreStrings = {
  untouched: UNTOUCHED,
  doesNotStart: (why) => `${why}: the store does not start. ${UNTOUCHED}`,
  diskFull: (d, file, errno) => `No space left on the disk to ${DOING[d]} ${file} (${errno}). Free some space; the store works again once there is.`,
  readOnlyFs: (d, file, errno) => `The file system of ${file} is read-only (${errno}): the file cannot ${d === 'open' ? 'be opened' : `be written (${DOING[d]})`}.`,
  noPermission: (d, file, errno) => `No permission to ${DOING[d]} ${file} (${errno}). Check the permissions of the file and of its folder.`,
  pathIsFile: (d, file, errno) => `Cannot ${DOING[d]} ${file}: part of the path is a file, not a folder (${errno}). Check PEI_DB_FILE.`,
  isFolder: (d, file, errno) => `Cannot ${DOING[d]} ${file}: it is a folder, not a file (${errno}). Check PEI_DB_FILE.`,
  ioFailed: (d, file, why) => `Could not ${DOING[d]} ${file}: ${why}.`,
  cannotRead: (file, why) => `Could not read ${file} (${why}). ${UNTOUCHED}`,
  folderIsFile: (dir) => `The store folder ${dir} is a file, not a folder. Check PEI_DB_FILE.`,
  notWritable: (kind, file) =>
    `${KIND[kind]} ${file} is read-only: the bot cannot save to it and does not start. ` +
    'Give it write permission back (chmod u+w), or open the store read-only.',

  lockInfoFailed: (file, why) => `PEI store: could not write the information file ${file} (${why}); the lock still holds`,
  lockFailed: (file) => `Could not take the lock ${file}`,
  heldBy: (pid, lockFile) => `in use by process ${pid ?? '?'} (lock ${lockFile})`,
  lockedExclusive: (doc, why) => `The store ${doc} is ${why}: stop that process first`,
  openedReadOnly: (doc, why) => `PEI store ${doc} is ${why}: opened read-only`,
  readOnlyAsked: 'opened read-only',

  closed: (doc) => `The store ${doc} is closed`,
  readOnly: (doc, why) => `The store ${doc} is open read-only (${why}); nothing was saved`,
  writeNotUndone: (doc, why, undoWhy) =>
    `A write to the store ${doc} failed (${why}) and could not be undone (${undoWhy}); the store takes no more writes until the bot restarts`,
  logNotOpen: (file) => `The log ${file} is not open`,

  docRoot: 'the document',
  invalidRecord: (where, shown, problem) => `the record ${where} ${shown} is not valid (${problem})`,
  notAStore: (file, format) => `The document ${file} is not a PEI Bot store (it has no "format": "${format}" header)`,
  wrongVersion: (file, got, readable) => `The document ${file} has format version ${got}; this program reads versions 1 and ${readable}`,
  inDocument: (file, what) => `In the document ${file}, ${what}`,
  docTampered: (file) => `The document ${file} was changed outside the bot or is damaged (its "integrity" checksum does not match its content)`,
  notJson: (why) => `is not valid JSON (${why})`,
  docNotJson: (file, why) => `The document ${file} is not valid JSON (${why})`,
  badLine: (file, line, what, why) => `${file}: line ${line} is not a valid ${what === 'audit' ? 'audit entry' : 'report'}: ${why}`,
  logMissing: (what, file, doc, n) => `The ${LOG[what]} ${file} is missing, but the document ${doc} vouches for ${lines(n)} in it`,
  logShorter: (what, file, n, bytes, doc, docLines, docBytes) =>
    `The ${LOG[what]} ${file} has ${lines(n)} (${bytes} bytes) but the document ${doc} vouches for ${lines(docLines)} (${docBytes} bytes)`,
  logChanged: (what, file, doc, n) =>
    `The ${LOG[what]} ${file} does not match what the document ${doc} vouches for its first ${lines(n)}: it was replaced, reordered or changed`,
  logTornVouched: (what, file, doc) => `The ${LOG[what]} ${file} ends in an incomplete line that the document ${doc} takes as written`,
  docMissing: (doc, held) =>
    `The document ${doc} is missing but ${held.map((h) => `${h.file} has ${h.lines} lines`).join(' and ')}: ` +
    `without it the ${joinList(['owners', 'admins', 'subscriptions', 'conversations', 'sends'], 'en')} would be lost`,
  auditMissing: (file, doc, n) => `The audit log ${file} is missing, but the document ${doc} vouches for ${n} entries`,
  auditOutOfOrder: (file, seq, prev) => `The audit log ${file} is out of order: entry ${seq} comes after ${prev}`,
  auditEntryNoReport: (file, seq) => `Entry ${seq} of the audit log ${file} does not hold the report it records`,
  auditBehindDoc: (file, seq, doc, docSeq) => `The audit log ${file} goes up to entry ${seq} but the document ${doc} records changes up to entry ${docSeq}`,
  reportsAhead: (file, n, audit, vouched) => `The report log ${file} has ${n} reports but the audit log ${audit} backs only ${vouched}`,
  reportMismatch: (file, i, id, audit, auditId) => `Report ${i} of the report log ${file} (${id}) does not match the one the audit log ${audit} records (${auditId})`,

  tornLineCut: (file, bytes) => `${file}: cut a torn last line (${bytes} bytes, an unacknowledged write)`,
  lastLineCompleted: (file) => `${file}: completed a last line without its newline`,
  reportsRestored: (file, n) => `${file}: restored ${n} report(s) from the audit log`,
  rolledForward: (file, n) => `${file}: rolled forward ${n} change(s) from the audit log`,
  upgraded: (file, v) => `${file}: upgraded to format ${v} (log counters and checksum)`,

  pgPoolLost: (why) => `PostgreSQL: a pool connection was lost: ${why}`,
  pgListenLost: (why) => `PostgreSQL: the change listener was lost (${why}); trying again`,
  pgListenFailed: (why) => `PostgreSQL: could not listen to changes: ${why}`,
  pgLockLost: (name, why) => `PostgreSQL: the connection holding the lock ${name} was lost: ${why}`,
};
