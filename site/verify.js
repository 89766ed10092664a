/*
 * verify.js - checks a VCS label certificate in the browser, as
 * `vcsc verify` does (compiler/cert/, docs/certificates.md): the token
 * from the address (verify.html#TOKEN) or typed into the form, decoded
 * strictly (base64url without padding, unused bits zero), its Ed25519
 * signature checked with WebCrypto against the public keys listed in the
 * page, and the published status list (status.txt, itself signed) for
 * revoked and superseded certificates. `?as-of=YYYY-MM-DD` in the address
 * judges expiry on that day instead of today. No library from elsewhere;
 * nothing leaves the browser.
 */
(function () {
  'use strict';

  var TEST_PREFIX = 'TEST-';
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var enc = new TextEncoder();

  /* Strict base64url: the one encoding of its bytes, or null. */
  function b64decode(s) {
    if (s.length % 4 === 1) return null;
    var out = [], acc = 0, bits = 0;
    for (var i = 0; i < s.length; i++) {
      var v = ALPHABET.indexOf(s.charAt(i));
      if (v < 0) return null;
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push((acc >> bits) & 0xff);
        acc &= (1 << bits) - 1;
      }
    }
    if (acc !== 0) return null;
    return new Uint8Array(out);
  }

  function hex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return s;
  }

  function concat(a, b) {
    var r = new Uint8Array(a.length + b.length);
    r.set(a, 0);
    r.set(b, a.length);
    return r;
  }

  function dayString(d) {
    return new Date(d * 86400000).toISOString().slice(0, 10);
  }

  function parseDay(s) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return 0;
    var t = Date.parse(s + 'T00:00:00Z');
    if (isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) return 0;
    return Math.floor(t / 86400000);
  }

  /* Text a token can carry: 1 to 255 bytes of UTF-8, no control characters. */
  var utf8 = new TextDecoder('utf-8', { fatal: true });
  function readStr(r) {
    if (r.at >= r.end) throw new Error('short');
    var n = r.b[r.at++];
    if (n === 0 || r.at + n > r.end) throw new Error('bad text');
    var bytes = r.b.subarray(r.at, r.at + n);
    for (var i = 0; i < n; i++) if (bytes[i] < 0x20 || bytes[i] === 0x7f) throw new Error('control');
    r.at += n;
    return utf8.decode(bytes);
  }
  function readU8(r) {
    if (r.at >= r.end) throw new Error('short');
    return r.b[r.at++];
  }
  function readU16(r) {
    var hi = readU8(r);
    return (hi << 8) | readU8(r);
  }

  /* The facts of a token, or {error}. Mirrors cert_token_decode. */
  function decode(token) {
    var test = token.indexOf(TEST_PREFIX) === 0;
    var raw = b64decode(test ? token.slice(TEST_PREFIX.length) : token);
    if (!raw) return { error: 'it is not a token: not base64url, or not the one encoding of its bytes' };
    if (raw.length < 2 || raw[0] !== 1) return { error: 'it is not a token of a version this page knows' };
    if (raw.length < 2 + 8 + 64) return { error: 'the token is cut short' };
    var r = { b: raw, at: 1, end: raw.length - 64 };
    var f = {};
    try {
      var flags = readU8(r);
      if (flags > 1) return { error: 'the token has flags this page does not know' };
      f.testKey = (flags & 1) === 1;
      if (f.testKey !== test) return { error: "the token's TEST- prefix does not match its test-key mark" };
      f.keyId = hex(raw.subarray(2, 10));
      r.at = 10;
      f.issued = readU16(r);
      f.participant = readStr(r);
      f.scope = readStr(r);
      var nl = readU8(r);
      f.locations = [];
      for (var i = 0; i < nl; i++) f.locations.push(readStr(r));
      f.catalogue = readStr(r);
      f.provider = readStr(r);
      f.audit = readStr(r);
      var n = readU8(r);
      f.labels = [];
      for (var j = 0; j < n; j++) {
        var o = readStr(r), k = readU8(r);
        if (k !== 1 && k !== 2) throw new Error('kind');
        f.labels.push({ objective: o, full: k === 2, expires: readU16(r) });
      }
    } catch (e) {
      return { error: "the token's contents are not well formed" };
    }
    if (r.at !== r.end || f.labels.length === 0 || f.issued === 0)
      return { error: "the token's contents are not well formed" };
    f.signed = raw.subarray(0, r.end);
    f.signature = raw.subarray(r.end);
    return f;
  }

  function keysOfPage() {
    var keys = {};
    var els = document.querySelectorAll('#verify-data .verify-key');
    for (var i = 0; i < els.length; i++) {
      var k = b64decode(els[i].getAttribute('data-key') || '');
      if (k && k.length === 32)
        keys[els[i].getAttribute('data-id')] = { raw: k, test: els[i].getAttribute('data-test') === 'true' };
    }
    return keys;
  }

  function ed25519Verify(pk, sig, msg) {
    return crypto.subtle.importKey('raw', pk, { name: 'Ed25519' }, false, ['verify'])
      .then(function (key) { return crypto.subtle.verify({ name: 'Ed25519' }, key, sig, msg); });
  }

  /* The status list: {entries: {hash: {kind, reason}}, keyId, test} or
   * {error}; null when none is published. Mirrors cert_status_load. */
  function loadStatus(keys) {
    var path = document.getElementById('verify-data').getAttribute('data-status');
    if (!path) return Promise.resolve(null);
    return fetch(path, { cache: 'no-store' }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.arrayBuffer();
    }).then(function (buf) {
      var bytes = new Uint8Array(buf);
      var text = utf8.decode(bytes);
      if (!/\n$/.test(text)) return { error: 'the status list was cut short' };
      var lines = text.slice(0, -1).split('\n');
      var entries = {}, head = false, sig = null, offset = 0, signedLen = 0;
      for (var i = 0; i < lines.length; i++) {
        var l = lines[i], m;
        if (sig) return { error: "nothing may follow the status list's signature" };
        if (l.charAt(0) === '#') {
        } else if (!head) {
          if (l !== 'vcsc-status 1') return { error: 'not a status list of a version this page knows' };
          head = true;
        } else if ((m = /^signed ([0-9a-f]{16}) ([A-Za-z0-9_-]{86})$/.exec(l))) {
          sig = { keyId: m[1], sig: b64decode(m[2]) };
          signedLen = enc.encode(text.slice(0, offset)).length;
        } else if ((m = /^revoked ([0-9a-f]{64}) (.+)$/.exec(l))) {
          entries[m[1]] = { kind: 'revoked', reason: m[2] };
        } else if ((m = /^superseded ([0-9a-f]{64}) ([0-9a-f]{64})$/.exec(l))) {
          entries[m[1]] = { kind: 'superseded', by: m[2] };
        } else {
          return { error: 'line ' + (i + 1) + ' of the status list is not an entry' };
        }
        offset += l.length + 1;
      }
      if (!sig || !sig.sig || sig.sig.length !== 64) return { error: 'the status list is not signed' };
      var key = keys[sig.keyId];
      if (!key) return { error: 'the status list was signed with a key not published here' };
      var msg = concat(enc.encode('vcsc-status\0'), bytes.subarray(0, signedLen));
      return ed25519Verify(key.raw, sig.sig, msg).then(function (good) {
        if (!good) return { error: "the status list's signature does not match its contents" };
        return { entries: entries, keyId: sig.keyId, test: key.test, n: Object.keys(entries).length };
      });
    });
  }

  /* The verdict, as cert_verify gives it. */
  function verdict(token, keys, status, asOf) {
    var f = decode(token);
    if (f.error) return Promise.resolve({ kind: 'invalid', detail: f.error });
    var key = keys[f.keyId];
    if (!key) return Promise.resolve({ kind: 'invalid', facts: f, test: f.testKey,
      detail: 'it was signed with a key that is not among the public keys published here' });
    var msg = concat(enc.encode('vcsc-certificate\0'), f.signed);
    return ed25519Verify(key.raw, f.signature, msg).then(function (good) {
      var test = f.testKey || key.test;
      if (!good) return { kind: 'invalid', facts: f, test: test,
        detail: 'the signature does not match the facts: the token was changed or is not genuine' };
      return crypto.subtle.digest('SHA-256', enc.encode(token)).then(function (h) {
        var e = status && status.entries ? status.entries[hex(new Uint8Array(h))] : null;
        var v = { facts: f, test: test };
        if (e && e.kind === 'revoked') { v.kind = 'revoked'; v.detail = 'revoked: ' + e.reason; return v; }
        if (e) { v.kind = 'superseded'; v.detail = 'superseded by a later certificate (token SHA-256 ' + e.by.slice(0, 16) + '...)'; return v; }
        if (asOf < f.issued) { v.kind = 'invalid'; v.detail = 'not issued yet on ' + dayString(asOf) + ' (issued ' + dayString(f.issued) + ')'; return v; }
        var inForce = 0, temporary = 0, last = 0;
        f.labels.forEach(function (l) {
          if (l.expires > last) last = l.expires;
          if (l.expires < asOf) return;
          inForce++;
          if (!l.full) temporary++;
        });
        if (!inForce) { v.kind = 'expired'; v.detail = 'expired after ' + dayString(last); }
        else if (temporary) { v.kind = 'temporary'; v.detail = inForce < f.labels.length ? 'genuine; a temporary label in force, others expired' : 'genuine; a temporary label, in force until its corrective actions are closed'; }
        else { v.kind = 'valid'; v.detail = inForce < f.labels.length ? 'genuine; some labels expired' : 'genuine and in force'; }
        return v;
      });
    });
  }

  function el(parent, name, text, cls) {
    var e = document.createElement(name);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }

  function show(v, status, asOf, today) {
    var out = document.getElementById('verify-result');
    out.textContent = '';
    out.hidden = false;
    var p = el(out, 'p', null, 'verdict verdict-' + v.kind);
    p.setAttribute('data-verdict', v.kind);
    el(p, 'strong', 'Verdict: ' + v.kind);
    if (v.test) el(p, 'span', ', signed with the test key: proves nothing', 'verdict-test');
    el(p, 'span', ' (' + v.detail + ')');
    var f = v.facts;
    var dl = el(out, 'dl', null, 'verify-facts');
    function row(k, val) { el(dl, 'dt', k); el(dl, 'dd', val); }
    if (f) {
      row('Participant', f.participant);
      row('Scope', f.scope + (f.locations.length ? ' (' + f.locations.join('; ') + ')' : ''));
      f.labels.forEach(function (l) {
        row('Label', l.objective + ', ' + (l.full ? 'full' : 'temporary') + ', valid through ' + dayString(l.expires));
      });
      row('Catalogue', f.catalogue);
      row('Audit provider', f.provider);
      row('Audit', f.audit);
      row('Issued', dayString(f.issued));
      row('Signed with key', f.keyId + (v.test ? ' (a public TEST key)' : ''));
    }
    if (!status) row('Status list', 'not checked (none published): a revoked or superseded certificate is not recognised');
    else if (status.error) row('Status list', 'not checked: ' + status.error);
    else row('Status list', status.n + (status.n === 1 ? ' entry' : ' entries') + ', signed with key ' + status.keyId + (status.test ? ', a TEST key' : ''));
    row('As of', dayString(asOf) + (today ? ' (today)' : ''));
    out.setAttribute('data-done', 'true');
  }

  function run(token) {
    token = token.replace(/\s+/g, '');
    var m = /[?&]as-of=(\d{4}-\d{2}-\d{2})/.exec(location.search);
    var asOf = m ? parseDay(m[1]) : 0, today = false;
    if (!asOf) { asOf = Math.floor(Date.now() / 86400000); today = true; }
    var keys = keysOfPage();
    if (!window.crypto || !crypto.subtle) {
      show({ kind: 'invalid', detail: 'this browser offers no WebCrypto here (open the page over https)' }, null, asOf, today);
      return;
    }
    loadStatus(keys).catch(function (e) {
      return { error: 'could not be loaded (' + e.message + ')' };
    }).then(function (status) {
      return verdict(token, keys, status, asOf).catch(function (e) {
        return { kind: 'invalid', detail: 'this browser cannot check Ed25519 signatures (' + e.message + ')' };
      }).then(function (v) { show(v, status, asOf, today); });
    });
  }

  /* The form: a label, the token field and the button. */
  function makeForm(slot) {
    var form = document.createElement('form');
    form.id = 'verify-form';
    form.className = 'verify-form';
    var label = el(form, 'label', slot.getAttribute('data-label') || 'Token');
    label.setAttribute('for', 'verify-token');
    var input = el(form, 'textarea');
    input.id = 'verify-token';
    input.rows = 4;
    input.spellcheck = false;
    input.setAttribute('autocomplete', 'off');
    var button = el(form, 'button', slot.getAttribute('data-button') || 'Verify');
    button.type = 'submit';
    slot.appendChild(form);
    return form;
  }

  function start() {
    var slot = document.getElementById('verify-form-slot');
    if (!slot) return;
    var form = makeForm(slot);
    var input = document.getElementById('verify-token');
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      history.replaceState(null, '', '#' + input.value.replace(/\s+/g, ''));
      run(input.value);
    });
    var t = location.hash.replace(/^#/, '');
    try { t = decodeURIComponent(t); } catch (e) { /* judged as typed */ }
    if (t) {
      input.value = t;
      run(t);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
