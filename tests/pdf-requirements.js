#!/usr/bin/env node
// Compares the text of a questionnaire (pdftotext -raw of the body area)
// with the model (`vcsc export` JSON): every requirement that applies to
// the chosen objectives must appear, in catalogue order, and no
// requirement that does not apply may appear.
//
//   node tests/pdf-requirements.js MODEL.json TEXT.txt LANG OBJECTIVES
//
// OBJECTIVES is a comma-separated list of objective ids, or "all".
// Whitespace is ignored in the comparison (lines wrap and words break at
// hyphens in the PDF), and Markdown markup is stripped from the model.
'use strict';
const fs = require('fs');

const [modelPath, textPath, lang, objArg] = process.argv.slice(2);
if (!objArg) {
	console.error('usage: pdf-requirements.js MODEL.json TEXT.txt LANG OBJECTIVES');
	process.exit(2);
}
const model = JSON.parse(fs.readFileSync(modelPath, 'utf8'));
const text = fs.readFileSync(textPath, 'utf8').replace(/\s+/g, '');
const all = model.objectives.map((o) => o.id);
const sel = objArg === 'all' ? all : objArg.split(',');
for (const o of sel)
	if (!all.includes(o)) {
		console.error(`unknown objective ${o}`);
		process.exit(2);
	}

function tr(p) {
	if (!p) return null;
	return p[lang] !== undefined ? p[lang] : p[model.languages[0].id];
}

// Markdown to the characters the PDF shows, whitespace removed.
function flat(md) {
	return md
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<((?:https?|mailto):[^>]*)>/g, '$1')
		.replace(/\*\*|__|[*`]|~~/g, '')
		.replace(/\s+/g, '');
}

const wanted = [];
const unwanted = [];
for (const ch of model.chapters)
	for (const q of ch.sections.length ? ch.sections.flatMap((s) => s.questions) : ch.questions) {
		if (q.withdrawn) continue;
		for (const r of q.requirements) {
			for (const level of model.levels) {
				const t = tr(r.texts[level.id]);
				if (t === null) continue;
				const applies = r.applies_to.some(
					(o) => sel.includes(o) && level.applies_to.includes(o));
				(applies ? wanted : unwanted).push({ id: `${r.id} ${level.id}`, t: flat(t) });
			}
		}
	}

let errors = 0;
let pos = 0;
for (const w of wanted) {
	const at = text.indexOf(w.t, pos);
	if (at < 0) {
		const anywhere = text.indexOf(w.t) >= 0;
		console.log(`${w.id}: ${anywhere ? 'out of catalogue order' : 'missing'}`);
		errors++;
		continue;
	}
	pos = at + w.t.length;
}
for (const u of unwanted) {
	if (wanted.some((w) => w.t.includes(u.t))) continue;
	if (text.includes(u.t)) {
		console.log(`${u.id}: does not apply to ${sel.join(',')} but is in the PDF`);
		errors++;
	}
}
console.log(`${wanted.length} applicable texts checked, ${unwanted.length} not applicable, ${errors} problems`);
process.exit(errors ? 1 : 0);
