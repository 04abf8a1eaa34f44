/**
 * A small SVG line plot of one lab over time, with its value range and first and last dates written on the axes
 * (a bare line says "rising" but not from what to what); title and desc give screen readers the same information.
 */
import { parseFhirDate } from '@fhir/dates';
import { formatMeasure, shortDate } from './describe';
import type { TrendSeries } from './trend';

const W = 280;
const H = 120;
const LEFT = 36;
const RIGHT = 12;
const TOP = 16;
const BOTTOM = 22;
// Each point carries its value while they fit without overlapping; beyond that only the newest does.
const MAX_LABELED = 8;

let plotCount = 0;

function scale(values: number[], lo: number, hi: number): (v: number) => number {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return (v) => (max === min ? (lo + hi) / 2 : lo + ((v - min) / (max - min)) * (hi - lo));
}

/** Renders `series` as a line with a dot per value, the value range on the y axis and the dates on the x axis. */
export default function TrendPlot({ series }: { series: TrendSeries }) {
  const id = `trend-${++plotCount}`;
  const times = series.points.map((p) => parseFhirDate(p.date) ?? 0);
  const values = series.points.map((p) => p.value);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const x = scale(times, LEFT, W - RIGHT);
  const y = scale(values, H - BOTTOM, TOP);
  const coords = series.points.map((p, i) => [x(times[i] ?? 0), y(p.value)] as const);
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  const labelAll = series.points.length <= MAX_LABELED;
  const desc =
    `${series.points.length} values from ${shortDate(first?.date)} to ${shortDate(last?.date)}; lowest ${formatMeasure(lo)}, ` +
    `highest ${formatMeasure(hi)}, latest ${last ? formatMeasure(last.value) : ''} ${series.unit} on ${shortDate(last?.date)}.`;
  return (
    <figure class="trend">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} width="100%" font-size="10">
        <title id={`${id}-t`}>{`${series.title} trend (${series.unit})`}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line x1={LEFT - 4} y1={TOP} x2={LEFT - 4} y2={H - BOTTOM} stroke="currentColor" stroke-opacity="0.3" />
        {!labelAll && (
          <text x={LEFT - 8} y={y(hi) + 3} text-anchor="end" fill="var(--c-muted)">
            {formatMeasure(hi)}
          </text>
        )}
        {!labelAll && hi !== lo && (
          <text x={LEFT - 8} y={y(lo) + 3} text-anchor="end" fill="var(--c-muted)">
            {formatMeasure(lo)}
          </text>
        )}
        <text x={LEFT} y={H - 6} fill="var(--c-muted)">
          {shortDate(first?.date)}
        </text>
        <text x={W - RIGHT} y={H - 6} text-anchor="end" fill="var(--c-muted)">
          {shortDate(last?.date)}
        </text>
        <polyline
          points={coords.map(([cx, cy]) => `${cx},${cy}`).join(' ')}
          fill="none"
          stroke="currentColor"
          stroke-width="1.5"
        />
        {coords.map(([cx, cy], i) => (
          <g key={i}>
            <circle cx={cx} cy={cy} r="2.5" fill="currentColor" />
            {(labelAll || i === coords.length - 1) && (
              <text x={cx} y={cy - 6} text-anchor={i === coords.length - 1 ? 'end' : 'middle'} fill="var(--c-text)">
                {formatMeasure(values[i] ?? 0)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption>
        {series.title}: latest {last ? formatMeasure(last.value) : ''} {series.unit} ({shortDate(last?.date)})
      </figcaption>
    </figure>
  );
}
