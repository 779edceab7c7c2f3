import { canonicalPrefix } from './namespaces';

/**
 * Prefix → namespace URI bindings in force, shared by every element that sees the same ones:
 * items that each redeclare `xmlns:itunes` get the bindings derived the first time, and the
 * names already resolved under them.
 */
interface Bindings {
  map: Map<string, string>;
  /** Raw names resolved without a problem under these bindings. */
  resolved: Map<string, [string, string]>;
  /** Bindings derived from these by a set of declarations, by its signature. */
  derived: Map<string, Bindings> | undefined;
}

/** The bindings of an element that declares namespaces, and the subtree under it. */
export interface Scope {
  bindings: Bindings;
  /** Raw names with an undeclared prefix, reported once per scope. */
  unresolved: Map<string, [string, string]> | undefined;
}

const MAX_DERIVED = 256;

/** The bindings every document starts with: only `xml:`. */
export function rootScope(): Scope {
  const map = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  return { bindings: { map, resolved: new Map(), derived: undefined }, unresolved: undefined };
}

/** `scope` with `declares` (prefix, URI pairs; `''` for the default namespace) added. */
export function declareIn(scope: Scope, declares: [string, string][]): Scope {
  return { bindings: derive(scope.bindings, declares), unresolved: undefined };
}

/**
 * The normalised name and namespace URI of `rawName` under `scope` (`dc:creator` for any prefix
 * bound to Dublin Core). An undeclared prefix is reported through `problem`, once per scope.
 * @example resolveName('atom:link', scope, 0, report) // ['link', 'http://www.w3.org/2005/Atom']
 */
export function resolveName(
  rawName: string,
  scope: Scope,
  offset: number,
  problem: (message: string, offset: number) => void,
): [string, string] {
  const cached = scope.bindings.resolved.get(rawName) ?? scope.unresolved?.get(rawName);
  if (cached) return cached;
  const colon = rawName.indexOf(':');
  const prefix = colon === -1 ? '' : rawName.slice(0, colon);
  const local = (colon === -1 ? rawName : rawName.slice(colon + 1)).toLowerCase();
  const uri = scope.bindings.map.get(prefix);
  let result: [string, string];
  if (uri === undefined) {
    result = [prefix ? `${prefix.toLowerCase()}:${local}` : local, ''];
    if (prefix) {
      problem(`undeclared namespace prefix "${prefix}"`, offset);
      scope.unresolved ??= new Map();
      scope.unresolved.set(rawName, result);
      return result;
    }
  } else {
    const known = canonicalPrefix(uri);
    const p = known ?? prefix.toLowerCase();
    result = [p ? `${p}:${local}` : local, uri];
  }
  scope.bindings.resolved.set(rawName, result);
  return result;
}

// The bindings `declares` makes of `parent`'s, reused when the same declarations recur.
function derive(parent: Bindings, declares: [string, string][]): Bindings {
  let same = true;
  for (const [prefix, uri] of declares) if (parent.map.get(prefix) !== uri) same = false;
  if (same) return parent; // redeclared as they were: nothing changes
  let signature = '';
  for (const [prefix, uri] of declares) signature += `${prefix}\u0000${uri}\u0001`;
  const known = parent.derived?.get(signature);
  if (known) return known;
  const map = new Map(parent.map);
  for (const [prefix, uri] of declares) map.set(prefix, uri);
  const bindings: Bindings = { map, resolved: new Map(), derived: undefined };
  parent.derived ??= new Map();
  if (parent.derived.size < MAX_DERIVED) parent.derived.set(signature, bindings);
  return bindings;
}
