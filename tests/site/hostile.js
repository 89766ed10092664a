#!/usr/bin/env node
// hostile.js SITE-DIR MARKER - no page of a site built from hostile
// catalogue text carries anything live.
//
// On every HTML page, as a browser would tokenize it:
//   - no <script> other than an empty one loading a file from assets/;
//   - no event-handler attribute (on...), no style attribute, no srcdoc;
//   - no element that loads or embeds content: img, iframe, object,
//     embed, frame, form, audio, video, source, <base> (except the one
//     on 404.html, which must be http(s)), no <style> element, no
//     <meta http-equiv> other than Content-Type and a refresh to a
//     relative page;
//   - every URL attribute (href, src, action, formaction, xlink:href,
//     data, poster, background, cite, ping, srcset) is relative or
//     http, https or mailto, read the way a browser reads it (character
//     references decoded, control characters and spaces stripped).
// It also counts the pages and page types whose visible text shows the
// MARKER (proof that the payloads reached the pages as text) and prints
// them as "shown-on: TYPE N" lines for the test to judge.
'use strict';

const fs = require('fs');
const path = require('path');
const { tokenize, attr, walk, urlScheme } = require('./html.js');

const root = path.resolve(process.argv[2] || 'output/site');
const marker = process.argv[3] || 'XSS-MARKER';
const problems = [];
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'ping', 'srcset', 'longdesc', 'manifest', 'codebase', 'archive']);
const BANNED = new Set(['img', 'iframe', 'object', 'embed', 'frame', 'frameset', 'form', 'audio', 'video', 'source', 'style', 'applet', 'portal', 'math', 'input', 'button', 'textarea', 'select']);
const OK_SCHEMES = new Set(['', 'http', 'https', 'mailto']);
const shown = new Map();
let pages = 0;
let longest = 0;

for (const file of walk(root, ['.html'])) {
  pages++;
  const rel = path.relative(root, file);
  const toks = tokenize(fs.readFileSync(file, 'utf8'));
  let type = 'other';
  let inScript = false;
  let text = '';
  for (const t of toks) {
    if (t.type === 'text') {
      if (inScript && t.text.trim()) problems.push(`${rel}: inline script: ${t.text.slice(0, 80)}`);
      if (!t.raw) text += t.text;
      continue;
    }
    if (t.type === 'end') { if (t.name === 'script') inScript = false; continue; }
    if (t.type !== 'start') continue;
    if (t.name === 'body') type = (attr(t, 'class') || '').replace(/^page-/, '') || 'other';
    if (t.name === 'script') {
      inScript = true;
      const src = attr(t, 'src');
      if (src === undefined || urlScheme(src) || !/(^|\/)assets\/[^/]+\.js$/.test(src)) problems.push(`${rel}: <script> not from assets/: ${src}`);
    }
    if (BANNED.has(t.name)) problems.push(`${rel}: <${t.name}> element`);
    if (t.name === 'base' && !(rel === '404.html' && /^https?:\/\//.test(attr(t, 'href') || ''))) problems.push(`${rel}: <base> element`);
    if (t.name === 'meta') {
      const he = (attr(t, 'http-equiv') || '').toLowerCase();
      if (he === 'refresh') {
        const m = /^\s*\d+\s*;\s*url=(.*)$/i.exec(attr(t, 'content') || '');
        if (!m || urlScheme(m[1]) !== '' || m[1].trim().startsWith('//')) problems.push(`${rel}: meta refresh to ${attr(t, 'content')}`);
      } else if (he && he !== 'content-type') problems.push(`${rel}: <meta http-equiv="${he}">`);
    }
    for (const [name, raw] of t.attrs) {
      if (name.startsWith('on')) problems.push(`${rel}: event handler ${name}="${raw.slice(0, 60)}" on <${t.name}>`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction') problems.push(`${rel}: ${name} attribute on <${t.name}>`);
      if (URL_ATTRS.has(name)) {
        const unknown = [];
        const scheme = urlScheme(raw, unknown);
        if (!OK_SCHEMES.has(scheme)) problems.push(`${rel}: ${name}="${raw.slice(0, 80)}" (scheme ${scheme}) on <${t.name}>`);
        if (unknown.length) problems.push(`${rel}: ${name} with unknown character reference ${unknown[0]}`);
      }
    }
  }
  longest = Math.max(longest, ...text.split(/\s+/).map((w) => w.length));
  if (text.includes(marker)) shown.set(type, (shown.get(type) || 0) + 1);
}

console.log(`hostile: ${pages} pages, ${problems.length} problems, longest word ${longest}`);
for (const [k, v] of [...shown.entries()].sort()) console.log(`shown-on: ${k} ${v}`);
if (problems.length) {
  for (const p of problems.slice(0, 40)) console.log('  ' + p);
  if (problems.length > 40) console.log(`  ... and ${problems.length - 40} more`);
  process.exit(1);
}
