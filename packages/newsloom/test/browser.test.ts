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
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
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
    const files = readdirSync(join(digest.dir, 'stories'))
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(files.length).toBeGreaterThan(100);
    let citations = 0;
    for (const file of files) {
      await page.goto(pathToFileURL(join(digest.dir, 'stories', file)).href);
      expect(await page.locator('h1').innerText()).not.toBe('');
      const broken = await page.evaluate(() => {
        const links = [...document.querySelectorAll<HTMLAnchorElement>('sup.cite a')];
        const bad = links
          .filter((a) => !document.querySelector(`#sources ${a.hash}`))
          .map((a) => a.hash);
        return {
          count: links.length,
          bad,
          pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        };
      });
      expect(broken.bad, file).toEqual([]);
      expect(broken.pwned, file).toBeNull();
      citations += broken.count;
    }
    expect(citations).toBeGreaterThan(files.length);
    await page.goto(pathToFileURL(join(digest.dir, 'stories', files[0]!)).href);
    await page.screenshot({ path: join(ARTIFACTS, 'digest-story.png'), fullPage: true });
  }, 120_000);

  it('follows a citation link to its source', async () => {
    await page.goto(digest.indexUrl);
    await page.locator('#top-headlines li a').first().click();
    await page.locator('sup.cite a').first().click();
    expect(page.url()).toMatch(/#source-\d+$/);
    const target = await page.evaluate(
      () => document.querySelector(':target')?.closest('#sources') !== null,
    );
    expect(target).toBe(true);
  });

  it('never runs a script planted in a feed, and logs no console errors', async () => {
    const html = readFileSync(join(digest.dir, 'index.html'), 'utf8');
    expect(html).toContain('Hostile Outlet');
    const planted = await page.evaluate(
      () => (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    );
    expect(planted).toBeNull();
    expect(problems.dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
