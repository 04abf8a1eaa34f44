/** Scores (CHA2DS2-VASc, eGFR…) with every component, its points and where it came from. */
import type { Score } from '@reasoning/types';
import { Citations, EvidenceChip, type OpenResource, type Resolve } from './Evidence';
import { shortDate } from './describe';

// eGFR is a formula, not a points score: a "Points 0" column beside creatinine, age and sex would mislead.
const FORMULA_SCORES: ReadonlySet<Score['id']> = new Set(['egfr-ckd-epi-2021']);

function ScoreCard({ score, resolve, onOpen }: { score: Score; resolve: Resolve; onOpen: OpenResource }) {
  const headingId = `score-${score.id}`;
  const showPoints = !FORMULA_SCORES.has(score.id) || score.components.some((c) => c.points !== 0);
  return (
    <article class="score" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {score.name}: {score.value === null ? 'not calculable' : `${score.value}${score.unit ? ` ${score.unit}` : ''}`}
      </h3>
      <p>{score.value === null ? (score.insufficient ?? score.interpretation) : score.interpretation}</p>
      {score.components.length > 0 && (
        <table class="inputs">
          <caption>Components</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              {showPoints && <th scope="col">Points</th>}
              <th scope="col">Value</th>
              <th scope="col">Date</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {score.components.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c.name}</th>
                {showPoints && <td>{c.points}</td>}
                <td>{c.value}</td>
                <td>{shortDate(c.date)}</td>
                <td>
                  {c.source ? <EvidenceChip reference={c.source} resolve={resolve} onOpen={onOpen} brief /> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Citations citations={score.citations} />
    </article>
  );
}

export function ScoreList({ scores, resolve, onOpen }: { scores: Score[]; resolve: Resolve; onOpen: OpenResource }) {
  if (scores.length === 0) return null;
  return (
    <section aria-labelledby="scores-h">
      <h2 id="scores-h">Scores</h2>
      {scores.map((s) => (
        <ScoreCard key={s.id} score={s} resolve={resolve} onOpen={onOpen} />
      ))}
    </section>
  );
}
