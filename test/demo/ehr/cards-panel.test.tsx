// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CardsPanel } from '../../../demo/ehr/web/CardsPanel';

const noop = () => undefined;
const panel = (chartOpen: boolean, loading?: string) =>
  render(
    <CardsPanel
      chartOpen={chartOpen}
      cards={[]}
      loading={loading}
      error={undefined}
      onAccept={noop}
      onOverride={noop}
      onLink={noop}
    />,
  );

afterEach(cleanup);

describe('decision support panel wording', () => {
  it('asks for a chart before any hook has run, rather than saying there is no advice', () => {
    panel(false);
    expect(screen.getByText('Open a chart to see decision support.')).toBeTruthy();
    expect(screen.queryByText(/No advice/)).toBeNull();
  });

  it('says there is no advice only once a hook answered with no cards', () => {
    panel(true, 'chart review');
    expect(screen.queryByText(/No advice/)).toBeNull();
    cleanup();
    panel(true);
    expect(screen.getByText('No advice for this patient.')).toBeTruthy();
  });
});
