/* Material fetches the whole search index on the first view of every page. At a thousand SOPs
   that is most of what a reader downloads, and most readers never search. This defers that one
   request until the reader starts searching (focuses the search field, or opens the page with
   ?q= in its address). Material's code is untouched: only the sending of that one request waits.
   Loaded as a polyfill, in <head>, before Material's bundle makes the request. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var wanted = /[?&]q=/.test(location.search);
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.sopIndexRequest = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.sopIndexRequest && !wanted) {
      waiting.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(xhr, args);
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) want();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") want(); // the search icon on a phone
  }, true);
  window.sopLoadSearchIndex = want;
})();
