// Search for Japanese text without a server: the index maps character
// bigrams to sections; a query's bigrams narrow the sections down, then
// the text itself confirms the match.
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
  function grams(s) {
    var out = [];
    var chars = Array.from(s);
    for (var i = 0; i + 1 < chars.length; i++) { out.push(chars[i] + chars[i + 1]); }
    return out;
  }
  function candidates(q) {
    var gs = grams(q);
    if (gs.length === 0) {
      // One character: look at every section.
      return index.sections.map(function (_, i) { return i; });
    }
    var set = null;
    gs.forEach(function (g) {
      var list = index.grams[g] || [];
      if (set === null) { set = list.slice(); return; }
      var keep = {};
      list.forEach(function (i) { keep[i] = true; });
      set = set.filter(function (i) { return keep[i]; });
    });
    return set || [];
  }
  function snippet(text, q) {
    // Find the hit character by character, so that NFKC folding (full-
    // width letters) keeps the snippet aligned with the original text.
    var chars = Array.from(text);
    var norm = chars.map(normalize);
    var at = -1, len = 0;
    for (var i = 0; i < chars.length && at < 0; i++) {
      var acc = "";
      for (var j = i; j < chars.length && acc.length < q.length; j++) {
        acc += norm[j];
        if (acc === q) { at = i; len = j - i + 1; break; }
        if (q.indexOf(acc) !== 0) { break; }
      }
    }
    if (at < 0) { return { before: chars.slice(0, 60).join(""), hit: "", after: "…" }; }
    var start = Math.max(0, at - 30);
    return {
      before: (start > 0 ? "…" : "") + chars.slice(start, at).join(""),
      hit: chars.slice(at, at + len).join(""),
      after: chars.slice(at + len, at + len + 50).join("") + (at + len + 50 < chars.length ? "…" : "")
    };
  }
  function run() {
    var q = normalize(input.value.trim());
    results.textContent = "";
    if (q === "") { status.textContent = ""; return; }
    var found = candidates(q).filter(function (i) {
      return normalize(index.sections[i].x).indexOf(q) >= 0;
    });
    status.textContent = "「" + input.value.trim() + "」の検索結果: " + found.length + "件";
    found.slice(0, 100).forEach(function (i) {
      var s = index.sections[i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = s.u;
      a.textContent = s.d + " — " + s.t;
      li.appendChild(a);
      var p = document.createElement("p");
      var sn = snippet(s.x, q);
      p.appendChild(document.createTextNode(sn.before));
      var m = document.createElement("mark");
      m.textContent = sn.hit;
      p.appendChild(m);
      p.appendChild(document.createTextNode(sn.after));
      li.appendChild(p);
      results.appendChild(li);
    });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); run(); }
})();
