// html.js - a small HTML tokenizer for the site tests (no dependencies).
//
// It follows the tokenizer states of the HTML standard that decide what
// a browser sees as a tag, an attribute or text: tag and attribute
// names end at whitespace, '/', '>' (and '=' for names); values are
// double-quoted, single-quoted or unquoted; comments, doctypes and
// processing instructions are skipped; script, style and similar
// elements hold raw text up to their end tag; title and textarea hold
// text. That is what the checkers need: they judge tags and attributes
// the way a browser would find them, not the way the generator meant
// them.
'use strict';

const fs = require('fs');
const path = require('path');

const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const RCDATA = new Set(['title', 'textarea']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const NAMED = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  colon: ':', Tab: '\t', NewLine: '\n', sol: '/', lpar: '(', rpar: ')',
  period: '.', excl: '!', num: '#', percnt: '%', equals: '=', semi: ';',
  comma: ',', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026',
};

// Decodes character references. Unknown named references are kept as
// written and reported through the unknown list, when given.
function decode(s, unknown) {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g, (m, ref) => {
    if (ref[0] === '#') {
      const n = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(n) || n > 0x10ffff || n === 0) return '\ufffd';
      return String.fromCodePoint(n);
    }
    if (Object.prototype.hasOwnProperty.call(NAMED, ref)) return NAMED[ref];
    if (unknown) unknown.push(m);
    return m;
  });
}

const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
const isAlpha = (c) => /[A-Za-z]/.test(c);

// Returns tokens: {type: 'start'|'end'|'text'|'comment'|'doctype',
// name, attrs: [[name, value]], raw}
function tokenize(html) {
  const out = [];
  let i = 0;
  const n = html.length;
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text: decode(text) });
    text = '';
  };
  while (i < n) {
    const c = html[i];
    if (c !== '<') { text += c; i++; continue; }
    const next = html[i + 1] || '';
    if (html.startsWith('<!--', i)) {
      flush();
      let end = html.indexOf('-->', i + 4);
      if (end < 0) end = n;
      out.push({ type: 'comment', text: html.slice(i + 4, end) });
      i = end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      flush();
      let end = html.indexOf('>', i);
      if (end < 0) end = n;
      const body = html.slice(i + 2, end);
      out.push({ type: /^doctype/i.test(body) ? 'doctype' : 'comment', text: body });
      i = end + 1;
      continue;
    }
    const endTag = next === '/';
    const start = endTag ? i + 2 : i + 1;
    if (!isAlpha(html[start] || '')) {
      if (endTag && html[start] === '>') { i = start + 1; continue; }
      text += c; i++; continue;
    }
    flush();
    let j = start;
    while (j < n && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
    const name = html.slice(start, j).toLowerCase();
    const attrs = [];
    let selfClosing = false;
    for (;;) {
      while (j < n && (isSpace(html[j]) || html[j] === '/')) {
        if (html[j] === '/' && html[j + 1] === '>') selfClosing = true;
        j++;
      }
      if (j >= n) break;
      if (html[j] === '>') { j++; break; }
      let k = j + 1; // a name may start with '='
      while (k < n && !isSpace(html[k]) && html[k] !== '/' && html[k] !== '>' && html[k] !== '=') k++;
      const an = html.slice(j, k).toLowerCase();
      j = k;
      while (j < n && isSpace(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && isSpace(html[j])) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          let e = html.indexOf(q, j + 1);
          if (e < 0) e = n;
          value = html.slice(j + 1, e);
          j = e + 1;
        } else {
          let e = j;
          while (e < n && !isSpace(html[e]) && html[e] !== '>') e++;
          value = html.slice(j, e);
          j = e;
        }
      }
      attrs.push([an, value]);
    }
    out.push({ type: endTag ? 'end' : 'start', name, attrs: endTag ? [] : attrs, selfClosing });
    i = j;
    if (!endTag && (RAW.has(name) || RCDATA.has(name))) {
      const re = new RegExp('</' + name + '[\\s/>]', 'i');
      const m = re.exec(html.slice(i));
      const e = m ? i + m.index : n;
      const body = html.slice(i, e);
      if (body) out.push({ type: 'text', text: RCDATA.has(name) ? decode(body) : body, raw: RAW.has(name) });
      i = e;
    }
  }
  flush();
  return out;
}

// The value of attribute name (decoded), or undefined.
function attr(tok, name) {
  for (const [k, v] of tok.attrs || []) if (k === name) return decode(v);
  return undefined;
}

// Every file below dir whose name ends in one of exts, sorted.
function walk(dir, exts) {
  const out = [];
  const rec = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) rec(p);
      else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
    }
  };
  rec(dir);
  return out;
}

// The scheme of a URL as a browser would read it: character references
// decoded, leading and trailing C0 controls and spaces dropped, tabs and
// newlines removed. '' for a relative reference.
function urlScheme(value, unknown) {
  let u = decode(value, unknown);
  u = u.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(u);
  return m ? m[1].toLowerCase() : '';
}

module.exports = { tokenize, decode, attr, walk, urlScheme, VOID };
