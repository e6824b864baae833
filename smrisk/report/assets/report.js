/* smrisk triage report: renders the embedded data; keeps reviews in localStorage. No network. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("smrisk-data").textContent);
  var S = D.strings;
  var LEVELS = ["none", "low", "medium", "high", "critical"];
  var SYMBOL = { critical: "\u203c", high: "\u25b2", medium: "\u25c6", low: "\u25cf", none: "\u25cb" };
  var PAGE_SIZE = 50;
  var STORE_KEY = "smrisk-report:" + D.report_id;
  var FEEDBACK_COLUMNS = ["report_id", "post_id", "label", "kind", "article", "start", "end", "decision", "note", "text"];
  var HANDLING_COLUMNS = ["report_id", "post_id", "risk", "status", "note"];

  var state = { risk: "", article: "", label: "", platform: "", review: "", q: "", page: 0 };
  var shown = D.posts;
  var store = loadStore();

  // --- helpers ---------------------------------------------------------------------------
  function el(tag, attrs) {
    var node = document.createElement(tag);
    for (var key in attrs || {}) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.append(child);
    }
    return node;
  }
  function $(id) { return document.getElementById(id); }
  function fmt(text, values) { return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k]; }); }
  function labelName(label) { return S["lbl_" + label] || label; }
  function badge(level) {
    var name = LEVELS[level];
    return el("span", { class: "badge r-" + name }, el("span", { "aria-hidden": "true", text: SYMBOL[name] }), S["risk_" + name]);
  }
  var LOCALE = D.lang === "nl" ? "nl-NL" : "en-GB";
  function number(n) { return n.toLocaleString(LOCALE); }
  function when(iso) { return iso ? new Date(iso).toLocaleString(LOCALE, { dateStyle: "long", timeStyle: "short" }) : S.unknown; }

  function loadStore() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || "{}");
      return { f: saved.f || {}, h: saved.h || {} };
    } catch (e) {
      return { f: {}, h: {} };
    }
  }
  function saveStore() {
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(store)); } catch (e) { /* kept for this session */ }
    showSaved();
  }
  function showSaved() {
    var decided = Object.keys(store.f).filter(function (key) { return store.f[key].d; }).length;
    $("saved").textContent = fmt(S.saved, { n: decided });
  }

  // --- overview --------------------------------------------------------------------------
  function renderOverview() {
    var meta = D.meta;
    $("privacy").textContent = meta.redacted ? S.redacted_note : S.unredacted_note;
    var risk = $("risk-counts");
    LEVELS.slice().reverse().forEach(function (name) {
      var level = LEVELS.indexOf(name);
      var item = el("li", { class: "r-" + name, "data-risk": name },
        el("span", { class: "n", id: "count-risk-" + name, text: number(D.counts.risk[name]) }), badge(level));
      if (level > 0) {  // a flagged level: show its posts in the work list
        var show = el("button", { type: "button", class: "show", text: S.show });
        show.addEventListener("click", function () {
          $("f-risk").value = String(level);
          state.risk = String(level);
          apply();
          $("worklist").focus();
        });
        item.append(show);
      }
      risk.append(item);
    });
    risk.append(el("li", { class: "errors" },
      el("span", { class: "n", id: "count-errors", text: number(meta.errors) }), S.errors));
    var rows = [
      [S.file, meta.source], [S.rows, number(meta.rows)], [S.errors, number(meta.errors)],
      [S.scanned_at, when(meta.scanned_at)], [S.made_at, when(meta.made_at)],
      [S.config, meta.config || S.unknown],
      [S.versions, Object.keys(meta.versions).map(function (k) { return k + " " + meta.versions[k]; }).join(", ")],
    ];
    var dl = $("meta");
    rows.forEach(function (row) { dl.append(el("dt", { text: row[0] }), el("dd", { text: row[1] })); });

    var articles = $("article-counts").tBodies[0];
    D.counts.articles.forEach(function (row) {
      var article = D.articles[row.article];
      articles.append(el("tr", { class: row.label ? "sub" : null, "data-article": row.article, "data-label": row.label || "" },
        el("td", { title: article ? article.title : null, text: row.label ? "" : row.article }),
        el("td", { text: row.label ? labelName(row.label) : (article ? article.title : "") }),
        el("td", { class: "num", text: number(row.posts) })));
    });
    var platforms = $("platform-counts").tBodies[0];
    D.counts.platforms.forEach(function (row) {
      platforms.append(el("tr", { "data-platform": row.platform },
        el("td", { text: row.platform || S.unknown }),
        el("td", { class: "num", text: number(row.posts) }), el("td", { class: "num", text: number(row.flagged) })));
    });
    var days = $("day-counts").tBodies[0];
    D.counts.days.forEach(function (row) {
      var total = row.slice(1).reduce(function (a, b) { return a + b; }, 0);
      days.append(el("tr", null, el("td", { text: row[0] }), el("td", { class: "num", text: total }),
        el("td", { class: "num", text: row[5] }), el("td", { class: "num", text: row[4] }),
        el("td", { class: "num", text: row[3] }), el("td", { class: "num", text: row[2] })));
    });
    renderChart();
  }

  function everyDay(rows) {
    // One entry per calendar day from the first to the last, so gaps show as gaps.
    if (!rows.length) return [];
    var byDay = {};
    rows.forEach(function (row) { byDay[row[0]] = row; });
    var day = Date.parse(rows[0][0] + "T00:00:00Z"), last = Date.parse(rows[rows.length - 1][0] + "T00:00:00Z");
    var all = [];
    for (; day <= last && all.length < 3700; day += 86400000) {
      var key = new Date(day).toISOString().slice(0, 10);
      all.push(byDay[key] || [key, 0, 0, 0, 0, 0]);
    }
    return all;
  }
  function renderChart() {
    var days = everyDay(D.counts.days);
    var ns = "http://www.w3.org/2000/svg";
    var width = 1000, height = 180, bottom = 20, top = 8;
    var max = 1;
    days.forEach(function (row) { max = Math.max(max, row[2] + row[3] + row[4] + row[5]); });
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", S.by_day + " (max " + max + ")");
    var step = days.length ? width / days.length : width;
    var every = Math.max(1, Math.ceil(days.length / 10));
    days.forEach(function (row, i) {
      var y = height - bottom;
      for (var level = 2; level <= 5; level++) {
        var n = row[level];
        if (!n) continue;
        var h = (height - bottom - top) * n / max;
        y -= h;
        var rect = document.createElementNS(ns, "rect");
        rect.setAttribute("x", (i * step + step * 0.1).toFixed(2));
        rect.setAttribute("width", Math.max(step * 0.8, 0.5).toFixed(2));
        rect.setAttribute("y", y.toFixed(2));
        rect.setAttribute("height", h.toFixed(2));
        rect.setAttribute("class", "bar r-" + LEVELS[level - 1]);
        var title = document.createElementNS(ns, "title");
        title.textContent = row[0] + ": " + n + " " + S["risk_" + LEVELS[level - 1]];
        rect.append(title);
        svg.append(rect);
      }
      if (i % every === 0) {
        var label = document.createElementNS(ns, "text");
        label.setAttribute("x", (i * step + 1).toFixed(2));
        label.setAttribute("y", height - 5);
        label.textContent = row[0];
        svg.append(label);
      }
    });
    var legend = el("p", { class: "chart-legend" }, "max " + number(max) + " / " + S.day.toLowerCase() + ": ");
    [4, 3, 2, 1].forEach(function (level) { legend.append(badge(level), " "); });
    $("chart").append(svg, legend);
  }

  // --- filters ---------------------------------------------------------------------------
  function fillSelect(id, options) {
    var select = $(id);
    select.append(el("option", { value: "", text: S.all }));
    options.forEach(function (option) { select.append(el("option", { value: option[0], text: option[1] })); });
  }
  function setupFilters() {
    fillSelect("f-risk", [4, 3, 2, 1].map(function (l) { return [String(l), S["risk_" + LEVELS[l]]]; }));
    var codes = [];
    D.counts.articles.forEach(function (row) { if (!row.label) codes.push([row.article, row.article + " " + (D.articles[row.article] || { title: "" }).title]); });
    fillSelect("f-article", codes);
    fillSelect("f-label", D.labels.map(function (l) { return [l, labelName(l)]; }));
    fillSelect("f-platform", D.counts.platforms.filter(function (p) { return p.flagged; }).map(function (p) { return [p.platform, p.platform || S.unknown]; }));
    fillSelect("f-review", [["open", S.review_open], ["done", S.review_done]]);
    ["risk", "article", "label", "platform", "review"].forEach(function (name) {
      $("f-" + name).addEventListener("change", function (event) { state[name] = event.target.value; apply(); });
    });
    var timer = null;
    $("f-search").addEventListener("input", function (event) {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = event.target.value.trim().toLowerCase(); apply(); }, 80);
    });
    $("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function haystack(post) {
    if (post._hay === undefined) {
      var parts = [post.text, post.author || "", post.id, post.platform || "", post.action];
      post.findings.forEach(function (f) { parts.push(f.explanation, labelName(f.label), f.label); });
      post._hay = parts.join("\n").toLowerCase();
    }
    return post._hay;
  }
  function reviewed(index) {
    var post = D.posts[index];
    for (var i = 0; i < post.findings.length; i++) if (!store.f[index + ":" + i]) return false;
    return true;
  }
  function matches(post) {
    if (state.risk && post.risk !== +state.risk) return false;
    if (state.platform && (post.platform || "") !== state.platform) return false;
    if (state.article && post.articles.indexOf(state.article) < 0) return false;
    if (state.label && !post.findings.some(function (f) { return f.label === state.label; })) return false;
    if (state.review && reviewed(post._i) !== (state.review === "done")) return false;
    if (state.q && haystack(post).indexOf(state.q) < 0) return false;
    return true;
  }
  function apply() {
    shown = D.posts.filter(matches);
    state.page = 0;
    renderPage();
  }

  // --- work list -------------------------------------------------------------------------
  function highlighted(post) {
    var p = el("p", { class: "text" });
    var cursor = 0;
    post.marks.forEach(function (mark) {
      if (mark[0] > cursor) p.append(post.text.slice(cursor, mark[0]));
      p.append(el("mark", { class: mark[2], title: mark[2] === "pd" ? S.legend_pd : S.legend_harm, text: post.text.slice(mark[0], mark[1]) }));
      cursor = mark[1];
    });
    p.append(post.text.slice(cursor));
    return p;
  }
  function findingItem(post, index, finding, fi) {
    var key = index + ":" + fi;
    var saved = store.f[key] || {};
    var articles = finding.articles.map(function (code) {
      var article = D.articles[code];
      return article ? code + " " + article.title + ": " + article.text : code;
    });
    var chip = el("span", { class: "chip k-" + finding.kind, title: articles.join("\n\n") },
      labelName(finding.label) + " \u00b7 " + finding.articles.join(", "));
    var details = el("details", null, el("summary", { text: S["kind_" + finding.kind] + ": " + finding.articles.map(function (c) {
      return c + (D.articles[c] ? " " + D.articles[c].title : "");
    }).join("; ") }));
    finding.articles.forEach(function (code) {
      if (D.articles[code]) details.append(el("p", { text: code + ": " + D.articles[code].text }));
    });
    var what = el("div", { class: "what" }, chip, el("div", { text: finding.explanation }), details);
    var name = "r-" + key;
    var fieldset = el("fieldset", { class: "review" + (saved.d ? " done" : ""), "data-key": key },
      el("legend", { text: S.review_q }));
    ["terecht", "onterecht"].forEach(function (decision) {
      var input = el("input", { type: "radio", name: name, value: decision, checked: saved.d === decision });
      input.addEventListener("change", function () {
        store.f[key] = { d: decision, n: (store.f[key] || {}).n || "" };
        fieldset.classList.add("done");
        saveStore();
      });
      fieldset.append(el("label", null, input, " " + (decision === "terecht" ? S.correct : S.incorrect)));
    });
    var note = el("input", { type: "text", value: saved.n || "", "aria-label": S.note + " (" + labelName(finding.label) + ")", placeholder: S.note });
    note.addEventListener("change", function () {
      var entry = store.f[key] || { d: "", n: "" };
      entry.n = note.value;
      store.f[key] = entry;
      saveStore();
    });
    fieldset.append(note);
    return el("li", { class: "finding" }, what, fieldset);
  }
  function handling(index) {
    var saved = store.h[index] || { s: "open", n: "" };
    var select = el("select", { "aria-label": S.handling + ": " + S.h_status });
    [["open", S.h_open], ["busy", S.h_busy], ["done", S.h_done]].forEach(function (option) {
      select.append(el("option", { value: option[0], text: option[1], selected: saved.s === option[0] }));
    });
    var note = el("input", { type: "text", value: saved.n, "aria-label": S.h_note, placeholder: S.h_note });
    function save() { store.h[index] = { s: select.value, n: note.value }; saveStore(); }
    select.addEventListener("change", save);
    note.addEventListener("change", save);
    return el("div", { class: "handling" }, el("strong", { text: S.handling }), select, note);
  }
  function postItem(post) {
    var index = post._i;
    var name = LEVELS[post.risk];
    var heading = [post.author || S.unknown, post.platform || S.unknown, post.date || S.unknown].join(" \u00b7 ");
    var link = post.url
      ? el("a", { href: post.url, target: "_blank", rel: "noopener noreferrer", text: S.original })
      : el("span", { class: "sub", text: S.no_link });
    var findings = el("ul", { class: "findings", "aria-label": S.findings });
    post.findings.forEach(function (finding, fi) { findings.append(findingItem(post, index, finding, fi)); });
    var article = el("article", { class: "post r-" + name, tabindex: "-1", "aria-labelledby": "post-" + index, "data-id": post.id },
      el("header", null, badge(post.risk), el("h3", { id: "post-" + index, text: heading }), link,
        el("span", { class: "sub", text: "id " + post.id })),
      highlighted(post),
      el("p", { class: "action" }, el("strong", { text: S.action + ": " }), post.action),
      findings, handling(index));
    return el("li", null, article);
  }
  function renderPage() {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    var list = $("posts");
    var items = document.createDocumentFragment();
    shown.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE).forEach(function (post) { items.append(postItem(post)); });
    if (!shown.length) items.append(el("li", { class: "empty", text: S.empty }));
    list.replaceChildren(items);
    $("shown").textContent = fmt(S.shown, { n: number(shown.length), total: number(D.posts.length) });
    $("page").textContent = fmt(S.page, { page: state.page + 1, pages: pages });
    $("prev").disabled = state.page === 0;
    $("next").disabled = state.page >= pages - 1;
    document.body.dataset.renders = String(+(document.body.dataset.renders || 0) + 1);
  }
  function turn(delta) {
    var pages = Math.ceil(shown.length / PAGE_SIZE);
    var page = state.page + delta;
    if (page < 0 || page >= pages) return;
    state.page = page;
    renderPage();
    $("worklist").focus();
  }

  // --- exports ---------------------------------------------------------------------------
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return /[",\n\r;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function download(name, header, rows) {
    var lines = [header].concat(rows).map(function (row) { return row.map(csvCell).join(","); });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
  }
  function exportFeedback() {
    var rows = [];
    Object.keys(store.f).forEach(function (key) {
      var entry = store.f[key];
      var parts = key.split(":");
      var post = D.posts[+parts[0]];
      var finding = post && post.findings[+parts[1]];
      if (!finding || !entry.d) return;
      rows.push([D.report_id, post.id, finding.label, finding.kind, finding.articles.join("; "),
        finding.start, finding.end, entry.d, entry.n, post.text]);
    });
    download("smrisk-feedback-" + D.report_id + ".csv", FEEDBACK_COLUMNS, rows);
  }
  function exportHandling() {
    var rows = Object.keys(store.h).map(function (index) {
      var post = D.posts[+index];
      return [D.report_id, post.id, LEVELS[post.risk], store.h[index].s, store.h[index].n];
    });
    download("smrisk-handling-" + D.report_id + ".csv", HANDLING_COLUMNS, rows);
  }

  // --- keyboard --------------------------------------------------------------------------
  function onKey(event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    if (event.key === "/") { event.preventDefault(); $("f-search").focus(); return; }
    if (event.key === "n") { turn(1); return; }
    if (event.key === "p") { turn(-1); return; }
    if (event.key !== "j" && event.key !== "k") return;
    var posts = Array.prototype.slice.call(document.querySelectorAll(".post"));
    if (!posts.length) return;
    var current = posts.indexOf(target.closest ? target.closest(".post") : null);
    var next = event.key === "j" ? Math.min(current + 1, posts.length - 1) : Math.max(current - 1, 0);
    posts[next].focus();
    posts[next].scrollIntoView({ block: "start" });
  }

  D.posts.forEach(function (post, i) { post._i = i; });
  renderOverview();
  setupFilters();
  $("prev").addEventListener("click", function () { turn(-1); });
  $("next").addEventListener("click", function () { turn(1); });
  $("export-feedback").addEventListener("click", exportFeedback);
  $("export-handling").addEventListener("click", exportHandling);
  document.addEventListener("keydown", onKey);
  renderPage();
  showSaved();
  window.smriskFirstRender = performance.now();
})();
