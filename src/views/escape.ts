/**
 * User text (report texts, people's names, what someone typed) shown in an Adaptive Card TextBlock or FactSet,
 * which Teams reads as markdown: every character that would make a link, an autolink, emphasis, code, a list or a quote is
 * backslash-escaped, so `[aquí](https://…)` stays the literal text someone wrote and never a live link.
 * The bot's own markup (bold labels, the evidence links it builds) is added around the escaped text.
 */
// Brackets are what make a link (`[text](url)`); `<…>` an autolink; `* _ ~` emphasis; backquotes code. Parentheses,
// `#`, `|` and `!` are left alone: without a bracket they are plain text in Teams' markdown.
const INLINE = /[\\`*_~[\]<>]/g;

export function escapeMarkdown(text: string | null | undefined): string {
  if (!text) return '';
  return (
    text
      .replace(INLINE, '\\$&')
      // Line starts that markdown reads as a list or a quote: "- x", "+ x", "1. x".
      .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
      .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.')
  );
}
