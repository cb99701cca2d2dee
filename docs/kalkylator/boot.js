/* Inlined at the top of <head> of the engine's pages only (kalkylator/ and
   kalkylator/frister/), by scripts/postbuild (build_steps/calculator_assets.py),
   which also fills in the wheel's file name and the build id (the key of the
   worker's start-up snapshot).
   kalkylator.js starts the engine's worker right after the first frame:
   started earlier, in <head>, Pyodide's CPU work delayed the form by about half
   on a 2-core machine (scripts/bench, "form usable"), and ready came no sooner.

   The theme's site search (Material's and Zensical's alike) downloads and
   indexes the whole site in a worker as soon as a page loads. Here that competes with Pyodide for the CPU and adds
   ~75 KB to the page, so on this page the index request and the search worker
   start only when someone moves to the search box or opens Zensical's search
   panel (or arrives from a search result, ?h=…). Until then both wait in a
   queue; the theme notices nothing but a later start. The index is
   search/search_index.json (Material) or search.json (Zensical); Zensical
   listens through worker.onmessage, Material through addEventListener, so the
   stand-in worker serves both. */
var bokvarEngine = (function () {
  var NativeWorker = window.Worker;
  var held = [];
  var engine = { wheelUrl: "bokvar:wheel-file", buildId: "bokvar:build-id" };

  engine.releaseSearch = function () {
    released = true;
    var starts = held.splice(0);
    for (var i = 0; i < starts.length; i++) starts[i]();
  };

  function DeferredSearchWorker(url, options) {
    var proxy = new EventTarget();
    var queue = [];
    var real = null;
    function start() {
      if (real) return;
      real = new NativeWorker(url, options);
      real.onmessage = function (event) {
        var copy = new MessageEvent("message", { data: event.data });
        proxy.dispatchEvent(copy);
        if (typeof proxy.onmessage === "function") proxy.onmessage(copy);
      };
      real.onerror = function (event) {
        var copy = new ErrorEvent("error", { message: event.message });
        proxy.dispatchEvent(copy);
        if (typeof proxy.onerror === "function") proxy.onerror(copy);
      };
      for (var i = 0; i < queue.length; i++) real.postMessage(queue[i]);
      queue = [];
    }
    proxy.postMessage = function (message) {
      if (real) real.postMessage(message);
      else queue.push(message);
    };
    proxy.terminate = function () {
      if (real) real.terminate();
      queue = [];
    };
    if (released) start();
    else held.push(start);
    return proxy;
  }

  var nativeOpen = XMLHttpRequest.prototype.open;
  var nativeSend = XMLHttpRequest.prototype.send;
  var released = false;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.bokvarHeld = /\/search(\/search_index)?\.json(\?|$)/.test(String(url));
    return nativeOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (!xhr.bokvarHeld || released) return nativeSend.apply(xhr, args);
    held.push(function () {
      nativeSend.apply(xhr, args);
    });
  };

  window.Worker = function (url, options) {
    return /\/workers\/search\.[^/]*\.js$/.test(String(url))
      ? DeferredSearchWorker(url, options)
      : new NativeWorker(url, options);
  };
  window.Worker.prototype = NativeWorker.prototype;
  function wantsSearch(target) {
    // Zensical draws its search panel in a shadow root on a host appended to <body>.
    return (target.closest && target.closest("[data-md-component=search]")) || target.shadowRoot;
  }
  document.addEventListener("focusin", function (event) {
    if (wantsSearch(event.target)) engine.releaseSearch();
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".md-search__button, label[for=__search]"))
      engine.releaseSearch();
  });
  if (/[?&](h|q)=/.test(location.search)) setTimeout(engine.releaseSearch, 0);

  return engine;
})();
