/*
 * filter.js - the audit objective filter of the criteria website.
 *
 * On chapter and all-requirements pages the #objective-filter slot
 * becomes a group of radio buttons (All, and one per audit objective);
 * choosing one hides at once every question and requirement that does
 * not apply to it (elements carrying data-objectives). On an objective
 * page, which lists only what applies to its objective already, the
 * control is a set of links to the other objective pages and to all
 * requirements. Without JavaScript the slot stays hidden and the
 * per-objective pages serve the reader. Sections (data-section: a part
 * of a chapter page, a row of the requirements table) go when nothing
 * in them is left.
 *
 * The choice persists while the reader navigates, on every page of the
 * site (this script runs on all of them):
 *   - over http(s) in localStorage, when the browser allows it;
 *   - from file://, where localStorage may be unavailable, per file, or
 *     shared with every other local file, and whenever storage fails:
 *     as a query parameter (?objective=ID) carried on every link to
 *     another page of the site, and kept in the address of the page.
 * A parameter in the address always wins, so a shared link shows what
 * its author saw.
 */
(function () {
  'use strict';

  var PARAM = 'objective';
  var KEY = 'vcsc-objective';
  var fileMode = location.protocol === 'file:';
  var ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

  function valid(v) { return v === 'all' || (typeof v === 'string' && ID.test(v)); }

  function fromAddress() {
    var m = new RegExp('[?&]' + PARAM + '=([^&#]*)').exec(location.search);
    var v = m ? decodeURIComponent(m[1]) : null;
    return valid(v) ? v : null;
  }

  function storageGet() {
    if (fileMode) return null;
    try {
      var v = window.localStorage.getItem(KEY);
      return valid(v) ? v : null;
    } catch (e) {
      return null;
    }
  }

  // True when the choice is safely stored for the other pages.
  function storageSet(v) {
    if (fileMode) return false;
    try {
      if (v === 'all') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, v);
      return window.localStorage.getItem(KEY) === (v === 'all' ? null : v);
    } catch (e) {
      return false;
    }
  }

  var slot = document.getElementById('objective-filter');
  var pageObjective = slot && slot.dataset.objective;
  var choice = fromAddress() || storageGet() || 'all';
  if (pageObjective && valid(pageObjective)) choice = pageObjective;
  var carrying = !storageSet(choice);

  /* ---- carrying the choice on links ---- */

  var EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/|#)/i;

  // url with the choice as its query (or none for "all"), when url leads
  // to another page of this site; else url unchanged.
  function carry(url, c) {
    if (EXTERNAL.test(url)) return url;
    var hash = url.indexOf('#');
    var frag = hash >= 0 ? url.slice(hash) : '';
    var path = hash >= 0 ? url.slice(0, hash) : url;
    var q = path.indexOf('?');
    if (q >= 0) path = path.slice(0, q);
    if (!/\.html$/.test(path)) return url;
    c = c || choice;
    return path + (carrying && c !== 'all' ? '?' + PARAM + '=' + encodeURIComponent(c) : '') + frag;
  }

  function carryLinks() {
    var links = document.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var h = a.getAttribute('href');
      var n = carry(h, a.dataset.objectiveChoice);
      if (n !== h) a.setAttribute('href', n);
    }
  }

  // Keeps the page's own address in step, so reloading it or coming back
  // to it shows the same choice.
  function keepAddress() {
    var has = fromAddress() !== null;
    if (!carrying && !has) return;
    var search = location.search.replace(new RegExp('([?&])' + PARAM + '=[^&#]*&?'), '$1').replace(/[?&]$/, '');
    if (carrying && choice !== 'all') search += (search ? '&' : '?') + PARAM + '=' + encodeURIComponent(choice);
    try {
      history.replaceState(history.state, '', location.pathname + search + location.hash);
    } catch (e) { /* some browsers refuse it for file:// pages */ }
  }

  /* ---- filtering ---- */

  var main = document.querySelector('main') || document.body;
  var statusEl = null;

  function applies(elt, c) {
    return c === 'all' || (' ' + elt.getAttribute('data-objectives') + ' ').indexOf(' ' + c + ' ') >= 0;
  }

  function apply() {
    var items = main.querySelectorAll('[data-objectives]');
    var shown = 0, total = 0;
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      it.hidden = !applies(it, choice);
      var outer = !it.parentElement.closest('[data-objectives]');
      if (outer) {
        total++;
        if (!it.hidden) shown++;
      }
    }
    // sections of a chapter page: hidden with the last of their questions
    var sections = main.querySelectorAll('section[data-section]');
    for (i = 0; i < sections.length; i++) {
      var inner = sections[i].querySelectorAll('[data-objectives]'), left = false;
      for (var k = 0; k < inner.length && !left; k++) {
        left = !inner[k].hidden && !inner[k].parentElement.closest('[data-objectives]');
      }
      sections[i].hidden = choice !== 'all' && !left;
    }
    // the requirements table: hide chapters and sections left empty; the
    // question's link, which only its first row carries, moves to its
    // first shown row
    var copies = main.querySelectorAll('.req-question-copy');
    for (i = 0; i < copies.length; i++) copies[i].remove();
    var bodies = main.querySelectorAll('tbody');
    for (i = 0; i < bodies.length; i++) {
      var section = null, sectionLeft = false;
      for (k = 0; k < bodies[i].rows.length; k++) {
        var tr = bodies[i].rows[k];
        if (tr.dataset.section) {
          if (section) section.hidden = choice !== 'all' && !sectionLeft;
          section = tr;
          sectionLeft = false;
        } else if (tr.dataset.question && !tr.hidden) {
          sectionLeft = true;
        }
      }
      if (section) section.hidden = choice !== 'all' && !sectionLeft;
      var rows = bodies[i].querySelectorAll('tr[data-question]');
      if (!rows.length) continue;
      var any = false, firstOf = {}, shownOf = {};
      for (var j = 0; j < rows.length; j++) {
        var qid = rows[j].dataset.question;
        if (!(qid in firstOf)) firstOf[qid] = rows[j];
        if (!rows[j].hidden) { any = true; if (!(qid in shownOf)) shownOf[qid] = rows[j]; }
      }
      bodies[i].hidden = !any;
      Object.keys(shownOf).forEach(function (q) {
        var first = firstOf[q], row = shownOf[q];
        var link = first.querySelector('.req-question');
        var cell = row.querySelector('td');
        if (row !== first && link && cell) {
          var copy = link.cloneNode(true);
          copy.classList.add('req-question-copy');
          cell.insertBefore(copy, cell.firstChild);
        }
      });
    }
    if (statusEl) {
      statusEl.textContent = choice === 'all' ? '' :
        String(slot.dataset.shown || '').replace('{1}', shown).replace('{2}', total);
    }
  }

  function choose(c) {
    if (!valid(c)) return;
    choice = c;
    carrying = !storageSet(c);
    apply();
    carryLinks();
    keepAddress();
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function options() {
    var out = [{ id: 'all', title: slot.dataset.all, href: slot.dataset.allHref }];
    var spans = slot.querySelectorAll('span[data-objective]');
    for (var i = 0; i < spans.length; i++) {
      var id = spans[i].dataset.objective;
      if (valid(id)) out.push({ id: id, title: spans[i].textContent, href: spans[i].dataset.href });
    }
    return out;
  }

  // Radio buttons: the page filters itself.
  function buildRadios() {
    var fs = el('fieldset', 'objective-filter');
    fs.appendChild(el('legend', '', slot.dataset.legend));
    var box = el('div', 'filter-options');
    options().forEach(function (o) {
      var label = el('label', 'filter-option' + (o.id === 'all' ? '' : ' obj-' + o.id));
      var r = el('input');
      r.type = 'radio';
      r.name = 'objective-filter';
      r.value = o.id;
      r.checked = o.id === choice;
      r.addEventListener('change', function () { if (r.checked) choose(o.id); });
      label.appendChild(r);
      label.appendChild(el('span', '', o.title));
      box.appendChild(label);
    });
    fs.appendChild(box);
    statusEl = el('p', 'filter-status');
    statusEl.setAttribute('role', 'status');
    fs.appendChild(statusEl);
    slot.textContent = '';
    slot.appendChild(fs);
  }

  // Links: an objective page shows one objective; the others are pages.
  function buildLinks() {
    var group = el('div', 'objective-filter');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-labelledby', 'objective-filter-legend');
    var legend = el('span', 'filter-legend', slot.dataset.legend);
    legend.id = 'objective-filter-legend';
    group.appendChild(legend);
    var box = el('ul', 'filter-options');
    options().forEach(function (o) {
      if (!o.href) return;
      var li = el('li');
      var a = el('a', 'filter-option' + (o.id === 'all' ? '' : ' obj-' + o.id), o.title);
      a.setAttribute('href', o.href);
      a.dataset.objectiveChoice = o.id;
      if (o.id === pageObjective) a.setAttribute('aria-current', 'page');
      a.addEventListener('click', function () { storageSet(o.id); });
      li.appendChild(a);
      box.appendChild(li);
    });
    group.appendChild(box);
    slot.textContent = '';
    slot.appendChild(group);
  }

  if (slot) {
    // a stored choice this site does not offer (another site, an old
    // scheme) would hide everything
    if (!options().some(function (o) { return o.id === choice; })) choose('all');
    if (pageObjective) buildLinks();
    else buildRadios();
    slot.hidden = false;
    if (!pageObjective) apply();
  }
  carryLinks();
  keepAddress();

  // Coming back through the history cache: another page may have changed
  // the stored choice meanwhile.
  window.addEventListener('pageshow', function (e) {
    if (!e.persisted || pageObjective) return;
    var c = fromAddress() || storageGet() || 'all';
    if (c === choice) return;
    var radios = slot ? slot.querySelectorAll('input[type=radio]') : [];
    for (var i = 0; i < radios.length; i++) radios[i].checked = radios[i].value === c;
    choose(c);
  });

  window.vcscFilter = {
    choice: function () { return choice; },
    carry: function (url) { return carry(url); }
  };
})();
