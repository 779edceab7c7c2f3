/** One element of the light tree `parseXml` builds. */
export interface XmlElement {
  /** Normalised name: lower-case local name, with feedparser's prefix (`dc:creator`). */
  name: string;
  /** Namespace URI of the element (`''` when none). */
  ns: string;
  /** Attributes, names lower-cased as written (`xml:base`, `rdf:about`). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text content, entities decoded, CDATA included. */
  text: string;
  /** Offsets of the raw content between the start and end tags in the source. */
  innerStart: number;
  innerEnd: number;
  /** Effective `xml:base` and `xml:lang`, inherited. */
  base: string | undefined;
  lang: string | undefined;
}

/** What `parseXml` returns. */
export interface XmlDocument {
  root: XmlElement | undefined;
  /** The DOCTYPE's public/system identifiers, when any. */
  doctype: string | undefined;
  /** False wherever the parser had to repair the input. */
  wellFormed: boolean;
  /** What was repaired, at offsets into the scanned text (`SourceText.view`). */
  problems: { message: string; offset: number }[];
}

/** Options of `parseXml`. */
export interface ParseXmlOptions {
  /** Base URL for `xml:base` resolution. */
  baseUrl?: string | undefined;
  /** Deepest element nesting kept (default 256). */
  maxDepth?: number;
  /**
   * Called when an element closes (`depth` 0 is the root). Returning true detaches it from its
   * parent, so a caller can consume items as they stream by and keep memory flat.
   */
  onClose?: ((el: XmlElement, depth: number, root: XmlElement) => boolean) | undefined;
}
