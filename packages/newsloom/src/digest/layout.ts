import { escapeHtml, formatNumber } from './html';
import { SEARCH_SCRIPT, SEARCH_SCRIPT_HASH } from './search-script';
import { STYLE } from './style';

// The only script a digest page may run is the search script, allowed by its hash: even a
// rendering bug could not execute markup from a feed. Styles are inline; nothing loads from
// the network.
const CONTENT_SECURITY_POLICY = `default-src 'none'; script-src ${SEARCH_SCRIPT_HASH}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;

/** The four sections of the digest, each its own page, in navigation order. */
const SECTIONS = [
  { key: 'top', path: 'index.html', title: 'Top Headlines' },
  { key: 'feeds', path: 'feeds.html', title: 'Feeds' },
  { key: 'minority', path: 'minority-reports.html', title: 'Minority Reports' },
  { key: 'unique', path: 'unique-coverage.html', title: 'Unique coverage by outlet' },
] as const;

/** A section of the digest. */
export type SectionKey = (typeof SECTIONS)[number]['key'];

/** What every page shares. */
export interface PageOptions {
  title: string;
  /** The edition's title, shown in the header. */
  siteTitle: string;
  /** Prefix from this page to the site root: `''` for the index, `'../'` for story pages. */
  root: string;
  body: string;
  /** The section this page is, marked in the navigation. */
  current?: SectionKey;
  /** A relative URL to send the reader to at once (merged stories). */
  refresh?: string;
  /** Adds the search script (pages with story cards). */
  search?: boolean;
  /**
   * Prefix from this page to the live site's root, for the feeds and the archive: `root`,
   * except on archived copies under `archive/YYYY-MM-DD/`.
   */
  home?: string;
}

function renderNav(root: string, home: string, current: SectionKey | undefined): string {
  const items = SECTIONS.map((s) => {
    const mark = s.key === current ? ' aria-current="page"' : '';
    return `<li><a href="${root}${s.path}"${mark}>${s.title}</a></li>`;
  });
  items.push(`<li><a href="${home}archive/index.html">Archive</a></li>`);
  return `<nav class="top" aria-label="Sections"><ul>${items.join('')}</ul></nav>`;
}

/**
 * A complete, self-contained HTML page: inline CSS, no external assets, no script but the
 * hashed search script.
 * @example renderPage({ title: 'newsloom', siteTitle: 'newsloom', root: '', body: '<h1>Hi</h1>' })
 */
export function renderPage(options: PageOptions): string {
  const { title, root, body } = options;
  const home = options.home ?? root;
  const refresh = options.refresh
    ? `\n<meta http-equiv="refresh" content="0; url=${escapeHtml(options.refresh)}">`
    : '';
  const script = options.search ? `\n<script>${SEARCH_SCRIPT}</script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">${refresh}
<title>${escapeHtml(title)}</title>
<link rel="alternate" type="application/atom+xml" title="Atom" href="${home}feed.xml">
<link rel="alternate" type="application/feed+json" title="JSON Feed" href="${home}feed.json">
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a class="name" href="${root}index.html">${escapeHtml(options.siteTitle)}</a>
${renderNav(root, home, options.current)}
</header>
<main id="main">
${body}
</main>${script}
</body>
</html>
`;
}

/**
 * Score components as `name 0.5 · other 1`, the numbers behind a plain-words reason.
 * @example renderComponents({ breadth: 3, recency: 0.5 })
 */
function renderComponents(components: Record<string, number>): string {
  const parts = Object.keys(components)
    .sort()
    .map((name) => `${escapeHtml(name)} ${formatNumber(components[name] ?? Number.NaN)}`);
  return parts.join(' · ');
}

/**
 * The numbers behind a reason, one click away.
 * @example renderNumbers(0.31, { breadth: 3 }) // '<details><summary>Numbers</summary>…'
 */
export function renderNumbers(score: number, components: Record<string, number>): string {
  return `<details><summary>Numbers</summary>score ${formatNumber(score)} · ${renderComponents(components)}</details>`;
}
