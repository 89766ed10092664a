#!/usr/bin/env node
// htmltext.js PAGE.html - a page as text, for golden files.
//
// One line per block (headings marked with #, list items with -, table
// cells separated by |), links as [text](href), the <title> and the
// language alternates first; deleted and inserted text (<del>, <ins>)
// as [-text-] and {+text+}. Markup details (classes, nesting) do not
// show, so the goldens change when what a reader sees or where a link
// points changes, not when the styling does. Elements with the hidden
// attribute are left out, as a browser does not show them.
'use strict';

const fs = require('fs');
const { tokenize, attr, VOID } = require('./html.js');

const BLOCK = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tr', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'details', 'summary', 'body', 'html', 'head', 'br', 'hr']);
const SKIP = new Set(['svg', 'style', 'script']);

const toks = tokenize(fs.readFileSync(process.argv[2], 'utf8'));
const lines = [];
let cur = '';
const links = [];
let skip = 0;
let hidden = 0; // elements open inside a hidden one
let inHead = false;
let inTitle = false;
let title = '';

const flush = () => {
  const s = cur.replace(/\s+/g, ' ').trim();
  if (s) lines.push(s);
  cur = '';
};

for (const t of toks) {
  if (t.type === 'start' && t.name === 'head') inHead = true;
  if (t.type === 'end' && t.name === 'head') { inHead = false; continue; }
  if (inHead) {
    if (t.type === 'start' && t.name === 'title') inTitle = true;
    else if (t.type === 'end' && t.name === 'title') inTitle = false;
    else if (t.type === 'text' && inTitle) title += t.text;
    else if (t.type === 'start' && t.name === 'link' && attr(t, 'rel') === 'alternate') lines.push(`alternate ${attr(t, 'hreflang')}: ${attr(t, 'href')}`);
    else if (t.type === 'start' && t.name === 'meta' && attr(t, 'http-equiv') === 'refresh') lines.push(`refresh: ${attr(t, 'content')}`);
    continue;
  }
  if (hidden) {
    if (t.type === 'start' && !VOID.has(t.name) && !t.selfClosing) hidden++;
    else if (t.type === 'end') hidden--;
    continue;
  }
  if (t.type === 'start' && attr(t, 'hidden') !== undefined && !VOID.has(t.name) && !t.selfClosing) { flush(); hidden = 1; continue; }
  if (t.type === 'start' && SKIP.has(t.name)) { if (!VOID.has(t.name) && !t.selfClosing) skip++; continue; }
  if (t.type === 'end' && SKIP.has(t.name)) { skip = Math.max(0, skip - 1); continue; }
  if (skip) continue;
  if (t.type === 'text') { cur += t.text; continue; }
  if (t.type === 'start') {
    if (BLOCK.has(t.name)) flush();
    if (/^h[1-6]$/.test(t.name)) cur += '#'.repeat(Number(t.name[1])) + ' ';
    if (t.name === 'li') cur += '- ';
    if (t.name === 'td' || t.name === 'th') cur += '| ';
    if (t.name === 'a') { links.push(attr(t, 'href')); cur += '['; }
    if (t.name === 'del') cur += '[-';
    if (t.name === 'ins') cur += '{+';
  } else if (t.type === 'end') {
    if (t.name === 'a') { const h = links.pop(); cur += h === undefined ? ']' : `](${h})`; }
    if (t.name === 'td' || t.name === 'th') cur += ' ';
    if (t.name === 'del') cur += '-]';
    if (t.name === 'ins') cur += '+}';
    if (BLOCK.has(t.name)) flush();
  }
}
flush();
process.stdout.write(`title: ${title.replace(/\s+/g, ' ').trim()}\n` + lines.join('\n') + '\n');
