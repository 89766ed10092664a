#!/usr/bin/env node
// browser.js SITE HOSTILE-SITE SHOTS-DIR [PUBLISHED-SITE [ISA-SITE
// ISA-VARIANT-SITE]] - the website in a real browser.
//
// Headless Debian Chromium (/usr/bin/chromium) driven by playwright-core,
// launched once; every case opens pages of SITE (the bundled catalogue)
// from file:// and, for the objective filter, from a small HTTP server
// started here. HOSTILE-SITE is a site built from a copy of the catalogue
// with hostile text injected (tests/site/inject.js). PUBLISHED-SITE is
// the site of tests/fixtures/published (three levels, one of them for
// one objective and with a colour of its own), served under
// /published/. ISA-SITE is the site of examples/isa (chapters of
// sections, chapter.section.question numbers), served under /isa/;
// ISA-VARIANT-SITE that of tests/site/isa-variant.sh (a section whose
// questions apply only to high and very high protection needs), under
// /isa-variant/. Screenshots for review go to SHOTS-DIR.
//
// Prints one line per case, "PASS name (N ms)" or "FAIL name: why", then
// summary lines (pages visited, axe figures, timings); exits 1 if a case
// failed. tests/t-browser.sh turns the lines into the suite's results.
'use strict';

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const vm = require('vm');
const { chromium } = require('playwright-core');

const SITE = path.resolve(process.argv[2] || 'output/site');
const HOSTILE = path.resolve(process.argv[3] || '');
const SHOTS = path.resolve(process.argv[4] || 'output/screenshots');
const PUBLISHED = process.argv[5] ? path.resolve(process.argv[5]) : '';
const ISA = process.argv[6] ? path.resolve(process.argv[6]) : '';
const ISA_VARIANT = process.argv[7] ? path.resolve(process.argv[7]) : '';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const t0 = Date.now();
const problems = []; // console errors, page errors, dialogs, foreign requests
const visited = new Set();
let failures = 0;
let server = null;
let httpBase = '';

function fileUrl(root, rel) {
  return 'file://' + path.join(root, rel).split(path.sep).map(encodeURIComponent).join('/');
}
const site = (rel) => fileUrl(SITE, rel);
const published = (rel) => fileUrl(PUBLISHED, rel);
const isa = (rel) => fileUrl(ISA, rel);
const isaVariant = (rel) => fileUrl(ISA_VARIANT, rel);

function expect(cond, msg) {
  if (!cond) throw new Error(msg);
}

function same(a, b, what) {
  const x = JSON.stringify(a), y = JSON.stringify(b);
  expect(x === y, `${what}: got ${x.slice(0, 300)}, want ${y.slice(0, 300)}`);
}

async function test(name, fn) {
  const t = Date.now();
  try {
    await fn();
    console.log(`PASS ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${String(e && e.message || e).split('\n').slice(0, 6).join(' | ')}`);
  }
}

// Every page records console errors, uncaught exceptions and dialogs; a
// hostile payload that ran would show up here as well as in __pwned.
function watch(page) {
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught exception on ${page.url()}: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog on ${page.url()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) visited.add(f.url().replace(/[?#].*$/, '')); });
  return page;
}

async function newContext(browser, opts) {
  const ctx = await browser.newContext(Object.assign({ viewport: { width: 1280, height: 900 } }, opts || {}));
  ctx.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('file://') && !(httpBase && u.startsWith(httpBase)) && !u.startsWith('data:')) {
      problems.push(`request outside the site: ${u}`);
    }
  });
  return ctx;
}

// Goes to url (or waits for the navigation fn starts) and checks that no
// injected script ran.
async function go(page, url) {
  await page.goto(url);
  await clean(page);
}

async function clean(page) {
  await page.waitForLoadState('load');
  const pwned = await page.evaluate(() => window.__pwned);
  expect(pwned === undefined, `window.__pwned is ${pwned} on ${page.url()}`);
}

async function navigate(page, action, re) {
  await Promise.all([page.waitForURL(re), action()]);
  await clean(page);
}

// ---- search helpers ----

async function searchFor(page, q) {
  await page.fill('#search-input', q);
  await page.waitForFunction((want) => {
    const s = document.getElementById('search-status');
    const i = document.getElementById('search-input');
    return s && i.value === want && !/…|\.\.\./.test(s.textContent) && s.textContent.trim() !== '' &&
      document.querySelector('.search-popup') && !document.querySelector('.search-popup').hidden;
  }, q);
  return page.$$eval('.search-result', (as) => as.map((a) => ({
    href: a.getAttribute('href'),
    number: a.querySelector('.num').textContent,
    title: a.querySelector('.search-title').textContent,
    marks: [...a.querySelectorAll('mark')].map((m) => m.textContent),
    text: a.textContent,
  })));
}

function loadIndex(file) {
  const ctx = { window: {} };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), ctx, { timeout: 1000 });
  return ctx.window.vcscSearchIndex;
}

// ---- the objective filter helpers ----

async function choose(page, id) {
  await page.check(`#objective-filter input[value="${id}"]`);
}

// shown: the questions and requirements shown; wrong: any element
// carrying objectives (also a requirement's text for some objectives)
// hidden where it applies or shown where it does not.
async function filterState(page) {
  return page.evaluate(() => {
    const checked = document.querySelector('#objective-filter input:checked');
    const items = [...document.querySelectorAll('main [data-objectives]')];
    return {
      choice: checked ? checked.value : null,
      shown: items.filter((e) => e.dataset.uid && !e.hidden && !e.closest('[hidden]')).map((e) => e.dataset.uid),
      wrong: items.filter((e) => {
        const c = checked ? checked.value : 'all';
        const applies = c === 'all' || e.dataset.objectives.split(' ').includes(c);
        return applies === e.hidden;
      }).map((e) => e.dataset.uid || e.className),
      status: (document.querySelector('.filter-status') || {}).textContent,
      search: location.search,
    };
  });
}

// The questions and requirements an objective page lists (the no-script
// way to see what applies), optionally of one chapter.
async function objectiveLists(ctx, rel, chapter) {
  const p = watch(await ctx.newPage());
  await go(p, site(rel));
  const r = await p.evaluate((ch) => {
    const scope = ch ? document.querySelector(`section[data-chapter="${ch}"]`) : document.querySelector('main');
    if (!scope) return { questions: [], requirements: [] };
    return {
      questions: [...scope.querySelectorAll('article[data-uid]')].map((e) => e.dataset.uid),
      requirements: [...scope.querySelectorAll('.req[data-uid]')].map((e) => e.dataset.uid),
    };
  }, chapter);
  await p.close();
  return r;
}

// ---- a small static server for the http(s) behaviour ----

// root at /, and each of mounts ({ '/published/': dir }) under its prefix.
function startServer(root, mounts) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' };
  server = http.createServer((req, res) => {
    let u = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let dir = root;
    for (const [prefix, d] of Object.entries(mounts || {})) {
      if (d && u.startsWith(prefix)) { dir = d; u = '/' + u.slice(prefix.length); }
    }
    const file = path.resolve(dir, '.' + u);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    httpBase = `http://127.0.0.1:${server.address().port}/`;
    resolve();
  }));
}

// A crafted index to pin down folding and ranking, in a copy of the site.
function craftedSite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vcsc-crafted-'));
  fs.cpSync(SITE, dir, { recursive: true });
  const q = (n, t, f, r) => ({ n, u: 'u' + n, h: `questions/${n}.html`, t, f: f || {}, r: r || [] });
  const data = {
    format: 2, version: 'vcsa/1.1', id: '1.1', lang: 'de', standards: ['ISO/SAE 21434', 'UNECE R155', 'ISO/PAS 5112'],
    levels: ['must', 'should', 'very-high'], questions: [
      q('1.1', 'Anschrift', { q: 'Wo liegt die Straße des Werks?' }),
      q('1.2', 'Strassenverkehr', { o: 'Fahrzeuge im Verkehr.' }),
      q('1.3', 'Lieferkette', {}, [{ l: '1.3.a', a: 'r-a', v: [[0, 'Der Lieferant muss die Zulieferkette kennen.']] }]),
      q('1.4', 'Zusammenarbeit', {}, [{ l: '1.4.a', a: 'r-b', v: [[1, 'Die Zulieferkette soll bekannt sein.']] }]),
      q('1.5', 'Über uns', { q: 'Wer ist für das Café zuständig?' }),
      q('2.1', 'Ohne Treffer', { i: 'Die Prüfung ist weiter hinten erklärt.' }),
      q('2.2', 'Anforderung', {}, [{ l: '2.2.a', a: 'r-c', v: [[0, 'Eine Prüfung muss stattfinden.']] }]),
      q('2.3', 'Frage', { q: 'Wann erfolgt die Prüfung?' }),
      q('2.4', 'Prüfung', { q: 'Der Titel allein.' }),
      Object.assign(q('2.5', 'Hostile <img src=x onerror="window.__pwned=7"> Bild', { q: '<script>window.__pwned=8</script> Bild' }), { h: 'questions/1.1.html' }),
      // references: a mention in body text, citations by a requirement
      // and by a question, and one whose parts match only apart
      q('3.1', 'Richtlinie', { i: 'Siehe RQ-09-01 im Anhang.' }),
      q('3.2', 'Planung', {}, [{ l: '3.2.a', a: 'r-d', v: [[0, 'Ein Plan muss bestehen.']], x: [[0, 'RQ-09-01', 'WP-09-02']] }]),
      q('3.3', 'Andere', {}, [{ l: '3.3.a', a: 'r-e', v: [[0, 'Etwas anderes.']], x: [[0, 'RQ-09-02', 'RQ-10-01']] }]),
      Object.assign(q('3.4', 'Gesetz', {}), { x: [[1, '7.2.2.2(b)'], [2, 'A.5.1']] }),
      q('3.5', 'Umgang mit RQ-09', { q: 'Welche?' }),
      Object.assign(q('3.6', 'Verordnung', {}), { x: [[1, '7.2.2.2(a)'], [2, 'A.5.10']] }),
      // a label as published and texts at a third level
      q('3.7', 'Rollen', {}, [{ l: '3.7.ii', a: 'r-f', v: [[0, 'Eine Person ist benannt.'], [2, 'Ein Gutachter wirkt jährlich mit.']], f: { c: 'Neu.' } }]),
    ],
  };
  fs.writeFileSync(path.join(dir, 'vcsa/1.1/de/search-index.js'), 'window.vcscSearchIndex=' + JSON.stringify(data) + ';\n');
  return dir;
}

// Words of the German 1.1 index that occur in exactly one requirement
// field and in no other field (not even inside another word).
function uniqueRequirementWords(index, max) {
  const fields = [];
  for (const q of index.questions) {
    fields.push({ q, text: q.t });
    for (const k of Object.keys(q.f || {})) fields.push({ q, text: q.f[k] });
    for (const r of q.r || []) {
      for (const [, text] of r.v || []) fields.push({ q, text, req: r });
      for (const k of Object.keys(r.f || {})) fields.push({ q, text: r.f[k], req: r });
    }
  }
  const lower = fields.map((f) => f.text.toLowerCase());
  const words = new Map();
  fields.forEach((f, i) => {
    for (const w of lower[i].split(/[^\p{L}\p{N}]+/u)) {
      if (w.length < 9 || !/^\p{L}+$/u.test(w)) continue;
      if (!words.has(w)) words.set(w, new Set());
      words.get(w).add(i);
    }
  });
  const out = [];
  for (const [w, set] of [...words.entries()].sort()) {
    if (set.size !== 1) continue;
    const i = [...set][0];
    if (!fields[i].req) continue;
    if (lower.some((t, j) => j !== i && t.includes(w))) continue;
    out.push({ word: w, question: fields[i].q.n, label: fields[i].req.l });
  }
  const step = Math.max(1, Math.floor(out.length / max));
  return { total: out.length, picked: out.filter((_, i) => i % step === 0).slice(0, max) };
}

(async () => {
  const tl = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const launchMs = Date.now() - tl;
  await startServer(SITE, { '/published/': PUBLISHED, '/isa/': ISA, '/isa-variant/': ISA_VARIANT });
  const ctx = await newContext(browser);
  const page = watch(await ctx.newPage());
  fs.mkdirSync(SHOTS, { recursive: true });

  await test('search: TARA finds 3.1 and Enter opens it', async () => {
    await go(page, site('vcsa/1.1/en/chapters/1.html'));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'search-input', '"/" does not focus the search box');
    const rs = await searchFor(page, 'TARA');
    expect(rs.length > 1, `${rs.length} results for TARA`);
    expect(/questions\/3\.1\.html$/.test(rs[0].href), `first result ${rs[0].href}`);
    expect(rs.some((r) => r.marks.includes('TARA')), 'TARA is not highlighted');
    await navigate(page, () => page.keyboard.press('Enter'), /vcsa\/1\.1\/en\/questions\/3\.1\.html/);
    const h1 = await page.textContent('h1');
    expect(/^3\.1 /.test(h1), `landed on "${h1}"`);
  });

  await test('search: German 1.1, a word of one requirement lists its question first', async () => {
    await go(page, site('vcsa/1.1/de/index.html'));
    let rs = await searchFor(page, 'Diagnosetester');
    expect(rs.length >= 1 && rs[0].number === '1.3', `first result ${rs[0] && rs[0].number}`);
    expect(/questions\/1\.3\.html#r-/.test(rs[0].href), `result does not lead to the requirement: ${rs[0].href}`);
    expect(rs[0].text.includes('1.3.c'), 'snippet does not name requirement 1.3.c');
    await navigate(page, () => page.click('.search-result >> nth=0'), /questions\/1\.3\.html#r-/);
    const target = await page.evaluate(() => { const t = document.querySelector(':target'); return t && t.textContent; });
    expect(target && target.includes('Diagnosetester'), 'the requirement is not the target of the address');
    // and words picked from the index itself
    const { total, picked } = uniqueRequirementWords(loadIndex(path.join(SITE, 'vcsa/1.1/de/search-index.js')), 8);
    expect(picked.length >= 5, `only ${picked.length} words found in exactly one requirement`);
    await go(page, site('vcsa/1.1/de/chapters/2.html'));
    for (const w of picked) {
      rs = await searchFor(page, w.word);
      expect(rs.length && rs[0].number === w.question, `"${w.word}" (only in ${w.label}): first result ${rs[0] && rs[0].number}`);
    }
    console.log(`  words in one requirement only: ${total}; searched: ${picked.map((w) => w.word).join(', ')}`);
  });

  await test('search: case, diacritics, prefixes', async () => {
    await go(page, site('vcsa/1.1/de/index.html'));
    let rs = await searchFor(page, 'Lieferant');
    expect(rs.some((r) => r.marks.some((m) => /^lieferant$/i.test(m)) && /lieferanten/i.test(r.text)), 'Lieferant does not find Lieferanten');
    rs = await searchFor(page, 'ueber');
    expect(rs.some((r) => r.marks.some((m) => /^über/i.test(m))), 'ueber does not find über');
    const n = rs.length;
    rs = await searchFor(page, 'ÜBER');
    expect(rs.length === n, `ÜBER finds ${rs.length}, ueber ${n}`);
    rs = await searchFor(page, 'pruefstaende');
    expect(rs.length === 1 && rs[0].number === '1.3', 'pruefstaende does not find Prüfstände');
    rs = await searchFor(page, 'xqzv');
    expect(rs.length === 0, 'nonsense finds something');
    await go(page, site('vcsa/1.1/en/index.html'));
    rs = await searchFor(page, 'incident response');
    expect(rs[0].number === '7.3', `"incident response": first ${rs[0].number}`);
    rs = await searchFor(page, '7.2');
    expect(rs.length === 1 && rs[0].number === '7.2', 'a question number does not find its question');
  });

  await test('search: reference identifiers list the questions citing them', async () => {
    const checked = [];
    for (const lang of ['en', 'de']) {
      const index = loadIndex(path.join(SITE, `vcsa/1.1/${lang}/search-index.js`));
      await go(page, site(`vcsa/1.1/${lang}/index.html`));
      for (const id of ['RQ-05-01', 'WP-05-01', '7.2.2.2(b)', 'A.5.1', 'ISO/SAE 21434 RQ-08-05']) {
        // the citing questions, from the index: by a requirement or itself
        const want = [], anchors = {};
        const bare = id.replace(/^.* /, '');
        for (const q of index.questions) {
          const cites = (x) => (x || []).some((g) => g.slice(1).includes(bare) && (bare === id || id === index.standards[g[0]] + ' ' + bare));
          const r = (q.r || []).find((rq) => cites(rq.x));
          if (cites(q.x) || r) {
            want.push(q.n);
            anchors[q.n] = cites(q.x) ? '' : '#' + r.a;
          }
        }
        expect(want.length > 0, `no question of ${lang} cites ${id}`);
        const rs = await searchFor(page, id);
        same(rs.slice(0, want.length).map((r) => r.number), want, `${lang}: ${id}`);
        for (const r of rs.slice(0, want.length)) {
          expect(r.href.endsWith(`questions/${r.number}.html${anchors[r.number]}`), `${lang} ${id}: ${r.number} leads to ${r.href}`);
          expect(r.marks.some((m) => m === bare), `${lang} ${id}: ${r.number} does not mark ${bare}: ${r.marks}`);
        }
        checked.push(`${id} ${want.length}`);
      }
    }
    // opening a result lands on the citing requirement
    await go(page, site('vcsa/1.1/en/index.html'));
    const rs = await searchFor(page, 'RQ-05-01');
    await navigate(page, () => page.keyboard.press('Enter'), /questions\/1\.1\.html#r-/);
    const target = await page.evaluate(() => { const t = document.querySelector(':target'); return t && t.textContent; });
    expect(target && target.includes('RQ-05-01'), `the target does not cite RQ-05-01 (${rs[0].href})`);
    console.log(`  identifiers searched (citing questions): ${checked.slice(0, 5).join(', ')}`);
  });

  const crafted = craftedSite();
  await test('search: folding and ranking on a crafted index', async () => {
    await go(page, fileUrl(crafted, 'vcsa/1.1/de/index.html'));
    const nums = async (q) => (await searchFor(page, q)).map((r) => r.number);
    same(await nums('Strasse'), ['1.2', '1.1'], 'Strasse (title before question text)');
    same(await nums('straße'), ['1.2', '1.1'], 'straße');
    same(await nums('STRASSE'), ['1.2', '1.1'], 'STRASSE');
    same(await nums('über'), ['1.5'], 'über');
    same(await nums('ueber'), ['1.5'], 'ueber');
    same(await nums('uber'), ['1.5'], 'uber');
    same(await nums('cafe'), ['1.5'], 'cafe');
    same(await nums('lieferkette'), ['1.3', '1.4'], 'lieferkette (word before compound)');
    same(await nums('Prüfung'), ['2.4', '2.3', '2.2', '2.1'], 'Prüfung (title, question, requirement, further information)');
    same(await nums('lieferant zulieferkette'), ['1.3'], 'all words must match');
    // an identifier: its parts in order; the questions citing it first
    // when it is the whole query, else ranked like body text
    same(await nums('RQ-09-01'), ['3.2', '3.1'], 'RQ-09-01 (cited before mentioned, not RQ-09-02 + RQ-10-01)');
    same(await nums('rq-09-01'), ['3.2', '3.1'], 'rq-09-01');
    same(await nums('ISO/SAE 21434 RQ-09-01'), ['3.2'], 'standard and identifier');
    same(await nums('WP-09-02'), ['3.2'], 'WP-09-02');
    same(await nums('RQ-09-01 Anhang'), ['3.1'], 'identifier and a word');
    same(await nums('RQ-09'), ['3.5', '3.1', '3.2', '3.3'], 'RQ-09 (title, then body text and references alike)');
    same(await nums('7.2.2.2(b)'), ['3.4'], '7.2.2.2(b)');
    same(await nums('7.2.2.2'), ['3.4', '3.6'], '7.2.2.2');
    same(await nums('A.5.1'), ['3.4', '3.6'], 'A.5.1 (whole before A.5.10)');
    // every level's text is searched; a label as published is a number
    let lv = await searchFor(page, 'Gutachter');
    expect(lv.length === 1 && lv[0].number === '3.7' && /questions\/3\.7\.html#r-f$/.test(lv[0].href) && lv[0].text.includes('3.7.ii'),
      `a third level's text: ${JSON.stringify(lv).slice(0, 200)}`);
    lv = await searchFor(page, '3.7.ii');
    expect(lv.length === 1 && /questions\/3\.7\.html#r-f$/.test(lv[0].href), `3.7.ii: ${JSON.stringify(lv).slice(0, 200)}`);
    let cited = await searchFor(page, 'RQ-09-01');
    expect(/questions\/3\.2\.html#r-d$/.test(cited[0].href), `a cited requirement is not the target: ${cited[0].href}`);
    expect(cited[0].text.includes('3.2.a') && cited[0].marks.includes('RQ-09-01'), `snippet: ${cited[0].text}`);
    cited = await searchFor(page, 'A.5.1');
    expect(cited[0].text.includes('Referenzen') && cited[0].marks.includes('A.5.1'), `question references: ${cited[0].text}`);
    const rs = await searchFor(page, 'Bild');
    expect(rs.length === 1 && rs[0].title.includes('<img src=x'), 'hostile title not shown as text');
    const live = await page.$$eval('#search-results img, #search-results script, #search-results [onerror]', (e) => e.length);
    expect(live === 0, `${live} live elements in the results`);
    await navigate(page, () => page.keyboard.press('Enter'), /questions\/1\.1\.html/);
  });

  await test('search: keyboard (/, arrows, Enter, Escape)', async () => {
    await go(page, site('vcsa/1.1/en/questions/1.1.html'));
    await page.keyboard.press('/');
    await page.keyboard.type('risk');
    await page.waitForSelector('.search-result');
    const active = () => page.evaluate(() => {
      const i = document.getElementById('search-input');
      const id = i.getAttribute('aria-activedescendant');
      const el = id && document.getElementById(id);
      return { id, selected: el && el.getAttribute('aria-selected'), expanded: i.getAttribute('aria-expanded'), focus: document.activeElement.id };
    });
    await page.keyboard.press('ArrowDown');
    let a = await active();
    expect(a.id === 'search-result-0' && a.selected === 'true' && a.expanded === 'true', `after ArrowDown: ${JSON.stringify(a)}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    a = await active();
    expect(a.id === 'search-result-1' && a.focus === 'search-input', `after Down, Down, Up: ${JSON.stringify(a)}`);
    const href = await page.getAttribute('#search-result-1', 'href');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('.search-popup'), 'Escape does not close the list');
    await page.keyboard.press('ArrowDown');
    expect(await page.isVisible('.search-popup'), 'ArrowDown does not reopen the list');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const want = new URL(href, page.url()).href;
    await navigate(page, () => page.keyboard.press('Enter'), (u) => u.href === want);
  });

  await test('search: home page searches the newest version in its language', async () => {
    await go(page, site('de/index.html'));
    const rs = await searchFor(page, 'Vorfall');
    expect(rs.length > 0 && rs.every((r) => r.href.startsWith('../vcsa/1.1/de/questions/')), `hrefs ${rs.map((r) => r.href).slice(0, 3)}`);
    await page.screenshot({ path: path.join(SHOTS, 'search-results.png') });
    await go(page, site('vcsa/1.0/en/chapters/1.html'));
    const old = await searchFor(page, 'policy');
    expect(old.length > 0 && old[0].href.startsWith('../../../../vcsa/1.0/en/'), `1.0 searches ${old[0] && old[0].href}`);
  });

  await test('version and language switching keep the page', async () => {
    const cases = [
      ['vcsa/1.0/en/questions/7.3.html', 'version', '1.1', /vcsa\/1\.1\/en\/questions\/7\.2\.html$/], // renumbered
      ['vcsa/1.0/en/questions/2.3.html', 'version', '1.1', /vcsa\/1\.1\/en\/questions\/1\.5\.html$/], // moved
      ['vcsa/1.1/en/questions/1.5.html', 'version', '1.0', /vcsa\/1\.0\/en\/questions\/2\.3\.html$/],
      ['vcsa/1.1/en/questions/1.5.html', 'lang', 'de', /vcsa\/1\.1\/de\/questions\/1\.5\.html$/],
      ['vcsa/1.1/de/questions/7.2.html', 'version', '1.0', /vcsa\/1\.0\/en\/questions\/7\.3\.html$/], // German to English
      ['vcsa/1.1/de/chapters/3.html', 'lang', 'en', /vcsa\/1\.1\/en\/chapters\/3\.html$/],
    ];
    for (const [from, how, to, re] of cases) {
      await go(page, site(from));
      const uid = await page.evaluate(() => { const a = document.querySelector('article.question'); return a ? a.dataset.uid : null; });
      if (how === 'version') {
        await page.click('.version-menu summary');
        await navigate(page, () => page.click(`.version-menu li[data-version="${to}"] a`), re);
      } else {
        await navigate(page, () => page.click(`.languages a[hreflang="${to}"]`), re);
      }
      const uid2 = await page.evaluate(() => { const a = document.querySelector('article.question'); return a ? a.dataset.uid : null; });
      expect(uid === uid2, `${from} -> ${page.url()}: question ${uid} became ${uid2}`);
    }
  });

  await test('objective filter hides what does not apply (chapter pages)', async () => {
    for (const [ch, obj] of [['5', 'production'], ['6', 'development'], ['7', 'operations'], ['1', 'development']]) {
      await go(page, site(`vcsa/1.1/en/chapters/${ch}.html`));
      expect(await page.isVisible('#objective-filter fieldset'), 'no filter control');
      await choose(page, obj);
      const st = await filterState(page);
      same(st.wrong, [], `chapter ${ch}, ${obj}: shown/hidden wrongly`);
      const want = await objectiveLists(ctx, `vcsa/1.1/en/objectives/${obj}.html`, ch);
      const shownQ = await page.$$eval('article.question-summary:not([hidden])', (e) => e.map((x) => x.dataset.uid));
      const shownR = await page.$$eval('article.question-summary:not([hidden]) .req:not([hidden])', (e) => e.map((x) => x.dataset.uid));
      same(shownQ, want.questions, `chapter ${ch}, ${obj}: questions shown vs. objective page`);
      same(shownR, want.requirements, `chapter ${ch}, ${obj}: requirements shown vs. objective page`);
      const total = await page.$$eval('article.question-summary', (e) => e.length);
      expect(st.status === `${shownQ.length} of ${total} questions shown.`, `status "${st.status}"`);
      await choose(page, 'all');
      const all = await filterState(page);
      expect(all.shown.every(Boolean) && (await page.$$eval('main [hidden]', (e) => e.length)) === 0, 'All does not show everything');
    }
  });

  await test('objective filter on all requirements (German)', async () => {
    await go(page, site('vcsa/1.1/de/requirements.html'));
    await choose(page, 'operations');
    const st = await filterState(page);
    same(st.wrong, [], 'shown/hidden wrongly');
    const want = await objectiveLists(ctx, 'vcsa/1.1/de/objectives/operations.html');
    same(st.shown, want.requirements, 'requirements shown vs. objective page');
    // every shown question keeps its link: on its first shown row
    const orphans = await page.evaluate(() => {
      const seen = new Set();
      const bad = [];
      for (const tr of document.querySelectorAll('tr[data-question]:not([hidden])')) {
        if (seen.has(tr.dataset.question)) continue;
        seen.add(tr.dataset.question);
        if (!tr.querySelector('.req-question')) bad.push(tr.dataset.uid);
      }
      return bad;
    });
    same(orphans, [], 'rows without their question');
    const emptyChapters = await page.$$eval('tbody:not([hidden])', (bs) => bs.filter((b) => !b.querySelector('tr[data-question]:not([hidden])')).length);
    expect(emptyChapters === 0, `${emptyChapters} empty chapters shown`);
    await page.screenshot({ path: path.join(SHOTS, 'filter-requirements.png') });
  });

  await test('objective filter: a level for one objective (published catalogue)', async () => {
    expect(PUBLISHED && fs.existsSync(path.join(PUBLISHED, 'index.html')), 'no published site given');
    // 1.1.e has a must, a should and a very-high text; the very-high
    // level applies only to the objective very-high
    const e = (p) => p.evaluate(() => {
      const vis = (x) => !!x && !x.hidden && !x.closest('[hidden]');
      const r = document.getElementById('r-gov-rules-reviewed');
      return {
        shown: vis(r),
        texts: [...r.querySelectorAll('.stmt')].filter(vis).map((x) => x.className.replace('stmt stmt-', '')),
        tags: [...r.querySelectorAll('.req-head .level-tag')].filter(vis).map((x) => x.textContent.trim()),
      };
    });
    await go(page, published('vcsp/1.1/en/chapters/1.html'));
    const all = { shown: true, texts: ['must', 'should', 'very-high'], tags: ['Must', 'Should', 'Very high'] };
    same(await e(page), all, '1.1.e, all objectives');
    for (const [obj, want] of [['normal', { shown: true, texts: ['must', 'should'], tags: ['Must', 'Should'] }],
      ['high', { shown: true, texts: ['must', 'should'], tags: ['Must', 'Should'] }], ['very-high', all]]) {
      await choose(page, obj);
      same((await filterState(page)).wrong, [], `chapter 1, ${obj}: shown/hidden wrongly`);
      same(await e(page), want, `1.1.e, ${obj}`);
    }
    await choose(page, 'all');
    same(await e(page), all, '1.1.e, all objectives again');
    // the table: what the filter shows is what the objective page lists,
    // and a requirement whose only text is very-high (3.2.a) goes
    for (const obj of ['normal', 'very-high']) {
      const op = watch(await ctx.newPage());
      await go(op, published(`vcsp/1.1/en/objectives/${obj}.html`));
      const listed = await op.evaluate(() => ({
        requirements: [...document.querySelectorAll('main .req[data-uid]')].map((x) => x.dataset.uid),
        veryHigh: document.querySelectorAll('main .stmt-very-high').length,
      }));
      await op.close();
      expect((listed.veryHigh > 0) === (obj === 'very-high'), `objective page ${obj} shows ${listed.veryHigh} very-high texts`);
      await go(page, published('vcsp/1.1/en/requirements.html'));
      await choose(page, obj);
      const st = await filterState(page);
      same(st.wrong, [], `requirements, ${obj}: shown/hidden wrongly`);
      same(st.shown, listed.requirements, `requirements, ${obj}: shown vs. objective page`);
      expect(st.shown.includes('gov-suppliers-audit') === (obj === 'very-high'), `requirements, ${obj}: 3.2.a`);
      const vh = await page.$$eval('tr .stmt-very-high', (xs) => xs.filter((x) => !x.hidden && !x.closest('[hidden]')).length);
      expect(vh === (obj === 'very-high' ? 2 : 0), `requirements, ${obj}: ${vh} very-high texts shown`);
      expect(st.status === `${st.shown.length} of 15 requirements shown.`, `status "${st.status}"`);
      if (obj === 'normal') await page.screenshot({ path: path.join(SHOTS, 'published-filter-normal.png'), fullPage: true });
    }
    await choose(page, 'all');
    await go(page, published('vcsp/1.1/en/questions/1.1.html'));
    await page.screenshot({ path: path.join(SHOTS, 'published-question.png'), fullPage: true });
  });

  await test('version menu names every successor (published catalogue)', async () => {
    await go(page, published('vcsp/1.0/de/questions/1.3.html'));
    await page.click('.version-menu summary');
    const item = await page.$eval('.version-menu li[data-version="1.1"]', (li) => ({
      text: li.textContent.replace(/\s+/g, ' ').trim(),
      links: [...li.querySelectorAll('.menu-successors a')].map((a) => a.getAttribute('href')),
    }));
    expect(item.text.endsWith('dort zurückgezogen fortgeführt in 3.1, 3.2 und 3.3'), `menu: ${item.text}`);
    same(item.links.map((h) => h.replace(/^.*\/vcsp\//, '')), ['1.1/de/questions/3.1.html', '1.1/de/questions/3.2.html', '1.1/de/questions/3.3.html'], 'successor links');
    await page.screenshot({ path: path.join(SHOTS, 'published-version-menu.png') });
    await navigate(page, () => page.click('.version-menu .menu-successors a >> nth=1'), /vcsp\/1\.1\/de\/questions\/3\.2\.html/);
  });

  // ---- sections (examples/isa) ----

  // The sections of a page and whether each is shown, with the uids of
  // the questions shown in it.
  const sectionState = (p) => p.evaluate(() => [...document.querySelectorAll('main section[data-section]')].map((sec) => ({
    uid: sec.dataset.section,
    shown: !sec.hidden && !sec.closest('[hidden]'),
    questions: [...sec.querySelectorAll('article[data-uid]')].filter((a) => !a.hidden).map((a) => a.dataset.uid),
  })));

  await test('sections: the objective filter hides a section whose questions it hides all', async () => {
    expect(ISA && ISA_VARIANT && fs.existsSync(path.join(ISA_VARIANT, 'index.html')), 'no sites of examples/isa given');
    // the variant: 2.2 holds only questions for high and very high needs
    await go(page, isaVariant('isa/1.1/en/chapters/2.html'));
    await choose(page, 'normal');
    let st = await filterState(page);
    same(st.wrong, [], 'chapter 2, normal: shown/hidden wrongly');
    same(await sectionState(page), [
      { uid: 'hr-people', shown: true, questions: ['hr-screening', 'hr-awareness', 'hr-leaving'] },
      { uid: 'hr-premises', shown: false, questions: [] },
    ], 'chapter 2, normal');
    expect(st.status === '3 of 5 questions shown.', `status "${st.status}"`);
    await page.screenshot({ path: path.join(SHOTS, 'isa-filter-section.png'), fullPage: true });
    for (const obj of ['high', 'all']) {
      await choose(page, obj);
      expect((await sectionState(page)).every((x) => x.shown), `chapter 2, ${obj}: a section is hidden`);
    }
    // its row of the requirements table goes too; no section row is left
    // without a shown row below it
    const rows = () => page.evaluate(() => {
      const out = [];
      for (const tr of document.querySelectorAll('tbody tr')) {
        const shown = !tr.hidden && !tr.closest('[hidden]');
        if (tr.dataset.section) out.push({ section: tr.dataset.section, shown, rows: 0 });
        else if (tr.dataset.question && shown && out.length) out[out.length - 1].rows++;
      }
      return out;
    });
    await go(page, isaVariant('isa/1.1/de/requirements.html'));
    await choose(page, 'normal');
    same((await filterState(page)).wrong, [], 'requirements, normal: shown/hidden wrongly');
    let r = await rows();
    same(r.filter((x) => !x.shown).map((x) => x.section), ['hr-premises'], 'requirements, normal: hidden section rows');
    expect(r.every((x) => x.shown === x.rows > 0), `requirements, normal: ${JSON.stringify(r)}`);
    await choose(page, 'all');
    r = await rows();
    expect(r.length === 6 && r.every((x) => x.shown), `requirements, all: ${JSON.stringify(r)}`);
    // the example itself: for every objective, on every chapter page, a
    // section shows exactly when one of its questions does, and what
    // shows is what the objective page lists
    for (const ch of ['1', '2', '3']) {
      await go(page, isa(`isa/1.1/en/chapters/${ch}.html`));
      for (const obj of ['normal', 'high', 'very-high', 'group']) {
        await choose(page, obj);
        st = await filterState(page);
        same(st.wrong, [], `example chapter ${ch}, ${obj}: shown/hidden wrongly`);
        const secs = await sectionState(page);
        expect(secs.length >= 2 && secs.every((x) => x.shown === x.questions.length > 0), `example chapter ${ch}, ${obj}: ${JSON.stringify(secs)}`);
        const op = watch(await ctx.newPage());
        await go(op, isa(`isa/1.1/en/objectives/${obj}.html`));
        const listed = await op.evaluate((c) => [...document.querySelectorAll(`section[data-chapter="${c}"] article[data-uid]`)].map((e) => e.dataset.uid), ch);
        await op.close();
        same([].concat(...secs.map((x) => x.questions)), listed, `example chapter ${ch}, ${obj}: questions shown vs. objective page`);
      }
      await choose(page, 'all');
    }
  });

  await test('sections: breadcrumbs, search results and the version menu', async () => {
    expect(ISA, 'no site of examples/isa given');
    // breadcrumbs: version > chapter > section, the section a place on the chapter page
    await go(page, isa('isa/1.1/en/questions/1.1.3.html'));
    const crumbs = await page.$$eval('main .crumbs a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    same(crumbs, [['ISA 1.1', '../index.html'], ['1 Policies and organisation', '../chapters/1.html'],
      ['1.1 Policies', '../chapters/1.html#s-pol-docs']], 'breadcrumbs');
    await page.screenshot({ path: path.join(SHOTS, 'isa-question.png'), fullPage: true });
    await navigate(page, () => page.click('main .crumbs a >> nth=2'), /chapters\/1\.html#s-pol-docs$/);
    const target = await page.evaluate(() => { const t = document.querySelector(':target'); return t && t.querySelector('h2').textContent; });
    expect(target === '1.1 Policies', `the section is not the target: ${target}`);
    await page.screenshot({ path: path.join(SHOTS, 'isa-chapter.png') });
    // search: each result names its section; a section's number lists its questions
    let rs = await searchFor(page, 'supplier');
    expect(rs.length >= 3, `${rs.length} results for supplier`);
    const where = await page.$$eval('.search-result', (as) => as.map((a) => (a.querySelector('.search-section') || {}).textContent));
    expect(where.every((w) => w === '3.2 Suppliers'), `sections of the results: ${where}`);
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: path.join(SHOTS, 'isa-search.png') });
    rs = await searchFor(page, '1.2');
    same(rs.map((x) => x.number), ['1.2.1', '1.2.2'], 'a section number');
    await page.keyboard.press('Escape');
    // the version menu follows a question into another section, and back
    await go(page, isa('isa/1.0/en/questions/1.2.2.html'));
    const uid = await page.getAttribute('article.question', 'data-uid');
    const item = await page.$eval('.version-menu li[data-version="1.1"]', (li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(item === '1.1 current as 1.1.3, other section', `menu: ${item}`);
    await page.click('.version-menu summary');
    await navigate(page, () => page.click('.version-menu li[data-version="1.1"] a'), /isa\/1\.1\/en\/questions\/1\.1\.3\.html$/);
    expect(await page.getAttribute('article.question', 'data-uid') === uid, 'another question');
    expect((await page.textContent('.moved-note')).includes('1.2.2'), 'no note of the old number');
    await page.click('.version-menu summary');
    await navigate(page, () => page.click('.version-menu li[data-version="1.0"] a'), /isa\/1\.0\/en\/questions\/1\.2\.2\.html$/);
    // a section's permanent link
    await navigate(page, () => page.goto(isa('isa/q/de/it-suppliers.html')), /isa\/1\.1\/de\/chapters\/3\.html#s-it-suppliers$/);
  });

  await test('objective filter persists across navigation from file://', async () => {
    await go(page, site('vcsa/1.1/en/chapters/5.html'));
    await choose(page, 'production');
    expect(/[?&]objective=production/.test(await page.evaluate(() => location.search)), 'address does not keep the choice');
    await navigate(page, () => page.click('a.pager-next'), /chapters\/6\.html\?objective=production/);
    let st = await filterState(page);
    expect(st.choice === 'production' && st.wrong.length === 0, `chapter 6: ${JSON.stringify(st).slice(0, 200)}`);
    await navigate(page, () => page.click('article.question-summary:not([hidden]) h2 a >> nth=0'), /questions\/6\.\d\.html\?objective=production/);
    await navigate(page, () => page.click('#toc a[href*="requirements.html"]'), /requirements\.html\?objective=production/);
    st = await filterState(page);
    expect(st.choice === 'production' && st.wrong.length === 0, `requirements: ${JSON.stringify(st).slice(0, 200)}`);
    // search results carry the choice too
    const rs = await searchFor(page, 'risk');
    expect(rs.every((r) => /\?objective=production/.test(r.href)), `result ${rs[0].href}`);
    await page.keyboard.press('Escape');
    // an objective page sets the choice; "All" clears it
    await navigate(page, () => page.click('#toc a[href*="objectives/operations.html"]'), /objectives\/operations\.html/);
    expect(await page.getAttribute('#objective-filter a[aria-current="page"]', 'data-objective-choice') === 'operations', 'objective page does not mark its objective');
    await navigate(page, () => page.click('#toc a[href*="chapters/7.html"]'), /chapters\/7\.html\?objective=operations/);
    st = await filterState(page);
    expect(st.choice === 'operations', `after the objective page: ${st.choice}`);
    await choose(page, 'all');
    await navigate(page, () => page.click('a.pager-next'), /chapters\/8\.html$/);
    st = await filterState(page);
    expect(st.choice === 'all' && st.search === '', `after All: ${st.choice} ${st.search}`);
  });

  await test('objective filter persists over http (localStorage)', async () => {
    const hctx = await newContext(browser);
    const p = watch(await hctx.newPage());
    await go(p, httpBase + 'vcsa/1.1/en/chapters/5.html');
    await choose(p, 'operations');
    await navigate(p, () => p.click('a.pager-next'), /chapters\/6\.html$/);
    let st = await filterState(p);
    expect(st.choice === 'operations' && st.wrong.length === 0 && st.search === '', `next page: ${JSON.stringify(st).slice(0, 200)}`);
    await go(p, httpBase + 'vcsa/1.1/de/requirements.html'); // typed, not followed
    st = await filterState(p);
    expect(st.choice === 'operations', `typed address: ${st.choice}`);
    // a stored choice the site does not offer shows everything
    await p.evaluate(() => localStorage.setItem('vcsc-objective', 'no-such-objective'));
    await go(p, httpBase + 'vcsa/1.1/en/chapters/2.html');
    st = await filterState(p);
    expect(st.choice === 'all' && st.wrong.length === 0, `unknown stored choice: ${st.choice}`);
    await hctx.close();
  });

  await test('objective filter persists over http without storage', async () => {
    const hctx = await newContext(browser);
    await hctx.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    const p = watch(await hctx.newPage());
    await go(p, httpBase + 'vcsa/1.1/en/chapters/5.html');
    await choose(p, 'development');
    await navigate(p, () => p.click('a.pager-next'), /chapters\/6\.html\?objective=development$/);
    const st = await filterState(p);
    expect(st.choice === 'development' && st.wrong.length === 0, `next page: ${JSON.stringify(st).slice(0, 200)}`);
    await hctx.close();
  });

  await test('objective pages link the other objectives; without JavaScript the control is hidden', async () => {
    await go(page, site('vcsa/1.1/en/objectives/development.html'));
    const links = await page.$$eval('#objective-filter a', (as) => as.map((a) => a.getAttribute('href')));
    same(links.map((h) => h.replace(/\?.*/, '')), ['../requirements.html', '../objectives/development.html', '../objectives/production.html', '../objectives/operations.html'], 'objective links');
    await navigate(page, () => page.click('#objective-filter a >> nth=0'), /requirements\.html$/);
    expect((await filterState(page)).choice === 'all', '"All" does not clear the choice');
    const nctx = await newContext(browser, { javaScriptEnabled: false });
    const p = watch(await nctx.newPage());
    await p.goto(site('vcsa/1.1/en/chapters/5.html'));
    expect(!(await p.isVisible('#objective-filter')), 'filter slot visible without JavaScript');
    expect((await p.$$eval('#search *', (e) => e.length)) === 0, 'search slot not empty without JavaScript');
    await p.goto(site('vcsa/1.1/en/objectives/production.html'));
    expect((await p.$$eval('article[data-uid]', (e) => e.length)) > 5, 'objective page lists nothing without JavaScript');
    await nctx.close();
  });

  await test('keyboard only: skip link, focus styles, filter', async () => {
    await go(page, site('vcsa/1.1/en/chapters/2.html'));
    await page.keyboard.press('Tab');
    let f = await page.evaluate(() => {
      const e = document.activeElement;
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      return { cls: e.className, top: r.top, visible: r.width > 0 && r.top >= 0, outline: cs.outlineStyle, width: cs.outlineWidth };
    });
    expect(f.cls === 'skip-link' && f.visible, `first Tab: ${JSON.stringify(f)}`);
    expect(f.outline !== 'none', 'skip link has no focus outline');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement.id) === 'main', 'skip link does not move focus to the content');
    await page.keyboard.press('Tab');
    f = await page.evaluate(() => ({ tag: document.activeElement.tagName, outline: getComputedStyle(document.activeElement).outlineStyle, inMain: !!document.activeElement.closest('main') }));
    expect(f.inMain && f.outline !== 'none', `after the skip link: ${JSON.stringify(f)}`);
    // Tab order from the top: skip link, home link, search box
    await go(page, site('vcsa/1.1/en/chapters/2.html'));
    const order = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.className || document.activeElement.id));
    }
    same(order, ['skip-link', 'brand', 'search-input'], 'tab order');
    // the filter by keyboard: focus the checked radio, arrow to the next
    await page.focus('#objective-filter input:checked');
    await page.keyboard.press('ArrowRight');
    const st = await filterState(page);
    expect(st.choice === 'development' && st.wrong.length === 0, `arrow key in the filter: ${st.choice}`);
    f = await page.evaluate(() => getComputedStyle(document.activeElement.closest('label')).outlineStyle);
    expect(f !== 'none', 'focused filter option has no outline');
    await choose(page, 'all');
  });

  await test('hostile catalogue text runs no script', async () => {
    expect(HOSTILE && fs.existsSync(path.join(HOSTILE, 'index.html')), 'no hostile site given');
    const pages = ['index.html', 'de/index.html', '404.html', 'vcsa/1.1/en/index.html', 'vcsa/1.1/de/chapters/1.html',
      'vcsa/1.1/en/questions/1.1.html', 'vcsa/1.1/de/questions/3.3.html', 'vcsa/1.1/en/requirements.html',
      'vcsa/1.1/de/objectives/production.html', 'vcsa/1.1/en/references/iso-sae-21434.html',
      'vcsa/1.1/en/downloads.html', 'vcsa/1.0/en/questions/7.3.html'];
    let shown = 0;
    for (const rel of pages) {
      await go(page, fileUrl(HOSTILE, rel));
      const info = await page.evaluate(() => ({
        scripts: [...document.scripts].map((s) => s.getAttribute('src') || 'inline'),
        live: document.querySelectorAll('main img, main iframe, main svg, main object, main embed, main [onerror], main [onload], main [onmouseover]').length,
        marker: document.body.textContent.includes('XSS-MARKER'),
      }));
      expect(info.scripts.every((s) => /(^|\/)assets\/[a-z]+\.js$/.test(s)), `${rel}: scripts ${info.scripts}`);
      expect(info.live === 0, `${rel}: ${info.live} live elements in main`);
      if (info.marker) shown++;
    }
    expect(shown >= pages.length - 1, `the payload text shows on only ${shown} pages`);
    await go(page, fileUrl(HOSTILE, 'vcsa/1.1/de/chapters/2.html'));
    await choose(page, 'production');
    const rs = await searchFor(page, 'XSS-MARKER');
    expect(rs.length > 5, `search for the payload finds ${rs.length}`);
    expect(rs.some((r) => r.text.includes('window.__pwned')), 'payload not shown as text in results');
    const live = await page.$$eval('#search img, #search script, #search svg, #search iframe', (e) => e.length);
    expect(live === 0, `${live} live elements in the results`);
    await navigate(page, () => page.click('.search-result >> nth=0'), /questions\/.*objective=production/);
  });

  // ---- accessibility ----
  // (redirect pages are left to html-validate: they leave at once)
  const axeStats = { states: 0, full: 0, serious: 0, other: new Map(), failures: [] };
  // scope: the whole document, or only the parts the scripts add
  async function axe(p, label, scope) {
    await p.addScriptTag({ content: AXE });
    const v = await p.evaluate(async (sc) => (await window.axe.run(sc ? { include: sc.map((x) => [x]) } : document,
      { resultTypes: ['violations'] })).violations
      .map((x) => ({ id: x.id, impact: x.impact, n: x.nodes.length, where: x.nodes[0].target.join(' ') })), scope || null);
    axeStats.states++;
    if (!scope) axeStats.full++;
    for (const x of v) {
      if (x.impact === 'serious' || x.impact === 'critical') {
        axeStats.serious += x.n;
        axeStats.failures.push(`${label}: ${x.id} (${x.impact}) x${x.n} at ${x.where}`);
      } else {
        axeStats.other.set(`${x.id} (${x.impact})`, (axeStats.other.get(`${x.id} (${x.impact})`) || 0) + x.n);
      }
    }
  }

  await test('axe-core: no serious or critical violation', async () => {
    // a page of every type (and the variants: superseded version,
    // withdrawn and moved question), both languages
    const sample = ['index.html', '404.html', 'vcsa/1.0/en/index.html', 'vcsa/1.1/de/chapters/8.html',
      'vcsa/1.1/en/questions/1.5.html', 'vcsa/1.1/de/questions/3.3.html', 'vcsa/1.1/en/requirements.html',
      'vcsa/1.1/de/objectives/production.html', 'vcsa/1.1/en/references/unece-r155.html',
      'vcsa/1.1/en/downloads.html', 'vcsa/1.1/de/changes/1.0.html'];
    // three levels, one with the scheme's colour; three successors
    if (PUBLISHED) {
      sample.push('published/vcsp/1.1/en/questions/1.1.html', 'published/vcsp/1.1/de/requirements.html',
        'published/vcsp/1.1/en/index.html', 'published/vcsp/1.1/en/questions/1.3.html');
    }
    // sections: every page type they reach, both languages
    if (ISA) {
      sample.push('isa/index.html', 'isa/isa/1.1/en/index.html', 'isa/isa/1.1/de/chapters/1.html', 'isa/isa/1.1/en/chapters/3.html',
        'isa/isa/1.1/en/questions/1.1.3.html', 'isa/isa/1.0/de/questions/1.2.2.html', 'isa/isa/1.1/de/questions/3.2.1.html',
        'isa/isa/1.1/en/requirements.html', 'isa/isa/1.1/de/objectives/high.html', 'isa/isa/1.1/en/changes/1.0.html');
    }
    // over http: from file:// axe cannot read the style sheets
    for (const rel of sample) {
      await go(page, httpBase + rel);
      await axe(page, rel);
    }
    // what the scripts add: results open, filter applied; objective links
    await go(page, httpBase + 'vcsa/1.1/de/chapters/3.html');
    await choose(page, 'production');
    await searchFor(page, 'Risiko');
    await page.keyboard.press('ArrowDown');
    await axe(page, 'search results and filter', ['#search', '#objective-filter']);
    await page.keyboard.press('Escape');
    await choose(page, 'all');
    await go(page, httpBase + 'vcsa/1.1/en/objectives/operations.html');
    await axe(page, 'objective links', ['#objective-filter']);
    // dark colours on a phone
    const dark = await newContext(browser, { colorScheme: 'dark', viewport: { width: 375, height: 800 } });
    const dp = watch(await dark.newPage());
    await go(dp, httpBase + 'vcsa/1.1/en/questions/1.2.html');
    await axe(dp, 'question (dark, 375 px)');
    if (PUBLISHED) {
      await go(dp, httpBase + 'published/vcsp/1.1/en/questions/1.1.html');
      await axe(dp, 'question with three levels (dark, 375 px)');
      await go(dp, httpBase + 'published/vcsp/1.0/en/questions/1.3.html');
      await dp.click('.version-menu summary');
      await axe(dp, 'version menu with successors (dark, 375 px)', ['.version-menu']);
    }
    if (ISA_VARIANT) {
      // a section hidden by the filter, its introduction and change note
      await go(dp, httpBase + 'isa-variant/isa/1.1/en/chapters/2.html');
      await choose(dp, 'normal');
      await axe(dp, 'chapter of sections, one hidden (dark, 375 px)');
      await go(dp, httpBase + 'isa-variant/isa/1.1/en/chapters/1.html');
      await axe(dp, 'chapter of sections with an introduction (dark, 375 px)');
      await go(page, httpBase + 'isa-variant/isa/1.1/en/requirements.html');
      await choose(page, 'normal');
      await axe(page, 'requirements by section, one hidden');
      await choose(page, 'all');
    }
    await go(dp, httpBase + 'vcsa/1.1/en/chapters/5.html');
    await choose(dp, 'operations');
    await searchFor(dp, 'supplier');
    await axe(dp, 'search results and filter (dark, 375 px)', ['#search', '#objective-filter']);
    await dark.close();
    const others = [...axeStats.other.entries()].map(([k, n]) => `${k} x${n}`).join(', ') || 'none';
    console.log(`  axe: ${axeStats.states} checks (${axeStats.full} whole pages: every page type, light and dark; ${axeStats.states - axeStats.full} of the search results and filter controls); serious or critical: ${axeStats.serious}; others: ${others}`);
    expect(axeStats.serious === 0, axeStats.failures.join('; '));
  });

  await test('screenshots for review', async () => {
    await go(page, site('index.html'));
    await page.screenshot({ path: path.join(SHOTS, 'home.png') });
    await go(page, site('vcsa/1.1/en/questions/1.2.html'));
    await page.screenshot({ path: path.join(SHOTS, 'question.png') });
    await go(page, site('vcsa/1.1/en/chapters/7.html'));
    await choose(page, 'operations');
    const rs = await searchFor(page, 'incident');
    expect(rs.length > 0, 'no results');
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: path.join(SHOTS, 'search.png') });
    await page.keyboard.press('Escape');
    await choose(page, 'all');
    const phone = await newContext(browser, { viewport: { width: 375, height: 800 } });
    const pp = watch(await phone.newPage());
    await go(pp, site('vcsa/1.1/de/chapters/1.html'));
    await searchFor(pp, 'Leitlinie');
    await pp.screenshot({ path: path.join(SHOTS, 'phone-search.png') });
    await phone.close();
    const shots = fs.readdirSync(SHOTS).filter((f) => f.endsWith('.png'));
    expect(shots.length >= 4, `screenshots: ${shots}`);
  });

  await test('no console errors, dialogs or outside requests on any page visited', async () => {
    expect(problems.length === 0, problems.slice(0, 8).join('; '));
  });

  await browser.close();
  server.close();
  fs.rmSync(crafted, { recursive: true, force: true });
  console.log(`browser: ${visited.size} pages visited; Chromium launch ${launchMs} ms; total ${Date.now() - t0} ms`);
  process.exit(failures ? 1 : 0);
})().catch((e) => {
  console.log(`FAIL browser: ${e && e.stack || e}`);
  if (server) server.close();
  process.exit(1);
});
