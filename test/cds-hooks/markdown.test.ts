import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '@cds-hooks/markdown';

describe('parseMarkdown', () => {
  it('joins lines into paragraphs, splits at blank lines and gives a heading its own block', () => {
    expect(parseMarkdown('## Why\nfirst line\nsecond line\n\nnext')).toEqual([
      { kind: 'heading', content: [{ kind: 'text', text: 'Why' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'first line second line' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'next' }] },
    ]);
  });

  it('groups consecutive bullet or numbered lines into one list and starts a new one when the kind changes', () => {
    const blocks = parseMarkdown('**In this record:**\n- warfarin\n* ibuprofen\n1. stop\n2) recheck');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'bullets', 'numbered']);
    expect(blocks[1]).toEqual({
      kind: 'bullets',
      items: [[{ kind: 'text', text: 'warfarin' }], [{ kind: 'text', text: 'ibuprofen' }]],
    });
  });

  it('reads CRLF line ends like LF', () => {
    expect(parseMarkdown('a\r\n\r\nb')).toHaveLength(2);
  });
});

describe('parseInline', () => {
  it('reads bold, emphasis, code and http(s) links', () => {
    expect(parseInline('Use **less** *now*, `INR` and [KDIGO](https://kdigo.org).')).toEqual([
      { kind: 'text', text: 'Use ' },
      { kind: 'strong', text: 'less' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'now' },
      { kind: 'text', text: ', ' },
      { kind: 'code', text: 'INR' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'KDIGO', href: 'https://kdigo.org' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps a link to anything but http(s) as its text only', () => {
    expect(parseInline('[click](javascript:alert(1))')).not.toContainEqual(expect.objectContaining({ kind: 'link' }));
    expect(parseInline('[x](data:text/html,hi)')).toEqual([{ kind: 'text', text: 'x' }]);
  });

  it('leaves HTML as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});
