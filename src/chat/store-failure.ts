import { StoreError } from '../store/errors';
import { catalog, reportStrings } from '../i18n';
import { messageCard } from '../views/message-cards';
import { VERB_REPORT_SUBMIT } from '../views/report-cards';
import type { ChatResult, ChatTurn } from './types';

/**
 * The one place where a store failure in a turn becomes an answer: whatever read or write failed (who is an admin,
 * the owners, the report itself), the person is told in their language that nothing changed and what to do, and the
 * result is marked `unavailable` so that the edges answer 503. Any other error is not ours to word: it is rethrown.
 */

/** Codes that go away by themselves (the database is back, the lock released) against those that need the operator. */
const RETRY: ReadonlySet<StoreError['code']> = new Set(['unavailable', 'io', 'locked']);

export function storeFailureKind(e: StoreError): 'retry' | 'operator' {
  return RETRY.has(e.code) ? 'retry' : 'operator';
}

/** The answer to a turn whose store failed; `verb` the card action it came from (a report's submit is said as such). */
export function storeFailure(turn: ChatTurn, e: StoreError, verb?: string): ChatResult {
  const kind = storeFailureKind(e);
  if (verb === VERB_REPORT_SUBMIT) {
    const s = reportStrings(turn.lang);
    const text = kind === 'retry' ? s.saveFailedText : s.saveFailedOperatorText;
    return {
      replies: [
        { card: messageCard({ title: s.saveFailedTitle, text, color: 'attention' }), summary: s.saveFailedTitle },
      ],
      unavailable: kind,
    };
  }
  const t = catalog(turn.lang).replies;
  const text = kind === 'retry' ? t.storeDownText : t.storeBrokenText;
  return {
    replies: [{ card: messageCard({ title: t.storeDownTitle, text, color: 'attention' }), summary: t.storeDownTitle }],
    unavailable: kind,
  };
}

/** Runs a turn's work; a StoreError becomes storeFailure's answer. */
export async function guardStore(turn: ChatTurn, work: () => Promise<ChatResult>, verb?: string): Promise<ChatResult> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof StoreError) return storeFailure(turn, e, verb);
    throw e;
  }
}
