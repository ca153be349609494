#!/usr/bin/env node
// Accessibility check of a built arsrapport site.
//
//   node tests/a11y/check.mjs <site-folder> [<site-folder> ...]
//
// Opens every .html page of each folder from file:// in Debian's headless Chromium
// (never a downloaded browser), at a desktop width (1280 px) and a phone width (390 px),
// runs axe-core with the WCAG 2.1 A and AA rules, and on the first page also runs it
// again with the search results open. Prints every violation with the elements it was
// found on and exits 1 if there was any (2 if the check itself could not run).
//
// Environment: CHROMIUM (default /usr/bin/chromium).

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
];
// WCAG 1.4.10 Reflow: at 320 CSS px the page itself must not scroll sideways (wide tables
// scroll inside their own container). axe does not test this; it is checked here.
const REFLOW = { name: 'reflow 320px', width: 320, height: 640 };

function pages(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'assets') out.push(...pages(path));
    } else if (name.endsWith('.html')) {
      out.push(path);
    }
  }
  return out;
}

async function audit(page, label) {
  // Evaluated through the DevTools protocol: the pages' Content-Security-Policy stays on
  // (a <script> tag would be refused by it), so the search check below runs under it too.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
        // No XHR for stylesheets: that is refused from file:// and would be reported as an error.
        preload: false,
      }),
    TAGS,
  );
  for (const v of result.violations) {
    console.log(`\n✗ ${label}: ${v.id} (${v.impact}) ${v.help}\n  ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 10)) {
      console.log(`  - ${node.target.join(' ')}\n    ${node.failureSummary.replace(/\n/g, '\n    ')}`);
    }
    if (v.nodes.length > 10) console.log(`  … and ${v.nodes.length - 10} more`);
  }
  return result.violations.length;
}

async function main() {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node tests/a11y/check.mjs <site-folder> [<site-folder> ...]');
    return 2;
  }
  const files = [];
  for (const dir of dirs) {
    const root = resolve(dir);
    const found = pages(root);
    if (found.length === 0) {
      console.error(`no .html pages in ${root}: build the site first (see tests/a11y/README.md)`);
      return 2;
    }
    files.push(...found.map((file) => ({ root, file })));
  }

  const profile = mkdtempSync(join(tmpdir(), 'arsrapport-a11y-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--user-data-dir=${profile}`,
    ],
  });
  let violations = 0;
  let checked = 0;
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    // Only file:// may be loaded: any request elsewhere is an error (the site must be self-contained).
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('about:')) {
        request.continue();
      } else {
        errors.push(`${page.url()}: external request to ${url}`);
        request.abort();
      }
    });
    for (const viewport of VIEWPORTS) {
      await page.setViewport(viewport);
      for (const { root, file } of files) {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        violations += await audit(page, `${relative(root, file)} [${viewport.name}]`);
        checked += 1;
      }
    }
    await page.setViewport(REFLOW);
    for (const { root, file } of files) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > REFLOW.width) {
        console.log(`\n✗ ${relative(root, file)} [${REFLOW.name}]: the page is ${width} px wide (reflow, WCAG 1.4.10)`);
        violations += 1;
      }
    }
    // The search, opened: the form, the status line and a list of hits.
    const { root, file } = files.find((f) => f.file.endsWith('index.html')) || files[0];
    await page.setViewport(VIEWPORTS[0]);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const search = await page.$('form.search:not([hidden]) input[type=search]');
    if (!search) {
      errors.push(`${relative(root, file)}: the search form was not shown by site.js`);
    } else {
      await search.type('barnehage');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.search-results:not([hidden]) a', { timeout: 10000 }).catch(() => {
        errors.push(`${relative(root, file)}: searching for «barnehage» showed no hits`);
      });
      violations += await audit(page, `${relative(root, file)} [search open]`);
      checked += 1;
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  for (const e of errors) console.log(`\n✗ ${e}`);
  console.log(
    `\naxe (${TAGS.join(', ')}): ${checked} page views, reflow at ${REFLOW.width} px: ${files.length} pages; ` +
      `${violations} violation(s), ${errors.length} script/network error(s)`,
  );
  return violations > 0 || errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
