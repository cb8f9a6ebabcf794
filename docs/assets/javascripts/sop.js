/*
 * The handbook's script on SOP pages (mkdocs-mermaid2 adds it where a page has a diagram).
 *
 * 1. A stand-in for window.mermaid. Material draws each diagram by calling
 *    mermaid.initialize() and mermaid.render(); the stand-in answers those calls,
 *    but fetches the pinned Mermaid bundle (2.9 MB) only when a diagram comes near
 *    the screen, is asked for, or the page is printed. The text of the SOP is
 *    readable long before. A classic script tag (not an ES module) so that it also
 *    loads from file://.
 * 2. The diagram box: zoom, fit to width, full screen (at a readable size; fitting is a choice),
 *    and "Lihat di diagram": the step's box centred in the diagram and marked.
 * 3. The print button: print the form, or draw every diagram first when the swimlane is asked for.
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
  // "+" and "-" step by 1.25, or faster when the drawing was fitted small: from fitted to natural
  // size (text at 14-16 px) in two taps.
  var STEP = 1.25, MIN = 0.05, MAX = 4;

  function stepOf(box) {
    var fitted = parseFloat(box.dataset.fitted || "1");
    return fitted < 1 ? Math.max(STEP, Math.sqrt(1 / fitted)) : STEP;
  }

  function zoomOf(box) { return parseFloat(box.dataset.zoom || "1"); }

  function setZoom(box, zoom) {
    var drawing = box.querySelector("div.mermaid");
    if (!drawing) return;
    zoom = Math.min(MAX, Math.max(MIN, zoom));
    box.dataset.zoom = String(zoom);
    drawing.style.zoom = String(zoom);
    widen(box);
    laneTitles(box);
  }

  // On a desktop a drawing wider than the text column may use the room to its right (over the
  // page's contents list), up to the window's edge: never wider than the screen, never on a phone.
  var WIDE_SCREEN = 1220; // px: where Material shows both sidebars (76.25em)

  function widen(box) {
    var drawing = box.querySelector("div.mermaid");
    box.classList.remove("sop-diagram--lebar");
    box.style.removeProperty("width");
    if (!drawing || document.fullscreenElement === box || window.innerWidth < WIDE_SCREEN) return;
    var column = box.clientWidth;
    var wanted = drawing.getBoundingClientRect().width + 24;
    if (wanted <= column + 1) return;
    var room = document.documentElement.clientWidth - box.getBoundingClientRect().left - 16;
    var width = Math.min(wanted, room);
    if (width <= column) return;
    box.classList.add("sop-diagram--lebar");
    box.style.width = width + "px";
  }

  function widenAll() { document.querySelectorAll(".sop-diagram.is-drawn").forEach(function (box) { widen(box); laneTitles(box); }); }
  var widening = 0;
  window.addEventListener("resize", function () { cancelAnimationFrame(widening); widening = requestAnimationFrame(widenAll); });

  // Lane titles stay in view while the reader pans down a tall diagram: a strip of the same titles,
  // at the lanes' places, sticks below the tool bar (the drawing's own titles scroll away).
  function laneTitles(box) {
    var host = box.querySelector("div.mermaid");
    var root = drawingRoot(box);
    if (!root) return;
    var strip = box.querySelector(".sop-lanes");
    if (!strip) {
      strip = document.createElement("div");
      strip.className = "sop-lanes";
      strip.setAttribute("aria-hidden", "true"); // the drawing names its lanes already
      host.insertAdjacentElement("beforebegin", strip);
    }
    strip.textContent = "";
    var bar = box.querySelector(".sop-diagram__bar");
    strip.style.top = (bar && !bar.hidden ? bar.offsetHeight : 0) + "px";
    var origin = host.getBoundingClientRect();
    strip.style.width = origin.width + "px";
    var below = 0;
    root.querySelectorAll(".swimlane-label").forEach(function (label) {
      below = Math.max(below, label.getBoundingClientRect().bottom - origin.top);
      var place = label.getBoundingClientRect();
      var lane = label.closest(".swimlane");
      var title = lane && lane.querySelector("rect.swimlane-title");
      var span = document.createElement("span");
      span.textContent = label.textContent.trim();
      var left = (title || label).getBoundingClientRect();
      span.style.left = (left.left - origin.left) + "px";
      span.style.width = Math.max(left.width, place.width) + "px";
      strip.appendChild(span);
    });
    // Shown once the drawing's own titles have scrolled away, so they never show twice.
    strip.dataset.after = String(below);
    strip.classList.toggle("is-shown", box.scrollTop > below);
  }

  document.addEventListener("scroll", function (event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains("sop-diagram")) return;
    var strip = box.querySelector(".sop-lanes");
    if (strip) strip.classList.toggle("is-shown", box.scrollTop > parseFloat(strip.dataset.after || "0"));
  }, true);

  function fit(box) {
    var drawing = box.querySelector("div.mermaid");
    if (!drawing) return;
    var natural = drawing.getBoundingClientRect().width / zoomOf(box);
    var room = box.clientWidth - 16;
    if (natural > 0) {
      box.dataset.fitted = String(Math.max(MIN, Math.min(1, room / natural)));
      setZoom(box, Math.min(1, room / natural));
    }
  }

  // Zoom in or out by one step, landing on natural size (1) when passing it.
  function stepZoom(box, direction) {
    var zoom = zoomOf(box), step = stepOf(box);
    var next = direction > 0 ? zoom * step : zoom / step;
    if ((zoom < 1 && next > 1) || (zoom > 1 && next < 1)) next = 1;
    setZoom(box, next);
  }

  function toggleFullscreen(box) {
    if (document.fullscreenElement === box) {
      document.exitFullscreen();
    } else if (box.requestFullscreen) {
      // Full screen opens at natural size, text readable; "Muat selebar layar" is the reader's choice.
      box.requestFullscreen().then(function () { setZoom(box, Math.max(zoomOf(box), 1)); });
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
      if (kind === "in") stepZoom(box, 1);
      else if (kind === "out") stepZoom(box, -1);
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
        requestAnimationFrame(function () { widen(box); laneTitles(box); });
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

  // --- "Lihat di diagram": the step's box centred in the diagram's own window and marked ----
  // Material draws each diagram into a closed shadow root; the handbook keeps a reference to each
  // one it makes for a diagram host (nothing else changes), so it can find a step's box there.
  var roots = new WeakMap();
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = attach.call(this, init);
    if (this.classList && this.classList.contains("mermaid")) roots.set(this, root);
    return root;
  };

  // The shadow root holding a box's drawing, or null before it is drawn.
  function drawingRoot(box) {
    var host = box.querySelector("div.mermaid");
    return (host && (host.shadowRoot || roots.get(host))) || null;
  }

  function stepNode(box, no) {
    var root = drawingRoot(box);
    if (!root) return null;
    var links = root.querySelectorAll("a");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href") || links[i].getAttribute("xlink:href") || "";
      if (href === "#langkah-" + no) return links[i];
    }
    return null;
  }

  var marked = null;
  function showStep(box, no) {
    var node = stepNode(box, no);
    if (!node) return;
    if (zoomOf(box) < 0.75) setZoom(box, 1);
    // The box at the top of the screen, below Material's header; then the node in the middle of
    // the box's window (below its tool bar).
    var header = document.querySelector(".md-header");
    var top = box.getBoundingClientRect().top + window.scrollY - (header ? header.offsetHeight : 0) - 8;
    window.scrollTo({ top: top, behavior: "instant" });
    var bar = box.querySelector(".sop-diagram__bar");
    var barHeight = bar && !bar.hidden ? bar.offsetHeight : 0;
    var frame = box.getBoundingClientRect(), shape = node.getBoundingClientRect();
    box.scrollLeft += (shape.left + shape.width / 2) - (frame.left + box.clientWidth / 2);
    box.scrollTop += (shape.top + shape.height / 2) - (frame.top + barHeight + (box.clientHeight - barHeight) / 2);
    if (marked) marked.forEach(function (el) { el.style.removeProperty("stroke"); el.style.removeProperty("stroke-width"); });
    marked = Array.prototype.slice.call(node.querySelectorAll("rect, polygon, path, circle"));
    marked.forEach(function (el) { el.style.setProperty("stroke", "#b35900"); el.style.setProperty("stroke-width", "4px"); });
    box.classList.add("sop-diagram--sorot");
    box.dataset.shownStep = String(no);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.sop-step__to-diagram");
    if (!link) return;
    var box = document.getElementById(link.getAttribute("href").slice(1));
    var row = link.closest("tr.sop-step");
    if (!box || !row) return;
    event.preventDefault();
    var no = row.id.replace(/^\D+/, "");
    var tab = document.getElementById("sop-tampilan-diagram");
    if (tab) tab.checked = true;
    history.pushState(null, "", "#" + box.id);
    box.dispatchEvent(new Event("sop:load"));
    whenDrawn(box).then(function () { requestAnimationFrame(function () { showStep(box, no); }); });
  });

  function whenDrawn(box) {
    function drawn() {
      var root = drawingRoot(box);
      return root && root.querySelector("svg");
    }
    return new Promise(function (resolve) {
      if (drawn()) return resolve();
      var watch = new MutationObserver(function () { if (drawn()) { watch.disconnect(); resolve(); } });
      watch.observe(box, { childList: true, subtree: true });
      // Material fills the shadow root after inserting the host, which the observer cannot see.
      var tries = 0;
      (function poll() { if (drawn()) { watch.disconnect(); resolve(); } else if (tries++ < 600) setTimeout(poll, 50); })();
    });
  }

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
