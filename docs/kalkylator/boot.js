/* Inlined at the top of <head> of the engine's pages only (kalkylator/,
   kalkylator/frister/ and en/calculator/: ENGINE_PAGES in
   build_steps/calculator_assets.py), by scripts/postbuild,
   which also fills in the wheel's file name, the build id (the key of the
   worker's start-up snapshot) and the worker's address relative to the page.

   The engine's worker starts here, at the top of <head>: started after the
   page's first frame, it requested its script ~480 ms after navigation
   (scripts/bench, "ready" profile). It then works in three steps (worker.mjs
   says why): "init" now, "download" once the page is parsed, "go" (Python's
   CPU work) once the page has loaded, which engine.take schedules. Until the
   page's script takes the worker, its messages wait in a list, so none is
   lost.

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
  var engine = {
    wheelUrl: "bokvar:wheel-file",
    buildId: "bokvar:build-id",
    workerUrl: "bokvar:worker-url",
    worker: null,
    early: [],
  };

  function newWorker() {
    return new NativeWorker(new URL(engine.workerUrl, location.href), { type: "module" });
  }

  function init(worker) {
    // local: this page's service worker serves the files, so downloads take no connection.
    var local = !!(navigator.serviceWorker && navigator.serviceWorker.controller);
    worker.postMessage({ type: "init", wheelUrl: engine.wheelUrl, buildId: engine.buildId, local: local });
  }

  /* Start the engine's worker; its messages and errors wait in engine.early. */
  function startEngine() {
    try {
      var worker = newWorker();
    } catch (error) {
      return; // engine.take starts it again, and the page reports a failure
    }
    worker.onmessage = worker.onerror = function (event) {
      if (event.type === "error") event.preventDefault();
      engine.early.push(event);
    };
    init(worker);
    document.addEventListener("DOMContentLoaded", function () {
      worker.postMessage({ type: "download" });
    });
    engine.worker = worker;
  }

  /* The page's script takes the early worker: handlers are set and the waiting
     messages replayed in their order. Without one (the page's retry, or an
     early start that threw) it starts a new worker and sends every step at once. */
  engine.take = function (onMessage, onError) {
    var worker = engine.worker;
    engine.worker = null;
    if (!worker) {
      worker = newWorker();
      worker.onmessage = onMessage;
      worker.onerror = onError;
      init(worker);
      worker.postMessage({ type: "download" });
      worker.postMessage({ type: "go" });
      return worker;
    }
    worker.onmessage = onMessage;
    worker.onerror = onError;
    var waiting = engine.early.splice(0);
    for (var i = 0; i < waiting.length; i++) {
      if (waiting[i].type === "error") onError(waiting[i]);
      else onMessage(waiting[i]);
    }
    // Python's start-up (CPU) only once the page has loaded; the downloads run already.
    function go() {
      setTimeout(function () {
        performance.mark("bokvar:engine-go"); // for tests and scripts/bench
        worker.postMessage({ type: "go" });
      }, 0);
    }
    if (document.readyState === "complete") go();
    else window.addEventListener("load", go);
    return worker;
  };

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

  startEngine();
  return engine;
})();
