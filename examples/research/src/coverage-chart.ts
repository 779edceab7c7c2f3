import type { CoverageReport, Outlet } from 'newsloom';

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A horizontal bar chart (SVG) of the outlets that covered the most stories, each bar split
 * into stories shared with other outlets and stories the outlet covered alone.
 */
export function outletCoverageSvg(
  report: CoverageReport,
  outlets: readonly Outlet[],
  top = 15,
): string {
  const names = new Map(outlets.map((o) => [o.id, o.name]));
  const rows = [...report.uniqueByOutlet]
    .sort((a, b) => b.storyCount - a.storyCount || a.outletId.localeCompare(b.outletId))
    .slice(0, top);
  const max = Math.max(1, ...rows.map((r) => r.storyCount));
  const scale = (n: number) => (n / max) * 380;
  const bars = rows.map((r, i) => {
    const y = 30 + i * 22;
    const shared = scale(r.storyCount - r.exclusiveStoryIds.length);
    const alone = scale(r.exclusiveStoryIds.length);
    const name = escapeXml(names.get(r.outletId) ?? r.outletId);
    return `<text x="195" y="${y + 12}" text-anchor="end">${name}</text><rect x="200" y="${y}" width="${shared.toFixed(1)}" height="16" fill="#1a5fb4"/><rect x="${(200 + shared).toFixed(1)}" y="${y}" width="${alone.toFixed(1)}" height="16" fill="#e66100"/><text x="${(205 + shared + alone).toFixed(1)}" y="${y + 12}">${r.storyCount}</text>`;
  });
  const height = 40 + rows.length * 22;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${height}" font-family="sans-serif" font-size="11"><text x="200" y="18" font-weight="bold">Stories covered (blue: shared, orange: alone)</text>${bars.join('')}</svg>\n`;
}
