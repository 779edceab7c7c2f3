// Namespace URIs → the prefix feedparser normalises them to. Elements of the core feed
// vocabularies (RSS, RSS 1.0, Atom 0.3/1.0) get no prefix, whatever prefix the document used.
const FEED_CORE = [
  'http://backend.userland.com/rss',
  'http://backend.userland.com/rss2',
  'http://blogs.law.harvard.edu/tech/rss',
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://example.com/newformat#',
  'http://example.com/necho',
  'http://purl.org/echo/',
  'uri/of/echo/namespace#',
  'http://purl.org/pie/',
  'http://purl.org/atom/ns#',
  'http://www.w3.org/2005/Atom',
  'http://purl.org/rss/1.0/modules/rss091#',
];

const PREFIXED: Record<string, string> = {
  'http://webns.net/mvcb/': 'admin',
  'http://purl.org/rss/1.0/modules/aggregation/': 'ag',
  'http://purl.org/rss/1.0/modules/annotate/': 'annotate',
  'http://media.tangent.org/rss/1.0/': 'audio',
  'http://backend.userland.com/blogChannelModule': 'blogChannel',
  'http://creativecommons.org/ns#license': 'cc',
  'http://web.resource.org/cc/': 'cc',
  'http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html': 'creativecommons',
  'http://backend.userland.com/creativeCommonsRssModule': 'creativecommons',
  'http://purl.org/rss/1.0/modules/company': 'co',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://my.theinfo.org/changed/1.0/rss/': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/email/': 'email',
  'http://purl.org/rss/1.0/modules/event/': 'ev',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://freshmeat.net/rss/fm/': 'fm',
  'http://xmlns.com/foaf/0.1/': 'foaf',
  'http://www.w3.org/2003/01/geo/wgs84_pos#': 'geo',
  'http://www.georss.org/georss': 'georss',
  'http://www.opengis.net/gml': 'gml',
  'http://postneo.com/icbm/': 'icbm',
  'http://purl.org/rss/1.0/modules/image/': 'image',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://example.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.google.com/schemas/play-podcasts/1.0': 'googleplay',
  'http://purl.org/rss/1.0/modules/link/': 'l',
  'http://search.yahoo.com/mrss': 'media',
  'http://search.yahoo.com/mrss/': 'media',
  'http://madskills.com/public/xml/rss/module/pingback/': 'pingback',
  'http://prismstandard.org/namespaces/1.2/basic/': 'prism',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/2000/01/rdf-schema#': 'rdfs',
  'http://purl.org/rss/1.0/modules/reference/': 'ref',
  'http://purl.org/rss/1.0/modules/richequiv/': 'reqv',
  'http://purl.org/rss/1.0/modules/search/': 'search',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://schemas.xmlsoap.org/soap/envelope/': 'soap',
  'http://purl.org/rss/1.0/modules/servicestatus/': 'ss',
  'http://hacks.benhammersley.com/rss/streaming/': 'str',
  'http://purl.org/rss/1.0/modules/subscription/': 'sub',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy',
  'http://schemas.pocketsoap.com/rss/mydescmodule/': 'szf',
  'http://purl.org/rss/1.0/modules/taxonomy/': 'taxo',
  'http://purl.org/rss/1.0/modules/threading/': 'thr',
  'http://purl.org/syndication/thread/1.0': 'thr',
  'http://purl.org/rss/1.0/modules/textinput/': 'ti',
  'http://madskills.com/public/xml/rss/module/trackback/': 'trackback',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://purl.org/rss/1.0/modules/wiki/': 'wiki',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/1999/xlink': 'xlink',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://podlove.org/simple-chapters': 'psc',
};

const CORE = new Set(FEED_CORE.map((uri) => uri.toLowerCase()));

/** Atom 1.0's namespace. */
export const ATOM10_NS = 'http://www.w3.org/2005/Atom';
/** Atom 0.3's namespace. */
export const ATOM03_NS = 'http://purl.org/atom/ns#';

/**
 * The prefix an element in namespace `uri` gets in normalised names: `''` for the feed
 * vocabularies themselves, a well-known prefix (`dc`, `media`, `itunes`…), or `undefined` when
 * the namespace is unknown (the document's own prefix is kept then).
 * @example canonicalPrefix('http://purl.org/dc/elements/1.1/') // 'dc'
 */
export function canonicalPrefix(uri: string): string | undefined {
  const lower = uri.toLowerCase();
  if (CORE.has(lower)) return '';
  return PREFIXED[lower] ?? PREFIXED[lower.replace(/\/$/, '')] ?? PREFIXED[`${lower}/`];
}
