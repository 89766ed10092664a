#!/usr/bin/env node
// validate.js [--hostile] SITE-DIR... - html-validate over every HTML page
// of built sites, with the configuration in htmlvalidate.json.
//
// Pages are split over worker threads (one per CPU, at most four): each
// validation costs ~15 ms of fixed set-up, and a site has hundreds of
// small redirect pages. --hostile is for the site built from the copy of
// the catalogue with hostile text injected into every prose field: it
// skips redirect pages (class="page-redirect"), which hold no catalogue
// text, and turns off long-title, since the payloads make every title
// hundreds of characters long.
//
// Prints "validate: N pages, E errors, W warnings (by rule) in T ms" per
// site and the first messages; exits 1 if any page has an error.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const CONFIG = path.join(__dirname, 'htmlvalidate.json');

function walk(dir) {
  const out = [];
  const rec = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) rec(p);
      else if (e.name.endsWith('.html')) out.push(p);
    }
  };
  rec(dir);
  return out;
}

if (!isMainThread) {
  const { HtmlValidate, StaticConfigLoader } = require('html-validate');
  const config = JSON.parse(fs.readFileSync(CONFIG, 'utf8'));
  delete config.$comment;
  if (workerData.hostile) config.rules = Object.assign({}, config.rules, { 'long-title': 'off' });
  const hv = new HtmlValidate(new StaticConfigLoader(config));
  const messages = [];
  const rules = {};
  let errors = 0, warnings = 0;
  for (const file of workerData.files) {
    const report = hv.validateStringSync(fs.readFileSync(file, 'utf8'), file);
    for (const r of report.results) {
      for (const m of r.messages) {
        if (m.severity === 2) errors++;
        else warnings++;
        rules[m.ruleId] = (rules[m.ruleId] || 0) + 1;
        if (messages.length < 40) messages.push(`${path.relative(workerData.root, file)}:${m.line}:${m.column}: ${m.severity === 2 ? 'error' : 'warning'}: ${m.message} [${m.ruleId}]`);
      }
    }
  }
  parentPort.postMessage({ errors, warnings, messages, rules });
} else {
  const args = process.argv.slice(2);
  const hostile = args[0] === '--hostile';
  if (hostile) args.shift();
  (async () => {
    let failed = false;
    for (const site of args) {
      const t0 = Date.now();
      let files = walk(path.resolve(site));
      if (hostile) files = files.filter((f) => !/class="page-redirect"/.test(fs.readFileSync(f, 'utf8')));
      const n = Math.max(1, Math.min(4, os.cpus().length, files.length));
      const parts = Array.from({ length: n }, (_, i) => files.filter((_, j) => j % n === i));
      const results = await Promise.all(parts.map((part) => new Promise((resolve, reject) => {
        const w = new Worker(__filename, { workerData: { files: part, root: path.resolve(site), hostile } });
        w.once('message', resolve);
        w.once('error', reject);
      })));
      const errors = results.reduce((a, r) => a + r.errors, 0);
      const warnings = results.reduce((a, r) => a + r.warnings, 0);
      const rules = {};
      for (const r of results) for (const [k, v] of Object.entries(r.rules)) rules[k] = (rules[k] || 0) + v;
      const byRule = Object.keys(rules).sort().map((k) => `${k} ${rules[k]}`).join(', ');
      console.log(`validate: ${files.length} pages, ${errors} errors, ${warnings} warnings${byRule ? ' (' + byRule + ')' : ''} in ${Date.now() - t0} ms`);
      for (const r of results) for (const m of r.messages) console.log('  ' + m);
      if (errors) failed = true;
    }
    process.exit(failed ? 1 : 0);
  })().catch((e) => { console.error(e); process.exit(2); });
}
