#!/usr/bin/env node
// linkcheck.js SITE-DIR - every link of a built site resolves.
//
// For every HTML page: each relative href/src (and meta refresh target)
// must name an existing file (directories do not count: file:// shows
// no index.html), and its #fragment an id on the target page. Links
// must be relative: no '/'-rooted paths; nothing that loads (src,
// stylesheets, icons) may point at another host; only content links
// (<a href>) may be absolute http(s) or mailto URLs. sitemap.xml, when
// present, must list only pages that exist below its base URL.
// Prints a summary; exits 1 listing the broken links.
'use strict';

const fs = require('fs');
const path = require('path');
const { tokenize, attr, walk, urlScheme } = require('./html.js');

const root = path.resolve(process.argv[2] || 'output/site');
const problems = [];
const ids = new Map(); // file -> Set of ids
const tokensOf = new Map();

function tokens(file) {
  if (!tokensOf.has(file)) tokensOf.set(file, tokenize(fs.readFileSync(file, 'utf8')));
  return tokensOf.get(file);
}

function idsOf(file) {
  if (!ids.has(file)) {
    const s = new Set();
    for (const t of tokens(file)) {
      if (t.type !== 'start') continue;
      const id = attr(t, 'id');
      if (id !== undefined) {
        if (s.has(id)) problems.push(`${path.relative(root, file)}: duplicate id "${id}"`);
        s.add(id);
      }
      if (t.name === 'a' && attr(t, 'name') !== undefined) s.add(attr(t, 'name'));
    }
    ids.set(file, s);
  }
  return ids.get(file);
}

let checked = 0;
let external = 0;
const pages = walk(root, ['.html']);

function check(file, url, loads, where) {
  const rel = path.relative(root, file);
  checked++;
  if (url === '') { problems.push(`${rel}: empty ${where}`); return; }
  const scheme = urlScheme(url);
  if (scheme || url.startsWith('//')) {
    if (loads) problems.push(`${rel}: ${where} loads from another host: ${url}`);
    else if (!['http', 'https', 'mailto'].includes(scheme)) problems.push(`${rel}: ${where} with scheme ${scheme}: ${url}`);
    external++;
    return;
  }
  if (url.startsWith('/')) { problems.push(`${rel}: ${where} is not relative: ${url}`); return; }
  const hash = url.indexOf('#');
  const frag = hash >= 0 ? decodeURIComponent(url.slice(hash + 1)) : '';
  let p = hash >= 0 ? url.slice(0, hash) : url;
  p = p.split('?')[0];
  let target = file;
  if (p !== '') {
    target = path.resolve(path.dirname(file), decodeURIComponent(p));
    if (!target.startsWith(root + path.sep)) { problems.push(`${rel}: ${where} leaves the site: ${url}`); return; }
    let st;
    try { st = fs.statSync(target); } catch (e) { problems.push(`${rel}: ${where} broken: ${url}`); return; }
    if (!st.isFile()) { problems.push(`${rel}: ${where} is a directory: ${url}`); return; }
  }
  if (frag !== '' && target.endsWith('.html') && !idsOf(target).has(frag)) {
    problems.push(`${rel}: ${where} names a missing fragment: ${url}`);
  }
}

for (const file of pages) {
  for (const t of tokens(file)) {
    if (t.type !== 'start') continue;
    const href = attr(t, 'href');
    const src = attr(t, 'src');
    if (href !== undefined) {
      const loads = t.name === 'link' && !/\b(alternate|canonical)\b/.test(attr(t, 'rel') || '');
      if (t.name === 'base') continue;
      check(file, href, loads, `<${t.name} href>`);
    }
    if (src !== undefined) check(file, src, true, `<${t.name} src>`);
    if (t.name === 'meta' && (attr(t, 'http-equiv') || '').toLowerCase() === 'refresh') {
      const m = /url=(.*)$/i.exec(attr(t, 'content') || '');
      if (m) check(file, m[1].trim(), false, 'meta refresh');
    }
  }
}

const sitemap = path.join(root, 'sitemap.xml');
let inSitemap = 0;
if (fs.existsSync(sitemap)) {
  const xml = fs.readFileSync(sitemap, 'utf8');
  for (const m of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) {
    inSitemap++;
    const u = m[1];
    const base = /^https?:\/\/[^/]+(\/.*)?$/.exec(u);
    if (!base) { problems.push(`sitemap.xml: not an absolute URL: ${u}`); continue; }
    const file = pages.find((f) => u.endsWith('/' + path.relative(root, f).split(path.sep).join('/')));
    if (!file) problems.push(`sitemap.xml: no such page: ${u}`);
  }
}

console.log(`linkcheck: ${pages.length} pages, ${checked} links (${external} external), ${inSitemap} sitemap entries, ${problems.length} problems`);
if (problems.length) {
  for (const p of problems.slice(0, 50)) console.log('  ' + p);
  if (problems.length > 50) console.log(`  ... and ${problems.length - 50} more`);
  process.exit(1);
}
