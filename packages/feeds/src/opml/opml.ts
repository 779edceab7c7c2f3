import { NewsloomError } from '@newsloom/core';
import { decodeInput } from '../decode/decode-input';
import { escapeHtml } from '../xml/entities';
import { parseXml, type XmlElement } from '../xml/parse-xml';

/** One `<outline>`: a feed (with `xmlUrl`) or a folder of outlines. */
export interface OpmlOutline {
  text: string;
  title?: string;
  type?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  description?: string;
  language?: string;
  /** The `category` attribute, split on commas. */
  categories: string[];
  children: OpmlOutline[];
}

/** A parsed OPML document. */
export interface OpmlDocument {
  title?: string;
  dateCreated?: string;
  ownerName?: string;
  outlines: OpmlOutline[];
}

/** A feed subscription as {@link toOpml} writes it and {@link opmlFeeds} lists it. */
export interface OpmlFeed {
  url: string;
  title?: string;
  htmlUrl?: string;
  /** Folder path first (outer to inner), then the outline's own categories. */
  categories?: string[];
}

/**
 * Parses an OPML subscription list (nested outlines and categories kept).
 * @example parseOpml('<opml><body><outline text="BBC" xmlUrl="https://bbc.co.uk/rss"/></body></opml>').outlines[0]?.xmlUrl
 * @throws {NewsloomError} `INVALID_INPUT` when the text is not OPML (no `<opml>` root or no `<body>`).
 */
export function parseOpml(input: string | Uint8Array): OpmlDocument {
  const text = typeof input === 'string' ? input : decodeInput(input).text;
  const doc = parseXml(text);
  const root = doc.root;
  if (root?.name !== 'opml') {
    const found = root ? `a <${root.name}> document` : 'no XML element at all';
    throw new NewsloomError(
      'INVALID_INPUT',
      `Not an OPML file: expected an <opml> root element, found ${found}. Export the subscription list from your reader as OPML.`,
      { details: { root: root?.name } },
    );
  }
  const head = root.children.find((c) => c.name === 'head');
  const body = root.children.find((c) => c.name === 'body');
  if (!body)
    throw new NewsloomError(
      'INVALID_INPUT',
      'Bad OPML: the <opml> element has no <body>, so it lists no feeds.',
    );
  const get = (name: string) =>
    head?.children.find((c) => c.name === name)?.text.trim() || undefined;
  const result: OpmlDocument = { outlines: readOutlines(body) };
  const title = get('title');
  const dateCreated = get('datecreated');
  const ownerName = get('ownername');
  if (title) result.title = title;
  if (dateCreated) result.dateCreated = dateCreated;
  if (ownerName) result.ownerName = ownerName;
  return result;
}

function readOutlines(parent: XmlElement): OpmlOutline[] {
  const outlines: OpmlOutline[] = [];
  for (const el of parent.children) {
    if (el.name !== 'outline') continue;
    const a = el.attrs;
    const outline: OpmlOutline = {
      text: (a.text ?? a.title ?? '').trim(),
      categories: (a.category ?? '')
        .split(',')
        .map((c) => c.trim().replace(/^\//, ''))
        .filter(Boolean),
      children: readOutlines(el),
    };
    for (const [key, attr] of [
      ['title', 'title'],
      ['type', 'type'],
      ['xmlUrl', 'xmlurl'],
      ['htmlUrl', 'htmlurl'],
      ['description', 'description'],
      ['language', 'language'],
    ] as const) {
      const value = a[attr]?.trim();
      if (value) outline[key] = value;
    }
    outlines.push(outline);
  }
  return outlines;
}

/**
 * Every feed of an OPML document, depth first, with its folder path and categories.
 * @example opmlFeeds(parseOpml(text)).map((f) => f.url)
 */
export function opmlFeeds(doc: OpmlDocument): OpmlFeed[] {
  const feeds: OpmlFeed[] = [];
  const walk = (outlines: OpmlOutline[], path: string[]) => {
    for (const o of outlines) {
      if (o.xmlUrl) {
        const categories = [...new Set([...path, ...o.categories])];
        feeds.push({
          url: o.xmlUrl,
          ...(o.title || o.text ? { title: o.title || o.text } : {}),
          ...(o.htmlUrl ? { htmlUrl: o.htmlUrl } : {}),
          categories,
        });
      }
      walk(o.children, o.xmlUrl ? path : [...path, o.text || o.title || ''].filter(Boolean));
    }
  };
  walk(doc.outlines, []);
  return feeds;
}

/**
 * Writes feeds as OPML 2.0: feeds are grouped in folder outlines by their first category;
 * all their categories are kept in the `category` attribute. `parseOpml(toOpml(f))` gives the
 * same feeds back.
 * @example toOpml([{ url: 'https://bbc.co.uk/rss', title: 'BBC', categories: ['News'] }], { title: 'My feeds' })
 */
export function toOpml(
  feeds: readonly OpmlFeed[],
  options: { title?: string; dateCreated?: string } = {},
): string {
  const folders = new Map<string, OpmlFeed[]>();
  for (const feed of feeds) {
    const folder = feed.categories?.[0] ?? '';
    folders.set(folder, [...(folders.get(folder) ?? []), feed]);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '  <head>'];
  if (options.title) lines.push(`    <title>${escapeHtml(options.title)}</title>`);
  if (options.dateCreated)
    lines.push(`    <dateCreated>${escapeHtml(options.dateCreated)}</dateCreated>`);
  lines.push('  </head>', '  <body>');
  for (const [folder, members] of folders) {
    const indent = folder ? '      ' : '    ';
    if (folder) lines.push(`    <outline text="${escapeHtml(folder)}">`);
    for (const f of members) lines.push(`${indent}${feedOutline(f, folder)}`);
    if (folder) lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

function feedOutline(feed: OpmlFeed, folder: string): string {
  const text = feed.title ?? feed.url;
  const rest = (feed.categories ?? []).filter((c) => c !== folder);
  const attrs = [
    `type="rss"`,
    `text="${escapeHtml(text)}"`,
    `title="${escapeHtml(text)}"`,
    `xmlUrl="${escapeHtml(feed.url)}"`,
  ];
  if (feed.htmlUrl) attrs.push(`htmlUrl="${escapeHtml(feed.htmlUrl)}"`);
  if (rest.length > 0) attrs.push(`category="${escapeHtml(rest.join(','))}"`);
  return `<outline ${attrs.join(' ')}/>`;
}
