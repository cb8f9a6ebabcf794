/*
 * The SOP list on the home page: sort by any column (tablesort, served from the site) and filter by
 * satker and level. Without JavaScript the list is the full table, unsorted controls stay hidden.
 */
(function () {
  "use strict";

  function setUp() {
    document.querySelectorAll("table.sop-list").forEach(function (table) {
      if (table.dataset.ready) return;
      table.dataset.ready = "1";
      if (window.Tablesort) new window.Tablesort(table);
      var filter = table.previousElementSibling;
      if (!filter || !filter.classList.contains("sop-filter")) return;
      filter.hidden = false;
      var count = filter.querySelector(".sop-filter__count");
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      function apply() {
        var wanted = {};
        filter.querySelectorAll("select[data-filter]").forEach(function (s) { wanted[s.dataset.filter] = s.value; });
        var shown = 0;
        rows.forEach(function (row) {
          var keep = Object.keys(wanted).every(function (k) { return !wanted[k] || row.dataset[k] === wanted[k]; });
          row.hidden = !keep;
          if (keep) shown += 1;
        });
        count.textContent = shown + " / " + rows.length + " SOP";
      }
      filter.addEventListener("change", apply);
      apply();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
