#!/usr/bin/env node
// certs.js SITE CASES SHOTS-DIR - the certificate verify page
// (verify.html, site/verify.js) in headless Debian Chromium driven by
// playwright-core. SITE is served over http from 127.0.0.1 (a secure
// context for WebCrypto; status.txt is fetched). CASES is a file of
// lines "NAME<TAB>AS-OF<TAB>EXPECTED-VERDICT<TAB>TEST(yes|no)<TAB>TOKEN";
// each case opens verify.html?as-of=AS-OF#TOKEN and compares the verdict
// the page shows (and whether it says "signed with the test key") with
// the expected one. A last case types a token into the form.
//
// Prints "PASS name (N ms)" or "FAIL name: why" per case, then a summary
// line "certs: ..."; exits 1 if a case failed.
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const { chromium } = require('playwright-core');

const SITE = path.resolve(process.argv[2]);
const CASES = fs.readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean)
  .map((l) => { const [name, asOf, verdict, test, token] = l.split('\t'); return { name, asOf, verdict, test: test === 'yes', token }; });
const SHOTS = path.resolve(process.argv[4] || 'output/screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
    '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8' };
  const server = http.createServer((req, res) => {
    const u = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.resolve(root, '.' + u);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function verdictOf(page) {
  await page.waitForSelector('#verify-result[data-done="true"]', { timeout: 10000 });
  return page.evaluate(() => {
    const p = document.querySelector('#verify-result .verdict');
    return { verdict: p.getAttribute('data-verdict'), test: !!p.querySelector('.verdict-test'),
      text: document.getElementById('verify-result').textContent };
  });
}

(async () => {
  const t0 = Date.now();
  const server = await serve(SITE);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const errors = [];
  let failed = 0;
  fs.mkdirSync(SHOTS, { recursive: true });
  const check = async (name, fn) => {
    const t = Date.now();
    try {
      await fn();
      console.log(`PASS ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e.message}`);
    }
  };
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  for (const c of CASES) {
    await check(`verify page: ${c.name}`, async () => {
      await page.goto('about:blank');
      await page.goto(`${base}verify.html?as-of=${c.asOf}#${c.token}`);
      const v = await verdictOf(page);
      if (v.verdict !== c.verdict || v.test !== c.test)
        throw new Error(`expected ${c.verdict}${c.test ? ' (test key)' : ''}, the page says: ${v.text}`);
      if (c.name.startsWith('shot '))
        await page.screenshot({ path: path.join(SHOTS, `verify-${c.verdict}.png`), fullPage: true });
    });
  }
  await check('verify page: a token typed into the form', async () => {
    const c = CASES[0];
    await page.goto('about:blank');
    await page.goto(`${base}verify.html?as-of=${c.asOf}`);
    await page.fill('#verify-token', c.token.replace(/(.{60})/g, '$1\n'));
    await page.click('.verify-form button');
    const v = await verdictOf(page);
    if (v.verdict !== c.verdict) throw new Error(`expected ${c.verdict}, the page says: ${v.text}`);
  });
  await check('keys page lists every key with its fingerprint', async () => {
    await page.goto(`${base}keys.html`);
    const rows = await page.$$eval('table.keys tbody tr', (trs) => trs.map((t) => t.textContent));
    if (!rows.length || !rows.every((r) => /([0-9a-f]{4} ){15}[0-9a-f]{4}/.test(r)))
      throw new Error(`rows: ${JSON.stringify(rows)}`);
  });
  await check('no script errors on the verify page', async () => {
    if (errors.length) throw new Error(errors.join('; '));
  });
  await browser.close();
  server.close();
  console.log(`certs: ${CASES.length + 3} cases; total ${Date.now() - t0} ms`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.log(`FAIL certs.js: ${e.stack}`); process.exit(1); });
