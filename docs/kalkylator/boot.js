/* Inlined at the top of <head> of the engine's pages only (kalkylator/ and
   kalkylator/frister/), by scripts/postbuild (build_steps/calculator_assets.py),
   which also fills in the wheel's file name and the build id (the key of the
   worker's start-up snapshot).
   kalkylator.js starts the engine's worker right after the first frame:
   started earlier, in <head>, Pyodide's CPU work delayed the form by about half
   on a 2-core machine (scripts/bench, "form usable"), and ready came no sooner.

   Material's site search downloads and indexes the whole site in a worker as
   soon as a page loads. Here that competes with Pyodide for the CPU and adds
   ~75 KB to the page, so on this page the index request and the search worker
   start only when someone moves to the search box (or arrives from a search
   result, ?h=…). Until then both wait in a queue; the theme notices nothing but
   a later start. */
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
        proxy.dispatchEvent(new MessageEvent("message", { data: event.data }));
      };
      real.onerror = function (event) {
        proxy.dispatchEvent(new ErrorEvent("error", { message: event.message }));
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
    held.push(start);
    return proxy;
  }

  var nativeOpen = XMLHttpRequest.prototype.open;
  var nativeSend = XMLHttpRequest.prototype.send;
  var released = false;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.bokvarHeld = /\/search\/search_index\.json(\?|$)/.test(String(url));
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
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("[data-md-component=search]")) engine.releaseSearch();
  });
  if (/[?&](h|q)=/.test(location.search)) setTimeout(engine.releaseSearch, 0);

  return engine;
})();
