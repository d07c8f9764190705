/* zhibu client-side search. Plain ES5 for the old Chromium of TV boxes: no modules,
 * no arrow functions, no let/const. The index comes in fragments, each a script that calls
 * zhibuSearchFragment (scripts load from a server and from file:// alike): meta.js first,
 * then, for a query, the buckets of its terms' keys and the chunks of the documents shown.
 * Chinese has no spaces between words, so a key is one UTF-16 unit or two consecutive ones of
 * the lower-cased text, and a pair's posting keeps its positions: a term matches where its
 * pairs follow each other, exactly as a substring test on the text would. Results list title
 * matches first, then by descending document id: the build numbered them oldest first. When a
 * long term's pairs are in so many documents that their places would cost more than reading the
 * results themselves (meta.v, on a province's site), the candidates that have all its pairs are
 * read in the order they would be listed and tested as text, until a page of results is found;
 * the count then says "at least". The k fragments give the length of every large posting, so
 * that a query of several words common on a large site loads the postings of the rarest ones
 * up to meta.w bytes and tests the others as text on the candidates, as for a long term. A
 * query runs once typing pauses, and not while an input method is composing (the pinyin typed
 * for a character is not a query). The last
 * search's time in milliseconds, fragments not counted, is kept in the root's data-search-ms
 * attribute for tests, and the time until its results showed in data-search-wait-ms. */
(function () {
  'use strict';
  var root = document.getElementById('search');
  if (!root) { return; }
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var form = root.getElementsByTagName('form')[0];
  var LIMIT = 50;
  /* The most candidate documents a search reads to test them as text (meta.r). */
  var CHECKS = 4 * LIMIT;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var VALUE = Object.create(null);
  var metaURL = root.getAttribute('data-fragments');
  var base = metaURL.substring(0, metaURL.lastIndexOf('/') + 1);
  var meta = null;
  var ready = false;
  /* The length of each large posting, by key, from the k fragments. */
  var large = Object.create(null);
  /* How long typing must pause before a query runs, in milliseconds. */
  var PAUSE = 150;
  var timer = null;
  var composing = false;
  var failed = false;
  var fragments = Object.create(null);
  /* The documents of the keys of the search under way, decoded once. */
  var decoded = Object.create(null);
  var waiting = Object.create(null);
  var current = 0;
  var i0;
  for (i0 = 0; i0 < DIGITS.length; i0++) { VALUE[DIGITS.charAt(i0)] = i0; }

  function now() {
    return window.performance && performance.now ? performance.now() : new Date().getTime();
  }

  function escapeHTML(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function fill(template, values) {
    return template.replace(/\{(\w)\}/g, function (whole, key) {
      return values.hasOwnProperty(key) ? String(values[key]) : whole;
    });
  }

  function fail() {
    failed = true;
    status.textContent = root.getAttribute('data-failed');
  }

  /* Each fragment is a script that hands its data to this function. */
  window.zhibuSearchFragment = function (name, data) { fragments[name] = data; };

  function pathOf(name) {
    var number;
    if (name === 'meta') { return base + 'meta.js'; }
    number = parseInt(name.substring(1), name.charAt(0) === 'd' ? 10 : 16);
    return base + (number % meta.p).toString(16) + '/' +
      (Math.floor(number / meta.p) % meta.s).toString(16) + '/' + name + '.js';
  }

  /* Loads the named fragments, each once, then calls done. */
  function need(names, done) {
    var left = 0, i, name;
    function one() {
      left -= 1;
      if (left === 0 && !failed) { done(); }
    }
    function load(name) {
      var tag = document.createElement('script');
      waiting[name] = [one];
      tag.src = pathOf(name);
      tag.onload = function () {
        var callbacks = waiting[name];
        delete waiting[name];
        if (!fragments[name]) { fail(); return; }
        for (var k = 0; k < callbacks.length; k++) { callbacks[k](); }
      };
      tag.onerror = fail;
      document.head.appendChild(tag);
    }
    for (i = 0; i < names.length; i++) {
      name = names[i];
      if (fragments[name]) { continue; }
      left += 1;
      if (waiting[name]) { waiting[name].push(one); } else { load(name); }
    }
    if (left === 0) { done(); }
  }

  /* Lower case one code point at a time, as the index was made: toLowerCase of a whole
   * string changes a final sigma by its context, which a single term does not have, so a
   * final sigma is folded into the other one, as the index folds it. */
  function lower(text) {
    return lowered(text, null);
  }

  /* lower(text), and when from is an array, for each unit of the result the index of the
   * unit of the text it came from, then text.length: a letter may lower to two (İ to i̇). */
  function lowered(text, from) {
    var out = '', i, c, d, piece, k, width;
    for (i = 0; i < text.length; i += width) {
      c = text.charCodeAt(i);
      width = 1;
      if (c < 128) {
        piece = c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text.charAt(i);
      } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length &&
          (d = text.charCodeAt(i + 1)) >= 0xDC00 && d <= 0xDFFF) {
        piece = text.substr(i, 2).toLowerCase();
        width = 2;
      } else {
        piece = c === 0x3C2 ? '\u03C3' : text.charAt(i).toLowerCase();
      }
      if (from) { for (k = 0; k < piece.length; k++) { from.push(i); } }
      out += piece;
    }
    if (from) { from.push(text.length); }
    return out;
  }

  function hex(number, width) {
    var text = number.toString(16);
    while (text.length < width) { text = '0' + text; }
    return text;
  }

  /* The keys of a term: its one code unit, or each pair of consecutive units. */
  function keysOf(term) {
    var out = [], j;
    if (term.length === 1) { return [hex(term.charCodeAt(0), 4)]; }
    for (j = 0; j + 1 < term.length; j++) {
      out.push(hex(term.charCodeAt(j), 4) + hex(term.charCodeAt(j + 1), 4));
    }
    return out;
  }

  function bucketOf(key) {
    var first = parseInt(key.substring(0, 4), 16);
    var second = key.length === 4 ? 65536 : parseInt(key.substring(4), 16);
    return (first * 65599 + second) % meta.b;
  }

  /* A key's part of a bucket fragment ('b' documents, 'p' positions), or null. */
  function posting(letter, key) {
    var bucket = fragments[letter + bucketOf(key).toString(16)];
    return bucket && bucket.hasOwnProperty(key) ? bucket[key] : null;
  }

  /* Reads the numbers of a posting one by one: five bits a letter, letters from 32 up say
   * that more follow. */
  function Reader(text) {
    this.text = text || '';
    this.at = 0;
  }
  Reader.prototype.more = function () { return this.at < this.text.length; };
  Reader.prototype.next = function () {
    var value = 0, scale = 1, digit;
    while (this.at < this.text.length) {
      digit = VALUE[this.text.charAt(this.at)];
      this.at += 1;
      if (digit < 32) { return value + digit * scale; }
      value += (digit - 32) * scale;
      scale *= 32;
    }
    return value;
  };
  /* Passes over n numbers without adding them up. */
  Reader.prototype.skip = function (n) {
    while (n > 0 && this.at < this.text.length) {
      if (VALUE[this.text.charAt(this.at)] < 32) { n -= 1; }
      this.at += 1;
    }
  };

  /* The ids a bitmap's letters from text[at] to text[end] mark, six a letter from first. */
  function bitsOf(text, at, end, first, each) {
    var i, value, bit;
    for (i = at; i < end; i++) {
      value = VALUE[text.charAt(i)];
      for (bit = 0; bit < 6; bit++) {
        if (value & (1 << bit)) { each(first + (i - at) * 6 + bit); }
      }
    }
  }

  /* A set of document ids: a byte for each document, as a site of a million documents would
   * make a plain object of hundreds of thousands of keys. */
  function marks() {
    return new Uint8Array(meta.n);
  }

  /* A key's documents in ascending id order, and those with the key in their title. A
   * posting is a list of deltas, each doubled plus one for a title, or, for a key in many
   * documents, '~', the first id, six ids a letter as bits, '.', and the title ids as deltas
   * or as '~' and bits like the first. */
  function documentsOf(key) {
    if (!decoded[key]) { decoded[key] = decode(posting('b', key) || ''); }
    return decoded[key];
  }

  function decode(text) {
    var out = { ids: [], title: marks() };
    var reader = new Reader(text), value, id = 0, end, first;
    if (text.charAt(0) === '~') {
      reader.at = 1;
      first = reader.next();
      end = text.indexOf('.', reader.at);
      bitsOf(text, reader.at, end, first, function (found) { out.ids.push(found); });
      if (text.charAt(end + 1) === '~') {
        bitsOf(text, end + 2, text.length, first, function (found) { out.title[found] = 1; });
        return out;
      }
      reader.at = end + 1;
      while (reader.more()) {
        id += reader.next();
        out.title[id] = 1;
      }
      return out;
    }
    while (reader.more()) {
      value = reader.next();
      id += Math.floor(value / 2);
      out.ids.push(id);
      if (value % 2) { out.title[id] = 1; }
    }
    return out;
  }

  /* The ids two ascending lists share. */
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        out.push(a[i]);
        i += 1;
        j += 1;
      } else if (a[i] < b[j]) {
        i += 1;
      } else {
        j += 1;
      }
    }
    return out;
  }

  /* A pair's places in the wanted documents (ascending ids): the run of text and the offset
   * in it, as one number; consecutive units of a run have consecutive places. The places of
   * the other documents are passed over. */
  function placesOf(key, ids, wanted) {
    var reader = new Reader(posting('p', key)), at = Object.create(null), d, w = 0, k, n;
    var value, list;
    for (d = 0; d < ids.length && w < wanted.length && reader.more(); d++) {
      n = reader.next();
      while (w < wanted.length && wanted[w] < ids[d]) { w += 1; }
      if (wanted[w] !== ids[d]) {
        reader.skip(n);
        continue;
      }
      list = [];
      value = 0;
      for (k = 0; k < n; k++) {
        value += reader.next();
        list.push(value);
      }
      at[ids[d]] = list;
    }
    return at;
  }

  /* The pairs of a long term whose places are checked: the first and the last, and between
   * them no gap of more than one, so that together they cover every unit. Of those sets, the
   * one whose pairs are in the fewest documents: the places of fewer documents to download. */
  function coverOf(lists) {
    var last = lists.length - 1, best = [], from = [], j, cover = [];
    best[0] = lists[0].ids.length;
    from[0] = -1;
    for (j = 1; j <= last; j++) {
      from[j] = j - 1;
      best[j] = best[j - 1] + lists[j].ids.length;
      if (j >= 2 && best[j - 2] + lists[j].ids.length < best[j]) {
        from[j] = j - 2;
        best[j] = best[j - 2] + lists[j].ids.length;
      }
    }
    for (j = last; j >= 0; j = from[j]) { cover.unshift(j); }
    return cover;
  }

  /* A term's plan from the keys whose postings were loaded for it: the documents of each and,
   * for a long term, the pairs whose places decide, or none when their places are in more
   * documents than meta.v or only some of its pairs were loaded, and the candidates are read
   * instead (unsure); with no keys (skipped: its postings would pass the budget), the
   * candidates are tested for it as text; null when some key is in no document. */
  function planOf(term, keys) {
    var lists = [], i, cover, cost = 0, whole = keys && keys.length === keysOf(term).length;
    if (!keys) { return { keys: [], lists: [], cover: [], unsure: true, skipped: true }; }
    for (i = 0; i < keys.length; i++) {
      lists.push(documentsOf(keys[i]));
      if (!lists[i].ids.length) { return null; }
    }
    cover = whole && keys.length > 1 ? coverOf(lists) : [];
    for (i = 0; i < cover.length; i++) { cost += lists[cover[i]].ids.length; }
    if (!whole || (meta.v !== undefined && cost > meta.v)) {
      return { keys: keys, lists: lists, cover: [], unsure: true };
    }
    return { keys: keys, lists: lists, cover: cover, unsure: false };
  }

  /* The documents that contain a term, and those that have it in their title. A term of one
   * or two units is one key; a longer one is in a document that has all of its pairs, where
   * the pairs of its cover start at places that follow each other as the pairs do. */
  function matchTerm(plan) {
    var result = { ids: [], title: marks() }, i, k, id, p, s, places = [];
    var candidates, start, found, inTitle, list;
    if (plan === null) { return result; }
    if (plan.keys.length === 1 && !plan.unsure) { return plan.lists[0]; }
    candidates = plan.lists[0].ids;
    for (i = 1; i < plan.lists.length; i++) { candidates = intersect(candidates, plan.lists[i].ids); }
    if (plan.unsure) {
      // Every document with all the pairs, in its title when all are there: read them to know.
      for (i = 0; i < candidates.length; i++) {
        id = candidates[i];
        for (k = 0; k < plan.lists.length && plan.lists[k].title[id]; k++) { continue; }
        if (k === plan.lists.length) { result.title[id] = 1; }
      }
      result.ids = candidates;
      return result;
    }
    for (i = 0; i < plan.cover.length; i++) {
      places.push(placesOf(plan.keys[plan.cover[i]], plan.lists[plan.cover[i]].ids, candidates));
    }
    for (i = 0; i < candidates.length; i++) {
      id = candidates[i];
      found = false;
      inTitle = false;
      start = places[0][id] || [];
      for (s = 0; s < start.length && !inTitle; s++) {
        p = start[s];
        for (k = 1; k < plan.cover.length; k++) {
          list = places[k][id];
          if (!list || list.indexOf(p + plan.cover[k]) < 0) { break; }
        }
        if (k === plan.cover.length) {
          found = true;
          if (p < meta.t) { inTitle = true; }
        }
      }
      if (found) {
        result.ids.push(id);
        if (inTitle) { result.title[id] = 1; }
      }
    }
    return result;
  }

  /* The query's distinct lower-cased terms: white space and list punctuation part them. */
  function termsOf(query) {
    var parts = lower(query).split(/[\s\u3000,，、;；]+/), out = [], seen = {}, i;
    for (i = 0; i < parts.length; i++) {
      if (parts[i] && !seen[parts[i]]) { seen[parts[i]] = true; out.push(parts[i]); }
    }
    return out;
  }

  /* A term's first and last keys: a long term whose first and last pairs are together in
   * more documents than meta.v is read as text without its other pairs' postings. */
  function edgesOf(term) {
    var keys = keysOf(term);
    return keys.length > 2 ? [keys[0], keys[keys.length - 1]] : keys;
  }

  /* Whether a term's first and last pairs already put it past meta.v. */
  function pastLimit(term) {
    var edges = edgesOf(term);
    return keysOf(term).length > 2 && meta.v !== undefined &&
      documentsOf(edges[0]).ids.length + documentsOf(edges[1]).ids.length > meta.v;
  }

  /* The key buckets of the keys chosen for each term. */
  function bucketsOf(chosen) {
    var names = [], seen = Object.create(null), term, j, name;
    for (term in chosen) {
      for (j = 0; j < chosen[term].length; j++) {
        name = 'b' + bucketOf(chosen[term][j]).toString(16);
        if (!seen[name]) { seen[name] = true; names.push(name); }
      }
    }
    return names;
  }

  /* The place buckets the plans' covers need. */
  function placeBucketsOf(plans) {
    var names = [], seen = Object.create(null), i, j, name;
    for (i = 0; i < plans.length; i++) {
      if (plans[i] === null) { continue; }
      for (j = 0; j < plans[i].cover.length; j++) {
        name = 'p' + bucketOf(plans[i].keys[plans[i].cover[j]]).toString(16);
        if (!seen[name]) { seen[name] = true; names.push(name); }
      }
    }
    return names;
  }

  /* Every document that contains every term: title matches first, then by descending id,
   * which is newest first, as { ids, titles: how many of ids are title matches }. When a plan
   * is unsure, the candidates for it, those that may have a term in their title first. In one
   * pass from the newest: a site of a million documents would spend a third of a second
   * sorting a word in every document. */
  function search(plans) {
    var pool = null, matches = [], i, k, id, titled = [], others = [], match;
    for (i = 0; i < plans.length; i++) {
      if (plans[i] !== null && plans[i].skipped) { continue; }
      match = matchTerm(plans[i]);
      matches.push(match);
      pool = pool === null ? match.ids : intersect(pool, match.ids);
    }
    if (pool === null) {
      pool = [];
      for (i = 0; i < meta.n; i++) { pool.push(i); }
    }
    for (i = pool.length - 1; i >= 0; i--) {
      id = pool[i];
      for (k = 0; k < matches.length && !matches[k].title[id]; k++) { continue; }
      if (k < matches.length) { titled.push(id); } else { others.push(id); }
    }
    return { ids: titled.concat(others), titles: titled.length };
  }

  /* The ids of a search's result newest first, title matches or not: its two runs merged. */
  function newestFirst(found) {
    var out = [], i = 0, j = found.titles, ids = found.ids;
    while (i < found.titles || j < ids.length) {
      if (j >= ids.length || (i < found.titles && ids[i] > ids[j])) {
        out.push(ids[i]);
        i += 1;
      } else {
        out.push(ids[j]);
        j += 1;
      }
    }
    return out;
  }

  function unsure(plans) {
    for (var i = 0; i < plans.length; i++) {
      if (plans[i] !== null && plans[i].unsure) { return true; }
    }
    return false;
  }

  /* How many terms were left to be tested as text: then any candidate may have one of them in
   * its title. */
  function skipCount(plans) {
    var n = 0;
    for (var i = 0; i < plans.length; i++) {
      if (plans[i] !== null && plans[i].skipped) { n += 1; }
    }
    return n;
  }

  /* Whether a document's title and text hold every term, and its title one of them, as the
   * index saw them: the title's first thousand units, a line feed, the text; or null. */
  function test(doc, terms) {
    var title = lower(doc.t).substring(0, 1000), hay = title + '\n' + lower(doc.x), i, inTitle = false;
    for (i = 0; i < terms.length; i++) {
      if (hay.indexOf(terms[i]) < 0) { return null; }
      if (title.indexOf(terms[i]) >= 0) { inTitle = true; }
    }
    return { title: inTitle };
  }

  /* Reads the candidates (search's order: those that may be title matches first) to keep the
   * documents that hold every term, until a page of results is certain, every candidate is
   * read, or CHECKS are; then done(results in listing order, whether all were read).
   * Title matches are complete once LIMIT are found among the possible ones; the others once
   * LIMIT in all are found at or above the newest candidate not yet read. When a term is tested
   * as text only (anyTitle), any candidate may be a title match: they are read newest first, and
   * the title matches are complete once LIMIT are found. */
  function check(found, terms, ticket, anyTitle, done) {
    var titles = [], others = [], at = 0, read = 0, ids = found.ids, boundary = found.titles;
    if (anyTitle) {
      ids = newestFirst(found);
      boundary = ids.length;
    }
    function certain() {
      var n = 0, i, next;
      if (titles.length >= LIMIT) { return true; }
      if (at < boundary) { return false; }
      next = at < ids.length ? ids[at] : -1;
      for (i = 0; i < others.length; i++) { if (others[i] > next) { n += 1; } }
      return titles.length + n >= LIMIT;
    }
    function finish() {
      titles.sort(function (a, b) { return b - a; });
      others.sort(function (a, b) { return b - a; });
      done({ ids: titles.concat(others), titles: titles.length }, at >= ids.length);
    }
    function step() {
      var names = [], batch = [], seen = Object.create(null), name, i;
      if (ticket !== current) { return; }
      if (at >= ids.length || read >= CHECKS || certain()) { finish(); return; }
      for (i = at; i < ids.length && batch.length < LIMIT && read + batch.length < CHECKS; i++) {
        // Past the possible titles, only as far as a page of results could still need.
        if (i === boundary && batch.length) { break; }
        batch.push(ids[i]);
        name = 'd' + Math.floor(ids[i] / meta.c);
        if (!seen[name]) { seen[name] = true; names.push(name); }
      }
      need(names, function () {
        var j, result;
        if (ticket !== current) { return; }
        for (j = 0; j < batch.length; j++) {
          result = test(documentOf(batch[j]), terms);
          if (result && result.title) { titles.push(batch[j]); } else if (result) { others.push(batch[j]); }
        }
        at += batch.length;
        read += batch.length;
        step();
      });
    }
    step();
  }

  function documentOf(id) {
    return fragments['d' + Math.floor(id / meta.c)][id % meta.c];
  }

  /* The text with every occurrence of any term wrapped in <mark>; all text escaped. A match
   * is found in the lowered text and marked on the letters of the text it came from. */
  function highlight(text, terms) {
    var from = [], low = lowered(text, from), marks = [], i, next, at, end, out = '', pos = 0;
    for (i = 0; i < terms.length; i++) {
      next = 0;
      while ((at = low.indexOf(terms[i], next)) >= 0) {
        end = at + terms[i].length;
        /* A match that ends inside a letter's lowered units takes the whole letter. */
        while (end < low.length && from[end] === from[end - 1]) { end++; }
        marks.push([from[at], from[end]]);
        next = at + terms[i].length;
      }
    }
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    for (i = 0; i < marks.length; i++) {
      if (marks[i][1] <= pos) { continue; }
      at = Math.max(marks[i][0], pos);
      out += escapeHTML(text.substring(pos, at));
      out += '<mark>' + escapeHTML(text.substring(at, marks[i][1])) + '</mark>';
      pos = marks[i][1];
    }
    return out + escapeHTML(text.substring(pos));
  }

  function isLowSurrogate(unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

  /* About 120 characters of the text around the first match. */
  function fragment(text, terms) {
    var from = [], low = lowered(text, from), at = -1, i, p, start, end;
    for (i = 0; i < terms.length; i++) {
      p = low.indexOf(terms[i]);
      if (p >= 0 && (at < 0 || p < at)) { at = p; }
    }
    at = at < 0 ? 0 : from[at];
    start = Math.max(0, at - 40);
    end = Math.min(text.length, start + 120);
    /* Never half a letter outside the basic plane: a cut inside its pair of units shows as
     * a broken glyph. */
    if (start > 0 && isLowSurrogate(text.charCodeAt(start))) { start--; }
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) { end++; }
    return (start > 0 ? '…' : '') + text.substring(start, end) + (end < text.length ? '…' : '');
  }

  function render(query, terms, found, exact) {
    var html = '', i, doc, shown = Math.min(found.ids.length, LIMIT), message;
    for (i = 0; i < shown; i++) {
      doc = documentOf(found.ids[i]);
      html += '<li><a href="' + escapeHTML(doc.u) + '">' + highlight(doc.t, terms) + '</a>';
      if (doc.o || doc.d) {
        html += ' <span class="muted">' + escapeHTML([doc.o, doc.d].filter(Boolean).join(' · '))
          + '</span>';
      }
      if (doc.x) { html += '<br><span class="search-fragment">' + highlight(fragment(doc.x, terms), terms) + '</span>'; }
      html += '</li>';
    }
    list.innerHTML = html;
    message = found.ids.length
      ? fill(root.getAttribute(exact ? 'data-count' : 'data-at-least'), { n: found.ids.length, q: query })
      : fill(root.getAttribute(exact ? 'data-none' : 'data-none-read'), { q: query, m: CHECKS });
    if (found.ids.length > LIMIT) { message += fill(root.getAttribute('data-more'), { m: LIMIT }); }
    status.textContent = message;
  }

  /* Searches for what the box holds: loads the terms' buckets, then the documents of the
   * results shown. A later keystroke supersedes a search still waiting for its fragments. */
  function run() {
    var query = input.value.replace(/^\s+|\s+$/g, '');
    var ticket, terms, waited, budget, order, chosen = Object.create(null), i, edges, cheaper;
    if (failed) { return; }
    current += 1;
    ticket = current;
    if (!ready) { status.textContent = root.getAttribute('data-loading'); return; }
    if (!query) {
      list.innerHTML = '';
      status.textContent = '';
      root.setAttribute('data-search-count', '0');
      return;
    }
    terms = termsOf(query);
    decoded = Object.create(null);
    waited = now();
    budget = new Budget();
    order = terms.slice();
    // The terms whose first and last pairs' postings are smallest first, until the budget is
    // spent; the first always, as a query needs some postings, though of one pair only when
    // both would pass the budget.
    order.sort(function (a, b) {
      return budget.cost(edgesOf(a)) - budget.cost(edgesOf(b)) || terms.indexOf(a) - terms.indexOf(b);
    });
    for (i = 0; i < order.length; i++) {
      edges = edgesOf(order[i]);
      if (!budget.affords(edges)) {
        if (i > 0) { continue; }
        if (edges.length > 1) {
          cheaper = budget.cost([edges[0]]) <= budget.cost([edges[1]]) ? 0 : 1;
          edges = [edges[cheaper]];
        }
      }
      budget.spend(edges);
      chosen[order[i]] = edges;
    }
    need(bucketsOf(chosen), function () {
      var j, term, all;
      if (ticket !== current) { return; }
      // A long term's other pairs, when its places can decide and the budget allows.
      for (j = 0; j < terms.length; j++) {
        term = terms[j];
        all = keysOf(term);
        if (!chosen[term] || chosen[term].length !== edgesOf(term).length || all.length < 3 ||
            pastLimit(term) || !budget.affords(all)) { continue; }
        budget.spend(all);
        chosen[term] = all;
      }
      need(bucketsOf(chosen), function () { plan(ticket, query, terms, chosen, waited); });
    });
  }

  /* The bytes of postings a query has planned to load, each key counted once: a large posting
   * by its length, any other as the most it can be (meta.l). */
  function Budget() {
    this.spent = 0;
    this.keys = Object.create(null);
  }
  Budget.prototype.cost = function (keys) {
    var total = 0, seen = Object.create(null), i;
    for (i = 0; i < keys.length; i++) {
      if (!this.keys[keys[i]] && !seen[keys[i]]) { total += large[keys[i]] || meta.l || 0; }
      seen[keys[i]] = true;
    }
    return total;
  };
  Budget.prototype.affords = function (keys) {
    return meta.w === undefined || this.spent + this.cost(keys) <= meta.w;
  };
  Budget.prototype.spend = function (keys) {
    this.spent += this.cost(keys);
    for (var i = 0; i < keys.length; i++) { this.keys[keys[i]] = true; }
  };

  /* Plans the terms once their postings are loaded, then loads their places and documents. */
  function plan(ticket, query, terms, chosen, waited) {
    if (ticket !== current) { return; }
    var started = now(), plans = [], i;
    for (i = 0; i < terms.length; i++) { plans.push(planOf(terms[i], chosen[terms[i]])); }
    var planned = now() - started;
    need(placeBucketsOf(plans), function () {
      if (ticket !== current) { return; }
      var again = now(), found = search(plans), names = [], seen = Object.create(null);
      var took = planned + now() - again, name;
      function show(results, exact) {
        var shown = now();
        render(query, terms, results, exact);
        // The time spent searching and rendering, not waiting for fragments.
        root.setAttribute('data-search-ms', (took + now() - shown).toFixed(2));
        root.setAttribute('data-search-wait-ms', (now() - waited).toFixed(2));
        root.setAttribute('data-search-count', String(results.ids.length));
        root.setAttribute('data-search-exact', String(exact));
        root.setAttribute('data-search-skipped', String(skipCount(plans)));
        root.setAttribute('data-search-query', query);
      }
      if (unsure(plans)) {
        check(found, terms, ticket, skipCount(plans) > 0, show);
        return;
      }
      for (i = 0; i < found.ids.length && i < LIMIT; i++) {
        name = 'd' + Math.floor(found.ids[i] / meta.c);
        if (!seen[name]) { seen[name] = true; names.push(name); }
      }
      need(names, function () {
        if (ticket !== current) { return; }
        show(found, true);
      });
    });
  }

  function remember() {
    if (window.history && history.replaceState) {
      var query = input.value.replace(/^\s+|\s+$/g, '');
      history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
    }
  }

  function initialQuery() {
    var match = /[?&]q=([^&#]*)/.exec(location.search);
    if (!match) { return ''; }
    try {
      return decodeURIComponent(match[1].replace(/\+/g, ' '));
    } catch (e) {
      return '';
    }
  }

  /* Runs the query once typing has paused for PAUSE milliseconds. */
  function later() {
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(function () {
      timer = null;
      run();
    }, PAUSE);
  }

  input.value = input.value || initialQuery();
  input.addEventListener('input', function (event) {
    if (composing || event.isComposing) { return; }
    later();
  });
  input.addEventListener('compositionstart', function () { composing = true; });
  input.addEventListener('compositionend', function () {
    composing = false;
    later();
  });
  input.addEventListener('change', remember);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    remember();
    run();
  });

  var started = now();
  need(['meta'], function () {
    var names = [], p;
    meta = fragments.meta;
    if (meta.r) { CHECKS = meta.r; }
    for (p = 0; p < meta.p; p++) { names.push('k' + p.toString(16)); }
    need(names, function () {
      var j, key;
      for (j = 0; j < names.length; j++) {
        for (key in fragments[names[j]]) { large[key] = fragments[names[j]][key]; }
      }
      ready = true;
      root.setAttribute('data-index-ms', (now() - started).toFixed(2));
      root.setAttribute('data-ready', 'true');
      if (input.value) { run(); }
    });
  });
})();
