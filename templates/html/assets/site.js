/* arsrapport: progressive enhancement. Every page reads fully without this file.
 *
 * 1. Search: shows the search form, and on first use loads elasticlunr, the Norwegian
 *    stemmer (lunr-languages) and the index built at build time (search-index.js, which
 *    sets window.arsrapportSearch). Plain <script> elements, so it works from file:// too.
 * 2. Wide tables: their scroll container keeps tabindex="0" (keyboard scrolling) only
 *    while it actually scrolls, so non-scrolling tables are not extra tab stops.
 *
 * Results are built with textContent and createElement only: no text from the index is
 * ever parsed as HTML.
 */
(function () {
  'use strict';

  var script = document.currentScript ||
    document.querySelector('script[src$="site.js"]');
  var base = script ? script.getAttribute('src').replace(/site\.js$/, '') : 'assets/';

  /* ---------- wide tables ---------- */
  function updateScrollRegions() {
    var regions = document.querySelectorAll('.table-scroll');
    for (var i = 0; i < regions.length; i++) {
      var el = regions[i];
      if (el.scrollWidth > el.clientWidth + 1) {
        el.setAttribute('tabindex', '0');
      } else {
        el.removeAttribute('tabindex');
      }
    }
  }
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(updateScrollRegions, 150);
  });

  /* ---------- search ---------- */
  var form = document.querySelector('form.search');
  var input = form && form.querySelector('input[type="search"]');
  var statusEl = form && form.querySelector('.search-status');
  var list = form && form.querySelector('.search-results');

  var state = 'idle';
  var waiting = [];
  var index = null;
  var data = null;
  var MAX_HITS = 20;

  function setStatus(text) {
    if (statusEl) statusEl.textContent = text;
  }

  function loadScript(src, done, fail) {
    var s = document.createElement('script');
    s.src = src;
    s.onload = done;
    s.onerror = fail;
    document.head.appendChild(s);
  }

  /* lunr-languages expects lunr's API; elasticlunr has all of it but this one. */
  function shim() {
    var lunr = window.elasticlunr;
    window.lunr = lunr;
    if (!lunr.generateStopWordFilter) {
      lunr.generateStopWordFilter = function (stopWords) {
        var words = {};
        for (var i = 0; i < stopWords.length; i++) words[stopWords[i]] = true;
        return function (token) {
          if (token && words[token] !== true) return token;
          return undefined;
        };
      };
    }
  }

  function ensureIndex(callback) {
    if (index) { callback(); return; }
    waiting.push(callback);
    if (state !== 'idle') return;
    state = 'loading';
    setStatus('Laster søket …');
    var files = [
      'vendor/elasticlunr.min.js',
      'vendor/lunr.stemmer.support.min.js',
      'vendor/lunr.no.min.js',
      'search-index.js'
    ];
    var i = 0;
    (function next() {
      if (i === 1) shim();
      if (i === files.length) { ready(); return; }
      loadScript(base + files[i++], next, failed);
    })();
  }

  function ready() {
    try {
      data = window.arsrapportSearch;
      index = window.elasticlunr.Index.load(data.index);
      state = 'ready';
      setStatus('');
      var callbacks = waiting;
      waiting = [];
      for (var i = 0; i < callbacks.length; i++) callbacks[i]();
    } catch (e) {
      failed();
    }
  }

  function failed() {
    state = 'failed';
    setStatus('Søket kunne ikke lastes. Bruk innholdsfortegnelsen.');
  }

  function queryWords(query) {
    return query.toLowerCase().split(/[\s\-]+/).filter(function (w) { return w.length > 1; });
  }

  /* The start of each query word, to find and mark it in the text. */
  function prefixes(query) {
    return queryWords(query).map(function (w) {
      return w.slice(0, Math.max(3, w.length - 2));
    });
  }

  /* Figures in a query as printed or typed: «8 110», «8110», «89,4 %», «−50 136». */
  var FIGURE = /[\-\u2212\u2013]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?:[ \u00a0\u202f]?%)?|[\-\u2212\u2013]?\d+(?:,\d+)?(?:[ \u00a0\u202f]?%)?/g;

  /* The same key as figure_key in src/render/html/search.rs: digits and the decimal comma
     only. */
  function figureKey(text) {
    return text.replace(/[^0-9,]/g, '');
  }

  /* Whether the indexed figure `key` is the queried figure `q` as printed, or starts with it
     and goes on in whole groups of three (a search for «8 110» finds «8 110 000»). */
  function figureMatches(key, q) {
    if (key === q) return true;
    return q.indexOf(',') < 0 && key.indexOf(q) === 0 && /^(\d{3})+(,\d+)?$/.test(key.slice(q.length));
  }

  /* The documents printing a figure of the query, first (tables before text); their refs; the
     figures to mark. */
  function figureHits(query) {
    var out = { hits: [], refs: [], marks: [] };
    var figures = (data && data.figures) || {};
    var keys = Object.keys(figures);
    var matches = query.match(FIGURE) || [];
    for (var i = 0; i < matches.length; i++) {
      var q = figureKey(matches[i]);
      var refs = [];
      for (var k = 0; k < keys.length; k++) {
        if (figureMatches(keys[k], q)) refs = refs.concat(figures[keys[k]]);
      }
      refs.sort(function (a, b) { return (b.indexOf('#tabell-') > -1) - (a.indexOf('#tabell-') > -1); });
      for (var j = 0; j < refs.length; j++) {
        if (out.refs.indexOf(refs[j]) < 0) {
          out.refs.push(refs[j]);
          out.hits.push({ ref: refs[j], score: Infinity });
        }
      }
      if (refs.length) {
        out.marks.push(matches[i].replace(/[\s\u00a0\u202f\u2009]+/g, ' ').replace(/^[\-\u2212\u2013]/, '').toLowerCase());
      }
    }
    return out;
  }

  function snippet(body, marks) {
    var lower = body.toLowerCase();
    var at = -1;
    for (var i = 0; i < marks.length && at < 0; i++) at = lower.indexOf(marks[i]);
    var start = Math.max(0, at - 60);
    var end = Math.min(body.length, Math.max(at, 0) + 160);
    if (start > 0) {
      var space = body.indexOf(' ', start);
      if (space > -1 && space < at) start = space + 1;
    }
    var text = body.slice(start, end);
    return (start > 0 ? '… ' : '') + text + (end < body.length ? ' …' : '');
  }

  /* Appends `text` to `parent`, wrapping the query word starts in <mark>. */
  function appendMarked(parent, text, marks) {
    var lower = text.toLowerCase();
    var pos = 0;
    while (pos < text.length) {
      var best = -1;
      var len = 0;
      for (var i = 0; i < marks.length; i++) {
        var found = lower.indexOf(marks[i], pos);
        if (found > -1 && (best < 0 || found < best)) { best = found; len = marks[i].length; }
      }
      if (best < 0) break;
      /* extend the mark to the end of the word */
      var stop = best + len;
      while (stop < text.length && /[0-9A-Za-zÀ-ÖØ-öø-ÿ]/.test(text.charAt(stop))) stop++;
      parent.appendChild(document.createTextNode(text.slice(pos, best)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(best, stop);
      parent.appendChild(mark);
      pos = stop;
    }
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function clearResults() {
    while (list.firstChild) list.removeChild(list.firstChild);
    list.hidden = true;
  }

  function show(query) {
    clearResults();
    query = query.trim();
    if (query.length < 2) { setStatus(''); return; }
    var found = figureHits(query);
    var hits = found.hits.concat(index.search(query, {
      fields: { title: { boost: 3 }, body: { boost: 1 } },
      bool: 'OR',
      expand: true
    }).filter(function (hit) { return found.refs.indexOf(hit.ref) < 0; }));
    if (!hits.length) {
      setStatus('Ingen treff for «' + query + '».');
      return;
    }
    var marks = found.marks.concat(prefixes(query));
    var shown = hits.slice(0, MAX_HITS);
    for (var i = 0; i < shown.length; i++) {
      var ref = shown[i].ref;
      var doc = index.documentStore.getDoc(ref) || { title: ref, body: '' };
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = ref;
      var title = document.createElement('span');
      title.className = 'hit-title';
      appendMarked(title, doc.title, marks);
      a.appendChild(title);
      var chapter = data.pages[ref.split('#')[0]];
      if (chapter && chapter !== doc.title) {
        var where = document.createElement('span');
        where.className = 'hit-chapter';
        where.textContent = chapter;
        a.appendChild(where);
      }
      if (doc.body) {
        var text = document.createElement('span');
        text.className = 'hit-text';
        appendMarked(text, snippet(doc.body, marks), marks);
        a.appendChild(text);
      }
      a.addEventListener('click', clearResults);
      li.appendChild(a);
      list.appendChild(li);
    }
    list.hidden = false;
    var more = hits.length > MAX_HITS ? ' Viser de ' + MAX_HITS + ' beste.' : '';
    setStatus(hits.length + ' treff for «' + query + '».' + more);
  }

  function run() {
    var query = input.value;
    ensureIndex(function () { show(query === input.value ? query : input.value); });
  }

  function links() {
    return list.hidden ? [] : Array.prototype.slice.call(list.querySelectorAll('a'));
  }

  if (form && input && list && statusEl) {
    form.hidden = false;
    var typingTimer = null;
    input.addEventListener('focus', function () { ensureIndex(function () {}); });
    input.addEventListener('input', function () {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(run, 200);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearTimeout(typingTimer);
      run();
    });
    form.addEventListener('keydown', function (event) {
      var items = links();
      var current = items.indexOf(document.activeElement);
      if (event.key === 'Escape') {
        clearResults();
        setStatus('');
        input.focus();
      } else if (event.key === 'ArrowDown' && items.length) {
        event.preventDefault();
        items[Math.min(current + 1, items.length - 1)].focus();
      } else if (event.key === 'ArrowUp' && current > -1) {
        event.preventDefault();
        if (current === 0) input.focus(); else items[current - 1].focus();
      }
    });
    document.addEventListener('click', function (event) {
      if (!form.contains(event.target)) clearResults();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', updateScrollRegions);
  } else {
    updateScrollRegions();
  }
  window.addEventListener('load', updateScrollRegions);
})();
