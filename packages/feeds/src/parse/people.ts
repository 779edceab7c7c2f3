import type { FeedPerson } from '../types';
import { resolveUrl } from '../url/resolve-url';
import type { XmlElement } from '../xml/parse-xml';

const EMAIL = /(?:mailto:)?([\w.+%-]+@[\w-]+(?:\.[\w-]+)+)/i;

/**
 * Splits an RSS author string (`jo@example.com (Jo Bloggs)`, `Jo <jo@example.com>`, `Jo`) into
 * name and email.
 * @example parsePersonString('jo@example.com (Jo)') // { name: 'Jo', email: 'jo@example.com' }
 */
export function parsePersonString(text: string): FeedPerson {
  const value = text.trim();
  const email = EMAIL.exec(value);
  const person: FeedPerson = {};
  if (email?.[1]) {
    person.email = email[1];
    const rest = value
      .replace(email[0], '')
      .replace(/\(\s*\)|<\s*>|\[\s*\]/g, '')
      .replace(/^[\s(<[]+|[\s)>\]]+$/g, '')
      .trim();
    if (rest) person.name = rest;
  } else if (value) {
    person.name = value;
  }
  return person;
}

/** An Atom person construct (`<author><name/><email/><uri/></author>`). */
export function readAtomPerson(el: XmlElement, docUrl: string | undefined): FeedPerson {
  const person: FeedPerson = {};
  for (const child of el.children) {
    const text = child.text.trim();
    if (!text) continue;
    if (child.name === 'name') person.name = text;
    else if (child.name === 'email') person.email = text;
    else if (child.name === 'uri' || child.name === 'url' || child.name === 'homepage') {
      const url = resolveUrl(text, child.base ?? docUrl);
      if (url) person.url = url;
    }
  }
  if (el.children.length === 0 && el.text.trim()) return parsePersonString(el.text);
  return person;
}

/** feedparser's `author` string for a person: `Name (email)`, or whichever part exists. */
export function formatPerson(person: FeedPerson): string | undefined {
  if (person.name && person.email) return `${person.name} (${person.email})`;
  return person.name ?? person.email;
}
