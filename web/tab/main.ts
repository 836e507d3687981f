/**
 * The dashboard tab's page script (bundled by scripts/build-tab.js into dist/tab/tab.js). It draws what the server's
 * view model says (src/views/tab-view.ts): it computes no figure and holds no word of its own (the words come in the
 * page's JSON settings block, from src/i18n/). Inside Teams, TeamsJS gives the theme, the locale and the SSO token
 * its data requests carry; in a plain browser the page works alone.
 */
import type * as TeamsJs from '@microsoft/teams-js';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

interface Settings {
  lang: 'es' | 'en';
  botId: string | null;
  signIn: boolean;
  words: Record<string, string>;
}
interface Figure {
  text: string;
  fill: number;
}
interface Status {
  code: string;
  label: string;
  icon: string;
}
interface ChartView {
  heading: string;
  xAxisTitle: string;
  yAxisTitle: string;
  yMin?: number;
  yMax?: number;
  data: { legend: string; color: string; values: { x: string; y: number }[] }[];
  columns: { label: string; value: string; expected: string };
  rows: { label: string; value: string; expected: string }[];
}
interface Indicator {
  id: string;
  objective: number;
  name: string;
  owner: string;
  lastReport: string;
  progress: Figure;
  expected: Figure;
  cumulative: Figure;
  status: Status;
  mine: boolean;
}
interface Objective {
  number: number;
  title: string;
  progress: Figure;
  expected: Figure;
  cumulative: Figure;
  status: Status;
  chart: ChartView | null;
  indicators: Indicator[];
}
interface View {
  year: number;
  asOf: string;
  subtitle: string;
  years: number[];
  plan: { name: string; progress: Figure; expected: Figure; cumulative: Figure; status: Status };
  objectives: Objective[];
  owners: string[];
  statuses: Status[];
  me: { indicators: string[] } | null;
}

const settings: Settings = JSON.parse(document.getElementById('pei-settings')?.textContent ?? '{}');
const params = new URLSearchParams(location.search);

/** A word of the catalog; {0} and {1} filled with the arguments. */
function w(key: string, ...args: (string | number)[]): string {
  const text = settings.words[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

type Child = Node | string | null | undefined | false;
function h(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

// --- Theme and Teams --------------------------------------------------------------------------------

type Theme = 'default' | 'dark' | 'contrast';
function applyTheme(theme: string | undefined): void {
  const t: Theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  document.documentElement.dataset.theme = t;
  for (const c of charts) {
    styleChart(c);
    c.update();
  }
}

let inTeams = false;
let teamsUser: string | undefined;
/** TeamsJS, loaded only inside a frame (Teams hosts a tab in an iframe). */
let teams: typeof TeamsJs | null = null;

async function joinTeams(): Promise<void> {
  if (window.parent === window) return;
  try {
    teams = await import('@microsoft/teams-js');
    const { app } = teams;
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 4000)),
    ]);
    inTeams = true;
    const ctx = await app.getContext();
    applyTheme(ctx.app.theme);
    app.registerOnThemeChangeHandler(applyTheme);
    teamsUser = ctx.user?.id || ctx.user?.loginHint;
    const locale = ctx.app.locale ?? '';
    if (!params.get('lang') && /^en\b/i.test(locale) !== (settings.lang === 'en')) {
      params.set('lang', locale);
      location.replace(`${location.pathname}?${params}`);
    }
  } catch {
    inTeams = false; // not in Teams: a plain page
  }
}

async function token(): Promise<string | null> {
  if (!settings.signIn) return null;
  if (!inTeams || !teams) throw new Error('sign-in');
  return teams.authentication.getAuthToken();
}

// --- Data ---------------------------------------------------------------------------------------------

const state = {
  year: params.get('year') ?? '',
  asOf: params.get('asOf') ?? '',
  objective: params.get('objective') ?? '',
  status: params.get('status') ?? '',
  owner: params.get('owner') ?? '',
  mine: params.get('mine') === '1',
};

async function getJson<T>(path: string, query: Record<string, string>): Promise<T> {
  const q = new URLSearchParams({ lang: settings.lang, ...query });
  const me = params.get('me') ?? (settings.signIn ? undefined : teamsUser);
  if (me) q.set('me', me);
  let bearer: string | null;
  try {
    bearer = await token();
  } catch {
    throw new Error(w('signInError'));
  }
  const res = await fetch(`${path}?${q}`, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? w('loadError'));
  return body as T;
}

// --- Charts -----------------------------------------------------------------------------------------

const charts = new Set<Chart>();
const COLORS: Record<Theme, { actual: string; expected: string; text: string; grid: string }> = {
  default: { actual: '#4f52b2', expected: '#4b5356', text: '#242424', grid: '#d1d1d1' },
  dark: { actual: '#9ea2ff', expected: '#c8c8c8', text: '#ffffff', grid: '#5c5c5c' },
  contrast: { actual: '#ffff00', expected: '#00ffff', text: '#ffffff', grid: '#ffffff' },
};

function styleChart(c: Chart): void {
  const p = COLORS[(document.documentElement.dataset.theme as Theme) ?? 'default'] ?? COLORS.default;
  c.data.datasets.forEach((d, i) => {
    const expected = (d as { peiRole?: string }).peiRole === 'expected';
    const color = expected ? p.expected : i === 0 || !expected ? p.actual : p.expected;
    d.borderColor = color;
    d.backgroundColor = color;
  });
  const scales = c.options.scales ?? {};
  for (const s of Object.values(scales)) {
    if (!s) continue;
    if (s.ticks) s.ticks.color = p.text;
    if (s.grid) s.grid.color = p.grid;
    const title = (s as { title?: { color?: string } }).title;
    if (title) title.color = p.text;
  }
  const legend = c.options.plugins?.legend?.labels;
  if (legend) legend.color = p.text;
}

/** A chart (canvas, described for screen readers) with the table of its data. */
function chartBlock(view: ChartView, kind: 'bar' | 'line', headingLevel: 'h3' | 'h2', id: string): HTMLElement {
  const canvas = h('canvas', { role: 'img', 'aria-label': view.heading, id: `${id}-canvas` }) as HTMLCanvasElement;
  const table = h(
    'table',
    { class: 'data' },
    h('caption', {}, w('chartTableCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, view.columns.label),
        h('th', { scope: 'col' }, view.columns.value),
        h('th', { scope: 'col' }, view.columns.expected),
      ),
    ),
    h(
      'tbody',
      {},
      ...view.rows.map((r) =>
        h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, r.value), h('td', {}, r.expected)),
      ),
    ),
  );
  const block = h(
    'div',
    { class: 'chart', id },
    h(headingLevel, { class: 'chart-heading' }, view.heading),
    h('div', { class: 'canvas-box' }, canvas),
    table,
  );
  const labels = view.data[0]?.values.map((v) => v.x) ?? [];
  const chart = new Chart(canvas, {
    type: kind,
    data: {
      labels,
      datasets: view.data.map((d) => ({
        label: d.legend,
        data: labels.map((x) => d.values.find((v) => v.x === x)?.y ?? null),
        peiRole: /gray|grey/i.test(d.color) ? 'expected' : 'actual',
        spanGaps: false,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { title: { display: true, text: view.xAxisTitle }, ticks: {}, grid: {} },
        y: {
          title: { display: true, text: view.yAxisTitle },
          min: view.yMin ?? 0,
          ...(view.yMax !== undefined ? { max: view.yMax } : {}),
          ticks: {},
          grid: {},
        },
      },
      plugins: { legend: { labels: {} } },
      locale: settings.lang === 'en' ? 'en-US' : 'es-CO',
    },
  });
  styleChart(chart);
  chart.update();
  charts.add(chart);
  return block;
}

// --- Drawing ------------------------------------------------------------------------------------------

function badge(s: Status): HTMLElement {
  return h(
    'span',
    { class: `status status-${s.code}` },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, s.icon),
    ' ',
    s.label,
  );
}

function bar(f: Figure, kind: string): HTMLElement {
  const fill = h('span', { class: `fill fill-${kind}` });
  fill.style.width = `${Math.round(f.fill * 1000) / 10}%`;
  return h('span', { class: 'bar', 'aria-hidden': 'true' }, fill);
}

function figures(o: { progress: Figure; expected: Figure; cumulative: Figure }, key: string): HTMLElement {
  const item = (label: string, f: Figure, name: string) =>
    h(
      'div',
      { class: 'figure' },
      h('dt', {}, label),
      h('dd', {}, h('span', { class: 'value', 'data-figure': name, 'data-of': key }, f.text), bar(f, name)),
    );
  return h(
    'dl',
    { class: 'figures' },
    item(w('colProgress'), o.progress, 'progress'),
    item(w('colExpected'), o.expected, 'expected'),
    item(w('colFourYear'), o.cumulative, 'cumulative'),
  );
}

function deepLink(id: string): string | null {
  if (!settings.botId) return null;
  const q = new URLSearchParams({ users: `28:${settings.botId}`, message: w('reportCommand', id) });
  return `https://teams.microsoft.com/l/chat/0/0?${q}`;
}

function reportAction(i: Indicator): HTMLElement {
  const link = deepLink(i.id);
  if (!link) return h('span', { class: 'hint' }, w('reportHint', w('reportCommand', i.id)));
  const a = h('a', { href: link, target: '_blank', rel: 'noopener', class: 'report-link' }, w('btnReport', i.id));
  a.addEventListener('click', (e) => {
    if (!inTeams || !teams) return;
    e.preventDefault();
    void teams.app.openLink(link);
  });
  return a;
}

let dialog: HTMLDialogElement | null = null;
let view: View | null = null;

async function openMonthly(i: Indicator, opener: HTMLElement): Promise<void> {
  if (!view) return;
  const body = await getJson<{ chart: ChartView | null }>(`/tab/api/indicators/${encodeURIComponent(i.id)}/monthly`, {
    year: String(view.year),
    asOf: view.asOf,
  }).catch((e: Error) => ({ chart: null, error: e.message }));
  dialog?.remove();
  const close = h('button', { type: 'button', class: 'close' }, w('close'));
  const title = `${w('colIndicator')} ${i.id} · ${i.name}`;
  dialog = h(
    'dialog',
    { 'aria-labelledby': 'monthly-title', class: 'monthly' },
    h('h2', { id: 'monthly-title' }, title),
    body.chart
      ? chartBlock(body.chart, 'line', 'h3', 'monthly-chart')
      : h('p', {}, 'error' in body ? String(body.error) : w('noReport')),
    close,
  ) as HTMLDialogElement;
  close.addEventListener('click', () => dialog?.close());
  dialog.addEventListener('close', () => opener.focus());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}

function row(i: Indicator): HTMLElement {
  const chartBtn = h('button', { type: 'button', class: 'secondary' }, w('btnMonthly', i.id));
  chartBtn.addEventListener('click', () => void openMonthly(i, chartBtn));
  const tr = h(
    'tr',
    { 'data-indicator': i.id, 'data-status': i.status.code, 'data-owner': i.owner, 'data-mine': i.mine ? '1' : '0' },
    h('th', { scope: 'row' }, i.id),
    h('td', {}, i.name),
    h('td', {}, i.owner),
    h('td', {}, i.lastReport),
    h('td', { class: 'num', 'data-figure': 'progress' }, i.progress.text),
    h('td', { class: 'num' }, i.expected.text),
    h('td', { class: 'num' }, i.cumulative.text),
    h('td', {}, badge(i.status)),
    h('td', { class: 'actions' }, chartBtn, i.mine ? reportAction(i) : null),
  );
  return tr;
}

function objectiveSection(o: Objective): HTMLElement {
  const headId = `objective-${o.number}-title`;
  const chartId = `objective-${o.number}-bars`;
  let barsBtn: HTMLElement | null = null;
  const chartHolder = h('div', { id: chartId, class: 'bars', hidden: true });
  if (o.chart) {
    barsBtn = h(
      'button',
      { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': chartId },
      w('btnBars', o.number),
    );
    const chart = o.chart;
    barsBtn.addEventListener('click', () => {
      const open = barsBtn!.getAttribute('aria-expanded') === 'true';
      barsBtn!.setAttribute('aria-expanded', String(!open));
      chartHolder.hidden = open;
      if (!open && !chartHolder.firstChild) chartHolder.append(chartBlock(chart, 'bar', 'h3', `${chartId}-chart`));
    });
  }
  const table = h(
    'table',
    { class: 'indicators' },
    h('caption', {}, w('indicatorsOf', o.number)),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[
          'colIndicator',
          'colName',
          'colOwner',
          'colLastReport',
          'colProgress',
          'colExpected',
          'colFourYear',
          'colStatus',
          'colActions',
        ].map((k) => h('th', { scope: 'col' }, w(k))),
      ),
    ),
    h('tbody', {}, ...o.indicators.map(row)),
  );
  return h(
    'section',
    { class: 'objective', 'aria-labelledby': headId, 'data-objective': String(o.number) },
    h('div', { class: 'objective-head' }, h('h3', { id: headId }, o.title), badge(o.status)),
    figures(o, `objective-${o.number}`),
    barsBtn ? h('p', {}, barsBtn) : null,
    chartHolder,
    h('div', { class: 'table-box', tabindex: '0', role: 'region', 'aria-label': w('indicatorsOf', o.number) }, table),
  );
}

function select(id: string, label: string, value: string, options: [string, string][]): HTMLElement {
  const sel = h(
    'select',
    { id, name: id },
    ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
}

function filters(v: View): HTMLElement {
  const form = h(
    'form',
    { id: 'filters', class: 'filters no-print', 'aria-labelledby': 'filters-title' },
    h('h2', { id: 'filters-title' }, w('filtersHeading')),
    h(
      'div',
      { class: 'fields' },
      select(
        'f-year',
        w('filterYear'),
        String(v.year),
        v.years.map((y) => [String(y), String(y)]),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'f-asOf' }, w('filterAsOf')),
        h('input', { id: 'f-asOf', name: 'f-asOf', type: 'date', value: v.asOf }),
      ),
      select('f-objective', w('filterObjective'), state.objective, [
        ['', w('all')],
        ...v.objectives.map((o): [string, string] => [String(o.number), o.title]),
      ]),
      select('f-status', w('filterStatus'), state.status, [
        ['', w('all')],
        ...v.statuses.map((s): [string, string] => [s.code, `${s.icon} ${s.label}`]),
      ]),
      select('f-owner', w('filterOwner'), state.owner, [
        ['', w('all')],
        ...v.owners.map((o): [string, string] => [o, o]),
      ]),
      v.me
        ? h(
            'div',
            { class: 'field check' },
            h('input', { id: 'f-mine', name: 'f-mine', type: 'checkbox', checked: state.mine }),
            h('label', { for: 'f-mine' }, w('filterMine')),
          )
        : null,
    ),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'reset', id: 'f-clear', class: 'secondary' }, w('clearFilters')),
      h('button', { type: 'button', id: 'f-print' }, w('print')),
    ),
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.id === 'f-year' || t.id === 'f-asOf') {
      const year = (form.querySelector('#f-year') as HTMLSelectElement).value;
      const asOf = (form.querySelector('#f-asOf') as HTMLInputElement).value;
      if (t.id === 'f-asOf' && !asOf) return;
      state.year = year;
      state.asOf = asOf;
      void load(t.id);
      return;
    }
    readFilters(form);
    applyFilters();
  });
  form.addEventListener('reset', () =>
    setTimeout(() => {
      state.objective = state.status = state.owner = '';
      state.mine = false;
      applyFilters();
    }),
  );
  form.querySelector('#f-print')?.addEventListener('click', () => window.print());
  return form;
}

function readFilters(form: HTMLElement): void {
  state.objective = (form.querySelector('#f-objective') as HTMLSelectElement).value;
  state.status = (form.querySelector('#f-status') as HTMLSelectElement).value;
  state.owner = (form.querySelector('#f-owner') as HTMLSelectElement).value;
  state.mine = !!(form.querySelector('#f-mine') as HTMLInputElement | null)?.checked;
}

function applyFilters(): void {
  let shown = 0;
  let total = 0;
  for (const section of document.querySelectorAll<HTMLElement>('section.objective')) {
    const n = section.dataset.objective ?? '';
    let visible = 0;
    for (const tr of section.querySelectorAll<HTMLElement>('tbody tr[data-indicator]')) {
      total += 1;
      const ok =
        (!state.objective || state.objective === n) &&
        (!state.status || tr.dataset.status === state.status) &&
        (!state.owner || tr.dataset.owner === state.owner) &&
        (!state.mine || tr.dataset.mine === '1');
      tr.hidden = !ok;
      if (ok) visible += 1;
    }
    shown += visible;
    section.hidden = (!!state.objective && state.objective !== n) || visible === 0;
  }
  const count = document.getElementById('count');
  if (count) count.textContent = shown ? w('shownCount', shown, total) : w('noMatch');
  const q = new URLSearchParams(params);
  for (const [k, v] of Object.entries({
    objective: state.objective,
    status: state.status,
    owner: state.owner,
    mine: state.mine ? '1' : '',
  }))
    if (v) q.set(k, v);
    else q.delete(k);
  history.replaceState(null, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
}

function mineSection(v: View): HTMLElement {
  const body: Child[] = [];
  if (!v.me) body.push(h('p', {}, w('mineAnonymous')));
  else if (!v.me.indicators.length) body.push(h('p', {}, w('mineNone')));
  else {
    const all = v.objectives.flatMap((o) => o.indicators).filter((i) => i.mine);
    body.push(
      h(
        'ul',
        { class: 'mine' },
        ...all.map((i) =>
          h(
            'li',
            { 'data-indicator': i.id },
            h('strong', {}, `${i.id}`),
            ` ${i.name} · `,
            badge(i.status),
            ' · ',
            i.progress.text,
            ' · ',
            reportAction(i),
          ),
        ),
      ),
    );
  }
  return h(
    'section',
    { class: 'mine-box no-print', 'aria-labelledby': 'mine-title' },
    h('h2', { id: 'mine-title' }, w('mineHeading')),
    ...body,
  );
}

function draw(v: View, focusId?: string): void {
  for (const c of charts) c.destroy();
  charts.clear();
  const main = document.getElementById('main')!;
  const subtitle = document.getElementById('subtitle');
  if (subtitle) subtitle.textContent = v.subtitle;
  main.replaceChildren(
    filters(v),
    h('p', { id: 'count', class: 'count', role: 'status', 'aria-live': 'polite' }),
    h(
      'section',
      { class: 'plan', 'aria-labelledby': 'plan-title', 'data-plan': '' },
      h('div', { class: 'objective-head' }, h('h2', { id: 'plan-title' }, w('planHeading')), badge(v.plan.status)),
      figures(v.plan, 'plan'),
    ),
    mineSection(v),
    h('h2', { class: 'objectives-title' }, w('objectivesHeading')),
    ...v.objectives.map(objectiveSection),
  );
  applyFilters();
  if (focusId) (document.getElementById(focusId) as HTMLElement | null)?.focus();
}

async function load(focusId?: string): Promise<void> {
  const message = document.getElementById('message');
  try {
    const q: Record<string, string> = {};
    if (state.year) q.year = state.year;
    if (state.asOf) q.asOf = state.asOf;
    view = await getJson<View>('/tab/api/plan', q);
    const p = new URLSearchParams(location.search);
    p.set('year', String(view.year));
    p.set('asOf', view.asOf);
    history.replaceState(null, '', `${location.pathname}?${p}`);
    params.set('year', String(view.year));
    params.set('asOf', view.asOf);
    draw(view, focusId);
    document.body.dataset.ready = 'true';
  } catch (e) {
    const text = (e as Error).message || w('loadError');
    if (message && document.body.contains(message)) message.textContent = text;
    else document.getElementById('main')?.prepend(h('p', { class: 'message', role: 'alert' }, text));
    document.body.dataset.ready = 'error';
  }
}

applyTheme(params.get('theme') ?? undefined);
void joinTeams().then(() => load());
