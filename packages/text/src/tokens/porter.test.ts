import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The stemmers submodule, not `natural`: its root loads dotenv (printing to stdout) and database clients.
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { describe, expect, it } from 'vitest';
import { porterStem } from './porter';

// Stems are term identities: the port must give natural's stem for every word, quirks included.
const SUFFIXES = [
  's',
  'es',
  'ies',
  'ed',
  'ing',
  'ly',
  'ness',
  'ation',
  'ational',
  'izer',
  'ization',
];
const MORE = ['fulness', 'ement', 'y', 'e', 'ate', 'able', 'ism', 'iveness', 'ousli', 'aliti'];
const LAST = [
  'biliti',
  'logi',
  'icate',
  'ative',
  'alize',
  'ical',
  'ful',
  'sion',
  'll',
  'eed',
  'bled',
];
const STEMS =
  `caress pony ti cat feed agree plaster bled motor sing conflat troubl siz hop tann fall hiss
fizz fail fil happy sky relat condit ration valenc hesit digit conform radic differ analog vietnam
predic triplic form sensit hope good electr rever allow infer bow adjust depend adopt homolog commun
activ bowdler effect ab ya yy yyy ay by syzygy rhythm crwth queue ooze eye oak aa ee ii oo uu
generaliz oscil gener sensat abbat cede proceed succeed exceed bee tree free knee`.split(/\s+/);

function words(): string[] {
  const out = new Set<string>();
  for (const stem of STEMS) {
    out.add(stem);
    for (const suffix of [...SUFFIXES, ...MORE, ...LAST]) out.add(stem + suffix);
  }
  return [...out];
}

describe('porterStem', () => {
  it("gives natural's PorterStemmer stem, quirks included", () => {
    const list = words();
    expect(list.length).toBeGreaterThan(2500);
    for (const word of list)
      expect([word, porterStem(word)]).toEqual([word, PorterStemmer.stem(word)]);
  });

  const data = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/data');
  // Every word of the clustering and text datasets, when they are beside the repository (the
  // port was also checked on all shared data and WordNet's words with inflections: 5.2 million).
  it.skipIf(!existsSync(data))("gives natural's stem for every word of the shared data", () => {
    const seen = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else
          for (const w of readFileSync(path, 'utf8')
            .toLowerCase()
            .match(/[a-z]+/g) ?? [])
            seen.add(w);
      }
    };
    walk(join(data, 'clustering'));
    walk(join(data, 'text'));
    let mismatches = 0;
    for (const word of seen) if (porterStem(word) !== PorterStemmer.stem(word)) mismatches += 1;
    expect(mismatches).toBe(0);
  });
});
