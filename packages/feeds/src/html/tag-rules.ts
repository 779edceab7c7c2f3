// The element allowlist of the sanitiser (sanitize-html.ts): what becomes of each element, by the
// name its tags are written with.

const ALLOWED = new Set(
  (
    'a abbr acronym address area article aside audio b bdi bdo big blockquote br caption center cite ' +
    'code col colgroup dd del details dfn dir div dl dt em figcaption figure font footer h1 h2 h3 h4 ' +
    'h5 h6 header hr i img ins kbd li map mark nav ol p picture pre q rp rt ruby s samp section small ' +
    'source span strike strong sub summary sup table tbody td tfoot th thead time tr track tt u ul var video wbr'
  ).split(' '),
);
// Dropped with everything inside them: their content is code, not prose.
const DROP_CONTENT = new Set(
  'script style applet iframe object embed noembed noframes frameset frame template svg math xml head title'.split(
    ' ',
  ),
);
const VOID = new Set('area br col hr img source track wbr'.split(' '));

/** What the sanitiser does with an element, by the name its tags are written with. */
export interface TagRule {
  /** The lower-case local name (`p` for `<P>` and `<html:p>`). */
  name: string;
  allowed: boolean;
  /** Dropped with its content (script, style…). */
  dropContent: boolean;
  isVoid: boolean;
  /** The start tag written when it has no attributes (`<p>`, `<br />`). */
  start: string;
  end: string;
  /** Whether the tags are written with `name` itself, so a clean tag can be kept as written. */
  asWritten: boolean;
}

// Rules by the name as written: a feed spells its tags a few dozen ways, and each is lower-cased,
// stripped of its prefix and looked up in the sets once. Bounded against documents that make
// up names.
const RULES = new Map<string, TagRule>();
const MAX_RULES = 2048;

/** The rule of the elements whose tags are written `rawName`. */
export function ruleOf(rawName: string): TagRule {
  let rule = RULES.get(rawName);
  if (rule === undefined) {
    let name = rawName.toLowerCase();
    if (name.includes(':')) name = name.slice(name.lastIndexOf(':') + 1);
    const isVoid = VOID.has(name);
    rule = {
      name,
      allowed: ALLOWED.has(name),
      dropContent: DROP_CONTENT.has(name),
      isVoid,
      start: isVoid ? `<${name} />` : `<${name}>`,
      end: `</${name}>`,
      asWritten: rawName === name,
    };
    if (RULES.size < MAX_RULES) RULES.set(rawName, rule);
  }
  return rule;
}
