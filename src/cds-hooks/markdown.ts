/**
 * The one reading of card `detail` and finding text, which CDS Hooks 2.0 §Card Attributes calls GitHub-flavoured
 * Markdown. A deliberately small, safe subset: paragraphs, `#` headings, `-`/`*`/`+` and `1.` lists, `**bold**`,
 * `*em*`, `` `code` `` and `[text](https://…)` links. The result is a tree of plain strings, never HTML, so the
 * views that draw it (the app and the demo EHR share one) cannot be made to inject markup; a link whose target is
 * not http(s) stays as its text.
 */

export type Inline =
  { kind: 'text' | 'strong' | 'em' | 'code'; text: string } | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'heading'; content: Inline[] }
  | { kind: 'bullets'; items: Inline[][] }
  | { kind: 'numbered'; items: Inline[][] };

const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;
const LINK = /^\[([^\]]+)\]\(([^)\s]+)\)$/;

function inlinePart(part: string): Inline {
  if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
    return { kind: 'strong', text: part.slice(2, -2) };
  if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return { kind: 'code', text: part.slice(1, -1) };
  const link = LINK.exec(part);
  if (link) {
    const [, text = '', href = ''] = link;
    return /^https?:\/\//i.test(href) ? { kind: 'link', text, href } : { kind: 'text', text };
  }
  if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return { kind: 'em', text: part.slice(1, -1) };
  return { kind: 'text', text: part };
}

/** One line of text as inline runs (bold, emphasis, code, links and plain text). */
export function parseInline(text: string): Inline[] {
  return text
    .split(INLINE)
    .filter((part) => part !== '')
    .map(inlinePart);
}

type Line = { kind: 'blank' } | { kind: 'heading' | 'text' | 'bullets' | 'numbered'; text: string };

function classify(raw: string): Line {
  const line = raw.trim();
  if (line === '') return { kind: 'blank' };
  const heading = /^#{1,6}\s+(.*)$/.exec(line);
  if (heading) return { kind: 'heading', text: heading[1] ?? '' };
  const bullet = /^[-*+]\s+(.*)$/.exec(line);
  if (bullet) return { kind: 'bullets', text: bullet[1] ?? '' };
  const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
  if (numbered) return { kind: 'numbered', text: numbered[1] ?? '' };
  return { kind: 'text', text: line };
}

/** Markdown source as blocks: consecutive list lines form one list, other lines join into paragraphs. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] | undefined;
  let list: Extract<Block, { items: Inline[][] }> | undefined;
  const endParagraph = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = undefined;
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n').map(classify)) {
    if (line.kind !== 'text') endParagraph();
    if (line.kind !== list?.kind) list = undefined;
    if (line.kind === 'heading') blocks.push({ kind: 'heading', content: parseInline(line.text) });
    else if (line.kind === 'text') (paragraph ??= []).push(line.text);
    else if (line.kind === 'bullets' || line.kind === 'numbered') {
      const items = list?.items ?? [];
      if (!list)
        blocks.push((list = line.kind === 'bullets' ? { kind: 'bullets', items } : { kind: 'numbered', items }));
      items.push(parseInline(line.text));
    }
  }
  endParagraph();
  return blocks;
}
