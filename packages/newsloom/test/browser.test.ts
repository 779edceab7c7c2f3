import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, buildDemoDigest, type DemoDigest } from './demo-digest';

// Debian's chromium (installed by .ci/run); never a downloaded browser.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `browser test skipped: ${CHROMIUM} is missing (install Debian's chromium: apt-get install -y chromium)`,
  );
}

// Runs in the page (a string, so this file needs no DOM typings): every citation link must
// point at an item of the Sources list, and no planted script may have set `window.__pwned`.
const CHECK_CITATIONS = `(() => {
  const links = [...document.querySelectorAll('sup.cite a')];
  const bad = links.filter((a) => !document.querySelector('#sources ' + a.hash)).map((a) => a.hash);
  const h1 = document.querySelector('h1')?.textContent ?? '';
  const chart = (document.querySelector('svg.chart')?.getBoundingClientRect().height ?? 0) > 0;
  return { h1, chart, count: links.length, bad, pwned: window.__pwned ?? null };
})()`;

interface PageCheck {
  file: string;
  h1: string;
  chart: boolean;
  count: number;
  bad: string[];
  pwned: unknown;
}

const pageErrors: string[] = [];
const TABS = 4;

/** Opens every file in a few tabs at once (navigation waits dominate, not CPU). */
async function checkPages(browser: Browser, files: readonly string[]): Promise<PageCheck[]> {
  const results: PageCheck[] = [];
  let next = 0;
  const worker = async () => {
    const tab = await browser.newPage();
    const problems = watch(tab);
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i]!;
      await tab.goto(pathToFileURL(file).href, { waitUntil: 'domcontentloaded' });
      results.push({ file, ...((await tab.evaluate(CHECK_CITATIONS)) as Omit<PageCheck, 'file'>) });
    }
    pageErrors.push(...problems.errors, ...problems.dialogs);
    await tab.close();
  };
  await Promise.all(Array.from({ length: TABS }, worker));
  return results;
}

interface PageProblems {
  errors: string[];
  dialogs: string[];
}

function watch(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`${page.url()}: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return problems;
}

describe.skipIf(!hasChromium)('the digest in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let digest: DemoDigest;

  beforeAll(async () => {
    digest = await buildDemoDigest('browser-digest');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-features=site-per-process',
        '--renderer-process-limit=2',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    problems = watch(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the front page from file:// with every section', async () => {
    await page.goto(digest.indexUrl);
    for (const id of ['top-headlines', 'feeds', 'minority-reports', 'unique-coverage']) {
      expect(await page.locator(`#${id} h2`).isVisible()).toBe(true);
    }
    expect(await page.locator('#top-headlines li').count()).toBeGreaterThan(5);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'digest-index.png'), fullPage: false });
  });

  it('renders every story page, with citations that resolve to listed sources', async () => {
    // Redirect pages of merged stories navigate away at once; the renderer's tests cover them.
    const files = readdirSync(join(digest.dir, 'stories'))
      .filter((f) => f.endsWith('.html'))
      .filter(
        (f) =>
          !readFileSync(join(digest.dir, 'stories', f), 'utf8').includes('http-equiv="refresh"'),
      )
      .sort();
    expect(files.length).toBeGreaterThan(100);
    const results = await checkPages(
      browser,
      files.map((f) => join(digest.dir, 'stories', f)),
    );
    for (const result of results) {
      expect(result.h1, result.file).not.toBe('');
      expect(result.chart, result.file).toBe(true);
      expect(result.bad, result.file).toEqual([]);
      expect(result.pwned, result.file).toBeNull();
    }
    expect(results.reduce((sum, r) => sum + r.count, 0)).toBeGreaterThan(files.length);
    expect(pageErrors).toEqual([]);
    await page.goto(pathToFileURL(join(digest.dir, 'stories', files[0]!)).href);
    await page.screenshot({ path: join(ARTIFACTS, 'digest-story.png'), fullPage: true });
  }, 120_000);

  it('follows a citation link to its source', async () => {
    await page.goto(digest.indexUrl);
    await page.locator('#top-headlines li a').first().click();
    await page.locator('sup.cite a').first().click();
    expect(page.url()).toMatch(/#source-\d+$/);
    const target = await page.evaluate(
      "document.querySelector(':target')?.closest('#sources') != null",
    );
    expect(target).toBe(true);
  });

  it('never runs a script planted in a feed, and logs no console errors', async () => {
    const html = readFileSync(join(digest.dir, 'index.html'), 'utf8');
    expect(html).toContain('Hostile Outlet');
    // The raw JSONL title reached a page as visible, inert text.
    const pages = readdirSync(join(digest.dir, 'stories')).map((f) =>
      readFileSync(join(digest.dir, 'stories', f), 'utf8'),
    );
    expect(
      pages.some((p) =>
        p.includes('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;'),
      ),
    ).toBe(true);
    const planted = await page.evaluate('window.__pwned ?? null');
    expect(planted).toBeNull();
    expect(problems.dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
