// @ts-check
// Admin page for GET /api/analytics: a table and an SVG bar chart, no third-party code. Data is inserted with
// textContent only (rule ids and reason displays come from the store, never as HTML).

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * @typedef {{ reason: string, display?: string, count: number }} Reason
 * @typedef {{ ruleId: string, serviceId: string, shown: number, accepted: number, overridden: number,
 *   overrideRate: number | null, flagged: boolean, overrideReasons: Reason[] }} RuleReport
 * @typedef {{ window: { from: string, to: string }, alert: { overrideRate: number, minResponses: number },
 *   rules: RuleReport[] }} AnalyticsReport
 */

/** @param {number | null} rate */
export const formatRate = (rate) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);

/** @param {string} tag @param {Record<string, string | number>} attrs @param {string} [text] */
function svgElement(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** @param {string} tag @param {string} [text] @param {string} [className] */
function htmlElement(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * One row per rule: a grey bar for cards shown, with accepted (green) and overridden (red) segments on it.
 * @param {AnalyticsReport} report
 */
export function renderChart(report) {
  const rowHeight = 26;
  const labelWidth = 260;
  const barWidth = 420;
  const max = Math.max(1, ...report.rules.map((r) => Math.max(r.shown, r.accepted + r.overridden)));
  const scale = (/** @type {number} */ n) => (n / max) * barWidth;
  const svg = svgElement('svg', {
    width: labelWidth + barWidth + 80,
    height: rowHeight * report.rules.length + 8,
    role: 'img',
  });
  svg.append(svgElement('title', {}, 'Cards shown, accepted and overridden per rule'));
  report.rules.forEach((rule, index) => {
    const y = index * rowHeight + 4;
    const label = `${rule.flagged ? '⚑ ' : ''}${rule.ruleId} (${rule.serviceId})`;
    svg.append(svgElement('text', { x: 0, y: y + 15 }, label));
    svg.append(svgElement('rect', { class: 'bar-shown', x: labelWidth, y, width: scale(rule.shown), height: 18 }));
    svg.append(
      svgElement('rect', { class: 'bar-accepted', x: labelWidth, y: y + 4, width: scale(rule.accepted), height: 10 }),
    );
    svg.append(
      svgElement('rect', {
        class: 'bar-overridden',
        x: labelWidth + scale(rule.accepted),
        y: y + 4,
        width: scale(rule.overridden),
        height: 10,
      }),
    );
    svg.append(svgElement('text', { x: labelWidth + barWidth + 8, y: y + 15 }, formatRate(rule.overrideRate)));
  });
  return svg;
}

/** @param {RuleReport} rule */
const reasonsText = (rule) =>
  rule.overrideReasons.map((r) => `${r.display ?? r.reason} (${r.count})`).join(', ') || '—';

/** @param {AnalyticsReport} report */
export function renderTable(report) {
  const table = htmlElement('table');
  const head = table.createTHead().insertRow();
  for (const [title, cls] of [
    ['Rule', ''],
    ['Service', ''],
    ['Shown', 'num'],
    ['Accepted', 'num'],
    ['Overridden', 'num'],
    ['Override rate', 'num'],
    ['Override reasons', ''],
    ['Alert', ''],
  ]) {
    head.append(htmlElement('th', title, cls));
  }
  const body = table.createTBody();
  for (const rule of report.rules) {
    const row = body.insertRow();
    if (rule.flagged) row.className = 'flagged';
    row.append(
      htmlElement('td', rule.ruleId),
      htmlElement('td', rule.serviceId),
      htmlElement('td', String(rule.shown), 'num'),
      htmlElement('td', String(rule.accepted), 'num'),
      htmlElement('td', String(rule.overridden), 'num'),
      htmlElement('td', formatRate(rule.overrideRate), 'num'),
      htmlElement('td', reasonsText(rule)),
      htmlElement('td', rule.flagged ? `overridden > ${formatRate(report.alert.overrideRate)}` : '', 'flag'),
    );
  }
  return table;
}

/** @param {string} token @param {string} days @param {typeof fetch} fetchImpl */
export async function loadReport(token, days, fetchImpl = fetch) {
  const response = await fetchImpl(`/api/analytics?days=${encodeURIComponent(days)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status === 401) throw new Error('The admin token was refused.');
  if (!response.ok) throw new Error(`Analytics unavailable (HTTP ${response.status}).`);
  return /** @type {Promise<AnalyticsReport>} */ (response.json());
}

function start() {
  const form = document.getElementById('query');
  const token = /** @type {HTMLInputElement | null} */ (document.getElementById('token'));
  const days = /** @type {HTMLSelectElement | null} */ (document.getElementById('days'));
  const status = document.getElementById('status');
  const chart = document.getElementById('chart');
  const table = document.getElementById('table');
  if (!form || !token || !days || !status || !chart || !table) return;
  // Session storage: the token survives a reload of this tab but not the browser session.
  token.value = sessionStorage.getItem('cairn-admin-token') ?? '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    sessionStorage.setItem('cairn-admin-token', token.value);
    status.textContent = 'Loading…';
    try {
      const report = await loadReport(token.value, days.value);
      const flagged = report.rules.filter((r) => r.flagged).length;
      status.textContent = `${report.rules.length} rules, ${flagged} flagged, ${report.window.from.slice(0, 10)} to ${report.window.to.slice(0, 10)}.`;
      chart.replaceChildren(renderChart(report));
      table.replaceChildren(renderTable(report));
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : 'Analytics unavailable.';
    }
  });
}

if (typeof document !== 'undefined' && document.getElementById('query')) start();
