// Injected by scripts/bench into every document before the page's own scripts.
// It records timestamps (performance.now(): ms since navigation start) so the
// figures come from the page's own clock, not from Python-side polling. It
// changes nothing the page does: the Worker wrapper only adds a listener.
(() => {
  if (window.__bench) return;
  const cfg = __BENCH_CONFIG__;
  const t = {};
  const stamp = (key, value) => {
    if (!(key in t)) t[key] = value === undefined ? performance.now() : value;
  };
  window.__bench = { t, cfg };
  document.addEventListener("input", () => stamp("firstInput"), true);
  // Time of the latest message from any worker the page starts: splits the
  // answer latency into engine time and rendering time.
  const NativeWorker = window.Worker;
  if (typeof NativeWorker === "function") {
    const Worker = function (...args) {
      const worker = new NativeWorker(...args);
      worker.addEventListener("message", (event) => {
        window.__bench.lastWorkerMessage = performance.now();
        window.__bench.lastEngineMs = event.data && event.data.engine_ms;
      });
      return worker;
    };
    Worker.prototype = NativeWorker.prototype;
    window.Worker = Worker;
  }
  document.addEventListener("DOMContentLoaded", () => stamp("domContentLoaded"));
  addEventListener("load", () => stamp("load"));

  const ready = cfg.ready || { marks: [], selectors: [], text: null };
  const failed = cfg.failed || { selectors: [] };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (ready.marks.includes(entry.name)) {
          stamp("ready", entry.startTime);
          stamp("readySignal", "mark " + entry.name);
          if (entry.detail) stamp("readyDetail", entry.detail);
        }
      }
    }).observe({ type: "mark", buffered: true });
  } catch (error) {
    stamp("probeError", String(error));
  }
  const pattern = ready.text ? new RegExp(ready.text.pattern) : null;
  const check = () => {
    if ("ready" in t || "failed" in t) return;
    for (const selector of ready.selectors) {
      if (document.querySelector(selector)) {
        stamp("ready");
        stamp("readySignal", "selector " + selector);
        return;
      }
    }
    if (pattern) {
      for (const el of document.querySelectorAll(ready.text.selector)) {
        if (pattern.test(el.textContent)) {
          stamp("ready");
          stamp("readySignal", "text " + el.textContent.trim().slice(0, 60));
          return;
        }
      }
    }
    for (const selector of failed.selectors) {
      const el = document.querySelector(selector);
      if (el) stamp("failed", (el.textContent || selector).trim().slice(0, 200));
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
})();
