import { catalog, type Lang, type TabStrings } from '../i18n';

/**
 * The tab's HTML shells: the dashboard (GET /tab/) and the channel tab's configuration page (GET /tab/config). Only
 * words and settings are written here; the page's script (web/tab/, bundled into dist/tab/) draws the data. Nothing
 * inline runs: the words travel as a JSON data block, so the Content-Security-Policy allows only the bot's own files.
 */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A JSON value safe inside a <script type="application/json"> block. */
const jsonBlock = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

/**
 * The tab's words for the page script: texts as they are, messages with parameters as templates ({0}, {1}) that
 * the page fills in (they only interpolate).
 */
export function pageWords(lang: Lang): Record<string, string> {
  const t: TabStrings = catalog(lang).tab;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) {
    out[k] = typeof v === 'function' ? (v as (...a: string[]) => string)('{0}', '{1}') : String(v);
  }
  return out;
}

export interface PageSettings {
  lang: Lang;
  /** The bot's app id (the Teams deep link to its chat); null in anonymous local mode. */
  botId: string | null;
  /** Whether the data requests need the Teams SSO token. */
  signIn: boolean;
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com",
].join('; ');

/** The start of both pages, through </head>: language, title, the shared style sheet, then `scripts`. */
function pageHead(lang: PageSettings['lang'], title: string, scripts: string): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'es-CO'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/tab/assets/tab.css">
${scripts}
</head>`;
}

export function dashboardHtml(s: PageSettings): string {
  const t = catalog(s.lang).tab;
  return `${pageHead(
    s.lang,
    t.title,
    `<script type="application/json" id="pei-settings">${jsonBlock({ ...s, words: pageWords(s.lang) })}</script>
<script type="module" src="/tab/assets/tab.js"></script>`,
  )}
<body>
<a class="skip" href="#main">${escapeHtml(t.skipToContent)}</a>
<header class="top">
<h1>${escapeHtml(t.title)}</h1>
<p id="subtitle" class="subtitle"></p>
</header>
<main id="main" tabindex="-1">
<p id="message" class="message" role="status" aria-live="polite">${escapeHtml(t.loading)}</p>
</main>
</body>
</html>
`;
}

export function configHtml(s: PageSettings): string {
  const t = catalog(s.lang).tab;
  return `${pageHead(s.lang, t.configTitle, '<script type="module" src="/tab/assets/config.js"></script>')}
<body data-name="${escapeHtml(t.title)}">
<main id="main" class="config">
<h1>${escapeHtml(t.configTitle)}</h1>
<p>${escapeHtml(t.configIntro)}</p>
<p>${escapeHtml(t.configReady)}</p>
</main>
</body>
</html>
`;
}
