// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { cardsOf } from '../../../demo/ehr/web/read-cards';
import { applyActions, type Draft } from '../../../demo/ehr/web/drafts';
import { Markdown } from '../../../src/app/ui/Markdown';

const nsaid: Draft = {
  resourceType: 'MedicationRequest',
  id: 'draft-1',
  status: 'draft',
  intent: 'order',
  subject: { reference: 'Patient/p' },
};

describe('demo EHR cards and drafts', () => {
  it('applies delete, create and update suggestion actions to the draft orders', () => {
    let n = 0;
    const id = () => `new-${++n}`;
    const ppi = { resourceType: 'MedicationRequest', status: 'draft', intent: 'order' };
    expect(
      applyActions([nsaid], [{ type: 'delete', description: 'Remove', resourceId: 'MedicationRequest/draft-1' }], id),
    ).toEqual([]);
    expect(applyActions([nsaid], [{ type: 'create', description: 'Add', resource: ppi }], id).map((d) => d.id)).toEqual(
      ['draft-1', 'new-1'],
    );
    const changed: fhir4.MedicationRequest = { ...nsaid, status: 'draft', note: [{ text: 'x' }] };
    const updated = applyActions([nsaid], [{ type: 'update', description: 'Change', resource: changed }], id);
    expect((updated[0] as fhir4.MedicationRequest).note?.[0]?.text).toBe('x');
  });

  it('reads a delete action whose resourceId is one relative reference, as the spec writes it', () => {
    const [card] = cardsOf({
      cards: [
        {
          summary: 's',
          indicator: 'warning',
          source: { label: 'x' },
          suggestions: [
            {
              label: 'Remove',
              actions: [{ type: 'delete', description: 'd', resourceId: 'MedicationRequest/draft-1' }],
            },
          ],
        },
      ],
    });
    expect(card?.suggestions?.[0]?.actions).toEqual([
      { type: 'delete', description: 'd', resourceId: 'MedicationRequest/draft-1' },
    ]);
  });

  it('keeps well-formed cards and drops malformed ones', () => {
    const cards = cardsOf({
      cards: [
        {
          summary: 'ok',
          indicator: 'critical',
          source: { label: 'Cairn' },
          overrideReasons: [{ system: 'urn:x', code: 'x', display: 'X' }],
          links: [{ label: 'Open', url: 'http://h/launch', type: 'smart', appContext: 'a' }],
        },
        { summary: 'no source', indicator: 'info' },
        { indicator: 'warning', source: { label: 'no summary' } },
      ],
    });
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      indicator: 'critical',
      links: [{ type: 'smart', appContext: 'a' }],
      overrideReasons: [{ code: 'x' }],
    });
  });

  it('renders card markdown as elements, never as HTML', () => {
    const { container } = render(
      <Markdown source={'**Bold** and <img src=x onerror=alert(1)>\n\n- one\n- [two](https://example.org)'} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('Bold');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('a')?.getAttribute('rel')).toContain('noopener');
  });

  it('starts a list right after a bold lead-in line in the same block', () => {
    const { container } = render(<Markdown source={'**In this record:**\n- warfarin\n- ibuprofen'} />);
    expect(container.querySelector('p strong')?.textContent).toBe('In this record:');
    expect(container.querySelectorAll('ul li')).toHaveLength(2);
  });
});
