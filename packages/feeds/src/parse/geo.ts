import type { FeedItem } from '../types';
import type { XmlElement } from '../xml/parse-xml';

type Where = NonNullable<FeedItem['where']>;
type Pair = number[];

/**
 * Reads GeoRSS (simple: `georss:point|line|polygon|box`; GML inside `georss:where`) and W3C geo
 * (`geo:lat` / `geo:long`) into GeoJSON-style `where`: coordinates are `[longitude, latitude]`
 * for lat/long reference systems, kept in their written order for others (UTM…).
 * @example readGeo(item, pointElement) // item.where = { type: 'Point', coordinates: [-0.12, 51.5] }
 */
export function readGeo(item: FeedItem, el: XmlElement): void {
  const local = el.name.slice(el.name.indexOf(':') + 1);
  let where: Where | undefined;
  if (el.name.startsWith('geo:')) {
    readW3cGeo(item, local, el.text);
  } else if (el.name.startsWith('gml:')) {
    where = readGml(el);
  } else if (local === 'where') {
    const geometry = el.children.find((c) => c.name.startsWith('gml:'));
    where = geometry ? readGml(geometry) : undefined;
  } else {
    where = simpleGeometry(local, toPairs(numbers(el.text), 2, true));
  }
  if (where) item.where = where;
}

function simpleGeometry(local: string, pairs: Pair[]): Where | undefined {
  if (local === 'point' && pairs.length === 1)
    return { type: 'Point', coordinates: pairs[0] as Pair };
  if (local === 'line' && pairs.length >= 2) return { type: 'LineString', coordinates: pairs };
  if (local === 'polygon' && pairs.length >= 4) return { type: 'Polygon', coordinates: [pairs] };
  if (local === 'box' && pairs.length === 2) return { type: 'Box', coordinates: pairs };
  return undefined;
}

function readGml(geometry: XmlElement): Where | undefined {
  const swap = !geometry.attrs.srsname || /4326|4979|wgs\s*-?84/i.test(geometry.attrs.srsname);
  const find = (el: XmlElement, name: string): XmlElement | undefined =>
    el.name === name ? el : el.children.map((c) => find(c, name)).find(Boolean);
  const list = find(geometry, 'gml:poslist') ?? find(geometry, 'gml:pos');
  if (!list) return undefined;
  const dims = Number(list.attrs.srsdimension ?? geometry.attrs.srsdimension ?? 2) || 2;
  const pairs = toPairs(numbers(list.text), dims, swap);
  const kind = geometry.name.slice(4);
  if (kind === 'point' && pairs[0]) return { type: 'Point', coordinates: pairs[0] };
  if (kind === 'linestring' && pairs.length >= 2) return { type: 'LineString', coordinates: pairs };
  if (kind === 'polygon' && pairs.length >= 4) return { type: 'Polygon', coordinates: [pairs] };
  return undefined;
}

function readW3cGeo(item: FeedItem, local: string, text: string): void {
  const [value] = numbers(text);
  if (value === undefined || (local !== 'lat' && local !== 'long')) return;
  const [lon = 0, lat = 0] = item.where?.type === 'Point' ? (item.where.coordinates as Pair) : [];
  item.where = { type: 'Point', coordinates: local === 'lat' ? [lon, value] : [value, lat] };
}

function numbers(text: string): number[] {
  return text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
    .filter(Number.isFinite);
}

// Groups numbers into tuples of `dims`, putting longitude first when `swap` (GeoRSS writes
// latitude first).
function toPairs(values: number[], dims: number, swap: boolean): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i + dims <= values.length; i += dims) {
    const tuple = values.slice(i, i + dims);
    if (swap) [tuple[0], tuple[1]] = [tuple[1] as number, tuple[0] as number];
    pairs.push(tuple);
  }
  return pairs;
}
