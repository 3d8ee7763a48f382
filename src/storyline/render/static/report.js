// Storyline report: highlight quotes, sort and filter tables. No network, no eval,
// no HTML built from data: the page's data is read from a JSON block and only
// class names and attributes are changed.
(function () {
  "use strict";

  var targets = {};
  var segmentsByArticle = {};
  var cycle = {};

  function readData() {
    var block = document.getElementById("storyline-data");
    if (!block) return;
    try {
      targets = JSON.parse(block.textContent).targets || {};
    } catch (err) {
      targets = {};
    }
    var texts = document.querySelectorAll(".text[data-article]");
    for (var i = 0; i < texts.length; i++) {
      var segs = texts[i].querySelectorAll("span.seg");
      var list = [];
      for (var j = 0; j < segs.length; j++) {
        list.push({ el: segs[j], s: +segs[j].dataset.s, e: +segs[j].dataset.e });
      }
      segmentsByArticle[texts[i].dataset.article] = list;
    }
  }

  function clearHighlight() {
    var old = document.querySelectorAll(".seg.hl, .active");
    for (var i = 0; i < old.length; i++) {
      old[i].classList.remove("hl", "hl-first", "active");
    }
  }

  // Mark every piece of text inside [start, end) of one article; returns the first.
  function markRange(article, start, end) {
    var list = segmentsByArticle[article] || [];
    var first = null;
    for (var i = 0; i < list.length; i++) {
      var seg = list[i];
      if (seg.s >= start && seg.e <= end) {
        seg.el.classList.add("hl");
        if (!first) first = seg.el;
      } else if (seg.s >= end) {
        break;
      }
    }
    return first;
  }

  // Scroll the articles pane (not the whole page) when it scrolls by itself, so the
  // clicked row stays in view beside its quote.
  function scrollToQuote(el) {
    var pane = el.closest("aside.articles");
    if (pane && pane.scrollHeight > pane.clientHeight &&
        getComputedStyle(pane).overflowY !== "visible") {
      var delta = el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      pane.scrollTop += delta - pane.clientHeight / 3;
    } else {
      el.scrollIntoView({ block: "center", behavior: "auto" });
    }
  }

  // Highlight every quote of one item; repeated clicks step through its quotes.
  function highlight(key, source) {
    var ranges = targets[key];
    if (!ranges || !ranges.length) return;
    clearHighlight();
    var step = cycle[key] === undefined ? 0 : (cycle[key] + 1) % ranges.length;
    cycle[key] = step;
    var focus = null;
    for (var i = 0; i < ranges.length; i++) {
      var el = markRange(ranges[i][0], ranges[i][1], ranges[i][2]);
      if (i === step) focus = el;
    }
    var same = document.querySelectorAll("[data-target]");
    for (var k = 0; k < same.length; k++) {
      if (same[k].getAttribute("data-target") === key) same[k].classList.add("active");
    }
    if (source) source.classList.add("active");
    if (focus) {
      focus.classList.add("hl-first");
      scrollToQuote(focus);
    }
    document.body.setAttribute("data-highlighted", key);
  }

  function onActivate(event) {
    var node = event.target;
    if (!(node instanceof Element)) return;
    var item = node.closest("[data-target]");
    if (item) {
      highlight(item.getAttribute("data-target"), item);
      return;
    }
    var seg = node.closest("span.seg[data-entity]");
    if (seg) highlight("entity:" + seg.getAttribute("data-entity"), null);
  }

  function sortTable(button) {
    var th = button.closest("th");
    var table = button.closest("table");
    if (!th || !table || !table.tBodies.length) return;
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = button.dataset.sort === "num";
    var asc = th.getAttribute("aria-sort") !== "ascending";
    var heads = th.parentNode.children;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].textContent.trim();
      var y = b.cells[col].textContent.trim();
      var r = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
      return asc ? r : -r;
    });
    for (var j = 0; j < rows.length; j++) body.appendChild(rows[j]);
  }

  function filterTable(input) {
    var table = document.getElementById(input.dataset.filterTable);
    if (!table || !table.tBodies.length) return;
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var hay = ((rows[i].dataset.search || "") + " " + rows[i].textContent).toLowerCase();
      var ok = words.every(function (w) { return hay.indexOf(w) !== -1; });
      rows[i].hidden = !ok;
      if (ok) shown++;
    }
    var none = document.getElementById(input.dataset.filterTable + "-none");
    if (none) none.hidden = shown !== 0;
  }

  document.addEventListener("DOMContentLoaded", function () {
    readData();
    document.addEventListener("click", function (event) {
      var node = event.target;
      if (node instanceof Element && node.closest("th button[data-sort]")) {
        sortTable(node.closest("th button[data-sort]"));
        return;
      }
      if (node instanceof Element && node.closest("a")) return;
      onActivate(event);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      var node = event.target;
      if (node instanceof Element && node.matches("[data-target]:not(button)")) {
        event.preventDefault();
        onActivate(event);
      }
    });
    var inputs = document.querySelectorAll("input[data-filter-table]");
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].addEventListener("input", function (event) { filterTable(event.target); });
    }
    document.documentElement.setAttribute("data-ready", "1");
  });
})();
