/*
 * search.js - full-text search of the criteria website, without a server.
 *
 * Fills the #search slot of the page header with a search box (an ARIA
 * combobox with a list of results). The index of the version and
 * language shown (CAT/VER/LANG/search-index.js, written by vcsc site)
 * is loaded on first use through a <script> element, which also works
 * from file://, where fetch() of local files does not.
 *
 * Matching: every word of the query must occur in the question (its
 * title, text, objective, further information, evidence, change notes,
 * references, or the text or references of one of its requirements) as
 * a word or the beginning of a word, ignoring case and diacritics.
 * German umlauts match both ways of writing them ("ueber" and "uber"
 * find "über", "Strasse" finds "Straße"). German pages also find words
 * inside compounds, ranked lower. A query word made of several parts
 * joined by punctuation ("RQ-05-01", "7.2.2.2(b)", "A.5.1") must occur
 * as written: its parts in order, with nothing but punctuation between
 * them. Ranking: title before question text before requirement text
 * before the other fields and references; whole words before beginnings
 * of words. A query that is a question or requirement number ("7.2",
 * "3.1.b", "1.2.ii", "5") lists those questions; one that is a whole reference
 * identifier ("RQ-05-01", "ISO/SAE 21434 RQ-05-01") lists the questions
 * citing it first; a section's number ("1.6") lists its questions.
 * Where the catalogue has sections, each result names its question's.
 *
 * Catalogue text only ever reaches the page through textContent.
 * Keyboard: "/" focuses the box, arrow keys choose a result, Enter opens
 * it, Escape closes the list (a second Escape clears the box).
 */
(function () {
  'use strict';

  var slot = document.getElementById('search');
  if (!slot || !slot.dataset.index || !String.prototype.normalize) return;

  var MAX_RESULTS = 50;
  // t: title, q: question text, v: a requirement's text at any level,
  // o: objective, i: further information, e: evidence, c: change note,
  // x: references
  var WEIGHT = { t: 10, q: 6, v: 3, o: 2, i: 1, e: 1, c: 1, x: 1 };
  var CITED = 20; // a query that is one whole identifier the question cites
  var EXACT = 1, PREFIX = 0.7, INFIX = 0.2;
  var ds = slot.dataset;
  var infixAllowed = ds.lang === 'de';
  var base = ds.base || '';

  function fmt(s, a1, a2) {
    return String(s || '').replace('{1}', a1).replace('{2}', a2);
  }

  /* ---- folding ---- */

  // A letter folds to two keys: form 0 writes umlauts out (ä -> ae), form 1
  // drops their dots (ä -> a). A query word matches if either form does.
  var SPECIAL = {
    'ä': ['ae', 'a'], 'ö': ['oe', 'o'], 'ü': ['ue', 'u'],
    'ß': ['ss', 'ss'], 'ẞ': ['ss', 'ss'], 'æ': ['ae', 'ae'], 'œ': ['oe', 'oe'],
    'ø': ['o', 'o'], 'đ': ['d', 'd'], 'ð': ['d', 'd'], 'ł': ['l', 'l'],
    'þ': ['th', 'th'], 'ı': ['i', 'i'],
    '\u2019': ["'", "'"], '\u2018': ["'", "'"], '\u00ad': ['', '']
  };
  var foldCache = new Map();
  function foldChar(ch) {
    var f = foldCache.get(ch);
    if (f) return f;
    var lower = ch.toLowerCase();
    f = SPECIAL[lower];
    if (!f) {
      var plain = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      f = [plain, plain];
    }
    foldCache.set(ch, f);
    return f;
  }

  var WORD = /[\p{L}\p{N}]/u;
  function isWord(ch) { return ch !== undefined && WORD.test(ch); }

  // The folded forms of text, each with, per folded character, the
  // start and end of the original character it came from.
  function foldText(text) {
    var forms = [];
    for (var k = 0; k < 2; k++) forms.push({ s: [], start: [], end: [] });
    var i = 0;
    for (var ch of text) {
      var f = foldChar(ch);
      for (k = 0; k < 2; k++) {
        var form = forms[k];
        for (var j = 0; j < f[k].length; j++) {
          form.s.push(f[k][j]);
          form.start.push(i);
          form.end.push(i + ch.length);
        }
      }
      i += ch.length;
    }
    return forms.map(function (form) {
      return { s: form.s.join(''), start: form.start, end: form.end };
    });
  }

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  // The query as terms: a word in both folded forms ([form 0, form 1]),
  // or, for a word of several parts joined by punctuation ("RQ-05-01"),
  // a phrase: the same pair of strings plus, per form, a pattern that
  // finds the parts in order with only punctuation between them.
  function queryWords(q) {
    var seen = new Set();
    var out = [];
    q.normalize('NFC').split(/\s+/u).forEach(function (token) {
      var parts = token.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(function (w) {
        var f = foldText(w);
        return [f[0].s, f[1].s];
      }).filter(function (w) { return w[0]; });
      if (parts.length > 1) {
        var t = [0, 1].map(function (k) { return parts.map(function (w) { return w[k]; }).join(' '); });
        if (seen.has(t[0] + '|' + t[1])) return;
        seen.add(t[0] + '|' + t[1]);
        // punctuation closing the token ("(b)") is marked too, if there
        var trail = foldText((/[^\p{L}\p{N}]+$/u.exec(token) || [''])[0]);
        t.re = [0, 1].map(function (k) {
          return new RegExp('(?<![\\p{L}\\p{N}])' + parts.map(function (w) { return escapeRe(w[k]); })
            .join('[^\\p{L}\\p{N}]+') + (trail[k].s ? '(?:' + escapeRe(trail[k].s) + ')?' : ''), 'gu');
        });
        out.push(t);
        return;
      }
      parts.forEach(function (w) {
        var key = w[0] + '|' + w[1];
        if (seen.has(key)) return;
        seen.add(key);
        out.push(w);
      });
    });
    return out;
  }

  // A reference identifier as the whole-query test compares it.
  function idKey(s) { return foldText(String(s).normalize('NFC').trim().replace(/\s+/g, ' '))[0].s; }

  /* ---- the index ---- */

  var docs = null;

  function segment(text, kind, label, anchor) {
    text = String(text || '').normalize('NFC');
    return { text: text, forms: foldText(text), kind: kind, weight: WEIGHT[kind] || 1, label: label, anchor: anchor };
  }

  // References ([[standard, id, ...], ...], standard: its place in
  // titles) as one segment, its text as the pages write them ("ISO/SAE
  // 21434 RQ-05-01, WP-05-01; UNECE R155 7.2.2.2(a)"), with the
  // identifiers for whole-query hits.
  function refSegment(groups, titles, label, anchor) {
    var ids = new Set();
    var text = groups.map(function (g) {
      var title = String(titles[g[0]] || ''), list = g.slice(1).map(String);
      list.forEach(function (id) { ids.add(idKey(id)); ids.add(idKey(title + ' ' + id)); });
      return title + ' ' + list.join(', ');
    }).join('; ');
    var seg = segment(text, 'x', label, anchor);
    seg.ids = ids;
    return seg;
  }

  function prepare(data) {
    var titles = Array.isArray(data.standards) ? data.standards : [];
    var sections = Array.isArray(data.sections) ? data.sections : [];
    return data.questions.map(function (q, order) {
      var segs = [];
      var f = q.f || {};
      ['q', 'o', 'i', 'e', 'c'].forEach(function (k) {
        if (f[k]) segs.push(segment(f[k], k, ds['field' + k.toUpperCase()] || '', ''));
      });
      if (Array.isArray(q.x) && q.x.length) segs.push(refSegment(q.x, titles, ds.fieldX || '', ''));
      (q.r || []).forEach(function (r) {
        // its texts, one per level it uses: [level, text]
        (Array.isArray(r.v) ? r.v : []).forEach(function (t) {
          if (Array.isArray(t) && t[1]) segs.push(segment(t[1], 'v', r.l, r.a));
        });
        var rf = r.f || {};
        if (rf.c) segs.push(segment(rf.c, 'c', r.l, r.a));
        if (Array.isArray(r.x) && r.x.length) segs.push(refSegment(r.x, titles, r.l, r.a));
      });
      // where it stands, in a catalogue of sections: [number, title]
      var sec = typeof q.s === 'number' && Array.isArray(sections[q.s]) ? sections[q.s] : null;
      return {
        number: String(q.n), href: String(q.h), withdrawn: !!q.w, order: order,
        section: sec ? String(sec[0]) + ' ' + String(sec[1]) : '',
        title: segment(q.t, 't', '', ''), segs: segs
      };
    });
  }

  /* ---- matching ---- */

  // Where phrase w (see queryWords) occurs in form k of seg: [start,
  // end) in the folded text of each occurrence.
  function phraseAt(seg, w, k) {
    var out = [], s = seg.forms[k].s, re = w.re[k], m;
    re.lastIndex = 0;
    while ((m = re.exec(s))) {
      out.push([m.index, m.index + m[0].length]);
      re.lastIndex = m.index + 1;
    }
    return out;
  }

  // How well word w (both forms) occurs in seg: EXACT, PREFIX, INFIX or 0.
  function quality(seg, w) {
    var best = 0;
    if (w.re) {
      for (var f = 0; f < 2 && best < EXACT; f++) {
        phraseAt(seg, w, f).forEach(function (r) {
          best = Math.max(best, isWord(seg.forms[f].s[r[1]]) ? PREFIX : EXACT);
        });
      }
      return best;
    }
    for (var k = 0; k < 2 && best < EXACT; k++) {
      var s = seg.forms[k].s, t = w[k];
      for (var at = s.indexOf(t); at >= 0 && best < EXACT; at = s.indexOf(t, at + 1)) {
        if (!isWord(s[at - 1])) best = Math.max(best, isWord(s[at + t.length]) ? PREFIX : EXACT);
        else if (infixAllowed && t.length >= 4) best = Math.max(best, INFIX);
      }
    }
    return best;
  }

  // Original-text ranges of every occurrence of the words in seg.
  function ranges(seg, words) {
    var out = [];
    words.forEach(function (w) {
      for (var k = 0; k < 2; k++) {
        var form = seg.forms[k], s = form.s, t = w[k];
        if (w.re) {
          phraseAt(seg, w, k).forEach(function (r) { out.push([form.start[r[0]], form.end[r[1] - 1]]); });
          continue;
        }
        for (var at = s.indexOf(t); at >= 0; at = s.indexOf(t, at + 1)) {
          if (isWord(s[at - 1]) && !(infixAllowed && t.length >= 4)) continue;
          out.push([form.start[at], form.end[at + t.length - 1]]);
        }
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  // A chapter, question or requirement number: digits, then parts after
  // dots; a requirement's part is its label as published ("e", "ii").
  var NUMBER = /^\d+(?:\.[\p{L}\p{N}]+)*$/u;

  // The questions a number names: the question itself or the one holding
  // the requirement so labelled (first), those it is the prefix of (a
  // chapter's), and the question of an unknown label.
  function byNumber(q) {
    var num = q.trim().toLowerCase();
    if (!NUMBER.test(num)) return [];
    var hits = [];
    docs.forEach(function (d) {
      var seg = d.segs.filter(function (s) { return s.anchor && s.label.toLowerCase() === num; })[0];
      if (d.number === num || seg) hits.push({ doc: d, score: 2, words: [], seg: seg || null });
      else if (d.number.indexOf(num + '.') === 0) hits.push({ doc: d, score: 1, words: [], seg: null });
      else if (num.lastIndexOf('.') === d.number.length && num.indexOf(d.number + '.') === 0) {
        hits.push({ doc: d, score: 1, words: [], seg: null });
      }
    });
    return hits.sort(function (a, b) { return b.score - a.score || a.doc.order - b.doc.order; });
  }

  function search(q) {
    var numbered = byNumber(q);
    if (numbered.length) return numbered;
    // not a number of this version (a year, a clause): search the text
    var words = queryWords(q);
    if (!words.length) return [];
    var whole = idKey(q);
    var hits = [];
    docs.forEach(function (d) {
      // the whole query is an identifier this question cites
      var cited = d.segs.filter(function (s) { return s.ids && s.ids.has(whole); })[0] || null;
      var score = 0;
      var all = [d.title].concat(d.segs);
      for (var i = 0; i < words.length; i++) {
        var best = 0;
        for (var j = 0; j < all.length; j++) best = Math.max(best, all[j].weight * quality(all[j], words[i]));
        if (!best) return;
        score += best;
      }
      if (cited) score = Math.max(score, CITED);
      // the snippet: the citing references, else the field matching
      // most words, then the heaviest
      var seg = null, segWords = 0, segScore = 0;
      d.segs.forEach(function (s) {
        var n = 0, sc = 0;
        words.forEach(function (w) { var qv = quality(s, w); if (qv) { n++; sc += qv * s.weight; } });
        if (n > segWords || (n === segWords && sc > segScore)) { seg = s; segWords = n; segScore = sc; }
      });
      if (cited) seg = cited;
      if (d.withdrawn) score /= 2;
      hits.push({ doc: d, score: score + Math.min(segWords, 5) / 100, words: words, seg: segWords ? seg : null });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.doc.order - b.doc.order; });
    return hits;
  }

  /* ---- the page ---- */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Appends text[from, to) to parent with the given ranges marked.
  function marked(parent, text, rs, from, to) {
    var at = from;
    rs.forEach(function (r) {
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      if (a >= b || a < at) return;
      if (a > at) parent.appendChild(document.createTextNode(text.slice(at, a)));
      parent.appendChild(el('mark', '', text.slice(a, b)));
      at = b;
    });
    if (at < to) parent.appendChild(document.createTextNode(text.slice(at, to)));
  }

  // A window of about 160 characters around the first match.
  function snippet(parent, seg, words) {
    var text = seg.text;
    var rs = words.length ? ranges(seg, words) : [];
    var first = rs.length ? rs[0][0] : 0;
    var from = Math.max(0, first - 50), to = Math.min(text.length, from + 170);
    if (from > 0) {
      var sp = text.indexOf(' ', from);
      from = sp >= 0 && sp < first ? sp + 1 : from;
    }
    if (to < text.length) {
      var sp2 = text.lastIndexOf(' ', to);
      to = sp2 > first ? sp2 : to;
    }
    if (seg.label) parent.appendChild(el('span', seg.anchor ? 'search-where search-label' : 'search-where', seg.label));
    if (from > 0) parent.appendChild(document.createTextNode('…'));
    marked(parent, text, rs, from, to);
    if (to < text.length) parent.appendChild(document.createTextNode('…'));
  }

  var wrap, input, popup, status, list, items = [], active = -1;
  var state = 'idle'; // idle, loading, ready, failed
  var lastQuery = null;
  var enterPending = false;

  function build() {
    wrap = el('div', 'search');
    var label = el('label', 'visually-hidden', ds.label);
    label.htmlFor = 'search-input';
    input = el('input', 'search-input');
    input.id = 'search-input';
    input.type = 'search';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', 'search-results');
    input.setAttribute('aria-describedby', 'search-help');
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.placeholder = ds.placeholder || '';
    var key = el('kbd', 'search-key', '/');
    key.setAttribute('aria-hidden', 'true');
    var help = el('p', 'visually-hidden', ds.help);
    help.id = 'search-help';
    popup = el('div', 'search-popup');
    popup.hidden = true;
    status = el('p', 'search-status');
    status.id = 'search-status';
    status.setAttribute('role', 'status');
    list = el('div', 'search-results');
    list.id = 'search-results';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', ds.resultsLabel || ds.label);
    popup.appendChild(status);
    popup.appendChild(list);
    var box = el('div', 'search-box');
    box.appendChild(input);
    box.appendChild(key);
    wrap.appendChild(label);
    wrap.appendChild(box);
    wrap.appendChild(help);
    wrap.appendChild(popup);
    slot.appendChild(wrap);

    input.addEventListener('focus', function () { load(); if (input.value.trim()) open(); });
    input.addEventListener('input', function () { load(); run(); });
    input.addEventListener('keydown', onKey);
    wrap.addEventListener('focusout', function (e) {
      if (!e.relatedTarget || !wrap.contains(e.relatedTarget)) close();
    });
    // Tab also reaches the results (links): arrows move between them,
    // Escape goes back to the box
    list.addEventListener('keydown', function (e) {
      var i = items.indexOf(document.activeElement);
      if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        var j = e.key === 'ArrowDown' ? Math.min(i + 1, items.length - 1) : i - 1;
        if (j < 0) { input.focus(); setActive(-1, false); return; }
        setActive(j, false);
        items[j].focus();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        input.focus();
        close();
      }
    });
    list.addEventListener('focusin', function (e) {
      var i = items.indexOf(e.target);
      if (i >= 0) setActive(i, false);
    });
    list.addEventListener('mousemove', function (e) {
      var a = e.target.closest && e.target.closest('.search-result');
      if (a) setActive(items.indexOf(a), false);
    });
  }

  function load() {
    if (state !== 'idle') return;
    state = 'loading';
    var s = document.createElement('script');
    s.src = ds.index;
    s.async = true;
    s.onload = function () {
      var data = window.vcscSearchIndex;
      try { delete window.vcscSearchIndex; } catch (e) { window.vcscSearchIndex = undefined; }
      if (!data || !Array.isArray(data.questions)) { fail(); return; }
      docs = prepare(data);
      state = 'ready';
      lastQuery = null;
      run();
      if (enterPending) go(0);
    };
    s.onerror = fail;
    document.head.appendChild(s);
  }

  function fail() {
    state = 'failed';
    lastQuery = null;
    run();
  }

  function open() {
    popup.hidden = false;
    input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
  }

  function close() {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1, false);
  }

  function setActive(i, scroll) {
    if (active >= 0 && items[active]) {
      items[active].setAttribute('aria-selected', 'false');
      items[active].classList.remove('active');
    }
    active = i;
    if (i >= 0 && items[i]) {
      items[i].setAttribute('aria-selected', 'true');
      items[i].classList.add('active');
      input.setAttribute('aria-activedescendant', items[i].id);
      if (scroll) items[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function run() {
    var q = input.value.trim();
    if (q === lastQuery) return;
    lastQuery = q;
    list.textContent = '';
    items = [];
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (!q) { close(); return; }
    if (state !== 'ready') {
      status.textContent = state === 'failed' ? ds.failed : ds.loading;
      open();
      return;
    }
    var hits = search(q);
    hits.slice(0, MAX_RESULTS).forEach(function (h, i) { list.appendChild(result(h, i)); });
    status.textContent = hits.length === 0 ? ds.noResults
      : hits.length === 1 ? ds.oneResult
      : hits.length > MAX_RESULTS ? fmt(ds.more, hits.length, MAX_RESULTS)
      : fmt(ds.nResults, hits.length);
    list.hidden = !hits.length;
    open();
  }

  function result(h, i) {
    var d = h.doc;
    var a = el('a', 'search-result');
    a.id = 'search-result-' + i;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    var href = base + d.href + (h.seg && h.seg.anchor ? '#' + h.seg.anchor : '');
    a.setAttribute('href', window.vcscFilter ? window.vcscFilter.carry(href) : href);
    var head = el('span', 'search-head');
    head.appendChild(el('span', 'num', d.number));
    head.appendChild(document.createTextNode(' '));
    var title = el('span', 'search-title');
    marked(title, d.title.text, h.words.length ? ranges(d.title, h.words) : [], 0, d.title.text.length);
    head.appendChild(title);
    if (d.withdrawn) {
      head.appendChild(document.createTextNode(' '));
      head.appendChild(el('span', 'tag tag-withdrawn', ds.withdrawn));
    }
    a.appendChild(head);
    if (d.section) a.appendChild(el('span', 'search-section', d.section));
    var seg = h.seg || d.segs[0];
    if (seg) {
      var sn = el('span', 'search-snippet');
      snippet(sn, seg, h.seg ? h.words : []);
      a.appendChild(sn);
    }
    items.push(a);
    return a;
  }

  function go(i) {
    if (items[i]) window.location.href = items[i].href;
  }

  function onKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    switch (e.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      if (!input.value.trim()) return;
      e.preventDefault();
      if (popup.hidden) { open(); if (active < 0) return; }
      if (!items.length) return;
      var n = items.length;
      var next = e.key === 'ArrowDown' ? (active < 0 ? 0 : (active + 1) % n) : (active <= 0 ? n - 1 : active - 1);
      setActive(next, true);
      break;
    case 'Enter':
      if (!input.value.trim()) return;
      e.preventDefault();
      if (state === 'ready') go(active >= 0 ? active : 0);
      else enterPending = true; // open the first result once loaded
      break;
    case 'Escape':
      if (!popup.hidden) { e.preventDefault(); close(); }
      else if (input.value) { e.preventDefault(); input.value = ''; run(); }
      break;
    }
  }

  // "/" anywhere outside a text field focuses the box.
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  build();
})();
