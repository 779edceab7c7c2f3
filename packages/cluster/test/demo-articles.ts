import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Article, parseArticle } from '@newsloom/core';

/** The demo's RSS feeds (written by this project, in the repository): `packages/newsloom/demo/data/feeds`. */
export const DEMO_FEEDS = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../newsloom/demo/data/feeds',
);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string =>
  s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, name: string) => {
      if (name[0] === '#') {
        const hex = name[1] === 'x' || name[1] === 'X';
        return String.fromCodePoint(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
      }
      return ENTITIES[name] ?? all;
    });
const field = (xml: string, tag: string): string | undefined => {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? decode(m[1] ?? '') : undefined;
};

/**
 * The demo's articles, read from its RSS 2.0 files (their simple, fixed shape: title, link,
 * pubDate, description per item; the channel title is the outlet), sorted by id. Not a feed
 * parser: `@newsloom/feeds` is that; this keeps the cluster package's tests free of it.
 */
export function demoArticles(): Article[] {
  const articles: Article[] = [];
  for (const file of readdirSync(DEMO_FEEDS).sort()) {
    const xml = readFileSync(join(DEMO_FEEDS, file), 'utf8');
    const outlet = field(xml.slice(0, xml.indexOf('<item>')), 'title') ?? file;
    for (const item of xml.split('<item>').slice(1)) {
      const pubDate = field(item, 'pubDate') ?? '';
      articles.push(
        parseArticle({
          url: field(item, 'link'),
          outlet,
          title: field(item, 'title'),
          summary: field(item, 'description'),
          publishedAt: new Date(pubDate).toISOString(),
        }),
      );
    }
  }
  return articles.sort((a, b) => (a.id < b.id ? -1 : 1));
}
