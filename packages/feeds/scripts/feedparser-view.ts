// Presents a ParsedFeed under Python feedparser's keys, so feedparser's own assertions can
// check it. Keys that have no counterpart in ParsedFeed are absent; the runner reports the
// cases that use them as unmapped rather than failed.
import type {
  FeedCommon,
  FeedItem,
  FeedMeta,
  FeedPerson,
  ParsedFeed,
  TextDetail,
} from '../src/index';
import { newFeed } from '../src/parse/new-records';

type View = Record<string, unknown>;

/** Keys the view knows; an assertion on any other key makes its case unmapped. */
export const MAPPED_KEYS = new Set(
  (
    'bozo encoding version feed entries title title_detail subtitle subtitle_detail tagline tagline_detail ' +
    'description description_detail info info_detail rights rights_detail copyright copyright_detail ' +
    'summary summary_detail content value type language base link links href rel length hreflang id guid ' +
    'updated updated_parsed published published_parsed created created_parsed expired expired_parsed ' +
    'author author_detail authors contributors name email url tags term scheme label category generator ' +
    'generator_detail publisher publisher_detail image width height ttl docs icon logo enclosures comments ' +
    'description source guidislink where coordinates itunes_explicit itunes_block itunes_keywords itunes_duration ' +
    'itunes_image itunes_author itunes_subtitle itunes_summary itunes_owner slash_comments wfw_comment ' +
    'wfw_commentrss media_content media_thumbnail media_title media_description media_credit role ' +
    'modified modified_parsed issued issued_parsed date date_parsed'
  ).split(/\s+/),
);

/** `2003-12-31T10:14:55.000Z` as Python's `time.struct_time` tuple. */
export function toTimeTuple(iso: string | undefined): number[] | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((d.getTime() - start) / 86_400_000) + 1;
  const wday = (d.getUTCDay() + 6) % 7;
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    wday,
    yday,
    0,
  ];
}

/** The whole result under feedparser's top-level keys. */
export function feedparserView(parsed: ParsedFeed): View {
  return {
    bozo: !parsed.wellFormed,
    encoding: parsed.encoding,
    version: parsed.version,
    feed: feedView(parsed.feed),
    entries: parsed.items.map(itemView),
  };
}

function person(p: FeedPerson): View {
  return {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.email !== undefined ? { email: p.email } : {}),
    ...(p.url !== undefined ? { href: p.url, url: p.url } : {}),
  };
}

function detail(c: FeedCommon, key: string, value: unknown): View | undefined {
  const d: TextDetail | undefined = c.details[key];
  return d ? { ...d, value } : undefined;
}

function common(c: FeedCommon): View {
  const v: View = {
    title: c.title,
    title_detail: detail(c, 'title', c.title),
    link: c.link,
    links: c.links.map((l) => ({
      ...l,
      ...(l.length !== undefined ? { length: String(l.length) } : {}),
    })),
    id: c.id,
    guid: c.id,
    rights: c.rights,
    rights_detail: detail(c, 'rights', c.rights),
    copyright: c.rights,
    copyright_detail: detail(c, 'rights', c.rights),
    updated: c.updated,
    updated_parsed: toTimeTuple(c.updated),
    modified: c.updated,
    modified_parsed: toTimeTuple(c.updated),
    date: c.updated ?? c.published,
    date_parsed: toTimeTuple(c.updated ?? c.published),
    created: c.created,
    created_parsed: toTimeTuple(c.created),
    published: c.published,
    published_parsed: toTimeTuple(c.published),
    issued: c.published,
    issued_parsed: toTimeTuple(c.published),
    author: c.author ?? (c.authors[0] ? formatPerson(c.authors[0]) : undefined),
    author_detail: c.authors[0] ? person(c.authors[0]) : undefined,
    authors: c.authors.map(person),
    contributors: c.contributors.map(person),
    tags: c.categories.map((t) => ({
      term: t.term,
      scheme: t.scheme ?? null,
      label: t.label ?? null,
    })),
    category: c.categories[0]?.term,
    language: c.language,
    publisher: c.publisher ? formatPerson(c.publisher) : undefined,
    publisher_detail: c.publisher ? person(c.publisher) : undefined,
    image: c.image
      ? {
          description: c.image.description,
          href: c.image.url,
          url: c.image.url,
          title: c.image.title,
          link: c.image.link,
          width: c.image.width,
          height: c.image.height,
        }
      : undefined,
  };
  if (c.itunes) {
    const it = c.itunes;
    Object.assign(v, {
      itunes_explicit: it.explicit,
      itunes_block: it.block,
      itunes_duration: it.duration,
      itunes_author: it.author,
      itunes_subtitle: it.subtitle,
      itunes_summary: it.summary,
      itunes_image: it.image ? { href: it.image } : undefined,
      itunes_owner: it.owner,
    });
  }
  for (const [name, value] of Object.entries(c.extensions)) v[name.replace(':', '_')] ??= value;
  return v;
}

function formatPerson(p: FeedPerson): string | undefined {
  return p.name && p.email ? `${p.name} (${p.email})` : (p.name ?? p.email);
}

function feedView(f: FeedMeta): View {
  return {
    ...common(f),
    subtitle: f.subtitle,
    subtitle_detail: detail(f, 'subtitle', f.subtitle),
    tagline: f.subtitle,
    tagline_detail: detail(f, 'subtitle', f.subtitle),
    description: f.subtitle,
    description_detail: detail(f, 'subtitle', f.subtitle),
    info: f.info,
    info_detail: detail(f, 'info', f.info),
    generator: f.generator,
    generator_detail: f.generatorDetail
      ? {
          name: f.generatorDetail.name,
          href: f.generatorDetail.url,
          url: f.generatorDetail.url,
          version: f.generatorDetail.version,
        }
      : undefined,
    ttl: f.ttl === undefined ? undefined : String(f.ttl),
    docs: f.docs,
    icon: f.icon,
    logo: f.image?.url,
  };
}

function itemView(i: FeedItem): View {
  return {
    ...common(i),
    subtitle: i.itunes?.subtitle,
    summary: i.summary,
    summary_detail: detail(i, 'summary', i.summary),
    description: i.summary,
    description_detail: detail(i, 'summary', i.summary),
    content: i.content.map((c) => ({ ...c })),
    created: i.created,
    created_parsed: toTimeTuple(i.created),
    expired: i.expired,
    expired_parsed: toTimeTuple(i.expired),
    enclosures: i.enclosures.map((e) => ({
      href: e.url,
      url: e.url,
      type: e.type,
      length: e.length === undefined ? undefined : String(e.length),
    })),
    comments: i.comments,
    guidislink: i.guidIsLink ?? false,
    source: i.source
      ? {
          ...feedView({ ...newFeed(), ...i.source }),
          href: i.source.url,
          url: i.source.url,
        }
      : undefined,
    where: i.where,
    slash_comments: i.commentCount === undefined ? undefined : String(i.commentCount),
    media_content: i.media?.content.map((m) => ({ ...m, url: m.url })),
    media_thumbnail: i.media?.thumbnails,
    media_title: i.media?.title,
    media_description: i.media?.description,
    media_credit: i.media?.credits.map((c) => ({ role: c.role, content: c.value })),
  };
}
