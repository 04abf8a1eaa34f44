/**
 * Draws the markdown tree from `@cds-hooks/markdown` as Preact elements: text stays text, so markup in a finding,
 * a card or a model answer renders literally. The app and the demo EHR both use this one view.
 */
import type { Block, Inline } from '@cds-hooks/markdown';
import { parseMarkdown } from '@cds-hooks/markdown';

function InlineRuns({ runs }: { runs: Inline[] }) {
  return (
    <>
      {runs.map((run, i) => {
        if (run.kind === 'strong') return <strong key={i}>{run.text}</strong>;
        if (run.kind === 'em') return <em key={i}>{run.text}</em>;
        if (run.kind === 'code') return <code key={i}>{run.text}</code>;
        if (run.kind === 'link') {
          return (
            <a key={i} href={run.href} target="_blank" rel="noopener noreferrer">
              {run.text}
            </a>
          );
        }
        return run.text;
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  if (block.kind === 'paragraph')
    return (
      <p>
        <InlineRuns runs={block.content} />
      </p>
    );
  if (block.kind === 'heading')
    return (
      <p class="md-h">
        <InlineRuns runs={block.content} />
      </p>
    );
  const items = block.items.map((item, j) => (
    <li key={j}>
      <InlineRuns runs={item} />
    </li>
  ));
  return block.kind === 'bullets' ? <ul>{items}</ul> : <ol>{items}</ol>;
}

/** Renders `source` as the markdown subset `@cds-hooks/markdown` reads. */
export function Markdown({ source }: { source: string }) {
  return (
    <div class="md">
      {parseMarkdown(source).map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}
