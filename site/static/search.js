// Search for Japanese text without a server: the index maps character
// bigrams to sections; a query's bigrams narrow the sections down, then
// the text itself confirms the match. A query of several words (separated
// by half- or full-width spaces) finds the sections that hold all of them.
(function () {
  "use strict";
  var index = window.POLICYCTL_INDEX;
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var results = document.getElementById("results");
  if (!index || !form) { return; }

  function normalize(s) {
    return s.normalize("NFKC").toLowerCase();
  }
  // The words of a query: NFKC turns a full-width space into a space.
  function words(q) {
    return normalize(q).split(/\s+/).filter(function (w) { return w !== ""; });
  }
  function grams(s) {
    var out = [];
    var chars = Array.from(s);
    for (var i = 0; i + 1 < chars.length; i++) { out.push(chars[i] + chars[i + 1]); }
    return out;
  }
  function intersect(set, list) {
    if (set === null) { return list.slice(); }
    var keep = {};
    list.forEach(function (i) { keep[i] = true; });
    return set.filter(function (i) { return keep[i]; });
  }
  function candidates(ws) {
    var set = null;
    ws.forEach(function (w) {
      grams(w).forEach(function (g) { set = intersect(set, index.grams[g] || []); });
    });
    if (set === null) {
      // Only one-character words: look at every section.
      return index.sections.map(function (_, i) { return i; });
    }
    return set;
  }
  // clusters cuts text into units that NFKC folds independently: a
  // character with the marks that follow it. Half-width ﾃﾞ is two
  // characters that fold into one デ; folded one by one they would not.
  function clusters(text) {
    var out = [];
    Array.from(text).forEach(function (c) {
      var n = normalize(c);
      if (out.length > 0 && /^\p{M}/u.test(n)) {
        out[out.length - 1] += c;
      } else {
        out.push(c);
      }
    });
    return out;
  }
  // hits finds every occurrence of each word in text, in units of text's
  // own clusters, so that highlighting marks the original characters.
  function hits(text, ws) {
    var units = clusters(text);
    var norm = units.map(normalize);
    var out = [];
    ws.forEach(function (w) {
      for (var i = 0; i < units.length; i++) {
        var acc = "";
        for (var j = i; j < units.length && acc.length < w.length; j++) {
          acc += norm[j];
          if (acc === w) { out.push([i, j + 1]); break; }
          if (w.indexOf(acc) !== 0) { break; }
        }
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    // Overlapping hits become one.
    var merged = [];
    out.forEach(function (h) {
      var last = merged[merged.length - 1];
      if (last && h[0] <= last[1]) { last[1] = Math.max(last[1], h[1]); } else { merged.push(h.slice()); }
    });
    return { units: units, spans: merged };
  }
  // snippet shows the text around the first hit, every hit in it marked.
  // The heading is the result's link: the snippet never repeats it.
  function snippet(text, ws) {
    var p = document.createElement("p");
    var h = hits(text, ws);
    var units = h.units;
    if (units.length === 0) { return null; }
    var start = 0;
    if (h.spans.length > 0) { start = Math.max(0, h.spans[0][0] - 30); }
    var end = Math.min(units.length, start + 100);
    if (start > 0) { p.appendChild(document.createTextNode("…")); }
    var at = start;
    h.spans.forEach(function (s) {
      if (s[1] <= start || s[0] >= end) { return; }
      var a = Math.max(s[0], start), b = Math.min(s[1], end);
      p.appendChild(document.createTextNode(units.slice(at, a).join("")));
      var m = document.createElement("mark");
      m.textContent = units.slice(a, b).join("");
      p.appendChild(m);
      at = b;
    });
    p.appendChild(document.createTextNode(units.slice(at, end).join("") + (end < units.length ? "…" : "")));
    return p;
  }
  function run() {
    var raw = input.value.trim();
    var ws = words(raw);
    results.textContent = "";
    if (ws.length === 0) { status.textContent = ""; return; }
    var found = candidates(ws).filter(function (i) {
      var s = index.sections[i];
      var hay = normalize(s.t + " " + s.x);
      return ws.every(function (w) { return hay.indexOf(w) >= 0; });
    });
    status.textContent = "「" + raw + "」の検索結果: " + found.length + "件";
    found.slice(0, 100).forEach(function (i) {
      var s = index.sections[i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = s.u;
      a.textContent = s.t === s.d ? s.d : s.d + " — " + s.t;
      li.appendChild(a);
      var p = snippet(s.x, ws);
      if (p) { li.appendChild(p); }
      results.appendChild(li);
    });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); run(); }
})();
