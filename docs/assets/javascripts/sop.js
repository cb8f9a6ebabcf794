/*
 * The handbook's script on SOP pages (mkdocs-mermaid2 adds it where a page has a diagram).
 *
 * 1. A stand-in for window.mermaid. Material draws each diagram by calling
 *    mermaid.initialize() and mermaid.render(); the stand-in answers those calls,
 *    but fetches the pinned Mermaid bundle (2.9 MB) only when a diagram comes near
 *    the screen, is asked for, or the page is printed. The text of the SOP is
 *    readable long before. A classic script tag (not an ES module) so that it also
 *    loads from file://.
 * 2. The diagram box: zoom, fit to width, full screen.
 * 3. The print button: draw every diagram, then print.
 */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var bundleUrl = new URL("../vendor/mermaid/mermaid.tiny.js", here || location.href).href;
  var loading = null;
  var settings = {};

  function loadMermaid() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundleUrl;
        script.onload = function () {
          var real = window.mermaid;
          window.mermaid = standIn; // Material keeps calling the stand-in, which forwards
          real.initialize(settings);
          resolve(real);
        };
        script.onerror = function () { reject(new Error("Mermaid tidak dapat dimuat: " + bundleUrl)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // The diagram box whose source is `source` (Material reads the source from the <pre>).
  function boxOf(source) {
    var pres = document.querySelectorAll(".sop-diagram pre");
    for (var i = 0; i < pres.length; i++) {
      if (pres[i].textContent === source) return pres[i].closest(".sop-diagram");
    }
    return null;
  }

  // Resolves when the box is near the screen or somebody asks for it (button, print).
  function wanted(box) {
    if (!box || !("IntersectionObserver" in window)) return Promise.resolve();
    return new Promise(function (resolve) {
      box.addEventListener("sop:load", resolve, { once: true });
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); resolve(); }
      }, { rootMargin: "300px 0px" });
      seen.observe(box);
    });
  }

  // Nodes are links to their step rows; Material's theme underlines linked labels, which on a
  // diagram where every box is a link only adds noise.
  var EXTRA_CSS = "a .nodeLabel,a .nodeLabel p{text-decoration:none}a:hover .nodeLabel{text-decoration:underline}";

  var standIn = {
    initialize: function (options) {
      settings = Object.assign({}, options || {});
      settings.themeCSS = (settings.themeCSS || "") + EXTRA_CSS;
      // Mermaid refuses a source past 50,000 characters (its default maxTextSize). Labels are
      // capped (300 characters, BATAS-001) and parts hold 25 steps, but encoded text is longer
      // than it looks: room to spare, so no diagram is refused.
      settings.maxTextSize = Math.max(settings.maxTextSize || 0, 500000);
    },
    render: function (id, source) {
      var box = boxOf(source);
      return wanted(box).then(loadMermaid).then(function (real) { return real.render(id, source); });
    }
  };
  if (typeof window.mermaid === "undefined") window.mermaid = standIn;

  function requestAll() {
    document.querySelectorAll(".sop-diagram").forEach(function (box) { box.dispatchEvent(new Event("sop:load")); });
  }

  // Every diagram drawn: Material replaces each <pre class="mermaid"> by a <div class="mermaid">.
  function allDrawn() {
    var boxes = document.querySelectorAll(".sop-diagram");
    return Array.prototype.every.call(boxes, function (box) { return box.querySelector("div.mermaid"); });
  }

  function whenAllDrawn() {
    return new Promise(function (resolve) {
      if (allDrawn()) return resolve();
      var watch = new MutationObserver(function () { if (allDrawn()) { watch.disconnect(); resolve(); } });
      watch.observe(document.body, { childList: true, subtree: true });
    });
  }

  // --- The diagram box ---------------------------------------------------------------
  var STEP = 1.25, MIN = 0.2, MAX = 4;

  function zoomOf(box) { return parseFloat(box.dataset.zoom || "1"); }

  function setZoom(box, zoom) {
    var drawing = box.querySelector("div.mermaid");
    if (!drawing) return;
    zoom = Math.min(MAX, Math.max(MIN, zoom));
    box.dataset.zoom = String(zoom);
    drawing.style.zoom = String(zoom);
  }

  function fit(box) {
    var drawing = box.querySelector("div.mermaid");
    if (!drawing) return;
    var natural = drawing.getBoundingClientRect().width / zoomOf(box);
    var room = box.clientWidth - 16;
    if (natural > 0) setZoom(box, Math.min(1, room / natural));
  }

  function toggleFullscreen(box) {
    if (document.fullscreenElement === box) {
      document.exitFullscreen();
    } else if (box.requestFullscreen) {
      box.requestFullscreen().then(function () { fit(box); });
    }
  }

  document.addEventListener("fullscreenchange", function () {
    document.querySelectorAll(".sop-diagram [data-fullscreen]").forEach(function (button) {
      var box = button.closest(".sop-diagram");
      if (!button.dataset.openLabel) button.dataset.openLabel = button.textContent;
      button.textContent = document.fullscreenElement === box ? button.dataset.closeLabel : button.dataset.openLabel;
      button.setAttribute("aria-pressed", document.fullscreenElement === box ? "true" : "false");
    });
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button");
    if (!button) return;
    var box = button.closest(".sop-diagram");
    if (button.hasAttribute("data-load") && box) {
      box.dispatchEvent(new Event("sop:load"));
    } else if (button.dataset.zoom && box) {
      var kind = button.dataset.zoom;
      if (kind === "in") setZoom(box, zoomOf(box) * STEP);
      else if (kind === "out") setZoom(box, zoomOf(box) / STEP);
      else if (kind === "fit") fit(box);
      else setZoom(box, 1);
    } else if (button.hasAttribute("data-fullscreen") && box) {
      toggleFullscreen(box);
    } else if (button.hasAttribute("data-print")) {
      // The form prints as it is (no script draws it); the swimlane only when the reader asked.
      if (!document.documentElement.classList.contains("sop-print-swimlane")) { window.print(); return; }
      button.disabled = true;
      showSwimlane();
      window.sopDrawAll().then(function () { button.disabled = false; window.print(); });
    }
  });

  // On paper a diagram gets a page of its own: landscape A4 (277 x 190 mm printable, 96 px per
  // inch) unless it is much taller than wide, and scaled down until it fits that page whole.
  var PAGE_LONG = 1040, PAGE_SHORT = 680;

  function preparePrint(box) {
    var drawing = box.querySelector("div.mermaid");
    var rect = drawing.getBoundingClientRect();
    var zoom = zoomOf(box);
    var width = rect.width / zoom, height = rect.height / zoom;
    if (!width || !height) return;
    var tall = height > width * 1.2;
    box.classList.toggle("sop-diagram--tall", tall);
    var fit = tall ? Math.min(PAGE_SHORT / width, PAGE_LONG / height) : Math.min(PAGE_LONG / width, PAGE_SHORT / height);
    box.style.setProperty("--sop-print-zoom", String(Math.min(1, fit)));
  }

  // A box shows its tools once its diagram is drawn, and drops the "loading" line.
  function markDrawn() {
    document.querySelectorAll(".sop-diagram").forEach(function (box) {
      if (box.querySelector("div.mermaid") && !box.classList.contains("is-drawn")) {
        box.classList.add("is-drawn");
        var bar = box.querySelector(".sop-diagram__bar");
        if (bar) bar.hidden = false;
        // Material fills the shadow root right after inserting the host: measure on the next frame.
        requestAnimationFrame(function () { preparePrint(box); });
      }
    });
  }
  new MutationObserver(markDrawn).observe(document.documentElement, { childList: true, subtree: true });

  // Mermaid measures text as it draws: a diagram in a hidden tab would be drawn without size. Before
  // the swimlane is drawn for paper, its tab is the one on screen.
  function showSwimlane() {
    var drawn = document.querySelectorAll(".sop-diagram.is-drawn").length === document.querySelectorAll(".sop-diagram").length;
    var tab = document.getElementById("sop-tampilan-diagram");
    if (!drawn && tab) tab.checked = true;
  }

  // The reader's choices for paper: the checker's and transcription notes, and the swimlane (drawn
  // now, so that the browser's own print menu finds it drawn too).
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-print-notes]")) {
      document.documentElement.classList.toggle("sop-print-notes", event.target.checked);
    }
    if (event.target.matches && event.target.matches("[data-print-swimlane]")) {
      document.documentElement.classList.toggle("sop-print-swimlane", event.target.checked);
      if (event.target.checked) { showSwimlane(); window.sopDrawAll(); }
    }
  });

  // A search result for a step points at the step's search-only copy (#cari-langkah-3); send the
  // reader on to the step row itself (#langkah-3), replacing the history entry.
  function followSearchAnchor() {
    var match = /^#cari-(.+)$/.exec(location.hash);
    if (match && document.getElementById(match[1])) location.replace("#" + match[1]);
  }
  window.addEventListener("hashchange", followSearchAnchor);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", followSearchAnchor);
  else followSearchAnchor();

  // For tests and the print button: ask for every diagram now; resolves when all are drawn.
  window.sopDrawAll = function () {
    requestAll();
    return whenAllDrawn().then(function () {
      return new Promise(function (resolve) {
        requestAnimationFrame(function () {
          document.querySelectorAll(".sop-diagram").forEach(preparePrint);
          resolve();
        });
      });
    });
  };
})();
