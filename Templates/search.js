/* zhibu client-side search (SPEC §4). Plain ES5 for the old Chromium of TV boxes: no modules,
 * no arrow functions, no let/const. Chinese has no spaces between words, so the index is built
 * here from bigrams of Han characters: a query of two or more Han characters must contain all
 * of its bigrams in a document, and the document is then confirmed with indexOf. ASCII words
 * and single Han characters are matched as lowercase substrings. The last search's duration in
 * milliseconds is kept in the root's data-search-ms attribute for tests. */
(function () {
  'use strict';
  var root = document.getElementById('search');
  if (!root) { return; }
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var form = root.getElementsByTagName('form')[0];
  var LIMIT = 50;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var docs = null;
  var grams = null;
  var failed = false;
  var pending = null;

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

  /* One pass over every document: lowercased text for substring tests and, for each pair of
   * consecutive Han characters, the ids of the documents that contain it (each id once). */
  function build(data) {
    var i, j, doc, hay, key, posting;
    docs = [];
    grams = Object.create(null);
    for (i = 0; i < data.length; i++) {
      doc = data[i];
      hay = (doc.t || '') + '\n' + (doc.x || '');
      docs.push({
        u: doc.u, t: doc.t || '', o: doc.o || '', d: doc.d || '', x: doc.x || '',
        title: (doc.t || '').toLowerCase(), hay: hay.toLowerCase()
      });
      for (j = 0; j + 1 < hay.length; j++) {
        if (!HAN.test(hay.charAt(j)) || !HAN.test(hay.charAt(j + 1))) { continue; }
        key = hay.substr(j, 2);
        posting = grams[key];
        if (!posting) {
          grams[key] = [i];
        } else if (posting[posting.length - 1] !== i) {
          posting.push(i);
        }
      }
    }
  }

  /* The bigrams of every run of two or more Han characters in a term. */
  function bigramsOf(term) {
    var out = [];
    for (var j = 0; j + 1 < term.length; j++) {
      if (HAN.test(term.charAt(j)) && HAN.test(term.charAt(j + 1))) { out.push(term.substr(j, 2)); }
    }
    return out;
  }

  /* Ids of documents containing every bigram: intersect postings, shortest first. */
  function candidates(keys) {
    var lists = [], i, j, set, next, result;
    for (i = 0; i < keys.length; i++) {
      if (!grams[keys[i]]) { return []; }
      lists.push(grams[keys[i]]);
    }
    lists.sort(function (a, b) { return a.length - b.length; });
    result = lists[0].slice();
    for (i = 1; i < lists.length && result.length; i++) {
      set = Object.create(null);
      for (j = 0; j < lists[i].length; j++) { set[lists[i][j]] = true; }
      next = [];
      for (j = 0; j < result.length; j++) { if (set[result[j]]) { next.push(result[j]); } }
      result = next;
    }
    return result;
  }

  function termsOf(query) {
    var parts = query.toLowerCase().split(/[\s\u3000,，、;；]+/), out = [], seen = {}, i;
    for (i = 0; i < parts.length; i++) {
      if (parts[i] && !seen[parts[i]]) { seen[parts[i]] = true; out.push(parts[i]); }
    }
    return out;
  }

  /* Every document that contains every term, title matches first, then newest first. */
  function search(terms) {
    var pool = null, i, j, keys, ids, found = [], doc, ok, inTitle;
    for (i = 0; i < terms.length; i++) {
      keys = bigramsOf(terms[i]);
      if (!keys.length) { continue; }
      ids = candidates(keys);
      if (pool === null) {
        pool = ids;
      } else {
        var keep = Object.create(null);
        for (j = 0; j < ids.length; j++) { keep[ids[j]] = true; }
        pool = pool.filter(function (id) { return keep[id]; });
      }
    }
    if (pool === null) {
      pool = [];
      for (i = 0; i < docs.length; i++) { pool.push(i); }
    }
    for (i = 0; i < pool.length; i++) {
      doc = docs[pool[i]];
      ok = true;
      inTitle = false;
      for (j = 0; j < terms.length; j++) {
        if (doc.hay.indexOf(terms[j]) < 0) { ok = false; break; }
        if (doc.title.indexOf(terms[j]) >= 0) { inTitle = true; }
      }
      if (ok) { found.push({ id: pool[i], doc: doc, title: inTitle }); }
    }
    found.sort(function (a, b) {
      if (a.title !== b.title) { return a.title ? -1 : 1; }
      if (a.doc.d !== b.doc.d) { return a.doc.d < b.doc.d ? 1 : -1; }
      return a.id - b.id;
    });
    return found;
  }

  /* The text with every occurrence of any term wrapped in <mark>; all text escaped. */
  function highlight(text, terms) {
    var lower = text.toLowerCase(), marks = [], i, from, at, out = '', pos = 0;
    for (i = 0; i < terms.length; i++) {
      from = 0;
      while ((at = lower.indexOf(terms[i], from)) >= 0) {
        marks.push([at, at + terms[i].length]);
        from = at + terms[i].length;
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

  /* About 120 characters of the text around the first match. */
  function fragment(text, terms) {
    var lower = text.toLowerCase(), at = -1, i, p, start, end;
    for (i = 0; i < terms.length; i++) {
      p = lower.indexOf(terms[i]);
      if (p >= 0 && (at < 0 || p < at)) { at = p; }
    }
    if (at < 0) { at = 0; }
    start = Math.max(0, at - 40);
    end = Math.min(text.length, start + 120);
    return (start > 0 ? '…' : '') + text.substring(start, end) + (end < text.length ? '…' : '');
  }

  function render(query, terms, found) {
    var html = '', i, doc, shown = Math.min(found.length, LIMIT), message;
    for (i = 0; i < shown; i++) {
      doc = found[i].doc;
      html += '<li><a href="' + escapeHTML(doc.u) + '">' + highlight(doc.t, terms) + '</a>';
      if (doc.o || doc.d) {
        html += ' <span class="muted">' + escapeHTML([doc.o, doc.d].filter(Boolean).join(' · '))
          + '</span>';
      }
      if (doc.x) { html += '<br><span class="search-fragment">' + highlight(fragment(doc.x, terms), terms) + '</span>'; }
      html += '</li>';
    }
    list.innerHTML = html;
    message = found.length
      ? fill(root.getAttribute('data-count'), { n: found.length, q: query })
      : fill(root.getAttribute('data-none'), { q: query });
    if (found.length > LIMIT) { message += fill(root.getAttribute('data-more'), { m: LIMIT }); }
    status.textContent = message;
  }

  function run() {
    var query = input.value.replace(/^\s+|\s+$/g, '');
    if (failed) { return; }
    if (!docs) { pending = query; status.textContent = root.getAttribute('data-loading'); return; }
    if (!query) {
      list.innerHTML = '';
      status.textContent = '';
      root.setAttribute('data-search-count', '0');
      return;
    }
    var started = now();
    var terms = termsOf(query);
    var found = search(terms);
    render(query, terms, found);
    var took = now() - started;
    root.setAttribute('data-search-ms', took.toFixed(2));
    root.setAttribute('data-search-count', String(found.length));
    root.setAttribute('data-search-query', query);
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

  input.value = input.value || initialQuery();
  input.addEventListener('input', run);
  input.addEventListener('change', remember);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    remember();
    run();
  });

  function loaded(read) {
    var started = now();
    try {
      build(read());
    } catch (e) {
      failed = true;
      status.textContent = root.getAttribute('data-failed');
      return;
    }
    root.setAttribute('data-index-ms', (now() - started).toFixed(2));
    root.setAttribute('data-ready', 'true');
    if (pending !== null || input.value) { run(); }
  }
  function fail() {
    failed = true;
    status.textContent = root.getAttribute('data-failed');
  }

  if (location.protocol === 'file:') {
    // A page opened from a file may not fetch another file: a site built with
    // --relative-urls also has its index as a script, which sets window.zhibuSearchIndex.
    var tag = document.createElement('script');
    tag.src = root.getAttribute('data-index-script');
    tag.onload = function () {
      loaded(function () {
        if (!window.zhibuSearchIndex) { throw new Error('no index'); }
        return window.zhibuSearchIndex;
      });
    };
    tag.onerror = fail;
    document.head.appendChild(tag);
  } else {
    var request = new XMLHttpRequest();
    request.open('GET', root.getAttribute('data-index'));
    request.onload = function () {
      loaded(function () {
        if (request.status !== 200 && request.status !== 0) { throw new Error('HTTP ' + request.status); }
        return JSON.parse(request.responseText);
      });
    };
    request.onerror = fail;
    request.send();
  }
})();
