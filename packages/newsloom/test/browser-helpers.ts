// What the browser test checks on every page: requests, console, accessibility, layout, paint.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** Debian's chromium (installed by .ci/run); never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launch arguments for a shared, busy machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-features=site-per-process',
  '--renderer-process-limit=2',
];

/** The two viewports every page kind is shown in. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  mobile: { width: 390, height: 844 },
} as const;

const AXE_SOURCE = axe.source;

/** Problems a page showed: console errors, page errors, dialogs, failed or external requests. */
export interface PageProblems {
  errors: string[];
  dialogs: string[];
  requests: string[];
}

/**
 * Records a page's console errors, uncaught errors, dialogs, and every request that failed or
 * left the local files.
 */
export function watch(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`${page.url()}: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) problems.requests.push(`external: ${request.url()}`);
  });
  page.on('requestfailed', (request) => problems.requests.push(`failed: ${request.url()}`));
  return problems;
}

/** axe-core's serious and critical violations on the page (evaluated, so the page's CSP allows it). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`)) as string[];
  return found;
}

/** Layout and paint facts of the page as loaded. */
export interface PageFacts {
  scrollWidth: number;
  firstPaintMs: number;
  h1: string;
}

/** Reads {@link PageFacts}. */
export async function pageFacts(page: Page): Promise<PageFacts> {
  // Polled with evaluate: waitForFunction evaluates a string, which the page's CSP forbids.
  for (let i = 0; i < 50; i += 1) {
    if (await page.evaluate("performance.getEntriesByType('paint').length > 0")) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  return (await page.evaluate(`(() => {
    const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-paint');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      firstPaintMs: paint ? paint.startTime : -1,
      h1: document.querySelector('h1')?.textContent ?? '',
    };
  })()`)) as PageFacts;
}

/**
 * Runs in a story page (a string, so this file needs no DOM typings): every citation link must
 * point at an item of the Sources list, and no planted script may have set `window.__pwned`.
 */
export const CHECK_CITATIONS = `(() => {
  const links = [...document.querySelectorAll('sup.cite a')];
  const bad = links.filter((a) => !document.querySelector('#sources ' + a.hash)).map((a) => a.hash);
  const h1 = document.querySelector('h1')?.textContent ?? '';
  const chart = (document.querySelector('svg.chart')?.getBoundingClientRect().height ?? 0) > 0;
  return { h1, chart, count: links.length, bad, pwned: window.__pwned ?? null };
})()`;
