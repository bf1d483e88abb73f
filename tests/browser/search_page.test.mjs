// End to end in a real browser: Debian's Chromium, headless, driven by playwright-core, against
// gazette-serve on a loopback port over a database of the seed reports plus one crafted to attack
// the page. Environment: GAZETTE_INDEX, GAZETTE_SERVE (binaries), GAZETTE_CORPUS (corpus/reports),
// GAZETTE_SCREENSHOTS (where to save screenshots).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  throw new Error('playwright-core is not installed: run `npm ci` in tests/browser (scripts/test does)');
}

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run this test through ctest)`);
  return value;
};
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const PULS = '000_538164c2fa05198d';
const EVIL_TITLE = '<script>alert(1)</script> Zeppelin sighting';
const EVIL_BODY = 'A zeppelin was seen over the harbour. <img src=x onerror=alert(2)> Nobody believed it.';

const work = mkdtempSync(join(tmpdir(), 'gazette-browser-'));
const shots = process.env.GAZETTE_SCREENSHOTS ?? join(work, 'screenshots');
let server;
let base;
let context;
let page;
const problems = [];

before(async () => {
  mkdirSync(shots, { recursive: true });
  const reports = join(work, 'reports');
  mkdirSync(reports);
  writeFileSync(join(reports, 'evil.txt'), [
    '---', 'id: evil_1', `title: "${EVIL_TITLE}"`, 'outlet: "Harbour <b>Gazette</b>"',
    'date: 2025-01-29', '---', '', EVIL_BODY, '',
  ].join('\n'));
  const db = join(work, 'db');
  execFileSync(env('GAZETTE_INDEX'), ['--db', db, '--quiet', env('GAZETTE_CORPUS'), reports]);
  base = await startServer(db);
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10000);
  // Nothing may run from a report: no dialog, no script error, no CSP violation, no failed load.
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // API answers of 4xx are expected (an unknown report, a bad query) and the browser logs each;
  // any other failed load (a missing script or style sheet) is a problem.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/api/')) {
      problems.push(`${response.status()}: ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    // A search overtaken by a newer one is cancelled on purpose.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()}`);
  });
});

after(async () => {
  await context?.close();
  if (server) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  rmSync(work, { recursive: true, force: true });
});

function startServer(db) {
  server = spawn(env('GAZETTE_SERVE'), ['--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`gazette-serve exited with ${code}: ${out}`)));
  });
}

const resultIds = () => page.locator('#result-list > li').evaluateAll((items) => items.map((li) => li.dataset.id));

async function search(words) {
  await page.fill('#q', words);
  await page.press('#q', 'Enter');
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, words);
  await settle();
}

/** Waits until no request is in flight and the results are drawn. */
async function settle() {
  await page.waitForFunction(() => document.getElementById('results')?.dataset.rendered !== undefined);
}

test('the page is served with a Content-Security-Policy and loads without errors', async () => {
  const response = await page.goto(`${base}/`);
  assert.equal(response.status(), 200);
  const headers = response.headers();
  assert.match(headers['content-security-policy'], /script-src 'self'/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  await settle();
  // With no query the page lists the newest reports.
  assert.equal((await resultIds()).length, 6);
});

test('Puls withdrawal: report 000 first, with a highlighted snippet', async () => {
  await search('Puls withdrawal');
  const ids = await resultIds();
  assert.equal(ids[0], PULS);
  const first = page.locator('#result-list > li').first();
  const marks = await first.locator('.snippet mark').allTextContents();
  assert.ok(marks.includes('Puls'), `marked words: ${marks}`);
  assert.match(await page.textContent('#result-summary'), /5 reports match/);
  await page.screenshot({ path: join(shots, 'search.png'), fullPage: true });
});

test('the Kyiv Post outlet facet keeps exactly its two reports', async () => {
  await page.locator('[data-facet="outlet"] label', { hasText: 'Kyiv Post' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('outlet').includes('Kyiv Post'));
  await settle();
  const ids = await resultIds();
  assert.deepEqual([...ids].sort(), [PULS, '001_3c87959d9f703bea']);
  const outlets = await page.locator('#result-list .result-outlet').allTextContents();
  assert.deepEqual(outlets, ['Kyiv Post', 'Kyiv Post']);
  // The chip shows the filter; other outlets stay on offer (values of one facet OR together).
  assert.equal(await page.locator('#chips button', { hasText: 'Outlet: Kyiv Post' }).count(), 1);
  await page.locator('[data-facet="outlet"] label', { hasText: 'Euromaidan Press' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('outlet').length === 2);
  await settle();
  assert.equal((await resultIds()).length, 3);
  await page.screenshot({ path: join(shots, 'facet.png'), fullPage: true });
  // Back walks the history: one outlet, then none.
  await page.goBack();
  await settle();
  assert.equal((await resultIds()).length, 2);
  await page.goBack();
  await settle();
  assert.equal((await resultIds()).length, 5);
  // A chip removes its filter.
  await page.goForward();
  await settle();
  await page.locator('#chips button', { hasText: 'Outlet: Kyiv Post' }).click();
  await settle();
  assert.equal((await resultIds()).length, 5);
  assert.equal(new URL(page.url()).searchParams.getAll('outlet').length, 0);
});

test('entity facets: a name keeps its count; two names of one kind OR together', async (t) => {
  await page.goto(`${base}/?q=troops`);
  await settle();
  const people = page.locator('[data-facet="person"] li');
  if ((await people.count()) < 2) {
    t.skip('this build extracts no entities');
    return;
  }
  const count = async (item) => Number(await item.locator('.facet-count').textContent());
  const first = await count(people.nth(0));
  const second = await count(people.nth(1));
  await people.nth(0).locator('label').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('person').length === 1);
  await settle();
  assert.equal((await resultIds()).length, Math.min(first, 10));
  await page.locator('[data-facet="person"] li').nth(1).locator('label').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('person').length === 2);
  await settle();
  const both = Number((await page.textContent('#result-summary')).match(/(\d+) report/)[1]);
  assert.ok(both >= Math.max(first, second) && both <= first + second, `${first} | ${second} = ${both}`);
});

test('a bookmarked URL restores the whole search', async () => {
  await page.goto(`${base}/?q=troops&outlet=Kyiv+Post&sort=date`);
  await settle();
  assert.equal(await page.inputValue('#q'), 'troops');
  assert.equal(await page.inputValue('#sort'), 'date');
  assert.ok(await page.isChecked('[data-facet="outlet"] input[type=checkbox]:near(:text("Kyiv Post"))'));
  assert.deepEqual(await resultIds(), ['001_3c87959d9f703bea', PULS]);
});

test('the date histogram filters by a clicked bar and by a dragged range', async () => {
  await page.goto(`${base}/?q=troops`);
  await settle();
  const bar = page.locator('.histogram-bar[data-value="2025-01-31"]');
  await bar.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2025-01-31');
  await settle();
  assert.deepEqual([...(await resultIds())].sort(), ['001_3c87959d9f703bea', '004_c601d5b61a287260']);
  assert.equal(await page.locator('.histogram-bar.chosen').count(), 1);
  // Drag from the first day to 31 January: three reports.
  const start = await page.locator('.histogram-bar[data-value="2025-01-27"]').boundingBox();
  const end = await page.locator('.histogram-bar[data-value="2025-01-31"]').boundingBox();
  await page.mouse.move(start.x + start.width / 2, start.y + start.height - 4);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height - 4, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2025-01-27');
  await settle();
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('to'), '2025-01-31');
  assert.deepEqual([...(await resultIds())].sort(), [PULS, '001_3c87959d9f703bea', '004_c601d5b61a287260']);
  await page.screenshot({ path: join(shots, 'histogram.png'), fullPage: true });
});

test('markup in a report shows as text and never runs', async () => {
  await page.goto(`${base}/`);
  await search('zeppelin');
  assert.deepEqual(await resultIds(), ['evil_1']);
  const result = page.locator('#result-list > li').first();
  assert.equal(await result.locator('.result-title').textContent(), EVIL_TITLE);
  assert.equal(await result.locator('.result-outlet').textContent(), 'Harbour <b>Gazette</b>');
  assert.match(await result.locator('.snippet').textContent(), /<img src=x onerror=alert\(2\)>/);
  assert.equal(await page.locator('#result-list script, #result-list img, #result-list b').count(), 0);
  assert.equal(await page.locator('[data-facet="outlet"] b').count(), 0);
  await page.screenshot({ path: join(shots, 'escaping.png'), fullPage: true });
  // The whole report, opened from its title.
  await result.locator('.result-title a').click();
  await page.waitForURL(/\/report\/evil_1/);
  await page.waitForSelector('#report-title');
  assert.equal(await page.textContent('#report-title'), EVIL_TITLE);
  assert.match(await page.textContent('.report-body'), /<img src=x onerror=alert\(2\)>/);
  assert.equal(await page.locator('#report-view script, #report-view img').count(), 0);
  // Back to the results it came from.
  await page.click('.back-link');
  await settle();
  assert.deepEqual(await resultIds(), ['evil_1']);
});

test('a report page shows the whole text; an unknown id says so', async () => {
  await page.goto(`${base}/report/${PULS}`);
  await page.waitForSelector('#report-title');
  assert.match(await page.textContent('.report-body'), /Puls/);
  assert.match(await page.textContent('.report-meta'), /Kyiv Post/);
  await page.screenshot({ path: join(shots, 'report.png'), fullPage: true });
  await page.goto(`${base}/report/no_such_report`);
  await page.waitForSelector('#report-view [role=alert]');
  assert.match(await page.textContent('#report-view'), /No such report/);
});

test('a query error is shown with its hint', async () => {
  await page.goto(`${base}/`);
  await settle();
  await search('Puls AND');
  assert.match(await page.textContent('#message'), /has nothing after it/);
  assert.equal(await page.isVisible('#message'), true);
});

test('keyboard: slash focuses the search box, Enter searches, Space ticks a facet', async () => {
  await page.goto(`${base}/`);
  await settle();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('troops');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'troops');
  await settle();
  await page.focus('[data-facet="outlet"] input[type=checkbox]');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('outlet').length === 1);
  await settle();
  // Focus stays on the box that was ticked, so the next Tab goes on from there.
  assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox');
  assert.equal(await page.evaluate(() => document.activeElement.checked), true);
});

test('a phone-width screen: one column, filters folded, nothing wider than the screen', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/?q=Puls+withdrawal`);
  await settle();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  assert.equal(await page.evaluate(() => document.getElementById('filters').open), false);
  await page.screenshot({ path: join(shots, 'phone.png'), fullPage: true });
  await page.click('#filters > summary');
  assert.equal(await page.isVisible('[data-facet="outlet"]'), true);
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('nothing ran from a report and the page logged no errors', () => {
  assert.deepEqual(problems, []);
});
