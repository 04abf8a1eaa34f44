// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatRate, loadReport, renderChart, renderTable } from '../../admin/admin.js';

const report = {
  window: { from: '2026-10-24T12:00:00.000Z', to: '2026-11-23T12:00:00.000Z' },
  alert: { overrideRate: 0.9, minResponses: 10 },
  rules: [
    {
      ruleId: 'ddi-warfarin-nsaid',
      serviceId: 'cairn-order-sign',
      shown: 40,
      accepted: 1,
      overridden: 19,
      overrideRate: 0.95,
      flagged: true,
      overrideReasons: [{ reason: 'not-applicable', display: 'Not applicable', count: 19 }],
    },
    {
      ruleId: '<img src=x onerror=alert(1)>',
      serviceId: 'cairn-patient-view',
      shown: 10,
      accepted: 0,
      overridden: 0,
      overrideRate: null,
      flagged: false,
      overrideReasons: [],
    },
  ],
};

describe('admin analytics view', () => {
  it('draws one shown, accepted and overridden bar per rule in an SVG', () => {
    const svg = renderChart(report);
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelectorAll('rect.bar-shown')).toHaveLength(2);
    expect(svg.querySelectorAll('rect.bar-overridden')[0]?.getAttribute('width')).toBe(String((19 / 40) * 420));
    expect(svg.textContent).toContain('⚑ ddi-warfarin-nsaid');
  });

  it('marks flagged rules in the table and shows reasons by display', () => {
    const table = renderTable(report);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows[0]?.className).toBe('flagged');
    expect(rows[0]?.textContent).toContain('Not applicable (19)');
    expect(rows[0]?.textContent).toContain('95 %');
    expect(rows[1]?.className).toBe('');
  });

  it('renders rule ids as text, never as markup', () => {
    const table = renderTable(report);
    expect(table.querySelector('img')).toBeNull();
    expect(table.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(renderChart(report).querySelector('img')).toBeNull();
  });

  it('shows a dash for a rule without feedback', () => {
    expect(formatRate(null)).toBe('—');
  });

  it('sends the token as a bearer and explains a refused token', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetchImpl = async (url: string | URL | Request, init?: RequestInit) => {
      calls.push([url instanceof Request ? url.url : String(url), init]);
      return new Response('', { status: 401 });
    };
    await expect(loadReport('tok', '7', fetchImpl)).rejects.toThrow('The admin token was refused.');
    expect(calls[0]?.[0]).toBe('/api/analytics?days=7');
    expect(calls[0]?.[1]?.headers).toEqual({ authorization: 'Bearer tok' });
  });
});
