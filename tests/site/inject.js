#!/usr/bin/env node
// inject.js CATALOGUE-COPY - writes hostile Markdown into every prose
// field of a copy of a catalogue (scheme.yaml and every version), in
// every language and field type, for the hostile-text test.
//
// Every translation (`en: ...`, `de: ...`) and every plain prose value
// gets payloads appended: as a YAML double-quoted string for one-line
// values, as extra lines (a new paragraph, so block-level HTML is
// tried too) for block scalars. Structural keys (ids, numbers, uids,
// references) are left alone so the copy still checks clean. Each
// version of a catalogue gets the payloads in another order (rotated by
// the version's place among its catalogue's versions), so that the text
// changes between versions and the payloads also reach the change logs'
// word diffs as deleted and inserted text.
'use strict';

const fs = require('fs');
const path = require('path');
const { walk } = require('./html.js');

const MARK = 'XSS-MARKER';
const LONG = 'W'.repeat(5000);
const PAYLOADS = [
  `<script>window.__pwned=1</script> ${MARK}`,
  `<img src=x onerror="window.__pwned=2">`,
  `[js ${MARK}](javascript:window.__pwned=3)`,
  `[vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[title](https://example.org/ "\\"><svg onload=window.__pwned=4>")`,
  `[attr](https://example.org/"onmouseover="window.__pwned=5)`,
  `<javascript:window.__pwned=6> [ent](&#106;avascript:alert(7)) [colon](javascript&colon;alert(8))`,
  `[tab](java\tscript:alert(9)) [ws]( JaVaScRiPt:alert(10))`,
  `![img](javascript:alert(11)) ![remote](https://example.org/x.png) <a href="javascript:alert(12)">raw</a>`,
  `<iframe src="https://example.org/"></iframe><style>body{display:none}</style>`,
  `<svg><script>window.__pwned=13</script></svg> <math><mtext><img src=x onerror=alert(14)></mtext></math>`,
];

const PROSE = new Set(['title', 'question', 'objective', 'further_information', 'evidence', 'must', 'should', 'change_note', 'introduction', 'summary', 'description']);
const LANGS = new Set(['en', 'de']);

function yamlString(s) {
  return JSON.stringify(s); // JSON strings are YAML double-quoted strings
}

function unquote(v) {
  v = v.trim();
  if (v.startsWith('"')) return JSON.parse(v);
  if (v.startsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

let fields = 0;
let longUsed = new Set();

let variant = 0; // the version's place among its catalogue's versions

function payloadFor(key, lang) {
  // the 5,000-character word once per field type and language
  const id = key + '/' + lang;
  const k = variant % PAYLOADS.length;
  let p = PAYLOADS.slice(k).concat(PAYLOADS.slice(0, k)).join(' ');
  if (!longUsed.has(id)) { longUsed.add(id); p += ' ' + LONG; }
  return p;
}

function inject(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out = [];
  let proseKey = null; // the prose key whose translations follow
  let proseIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = /^(\s*)(- )?([A-Za-z_]+):(\s*)(.*)$/.exec(line);
    if (!m) { out.push(line); continue; }
    const indent = m[1].length + (m[2] ? 2 : 0);
    const key = m[3];
    const value = m[5];
    if (proseKey && indent <= proseIndent) proseKey = null;
    let target = null;
    if (PROSE.has(key)) {
      if (value === '') { proseKey = key; proseIndent = indent; out.push(line); continue; }
      target = key;
    } else if (proseKey && LANGS.has(key)) {
      target = proseKey;
    }
    if (!target || value.startsWith('[') || value.startsWith('{')) { out.push(line); continue; }
    const lang = LANGS.has(key) ? key : 'plain';
    fields++;
    if (value === '>-' || value === '>' || value === '|' || value === '|-') {
      out.push(line);
      // copy the block, then add the payload as a new paragraph
      let j = i + 1;
      let blockIndent = null;
      while (j < lines.length && (lines[j].trim() === '' || /^\s*/.exec(lines[j])[0].length > indent)) {
        if (blockIndent === null && lines[j].trim() !== '') blockIndent = /^\s*/.exec(lines[j])[0];
        out.push(lines[j]);
        j++;
      }
      while (out.length && out[out.length - 1].trim() === '') out.pop();
      const pad = blockIndent || ' '.repeat(indent + 2);
      out.push('');
      out.push(pad + payloadFor(target, lang));
      i = j - 1;
      continue;
    }
    const text = unquote(value) + ' ' + payloadFor(target, lang);
    out.push(`${m[1]}${m[2] || ''}${key}: ${yamlString(text)}`);
  }
  fs.writeFileSync(file, out.join('\n'));
}

const root = process.argv[2];
const versions = new Map(); // catalogue -> sorted version folders
for (const f of walk(root, ['.yaml'])) {
  const parts = path.relative(root, f).split(path.sep);
  if (parts.length === 3) {
    if (!versions.has(parts[0])) versions.set(parts[0], new Set());
    versions.get(parts[0]).add(parts[1]);
  }
}
for (const f of walk(root, ['.yaml'])) {
  const parts = path.relative(root, f).split(path.sep);
  variant = 0;
  if (parts.length === 3) {
    const list = [...versions.get(parts[0])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    variant = list.indexOf(parts[1]);
  }
  inject(f);
}
console.log(`inject: payloads in ${fields} prose fields`);
