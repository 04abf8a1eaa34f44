/** The SMART app opened from a card link, in a side panel iframe (as Epic Hyperspace web embeds apps). */

export function AppPanel({ title, url, onClose }: { title: string; url: string; onClose: () => void }) {
  return (
    <div class="app-panel" role="dialog" aria-label={title}>
      <header class="app-panel-head">
        <strong>{title}</strong>
        <button type="button" class="btn btn--small" onClick={onClose}>
          Close
        </button>
      </header>
      <iframe title={title} src={url} name="smart-app" />
    </div>
  );
}
