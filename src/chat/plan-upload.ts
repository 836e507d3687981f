import { bogotaDate, isIsoDate } from '../calendar';
import {
  changesDigest,
  latestVersion,
  planVersionsNow,
  previewPlanImport,
  storePlanImport,
  workbookHash,
} from '../outputs/plan-import';
import { readPlanWorkbook } from '../outputs/plan-workbook';
import { catalog, formatDate } from '../i18n';
import {
  MAX_REASON,
  planImportErrorsCard,
  planImportMessageCard,
  planImportPreviewCard,
  VERB_PLAN_UPLOAD_CANCEL,
  VERB_PLAN_UPLOAD_CONFIRM,
  type PlanUploadConfirmData,
} from '../views/plan-import-cards';
import { StoreError } from '../store/errors';
import { isAdmin } from './roles';
import { storeFailure } from './store-failure';
import type { ActionHandler, ChatModule, FileHandler } from './module';
import type { ChatResult, ChatTurn, IncomingFile, Services } from './types';

/**
 * The plan workbook sent to the bot in a personal chat (CONTRACT.md, «Plans that change»; the command line's
 * `plan import` does the same through the same service, outputs/plan-import.ts):
 * 1. An admin sends the .xlsx: the bot fetches it (services.files: Teams' downloadUrl only, a size limit, a timeout),
 *    checks it whole against the version in force today, and answers a card that lists what it changes and asks for
 *    the act and the effective date; or the errors, each with its sheet and row; nothing is stored yet.
 * 2. «Confirmar» fetches the file again from the same address and stores it only if its bytes are the ones previewed
 *    (their SHA-256 is in the card), no other version was stored since (else the card is stale) and it changes, at
 *    the effective date chosen, what the card showed (else the card is drawn again for that date). The version is
 *    stored with who, when, why and the effective date, audited; the card is replaced with the result.
 * Nothing from the file is kept between the two steps (docs/decisions.md, «Plans that change»).
 */

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const HEX64 = /^[0-9a-f]{64}$/;
/** What a store write keeps of the turn, beyond the store's own timeout, to answer once it is done. */
const DEADLINE_MARGIN_MS = 1000;

const isWorkbook = (f: IncomingFile) => f.fileType === 'xlsx' || /\.xlsx$/i.test(f.name);

const card = (turn: ChatTurn, title: string, text: string, color: 'attention' | 'default' = 'attention') => ({
  card: planImportMessageCard(title, text, turn.lang, color),
  summary: title,
});

const answer = (c: { card: object; summary: string }): ChatResult => ({
  replies: [{ card: c.card as Record<string, unknown>, summary: c.summary }],
});

/** The card in place of the tapped one (the confirmation's answer). */
const replace = (c: { card: object }): ChatResult => ({
  replaceSource: c.card as Record<string, unknown>,
  replies: [],
});

async function fetchFile(services: Services, turn: ChatTurn, url: string) {
  const t = catalog(turn.lang).planUpload;
  if (!services.files) return { ok: false as const, result: card(turn, t.downloadTitle, t.download('failed', 0)) };
  const got = await services.files.fetch(url, turn.deadline);
  if (got.ok) return got;
  const mb = Math.round(services.files.maxBytes / (1024 * 1024));
  return { ok: false as const, result: card(turn, t.downloadTitle, t.download(got.code, mb)) };
}

/** The workbook's refusal in words (not xlsx, a sheet or a column missing), or its rows. */
async function readWorkbook(turn: ChatTurn, name: string, bytes: Buffer) {
  const read = await readPlanWorkbook(bytes);
  if (read.ok) return read;
  const p = catalog(turn.lang).plan;
  const text =
    read.code === 'not-xlsx'
      ? p.notXlsx(name)
      : read.code === 'sheet-missing'
        ? p.sheetMissing(read.sheet)
        : p.columnMissing(read.sheet, read.column);
  return { ok: false as const, result: card(turn, catalog(turn.lang).planUpload.refusedTitle, text) };
}

interface Drawn {
  name: string;
  url: string;
  hash: string;
  bytes: Buffer;
  effective: string;
  reason?: string;
  notice?: string;
}

/** Reads and checks the workbook at `effective`: the confirmation card, the errors, or «nothing changes». */
async function preview(services: Services, turn: ChatTurn, d: Drawn) {
  const t = catalog(turn.lang).planUpload;
  const read = await readWorkbook(turn, d.name, d.bytes);
  if (!read.ok) return { kind: 'card' as const, result: read.result };
  const p = await previewPlanImport(
    services.store,
    shippedPlan(services),
    read.sheets,
    d.effective,
    bogotaDate(turn.now),
  );
  if (p.status === 'invalid')
    return {
      kind: 'card' as const,
      result: { card: planImportErrorsCard(d.name, p.errors, turn.lang), summary: t.refusedTitle },
    };
  if (p.status === 'unchanged')
    return {
      kind: 'card' as const,
      result: card(turn, t.unchangedTitle, catalog(turn.lang).plan.unchanged(p.against.version), 'default'),
    };
  const confirm: PlanUploadConfirmData = {
    verb: VERB_PLAN_UPLOAD_CONFIRM,
    name: d.name,
    url: d.url,
    hash: d.hash,
    planId: p.plan.id,
    latest: p.latest,
    digest: changesDigest(p.changes),
    effective: d.effective,
  };
  const drawn = planImportPreviewCard({
    lang: turn.lang,
    file: d.name,
    against: p.against.version,
    effective: d.effective,
    plan: p.plan,
    changes: p.changes,
    warnings: p.warnings,
    confirm,
    ...(d.reason ? { reason: d.reason } : {}),
    ...(d.notice ? { notice: d.notice } : {}),
  });
  return { kind: 'preview' as const, preview: p, confirm, result: { card: drawn, summary: t.previewTitle } };
}

/** An admin sent a file in a personal chat: the confirmation card, or why not. */
export const planUploadFile: FileHandler = async (services, turn, files) => {
  const t = catalog(turn.lang).planUpload;
  if (turn.scope !== 'personal') return { replies: [{ text: t.personalOnly }] };
  if (!(await isAdmin(services, turn.actor))) return answer(card(turn, t.adminOnlyTitle, t.adminOnlyText, 'default'));
  if (files.length > 1) return answer(card(turn, t.notWorkbookTitle, t.oneFileOnly));
  const file = files[0];
  if (!isWorkbook(file)) return answer(card(turn, t.notWorkbookTitle, t.notWorkbook(file.name)));
  const got = await fetchFile(services, turn, file.url);
  if (!got.ok) return answer(got.result);
  const drawn = await preview(services, turn, {
    name: file.name,
    url: file.url,
    hash: workbookHash(got.bytes),
    bytes: got.bytes,
    effective: bogotaDate(turn.now),
  });
  return answer(drawn.result);
};

function confirmData(data: Record<string, unknown>): PlanUploadConfirmData | null {
  const latest = typeof data.latest === 'number' ? data.latest : Number(data.latest);
  const c = {
    verb: VERB_PLAN_UPLOAD_CONFIRM,
    name: str(data.name).slice(0, 256),
    url: str(data.url),
    hash: str(data.hash),
    planId: str(data.planId),
    latest,
    digest: str(data.digest),
    effective: str(data.effective),
  } as const;
  if (
    !c.name ||
    !c.url ||
    !c.planId ||
    !HEX64.test(c.hash) ||
    !Number.isInteger(latest) ||
    !c.digest ||
    !isIsoDate(c.effective)
  )
    return null;
  return c;
}

/** The shipped plan (the base every stored plan is read against), whatever plan the turn is scoped to. */
const shippedPlan = (services: Services) => services.plans?.shipped.plan ?? services.plan;

/**
 * Another version than the card's was stored since the preview. If it holds exactly the changes this card showed, it
 * is this card's (a second click): said so, not stored again; else the card is stale.
 */
async function staleCard(services: Services, turn: ChatTurn, c: PlanUploadConfirmData, latest: number) {
  const t = catalog(turn.lang).planUpload;
  const versions = await planVersionsNow(services.store, shippedPlan(services), c.planId);
  const last = versions.find((v) => v.version === latest);
  if (last && latest === c.latest + 1 && changesDigest(last.changes) === c.digest)
    return card(turn, t.alreadyStoredTitle, t.alreadyStored(latest), 'default');
  return card(turn, t.staleTitle, t.stale(latest));
}

/** «Confirmar»: stores the version previewed, or says truthfully why not. */
export const planUploadConfirm: ActionHandler = async (services, turn, data) => {
  const t = catalog(turn.lang).planUpload;
  if (!(await isAdmin(services, turn.actor))) return replace(card(turn, t.adminOnlyTitle, t.adminOnlyText, 'default'));
  const c = confirmData(data);
  if (!c) return replace(card(turn, t.downloadTitle, t.invalidCard));

  // Stale: another version was stored since the preview. If it holds exactly the changes this card showed, it is
  // this card's (a second click): said so, not stored again.
  const latest = latestVersion(await planVersionsNow(services.store, shippedPlan(services), c.planId));
  if (latest !== c.latest) return replace(await staleCard(services, turn, c, latest));

  const got = await fetchFile(services, turn, c.url);
  if (!got.ok) return replace(got.result);
  if (workbookHash(got.bytes) !== c.hash) return replace(card(turn, t.downloadTitle, t.mismatch));

  const reason = str(data.planReason).trim();
  const chosen = str(data.planEffective).trim();
  const inputProblem = !reason
    ? t.reasonMissing
    : reason.length > MAX_REASON
      ? t.reasonTooLong(MAX_REASON)
      : !isIsoDate(chosen)
        ? t.effectiveInvalid
        : null;
  const effective = isIsoDate(chosen) ? chosen : c.effective;
  const drawn = await preview(services, turn, {
    name: c.name,
    url: c.url,
    hash: c.hash,
    bytes: got.bytes,
    effective,
    reason: reason.slice(0, MAX_REASON),
    ...(inputProblem ? { notice: inputProblem } : {}),
  });
  if (drawn.kind !== 'preview' || inputProblem) return replace(drawn.result);
  // Another version is in force on the date chosen: the changes are not those the card showed. Drawn again.
  if (drawn.confirm.digest !== c.digest)
    return replace(
      (
        await preview(services, turn, {
          name: c.name,
          url: c.url,
          hash: c.hash,
          bytes: got.bytes,
          effective,
          reason,
          notice: t.changedText(formatDate(effective, turn.lang)),
        })
      ).result,
    );

  const deadline = turn.deadline;
  if (deadline !== undefined && Date.now() + (services.config.storeTimeoutMs ?? 0) + DEADLINE_MARGIN_MS > deadline) {
    // Too little of the turn is left for the write to finish before the person is answered: not started at all.
    const why = 'too little of the turn left to store the plan version';
    return storeFailure(turn, new StoreError('unavailable', { kind: 'pg-unavailable', cause: 'timeout', why }));
  }
  const stored = await storePlanImport(services.store, drawn.preview, {
    effective,
    reason,
    actor: turn.actor,
    at: turn.now.toISOString(),
    expectedLatest: c.latest,
  });
  if (stored.status === 'unchanged')
    return replace(card(turn, t.alreadyStoredTitle, t.alreadyStored(stored.latest.version), 'default'));
  // A version was stored between the check above and the write (a command line import, another process): the
  // store refused in its write order; the same as the check above would have said.
  if (stored.status === 'stale') return replace(await staleCard(services, turn, c, stored.latest));
  const v = stored.record;
  const today = bogotaDate(turn.now);
  const text = [
    t.storedText(v.version, formatDate(v.effective, turn.lang), v.reason, v.by.name),
    ...(v.effective <= today ? [t.pastEffective(formatDate(v.effective, turn.lang))] : []),
  ].join('\n\n');
  return replace(card(turn, t.storedTitle(v.version), text, 'default'));
};

export const planUploadCancel: ActionHandler = (_services, turn) => {
  const t = catalog(turn.lang).planUpload;
  return replace(card(turn, t.cancelledTitle, t.cancelledText, 'default'));
};

export const planUploadModule: ChatModule = {
  file: planUploadFile,
  actions: { [VERB_PLAN_UPLOAD_CONFIRM]: planUploadConfirm, [VERB_PLAN_UPLOAD_CANCEL]: planUploadCancel },
};
