import { DASHBOARD_BUNDLE } from './static-assets.js';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The standalone page: a header with the connection indicator, an alarm banner, the card grid and
 * the events list. The cards are created by the client script (cards/standalone/) once the first
 * data has arrived. HA's theme variables are defined here so the cards look as they do in HA.
 */
export function renderPage(args: { title: string; bundleAvailable: boolean }): string {
  const title = escapeHtml(args.title);
  const body = args.bundleAvailable
    ? `<script type="module" src="/${DASHBOARD_BUNDLE}"></script>`
    : `<p class="setup">The dashboard script ${DASHBOARD_BUNDLE} was not found. Build it with <code>npm run build</code>.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>
  :root {
    --primary-color: #03a9f4; --text-primary-color: #fff; --primary-text-color: #212121;
    --secondary-text-color: #727272; --divider-color: rgba(0,0,0,0.12); --card-background-color: #fff;
    --primary-background-color: #f0f2f5; --error-color: #db4437; --warning-color: #ff9800; --success-color: #43a047;
    color-scheme: light dark;
  }
  @media (prefers-color-scheme: dark) {
    :root {
      --primary-text-color: #e1e1e1; --secondary-text-color: #9b9b9b; --divider-color: rgba(225,225,225,0.12);
      --card-background-color: #1c1c1c; --primary-background-color: #111;
    }
  }
  body { margin: 0; font-family: Roboto, system-ui, sans-serif; background: var(--primary-background-color); color: var(--primary-text-color); }
  header { display: flex; align-items: center; gap: 16px; padding: 12px 20px; background: var(--card-background-color); border-bottom: 1px solid var(--divider-color); flex-wrap: wrap; }
  header h1 { font-size: 1.25rem; margin: 0; font-weight: 500; }
  #brand, #updated { color: var(--secondary-text-color); font-size: 0.9rem; }
  #connection { margin-left: auto; display: inline-flex; align-items: center; gap: 6px; font-size: 0.9rem; }
  #connection::before { content: ''; width: 10px; height: 10px; border-radius: 50%; background: var(--warning-color); }
  #connection[data-state='connected']::before { background: var(--success-color); }
  #connection[data-state='disconnected']::before { background: var(--error-color); }
  #alarm { display: none; margin: 12px 20px 0; padding: 10px 14px; border-radius: 8px; background: var(--error-color); color: #fff; }
  #alarm.active { display: block; }
  main { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 16px; padding: 16px 20px; }
  main > .wide { grid-column: 1 / -1; }
  #events { margin: 0 20px 24px; padding: 8px 14px; background: var(--card-background-color); border-radius: 12px; }
  #events h2 { font-size: 1.05rem; font-weight: 500; }
  #events ol { list-style: none; padding: 0; margin: 0; max-height: 320px; overflow: auto; }
  #events li { display: flex; gap: 12px; padding: 4px 0; border-bottom: 1px solid var(--divider-color); font-size: 0.9rem; }
  #events time { color: var(--secondary-text-color); min-width: 11em; }
  #events li[data-level='danger'] { color: var(--error-color); }
  #events li[data-level='warning'] { color: var(--warning-color); }
  .setup { padding: 20px; }
</style>
</head>
<body>
<header>
  <h1>${title}</h1>
  <span id="brand"></span>
  <span id="updated"></span>
  <span id="connection" data-state="connecting" role="status" aria-live="polite">Connecting…</span>
</header>
<div id="alarm" role="alert"></div>
<main id="cards"></main>
<section id="events"><h2>Events</h2><ol></ol></section>
${body}
</body>
</html>
`;
}
