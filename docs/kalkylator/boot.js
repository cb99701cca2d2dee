/* Start the calculator engine first thing in <head>: Pyodide needs seconds, and
   nothing else on the page (stylesheets, the theme's scripts) has to wait for it,
   nor it for them. hooks/calculator_assets.py inlines this file into the
   calculator page only; kalkylator.js takes the worker over and replays the
   messages kept here.

   Material's site search downloads and indexes the whole site in a worker as
   soon as a page loads. Here that competes with Pyodide for the CPU and adds
   ~75 KB to the page, so on this page the index request and the search worker
   start only when someone moves to the search box (or arrives from a search
   result, ?h=…). Until then both wait in a queue; the theme notices nothing but
   a later start. */
var bokvarEngine = (function () {
  var NativeWorker = window.Worker;
  var held = [];
  var engine = { wheelUrl: "bokvar:wheel-file", early: [], worker: null };

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

  engine.worker = new NativeWorker("worker.mjs", { type: "module" });
  engine.worker.onmessage = engine.worker.onerror = function (event) {
    engine.early.push(event);
  };
  engine.worker.postMessage({ type: "init", wheelUrl: engine.wheelUrl });
  return engine;
})();
