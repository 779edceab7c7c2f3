import { escapeHtml } from './html';

// No script may run on a digest page: the policy forbids every script, so even a rendering bug
// could not execute markup from a feed. Styles are inline; nothing loads from the network.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#666;--bg:#fff;--line:#ddd;--accent:#1a5fb4}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--muted:#aaa;--bg:#161616;--line:#333;--accent:#8ab4f8}}
body{font:16px/1.55 system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:60rem;margin:0 auto;padding:1rem 1.25rem 4rem}
a{color:var(--accent)}
nav.top{display:flex;gap:1.25rem;flex-wrap:wrap;border-bottom:1px solid var(--line);padding-bottom:.5rem;margin-bottom:1rem}
h1{font-size:1.8rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
.muted,.meta{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;border-bottom:1px solid var(--line);padding:.3rem .4rem;vertical-align:top}
ol.headlines li{margin:.4rem 0}
sup.cite a{text-decoration:none;font-size:.8em}
ol.sources li:target{background:rgba(26,95,180,.15)}
.status-error{color:#c01c28}
.components{font-size:.8rem;color:var(--muted)}
svg.chart{max-width:100%;height:auto}
svg.chart text{font:11px system-ui,sans-serif;fill:currentColor}
`;

/** What every page shares. */
export interface PageOptions {
  title: string;
  /** Prefix from this page to the site root: `''` for the index, `'../'` for story pages. */
  root: string;
  body: string;
  /** A relative URL to send the reader to at once (merged stories). */
  refresh?: string;
}

/**
 * A complete, self-contained HTML page: inline CSS, no scripts, no external assets.
 * @example renderPage({ title: 'newsloom', root: '', body: '<h1>Hi</h1>' })
 */
export function renderPage(options: PageOptions): string {
  const { title, root, body } = options;
  const refresh = options.refresh
    ? `\n<meta http-equiv="refresh" content="0; url=${escapeHtml(options.refresh)}">`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">${refresh}
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav class="top">
<a href="${root}index.html#top-headlines">Top Headlines</a>
<a href="${root}index.html#feeds">Feeds</a>
<a href="${root}index.html#minority-reports">Minority Reports</a>
<a href="${root}index.html#unique-coverage">Unique coverage by outlet</a>
</nav>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * Score components as `name 0.5 · other 1`, for showing how a score was made.
 * @example renderComponents({ breadth: 3, recency: 0.5 })
 */
export function renderComponents(components: Record<string, number>): string {
  const parts = Object.keys(components)
    .sort()
    .map((name) => `${escapeHtml(name)} ${formatComponent(components[name])}`);
  return parts.length ? `<span class="components">${parts.join(' · ')}</span>` : '';
}

function formatComponent(value: number | undefined): string {
  return value === undefined ? '' : String(Number(value.toFixed(3)));
}
