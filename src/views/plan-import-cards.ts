/**
 * The cards of the plan workbook sent to the bot (chat/plan-upload.ts; cards/plan-import.json): the confirmation
 * card that lists what the workbook changes (one line per indicator, target or weight, as `plan import` prints them)
 * and asks for the act and the effective date; the list of errors by sheet and row; the result.
 */
import type { Plan } from '../domain/plan';
import type { PlanChange } from '../domain/plan-versions';
import type { EditProblem } from '../plan/edit';
import { catalog, formatDate, type Lang } from '../i18n';
import { changeLines } from './plan-versions';
import { renderCard, type CardJson } from './render';
import type { CardColor } from './format';

/** Lines a card lists at most (a whole plan rewritten would otherwise pass Teams' card size). */
export const MAX_CARD_LINES = 60;
/** The longest act a person may cite. */
export const MAX_REASON = 300;

export const VERB_PLAN_UPLOAD_CONFIRM = 'plan-upload-confirm';
export const VERB_PLAN_UPLOAD_CANCEL = 'plan-upload-cancel';

/** What «Confirmar» posts back (with the card's inputs planReason and planEffective merged in by Teams). */
export interface PlanUploadConfirmData {
  verb: typeof VERB_PLAN_UPLOAD_CONFIRM;
  /** The file's name, as Teams gave it. */
  name: string;
  /** Where Teams lets the bot download it again (the attachment's downloadUrl). */
  url: string;
  /** SHA-256 of the bytes that were previewed: the confirmation stores those bytes or nothing. */
  hash: string;
  /** The plan the workbook changes (its id: the shipped plan's, another stored plan's, or a new one's). */
  planId: string;
  /** The plan's latest stored version number when the preview was made (0: a new plan): another one since makes the card stale. */
  latest: number;
  /** What the preview showed (changesDigest) and as of which effective date. */
  digest: string;
  effective: string;
}

const problemText = (p: EditProblem, lang: Lang) =>
  p.finding ? catalog(lang).operator.finding(p.finding) : catalog(lang).plan.problem(p.code, p.params);

/** «Hoja «Indicadores», fila 7: …», one per problem. */
export function problemLines(problems: readonly EditProblem[], lang: Lang): string[] {
  const t = catalog(lang).plan;
  return problems.map((p) => `${t.where(t.sheet[p.sheet], p.row)}: ${problemText(p, lang)}`);
}

const capped = (lines: string[], more: (n: number) => string) => ({
  lines: lines.slice(0, MAX_CARD_LINES),
  more: lines.length > MAX_CARD_LINES ? more(lines.length - MAX_CARD_LINES) : null,
});

interface Base {
  title: string;
  color?: CardColor;
  text: string;
  notice?: string | null;
  heading?: string | null;
  lines?: string[];
  more?: string | null;
  warnings?: string[];
}

const card = (b: Base, lang: Lang): CardJson =>
  renderCard('plan-import', {
    title: b.title,
    color: b.color ?? 'default',
    text: b.text,
    notice: b.notice ?? null,
    heading: b.heading ?? null,
    lines: b.lines ?? [],
    more: b.more ?? null,
    warnings: b.warnings ?? [],
    warningsHeading: catalog(lang).planUpload.warningsHeading,
    form: null,
  });

/** The workbook's errors, each with its sheet and row: nothing was stored. */
export function planImportErrorsCard(file: string, errors: readonly EditProblem[], lang: Lang): CardJson {
  const t = catalog(lang).planUpload;
  return card(
    {
      title: t.refusedTitle,
      color: 'attention',
      text: t.refusedText(errors.length, file),
      ...capped(
        problemLines(errors, lang).map((l) => `✗ ${l}`),
        t.moreErrors,
      ),
    },
    lang,
  );
}

export interface PlanImportPreviewView {
  lang: Lang;
  file: string;
  /** The version the changes are against, and the date it was read at. */
  against: number;
  effective: string;
  plan: Plan;
  changes: readonly PlanChange[];
  warnings: readonly EditProblem[];
  confirm: PlanUploadConfirmData;
  /** What the admin typed already (a card drawn again). */
  reason?: string;
  /** Why the card is drawn again (the changes differ on the date chosen). */
  notice?: string;
}

/** The confirmation card: what changes, the act and the effective date, «Confirmar» / «Cancelar». */
export function planImportPreviewCard(v: PlanImportPreviewView): CardJson {
  const t = catalog(v.lang).planUpload;
  const lines = changeLines(v.changes, v.plan, v.lang).map((l) => l.replace(/^\s*·\s*/, '· '));
  const warnings = problemLines(v.warnings, v.lang)
    .slice(0, MAX_CARD_LINES)
    .map((l) => `⚠ ${l}`);
  return renderCard('plan-import', {
    title: t.previewTitle,
    color: 'default',
    text: t.previewText(v.file, v.against, formatDate(v.effective, v.lang)),
    notice: v.notice ?? null,
    heading: t.changesHeading(v.changes.length),
    ...capped(lines, t.moreChanges),
    warnings,
    warningsHeading: t.warningsHeading,
    form: {
      reasonLabel: t.reasonLabel,
      reasonPlaceholder: t.reasonPlaceholder,
      reasonRequired: t.reasonRequired,
      reasonMax: MAX_REASON,
      reason: v.reason ?? '',
      effectiveLabel: t.effectiveLabel,
      effectiveRequired: t.effectiveRequired,
      effective: v.effective,
      note: t.note,
      confirmTitle: t.confirm,
      confirmData: v.confirm,
      cancelTitle: t.cancel,
      cancelData: { verb: VERB_PLAN_UPLOAD_CANCEL },
    },
  });
}

/** A short card of this flow: the result, a refusal, the cancellation. */
export function planImportMessageCard(title: string, text: string, lang: Lang, color: CardColor = 'default'): CardJson {
  return card({ title, text, color }, lang);
}
