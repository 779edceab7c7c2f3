// Title cleaning: outlet suffixes and labels off a member title.
const SUFFIX = /\s+[|–—-]\s+[^|–—-]{2,40}$/u;
const PREFIX =
  /^(?:(?:breaking|exclusive|watch|live|video|opinion|analysis|editorial|update[d]?|just in|fact check|explainer|commentary|podcast)\s*[:|–—-]\s*)+/iu;
const NEWS_WORDS =
  /\b(?:news|times|post|journal|daily|press|herald|tribune|guardian|telegraph|reuters|ap|bbc|cnn|npr|fox|nbc|cbs|abc|msnbc|politico|axios|bloomberg|wire|online|today|gazette|review|magazine|report)\b/iu;

/**
 * Removes outlet suffixes (" - BBC News", " | Reuters") and labels ("LIVE:", "Opinion |") from a
 * title; a suffix is only removed when it names one of the story's outlets or looks like a
 * brand (short, title-cased).
 *
 * @example
 * ```ts
 * cleanTitle('Fed raises rates - BBC News', ['BBC News']); // 'Fed raises rates'
 * ```
 */
export function cleanTitle(title: string, outletNames: readonly string[] = []): string {
  let out = title.replace(/\s+/g, ' ').trim().replace(PREFIX, '');
  for (let i = 0; i < 2; i += 1) {
    const match = SUFFIX.exec(out);
    if (!match) break;
    const tail = match[0].replace(/^\s+[|–—-]\s+/u, '');
    const isOutlet = outletNames.some((name) => name.toLowerCase().startsWith(tail.toLowerCase()));
    const brandLike =
      /^(?:[\p{Lu}\d][\p{L}\d.&'’]*\s?){1,4}$/u.test(tail) && tail.split(' ').length <= 4;
    if (!isOutlet && !(brandLike && (NEWS_WORDS.test(tail) || /[|]/.test(match[0])))) break;
    out = out.slice(0, match.index).trim();
  }
  return out.replace(/^["'“‘]+(.*)["'”’]+$/u, '$1').trim();
}
