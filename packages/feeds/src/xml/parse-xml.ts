import { SourceText } from '../decode/source-text';
import { readDoctype } from './doctype';
import type { ParseXmlOptions, XmlDocument, XmlElement } from './xml-types';

export type { ParseXmlOptions, XmlDocument, XmlElement } from './xml-types';

import { decodeEntities } from './entities';
import { looksLikeItem, neverClosedBeforeNext } from './misplaced-item';
import { NEED_MORE, Scanner } from './scanner';
import { declareIn, resolveName, rootScope, type Scope } from './scopes';
import { isNameStart, isSpace, xmlBase } from './xml-chars';

// Shared by every element without children or attributes until it gets some: never mutated.
const NO_CHILDREN: XmlElement[] = [];
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Room left in the window below which markup is read from a new window. */
const MARGIN = 1024;
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * A tolerant, single-pass XML parser into a light element tree. Never throws and never reads
 * external entities: junk, bare `&`, undeclared entities, mismatched or unclosed tags and
 * truncation are repaired and reported, as feedparser's `bozo` does.
 * @example parseXml('<rss><channel><title>A &amp; B</title></channel></rss>').root?.name // 'rss'
 */
export function parseXml(source: string | SourceText, options: ParseXmlOptions = {}): XmlDocument {
  return new XmlParser(typeof source === 'string' ? SourceText.of(source) : source, options).run();
}

class XmlParser extends Scanner {
  private readonly stack: XmlElement[] = [];
  /** The names of the open elements as written, to match end tags without resolving them. */
  private readonly rawNames: string[] = [];
  /** The attribute names of the start tag being read, in order. */
  private readonly attrNames: string[] = [];
  private readonly scopes: Scope[];
  private readonly maxDepth: number;
  private rootClosed = false;
  private skippedDepth = 0;
  private readonly baseUrl: string | undefined;
  private readonly onClose: ParseXmlOptions['onClose'];

  constructor(source: SourceText, options: ParseXmlOptions) {
    super(source);
    this.maxDepth = options.maxDepth ?? 256;
    this.scopes = [rootScope()];
    this.baseUrl = options.baseUrl;
    this.onClose = options.onClose;
  }

  run(): XmlDocument {
    let i = 0;
    for (;;) {
      const s = this.s;
      const n = s.length;
      if (i >= n && this.atEnd) break;
      const lt = i >= n ? -1 : s.indexOf('<', i);
      if (lt === -1) {
        if (!this.atEnd) {
          i = this.rebaseToNextTag(i);
          continue;
        }
        this.text(i, n);
        break;
      }
      if (lt > i) this.text(i, lt);
      if (!this.atEnd && n - lt < MARGIN) i = this.rebase(lt, 0);
      else {
        const next = this.markup(lt);
        i = next === NEED_MORE ? this.rebase(lt, this.base + lt + 2 * (n - lt)) : next;
      }
    }
    if (this.stack.length > 0) {
      const n = this.s.length;
      this.problem(
        `unclosed element <${this.stack[this.stack.length - 1]?.name}> at end of input`,
        n,
      );
      while (this.stack.length > 0) this.pop(n);
    }
    if (!this.doc.root) this.problemAt('no root element', 0);
    if (this.ctx.malformed) this.problemAt('bare "&" or unknown entity reference', 0);
    if (this.ctx.undeclared) this.problemAt('HTML entity used without a declaration', 0);
    return this.doc;
  }

  // Reads the markup at `lt`: where the text resumes, or NEED_MORE.
  private markup(lt: number): number {
    const c = this.s.charCodeAt(lt + 1);
    if (c === 47 /* / */) return this.closeTag(lt);
    if (c === 33 /* ! */) return this.bang(lt);
    if (c === 63 /* ? */) return this.skipTo(lt, '?>', 'processing instruction');
    if (isNameStart(c)) {
      if (this.atEnd) return this.openTag(lt);
      this.mark();
      const next = this.openTag(lt);
      if (next === NEED_MORE) this.restore();
      return next;
    }
    this.problem('a "<" that starts no tag', lt);
    this.appendText('<');
    return lt + 1;
  }

  private text(from: number, to: number): void {
    const raw = this.cut(from, to);
    if (this.stack.length === 0 || this.skippedDepth > 0) {
      if (this.skippedDepth === 0 && /\S/.test(raw))
        this.problem('text outside the root element', from);
      return;
    }
    this.appendText(raw.indexOf('&') === -1 ? raw : decodeEntities(raw, this.ctx));
  }

  private appendText(value: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top && this.skippedDepth === 0) top.text += value;
  }

  private skipTo(lt: number, end: string, what: string): number {
    const close = this.s.indexOf(end, lt + 2);
    if (close === -1) {
      if (!this.atEnd) return NEED_MORE;
      this.problem(`unterminated ${what}`, lt);
      return this.s.length;
    }
    return close + end.length;
  }

  private bang(lt: number): number {
    const s = this.s;
    if (s.startsWith('<!--', lt)) return this.skipTo(lt, '-->', 'comment');
    if (s.startsWith('<![CDATA[', lt)) {
      const close = s.indexOf(']]>', lt + 9);
      if (close === -1 && !this.atEnd) return NEED_MORE;
      const end = close === -1 ? s.length : close;
      if (close === -1) this.problem('unterminated CDATA section', lt);
      if (this.stack.length > 0) this.appendText(this.cut(lt + 9, end));
      return close === -1 ? s.length : close + 3;
    }
    if (/^<!doctype/i.test(s.slice(lt, lt + 9))) {
      const doctype = readDoctype(s, lt, this.ctx, this.cutter);
      if (doctype.problem && !this.atEnd) return NEED_MORE;
      this.doc.doctype = doctype.id;
      if (doctype.problem) this.problem(doctype.problem, lt);
      return doctype.end;
    }
    return this.skipTo(lt, '>', 'declaration');
  }

  private openTag(lt: number): number {
    const s = this.s;
    const n = s.length;
    let j = lt + 1;
    let c = s.charCodeAt(j);
    while (j < n && c !== 32 && c !== 62 && c !== 47 && c !== 10 && c !== 9 && c !== 13)
      c = s.charCodeAt(++j);
    // `rawName` as written in the view, to match end tags; `name` decoded.
    const read = this.name(lt + 1, j);
    const rawName = read.raw;
    const name = read.decoded;
    let attrs = NO_ATTRS;
    let declares: [string, string][] | undefined;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) {
        if (!this.atEnd) return NEED_MORE;
        this.problem(`truncated start tag <${name}>`, lt);
        return n;
      }
      c = s.charCodeAt(j);
      if (c === 62) break;
      if (c === 47) {
        if (s.charCodeAt(j + 1) === 62) {
          selfClosing = true;
          j++;
          break;
        }
        j++;
        continue;
      }
      if (c === 60 /* < */) {
        this.problem(`unterminated start tag <${name}>`, lt);
        j--;
        break;
      }
      if (attrs === NO_ATTRS) {
        attrs = {};
        this.attrNames.length = 0;
      }
      j = this.attribute(j, attrs, lt);
      if (j < 0) return this.atEnd ? n : NEED_MORE;
    }
    if (attrs !== NO_ATTRS)
      for (const key of this.attrNames) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          declares ??= [];
          declares.push([key === 'xmlns' ? '' : key.slice(6), attrs[key] ?? '']);
        }
      }
    // Item names end in `m` or `y`: one character code keeps the check off every other tag.
    const last = rawName.charCodeAt(rawName.length - 1);
    if ((last === 109 || last === 121) && !selfClosing && looksLikeItem(rawName))
      this.closeAroundItem(rawName, name, j + 1, lt);
    const pushed = this.push(rawName, name, attrs, declares, j + 1, lt);
    if (selfClosing) {
      if (pushed) this.pop(lt);
      else this.skippedDepth--;
    }
    return j + 1;
  }

  // An item start tag inside an element that is never closed (an `<itunes:category>` with
  // children, an `<image>`, an item) closes it, or every item after it would be lost inside it.
  private closeAroundItem(rawName: string, decoded: string, after: number, lt: number): void {
    const stack = this.stack;
    if (this.skippedDepth > 0 || this.rootClosed || stack.length === 0) return;
    const keep = stack[1]?.name === 'channel' ? 2 : 1;
    if (stack.length <= keep) return;
    const scope = this.scopes[this.scopes.length - 1] as Scope;
    const [name] = resolveName(decoded, scope, lt, () => undefined);
    if (name !== 'item' && name !== 'entry') return;
    const open = this.rawNames.slice(keep);
    if (!neverClosedBeforeNext(this.src.view, this.base + after, open, rawName)) return;
    this.problem(
      `<${stack[keep]?.name}> closed by the <${decoded}> start tag after it (it was never closed; the items after it are kept)`,
      lt,
    );
    while (stack.length > keep) this.pop(lt);
  }

  private attribute(j: number, attrs: Record<string, string>, lt: number): number {
    const s = this.s;
    const n = s.length;
    const start = j;
    let c = s.charCodeAt(j);
    while (j < n && c !== 61 && c !== 62 && c !== 47 && !isSpace(c)) c = s.charCodeAt(++j);
    const name = this.name(start, j).attr;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) !== 61) {
      this.problem(`attribute ${name} without a value`, start);
      if (!this.hasAttribute(name)) {
        attrs[name] = name;
        this.attrNames.push(name);
      }
      return j;
    }
    j++;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    const q = s.charCodeAt(j);
    let value: string;
    if (q === 34 || q === 39) {
      const close = s.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close === -1) {
        this.problem(`unterminated attribute value in <${this.cut(lt + 1, start).trim()}>`, j);
        return -1;
      }
      value = this.cut(j + 1, close);
      j = close + 1;
    } else {
      const from = j;
      while (j < n && !isSpace(s.charCodeAt(j)) && s.charCodeAt(j) !== 62) j++;
      value = this.cut(from, j);
      this.problem(`unquoted attribute value for ${name}`, from);
    }
    if (this.hasAttribute(name)) this.problem(`duplicate attribute ${name}`, start);
    else {
      attrs[name] = value.indexOf('&') === -1 ? value : decodeEntities(value, this.ctx);
      this.attrNames.push(name);
    }
    return j;
  }

  // `name in attrs` for the start tag being read, without a megamorphic lookup: its own names so
  // far, or a name the object inherits (`constructor`).
  private hasAttribute(name: string): boolean {
    return this.attrNames.includes(name) || INHERITED.has(name);
  }

  private push(
    rawName: string,
    decoded: string,
    attrs: Record<string, string>,
    declares: [string, string][] | undefined,
    innerStart: number,
    lt: number,
  ): boolean {
    if (this.rootClosed || this.skippedDepth > 0 || this.stack.length >= this.maxDepth) {
      if (this.skippedDepth === 0)
        this.problem(this.rootClosed ? 'content after the root element' : 'nesting too deep', lt);
      this.skippedDepth++;
      return false;
    }
    let scope = this.scopes[this.scopes.length - 1] as Scope;
    if (declares) scope = declareIn(scope, declares);
    this.scopes.push(scope);
    const [name, ns] = resolveName(decoded, scope, lt, this.report);
    const parent = this.stack[this.stack.length - 1];
    const inherited = parent ? parent.base : this.baseUrl;
    const base = attrs === NO_ATTRS ? inherited : xmlBase(attrs['xml:base'], inherited);
    const ownLang = attrs === NO_ATTRS ? undefined : attrs['xml:lang'];
    const lang = ownLang === undefined ? parent?.lang : ownLang.trim().replace(/_/g, '-');
    const el: XmlElement = {
      name,
      ns,
      attrs,
      children: NO_CHILDREN,
      text: '',
      innerStart: this.base + innerStart,
      innerEnd: this.base + innerStart,
      base,
      lang,
    };
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(el);
    } else this.doc.root = el;
    this.stack.push(el);
    this.rawNames.push(rawName);
    return true;
  }

  private closeTag(lt: number): number {
    const gt = this.s.indexOf('>', lt + 2);
    if (gt === -1 && !this.atEnd) return NEED_MORE;
    const end = gt === -1 ? this.s.length : gt;
    if (gt === -1) this.problem('truncated end tag', lt);
    if (this.skippedDepth > 0) {
      this.skippedDepth--;
      return end + 1;
    }
    // The usual case, `</name>` closing the open element, is matched in place without a slice.
    const open = this.rawNames[this.rawNames.length - 1];
    if (open !== undefined && end - lt - 2 === open.length && this.s.startsWith(open, lt + 2)) {
      this.pop(lt);
      return end + 1;
    }
    const rawName = this.cut(lt + 2, end).trim();
    if (open !== undefined && rawName === this.src.decodeView(open)) {
      this.pop(lt);
      return end + 1;
    }
    const scope = this.scopes[this.scopes.length - 1] as Scope;
    const [name] = resolveName(rawName, scope, lt, this.report);
    const stack = this.stack;
    let k = stack.length - 1;
    while (k >= 0 && stack[k]?.name !== name) k--;
    if (k < 0) {
      this.problem(`end tag </${rawName}> matches no open element`, lt);
      return end + 1;
    }
    if (k < stack.length - 1)
      this.problem(`<${stack[stack.length - 1]?.name}> closed by </${rawName}>`, lt);
    while (stack.length > k) this.pop(lt);
    return end + 1;
  }

  private pop(innerEnd: number): void {
    const el = this.stack.pop();
    if (!el) return;
    this.scopes.pop();
    this.rawNames.pop();
    el.innerEnd = Math.max(el.innerStart, this.base + innerEnd);
    const depth = this.stack.length;
    if (depth === 0) this.rootClosed = true;
    if (this.onClose?.(el, depth, this.doc.root as XmlElement))
      this.stack[depth - 1]?.children.pop();
  }
}
