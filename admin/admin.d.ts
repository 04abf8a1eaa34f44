// Types for admin.js (served to the browser as-is, without a build step).
import type { AnalyticsReport } from '../hooks-service/analytics/report.ts';

export function formatRate(rate: number | null): string;
export function renderChart(report: AnalyticsReport): SVGSVGElement;
export function renderTable(report: AnalyticsReport): HTMLTableElement;
export function loadReport(token: string, days: string, fetchImpl?: typeof fetch): Promise<AnalyticsReport>;
