/*
 * Reading aids on every page. Without JavaScript every page still reads whole; these only help.
 *
 * 1. Material's search dialog gets a name (Material leaves role="dialog" unnamed).
 * 2. A table or box that scrolls sideways says so: it can be focused and scrolled with the keys,
 *    is named for screen readers, and shows an edge shadow and "geser →" while there is more.
 * 3. On an SOP page read on a phone: "Langkah 3 dari 9" while the steps are on screen.
 * 4. Mode kerja: tick each step as done, see what is next and who does it; kept in this browser
 *    (localStorage, per SOP and revision), cleared with one button, printed as a checklist.
 * 5. On a phone, each of the six boxes folds under its heading (open to begin with; paper
 *    always carries them whole), and so does the monitoring history (folded to begin with).
 * 6. The forms to print (Tabel 7, evaluation) get their "Cetak formulir" button.
 */
(function () {
  "use strict";
  var words = {};
  try { words = JSON.parse((document.getElementById("sop-skrip") || {}).textContent || "{}"); } catch (e) { words = {}; }
  function say(key, values) {
    var text = words[key] || "";
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }

  // --- 1. The search dialog's name ---------------------------------------------------------
  function nameSearch() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label") && words.search_dialog) dialog.setAttribute("aria-label", words.search_dialog);
  }

  // --- 2. Regions that scroll sideways -----------------------------------------------------
  var SCROLLERS = ".md-typeset table, .md-typeset pre > code, .md-typeset .sop-table-scroll, .md-typeset .sop-diagram, " +
    ".md-typeset .sop-form-scroll, .md-typeset .md-typeset__scrollwrap, .md-typeset .sop-transcription, " +
    ".md-typeset .sop-formulir--mendatar, .md-typeset .sop-formulir__tabel";

  function scrolls(el) {
    var style = getComputedStyle(el);
    return /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
  }

  function nameOf(el) {
    var caption = el.querySelector && el.querySelector("caption, .sop-diagram__title");
    var heading = el.closest && el.closest("section, .md-typeset") ? previousHeading(el) : null;
    var name = (caption && caption.textContent.trim()) || (heading && heading.textContent.trim()) || words.scroll_region_default || "";
    return say("scroll_region", { name: name });
  }

  function previousHeading(el) {
    var node = el;
    while (node && node !== document.body) {
      var prev = node.previousElementSibling;
      while (prev) {
        if (/^H[1-6]$/.test(prev.tagName)) return prev;
        prev = prev.previousElementSibling;
      }
      node = node.parentElement;
    }
    return null;
  }

  function markScrollers() {
    document.querySelectorAll(SCROLLERS).forEach(function (el) {
      // A scroller inside another one is reached through it; the outer one carries the hint.
      var wide = scrolls(el);
      el.classList.toggle("sop-geser", wide);
      if (wide && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.dataset.sopGeser = "1";
        if (!el.hasAttribute("role") && el.tagName !== "TABLE" && el.tagName !== "CODE") el.setAttribute("role", "region");
        if (!el.hasAttribute("aria-label") && el.tagName !== "TABLE" && el.tagName !== "CODE") el.setAttribute("aria-label", nameOf(el));
      } else if (!wide && el.dataset.sopGeser) {
        el.removeAttribute("tabindex");
        delete el.dataset.sopGeser;
      }
      var hint = el.nextElementSibling && el.nextElementSibling.classList.contains("sop-geser__hint") ? el.nextElementSibling : null;
      if (wide && !hint && words.scroll_hint && el.tagName !== "CODE") {
        hint = document.createElement("span");
        hint.className = "sop-geser__hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = words.scroll_hint;
        el.insertAdjacentElement("afterend", hint);
      } else if (!wide && hint) {
        hint.remove();
      }
    });
  }

  // --- 3. "Langkah 3 dari 9" ---------------------------------------------------------------
  function stepBar() {
    var bar = document.querySelector(".sop-stepbar");
    var rows = Array.prototype.slice.call(document.querySelectorAll("tr.sop-step"));
    if (!bar || !rows.length || !("IntersectionObserver" in window)) return;
    var text = bar.querySelector("[data-stepbar-text]");
    var visible = new Set();
    var watch = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) visible.add(e.target); else visible.delete(e.target); });
      var first = rows.filter(function (r) { return visible.has(r); })[0];
      bar.hidden = !first;
      if (first) text.textContent = say("stepbar", { n: rows.indexOf(first) + 1, total: rows.length });
    }, { rootMargin: "-30% 0px -30% 0px" });
    rows.forEach(function (r) { watch.observe(r); });
  }

  // --- 4. Mode kerja -----------------------------------------------------------------------
  function modeKerja() {
    var bar = document.querySelector(".sop-kerja-bar");
    var button = document.querySelector("[data-mode-kerja]");
    if (!bar || !button) return;
    var key = "sop-kerja:" + bar.dataset.kerjaKey;
    var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-kerja-step]"));
    function read() {
      try { return JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { return {}; }
    }
    function write(state) {
      try { localStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* private mode: kept on this page only */ }
    }
    function show() {
      var state = read();
      var done = 0, next = null;
      boxes.forEach(function (box) {
        var ticked = !!(state.done && state.done[box.dataset.kerjaStep]);
        box.checked = ticked;
        var row = box.closest("tr.sop-step");
        row.classList.toggle("is-selesai", ticked);
        row.classList.remove("is-berikut");
        if (ticked) done += 1; else if (!next) next = row;
      });
      if (next) next.classList.add("is-berikut");
      bar.querySelector("[data-kerja-progress]").textContent = say("kerja_progress", { done: done, total: boxes.length });
      var who = next ? next.querySelector(".sop-step__who").textContent.trim().replace(/\s+/g, " ") : "";
      var nextText = bar.querySelector("[data-kerja-next]");
      nextText.textContent = next ? say("kerja_next", { no: next.id.replace(/^\D+/, ""), siapa: who }) : say("kerja_all_done");
    }
    function setMode(on) {
      document.documentElement.classList.toggle("sop-mode-kerja", on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      var state = read();
      state.on = on;
      write(state);
      if (on) show();
    }
    button.hidden = false;
    button.addEventListener("click", function () { setMode(!document.documentElement.classList.contains("sop-mode-kerja")); });
    bar.querySelector("[data-mode-kerja-close]").addEventListener("click", function () { setMode(false); });
    bar.querySelector("[data-kerja-reset]").addEventListener("click", function () {
      var state = read();
      state.done = {};
      write(state);
      show();
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var state = read();
        state.done = state.done || {};
        if (box.checked) state.done[box.dataset.kerjaStep] = true; else delete state.done[box.dataset.kerjaStep];
        write(state);
        show();
      });
    });
    if (read().on) setMode(true);
  }

  // --- 5. Boxes that fold on a phone --------------------------------------------------------
  function foldBoxes() {
    if (!window.matchMedia || !window.matchMedia("(max-width: 44.9375em)").matches) return;
    document.querySelectorAll(".sop-box").forEach(function (box, i) {
      var heading = box.querySelector("h3"), body = box.querySelector(".sop-box__body");
      if (!heading || !body || heading.querySelector(".sop-box__toggle")) return;
      if (!body.id) body.id = (heading.id || "sop-kotak-" + i) + "-isi";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sop-box__toggle";
      // Most boxes are open at first; the monitoring history (data-folded) starts folded.
      var folded = box.hasAttribute("data-folded");
      button.setAttribute("aria-expanded", folded ? "false" : "true");
      box.classList.toggle("is-folded", folded);
      button.setAttribute("aria-controls", body.id);
      // The heading keeps its id (the contents list links to it); its words move into the button.
      while (heading.firstChild) button.appendChild(heading.firstChild);
      heading.appendChild(button);
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") === "true";
        button.setAttribute("aria-expanded", open ? "false" : "true");
        box.classList.toggle("is-folded", open);
      });
    });
  }

  // --- 6. Forms to print (Tabel 7, the evaluation form): the page itself is the form -----------
  function printButtons() {
    document.querySelectorAll("[data-cetak]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function start() {
    foldBoxes();
    printButtons();
    nameSearch();
    markScrollers();
    stepBar();
    modeKerja();
    var pending = 0;
    window.addEventListener("resize", function () {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(markScrollers);
    });
    // Diagrams, tabs and tables change size after load (Mermaid draws late; a tab is chosen).
    if ("ResizeObserver" in window) {
      var again = new ResizeObserver(function () { cancelAnimationFrame(pending); pending = requestAnimationFrame(markScrollers); });
      document.querySelectorAll(".md-content").forEach(function (c) { again.observe(c); });
    }
    document.addEventListener("change", function () { requestAnimationFrame(markScrollers); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
