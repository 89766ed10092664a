#!/usr/bin/env node
// indexcheck.js SITE-DIR [MAX-BYTES] - the search indexes of a built site.
//
// For every CAT/VER/LANG/ folder with pages: a search-index.js exists,
// is at most MAX-BYTES (default 200 KB), holds no raw '<', '>' or '&'
// (strings escape them) and, run in an empty sandbox, does nothing but
// assign vcscSearchIndex, whose version and language match its folder.
// Every question page of the folder is in it, every entry's page exists
// with that number, and every requirement anchor is an id on its page.
// A requirement has one text per level it uses ("v": [level, text], the
// level a place in "levels"), each shown on its page.
// References ("x") name a standard of "standards" and identifiers that
// the entry's page shows. Where the catalogue has sections, "sections"
// lists [number, title] and every entry names its own ("s"), whose
// number starts the question's and which its page's breadcrumbs show;
// without sections neither is there.
// The pages point their search box at the index of their own folder.
//
// Prints one line per index ("index: vcsa/1.1/de 73338 bytes, 32
// questions, 84 requirements") and the problems; exits 1 on any.
'use strict';

const fs = require('fs');
const path = require('path');
const vm = require('vm');

const root = path.resolve(process.argv[2] || 'output/site');
const max = Number(process.argv[3] || 200 * 1024);
const problems = [];
let checked = 0;

function langDirs() {
  const out = [];
  for (const cat of fs.readdirSync(root).sort()) {
    const cd = path.join(root, cat);
    if (!fs.statSync(cd).isDirectory() || cat === 'assets' || cat === 'downloads') continue;
    for (const ver of fs.readdirSync(cd).sort()) {
      const vd = path.join(cd, ver);
      if (!fs.statSync(vd).isDirectory()) continue;
      for (const lang of fs.readdirSync(vd).sort()) {
        const ld = path.join(vd, lang);
        const home = path.join(ld, 'index.html');
        // a version's language folder, not latest/ (redirect pages)
        if (fs.existsSync(home) && fs.existsSync(path.join(ld, 'questions')) &&
            !fs.readFileSync(home, 'utf8').includes('class="page-redirect"')) out.push([cat, ver, lang, ld]);
      }
    }
  }
  return out;
}

for (const [cat, ver, lang, dir] of langDirs()) {
  const rel = `${cat}/${ver}/${lang}`;
  const file = path.join(dir, 'search-index.js');
  if (!fs.existsSync(file)) { problems.push(`${rel}: no search-index.js`); continue; }
  const src = fs.readFileSync(file, 'utf8');
  const size = Buffer.byteLength(src);
  if (size > max) problems.push(`${rel}: search-index.js is ${size} bytes, more than ${max}`);
  const raw = /[<>&]/.exec(src.replace(/^\/\*[^]*?\*\//, ''));
  if (raw) problems.push(`${rel}: raw '${raw[0]}' in the index`);
  const sandbox = { window: {} };
  try {
    vm.runInNewContext(src, sandbox, { timeout: 2000 });
  } catch (e) {
    problems.push(`${rel}: the index does not run: ${e.message}`);
    continue;
  }
  const keys = Object.keys(sandbox).join(',') + '/' + Object.keys(sandbox.window).join(',');
  if (keys !== 'window/vcscSearchIndex') problems.push(`${rel}: the index touches ${keys}`);
  const idx = sandbox.window.vcscSearchIndex || {};
  if (idx.format !== 2 || idx.version !== `${cat}/${ver}` || idx.lang !== lang) {
    problems.push(`${rel}: header ${JSON.stringify({ format: idx.format, version: idx.version, lang: idx.lang })}`);
  }
  const qs = Array.isArray(idx.questions) ? idx.questions : [];
  const pages = fs.readdirSync(path.join(dir, 'questions')).filter((f) => f.endsWith('.html')).sort();
  const hrefs = qs.map((q) => q.h).sort();
  if (JSON.stringify(hrefs) !== JSON.stringify(pages.map((p) => 'questions/' + p))) {
    problems.push(`${rel}: index lists ${hrefs.length} questions, the folder has ${pages.length} pages`);
  }
  let reqs = 0, refs = 0, texts = 0;
  const levels = idx.levels;
  if (!Array.isArray(levels) || !levels.length || !levels.every((l) => typeof l === 'string' && l)) {
    problems.push(`${rel}: "levels" is not a list of level ids`);
  }
  const standards = idx.standards;
  if (!Array.isArray(standards) || !standards.every((t) => typeof t === 'string' && t)) {
    problems.push(`${rel}: "standards" is not a list of titles`);
  }
  const checkRefs = (what, x, html) => {
    if (x === undefined) return;
    if (!Array.isArray(x) || !x.length) { problems.push(`${rel}: ${what}: "x" is not a list of groups`); return; }
    for (const g of x) {
      if (!Array.isArray(g) || g.length < 2 || !Number.isInteger(g[0]) || !Array.isArray(standards) || !standards[g[0]]) {
        problems.push(`${rel}: ${what}: bad reference group ${JSON.stringify(g).slice(0, 80)}`);
        continue;
      }
      for (const id of g.slice(1)) {
        refs++;
        if (typeof id !== 'string' || !html.includes(esc(id))) problems.push(`${rel}: ${what}: the page does not show reference ${id}`);
      }
    }
  };
  const sections = idx.sections;
  if (sections !== undefined && (!Array.isArray(sections) || !sections.length ||
      !sections.every((x) => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string' && x[1]))) {
    problems.push(`${rel}: "sections" is not a list of [number, title]`);
  }
  let inSections = 0;
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const q of qs) {
    const page = path.join(dir, q.h || '');
    if (!q.h || !fs.existsSync(page)) { problems.push(`${rel}: ${q.n}: no page ${q.h}`); continue; }
    const html = fs.readFileSync(page, 'utf8');
    if (!html.includes(`data-number="${q.n}"`)) problems.push(`${rel}: ${q.h} is not question ${q.n}`);
    if (typeof q.t !== 'string' || !q.t) problems.push(`${rel}: ${q.n} has no title`);
    if (Array.isArray(sections)) {
      const sec = Number.isInteger(q.s) ? sections[q.s] : null;
      if (!sec || !String(q.n).startsWith(sec[0] + '.')) {
        problems.push(`${rel}: ${q.n}: section ${JSON.stringify(q.s)} is not its own`);
      } else if (!/<nav class="crumbs"[^]*?<\/nav>/.test(html) ||
          !/<nav class="crumbs"[^]*?<\/nav>/.exec(html)[0].includes(`>${esc(sec[0] + ' ' + sec[1])}</a>`)) {
        problems.push(`${rel}: ${q.h}: the breadcrumbs do not name section ${sec[0]}`);
      } else {
        inSections++;
      }
    } else if (q.s !== undefined) {
      problems.push(`${rel}: ${q.n} names a section, but the index lists none`);
    }
    checkRefs(q.n, q.x, html);
    for (const r of q.r || []) {
      reqs++;
      checkRefs(r.l, r.x, html);
      if (!html.includes(`id="${r.a}"`)) problems.push(`${rel}: ${q.h} has no id ${r.a} (requirement ${r.l})`);
      // one text per level it uses, each level once, in the scheme's order,
      // each shown on the page as the level's statement
      const v = Array.isArray(r.v) ? r.v : [];
      if (!v.length) problems.push(`${rel}: requirement ${r.l} has no text`);
      let last = -1;
      for (const t of v) {
        texts++;
        if (!Array.isArray(t) || t.length !== 2 || !Number.isInteger(t[0]) || !Array.isArray(levels) ||
            !levels[t[0]] || t[0] <= last || typeof t[1] !== 'string' || !t[1]) {
          problems.push(`${rel}: requirement ${r.l}: bad text ${JSON.stringify(t).slice(0, 80)}`);
          continue;
        }
        last = t[0];
        if (!html.includes(`class="stmt stmt-${levels[t[0]]}"`)) problems.push(`${rel}: ${q.h} shows no ${levels[t[0]]} text (requirement ${r.l})`);
      }
    }
  }
  // a page of the folder searches this index
  const ov = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  if (!ov.includes('data-index="../../../' + rel + '/search-index.js"')) problems.push(`${rel}: index.html does not point at its index`);
  console.log(`index: ${rel} ${size} bytes, ${qs.length} questions, ${reqs} requirements, ${texts} requirement texts, ${refs} references` +
    (Array.isArray(sections) ? `, ${sections.length} sections (${inSections} questions in them)` : ''));
  checked++;
}
if (!checked) problems.push('no version folder found');
for (const p of problems.slice(0, 30)) console.log('  ' + p);
process.exit(problems.length ? 1 : 0);
