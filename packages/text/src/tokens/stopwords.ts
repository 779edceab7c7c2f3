// English function words plus news boilerplate that carries no topic ("said", "says", "reported").
const WORDS = `a about above after again against all almost also although always am among an and
another any anyone anything are aren't around as at be became because become been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
done down during each either else even ever every few for from further get gets got had hadn't
has hasn't have haven't having he he'd he'll her here here's hers herself him himself his how
how's however i i'd i'll i'm i've if in into is isn't it it's its itself just least less let let's
like made make many may me might mine more most much must mustn't my myself neither no nor not
now of off often on once one only or other others otherwise ought our ours ourselves out over own
per perhaps please put rather really said same say says shall shan't she she'd she'll she's
should shouldn't since so some something still such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those though
through thus to too toward towards under until up upon us very via was wasn't we we'd we'll we're
we've were weren't what what's whatever when when's where where's whether which while who who's
whoever whom whose why why's will with within without won't would wouldn't yet you you'd you'll
you're you've your yours yourself yourselves told according reported report reports reuters
ap mr mrs ms dr`;

/**
 * The English stop-word list (lower case): function words and news boilerplate such as "said".
 *
 * @example
 * ```ts
 * STOPWORDS.has('the'); // true
 * ```
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/).filter((w) => w.length > 0),
);

/**
 * Whether a lower-case token is a stop word (or a single character).
 *
 * @example
 * ```ts
 * isStopword('the'); // true
 * isStopword('claims'); // false
 * ```
 */
export function isStopword(word: string): boolean {
  return word.length < 2 || MATCHES.has(word);
}

// The stop words, and each with its apostrophe curly ("don’t"): every word `isStopword` matches,
// so a token needs one set lookup and no rewriting. (A stop word has at most one apostrophe.)
const MATCHES: ReadonlySet<string> = new Set(
  [...STOPWORDS].flatMap((w) => (w.includes("'") ? [w, w.replace("'", '’')] : [w])),
);
