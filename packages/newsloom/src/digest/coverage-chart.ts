import type { Article } from '@newsloom/core';
import { escapeHtml, formatTime } from './html';

/** Options of {@link renderCoverageChart}. */
export interface CoverageChartOptions {
  /** Display name of an outlet id. */
  outletName: (outletId: string) => string;
  width?: number;
}

const ROW = 22;
const LABEL = 170;
const PAD = 10;

/**
 * A small inline-SVG chart of a story's coverage over time: one row per outlet, one dot per
 * article at its publication time. Pure and deterministic; empty string for no articles.
 * @example renderCoverageChart(articles, { outletName: (id) => id })
 */
export function renderCoverageChart(
  articles: readonly Article[],
  options: CoverageChartOptions,
): string {
  if (articles.length === 0) return '';
  const width = options.width ?? 640;
  const outletIds = [...new Set(articles.map((a) => a.outletId))].sort();
  const times = articles.map((a) => Date.parse(a.publishedAt));
  const start = Math.min(...times);
  const end = Math.max(...times);
  const span = Math.max(end - start, 1);
  const plot = width - LABEL - PAD * 2;
  const x = (time: number) =>
    LABEL + PAD + (end === start ? plot / 2 : ((time - start) / span) * plot);
  const height = outletIds.length * ROW + 34;
  const rows = outletIds.map((id, index) => {
    const y = index * ROW + 16;
    const dots = articles
      .filter((a) => a.outletId === id)
      .map((a) => {
        const cx = x(Date.parse(a.publishedAt)).toFixed(1);
        const label = `${escapeHtml(a.title)} (${formatTime(a.publishedAt)})`;
        return `<circle cx="${cx}" cy="${y - 4}" r="5" fill="#1a5fb4"><title>${label}</title></circle>`;
      });
    const name = escapeHtml(truncate(options.outletName(id), 26));
    return `<text x="0" y="${y}">${name}</text><line x1="${LABEL}" y1="${y - 4}" x2="${width - PAD}" y2="${y - 4}" stroke="#8888"/>${dots.join('')}`;
  });
  const axisY = outletIds.length * ROW + 24;
  const axis = `<text x="${LABEL}" y="${axisY}">${formatTime(new Date(start).toISOString())}</text><text x="${width - PAD}" y="${axisY}" text-anchor="end">${formatTime(new Date(end).toISOString())}</text>`;
  return `<svg class="chart" role="img" aria-label="Coverage over time: ${outletIds.length} outlets" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}${axis}</svg>`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
