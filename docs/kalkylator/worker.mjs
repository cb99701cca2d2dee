/*
 * Runs the calculator engine (the `calculator` wheel) in self-hosted Pyodide,
 * off the main thread, so the form works while Python loads.
 *
 * Protocol (all messages are plain objects):
 *   page → worker  {type: "init", wheelUrl, buildId, local}  read the start-up snapshot, if
 *                                   any; local: the page's service worker serves the files
 *                  {type: "download"}   fetch Pyodide's files and the wheel into memory
 *                  {type: "go"}         start Python (CPU work) and the engine
 *                  {type: "calculate", id, request, kind}   request: JSON text;
 *                  kind "deadlines" asks calculator.deadlines_json, else calculate_json
 *   worker → page  {type: "progress", step: "python" | "engine"}
 *                  {type: "ready", timings}
 *                  {type: "idle"}   the warm-up is done and the snapshot stored
 *                  {type: "failed", message}
 *                  {type: "result", id, response, engine_ms}   response: JSON text
 *
 * Why not `pyodide.loadPackage(wheelUrl)`: the wheel is fetched here in
 * parallel with Pyodide's own start-up and put on sys.path as it is (see
 * start()), which takes one round trip and Pyodide's package machinery out of
 * the critical path (same files, same network: the site itself only).
 *
 * Why three steps: boot.js starts this worker at the top of the page's <head>,
 * so nothing waits for the page's own script. It sends "init" at once (the
 * snapshot is read from this browser's own storage), "download" when the page
 * is parsed (earlier, four large downloads held connections the page's own
 * styles and scripts needed; Pyodide's 0.2 MB script comes with them, since
 * compiling it earlier made the form usable 1.23–1.30 times later than a guide
 * page's search box against 1.08–1.11 times, 15 paired runs each) and "go"
 * once the page has loaded; Python then starts when every file is here.
 * Compiling the wasm and starting Python use every core for a while: begun
 * before the first frame they made the form usable about 1.8 times later than
 * a guide page's search box on a 2-core machine (scripts/bench, "form
 * usable"), and begun at the load event while the wasm still streamed in,
 * 1.44 times.
 * A second visit skips both waits: with a snapshot, Python starts as soon as
 * the snapshot is read, and when the page's service worker serves the files
 * ("local") they download at once. Its page comes from the cache and paints at
 * once, so the waits would only delay it.
 * A page that starts the worker itself (retry) sends all three at once.
 */
import { loadPyodide } from "./pyodide/pyodide.mjs";
import { readSnapshot, storeSnapshot } from "./snapshot.mjs";

const started = performance.now();
const timings = { worker_origin: performance.timeOrigin };
let calculateJson = null;
let deadlinesJson = null;
let internalErrorJson = null; // the engine's own answer for a call that failed
const pending = [];

/* A memory snapshot of the started interpreter, kept in the browser's private
   file system for this site (OPFS), makes later visits start in a fraction of
   the time: starting Pyodide is CPU work, so cached files alone save almost
   nothing (scripts/bench, "warm ready"). It is taken right after the engine is
   imported and before the worker answers any request, so it never holds a
   tenant's figures. It is keyed by the build id (hash of the wheel, the
   standard library and this script + Pyodide version, written into the page by
   the build): a new build never restores the old engine or an interpreter set
   up by an older worker, and storing a snapshot removes every older one. The snapshot options are Pyodide's private API, acceptable
   only because Pyodide is pinned exactly; any failure falls back to a normal
   start. Storage: snapshot.mjs. */
const INDEX_URL = new URL("./pyodide/", import.meta.url).href;
/* The build's own standard library: only the modules Pyodide's start-up and the
   engine import, precompiled (scripts/leanstdlib/build.py). A module missing
   from it makes loading fail here, and the page offers its retry message. */
const STDLIB_URL = new URL("bokvar-stdlib.zip", INDEX_URL).href;
// Where the engine's wheel lies in Pyodide's file system; tests/pyodide/run_engine_tests.mjs
// and scripts/benchlib/engine_node.mjs put it on the same path.
const WHEEL_PATH = "/lib/bokvar-calculator.whl";
// File → read whole into memory even on a second visit (see download()).
const PREFETCHED = { "pyodide.asm.wasm": false, "bokvar-stdlib.zip": true, "pyodide-lock.json": true };

/* Downloads started on "download" and handed to Pyodide when it asks for them.
   Pyodide fetches its files itself, by URL; this worker's fetch gives it the
   request already under way instead of a second one. The standard library and
   the lock file are read whole into memory, since Pyodide reads them whole
   anyway. So is the wasm on a first visit, because Python starts only once
   every file is here (see start()). On a second visit the wasm stays a live
   response from the service worker's cache, which the browser may compile as
   it streams and keep compiled code for (a response made from bytes in memory
   gets neither). A download that failed is tried again by Pyodide's own
   request, whose error the page reports. */
const nativeFetch = self.fetch.bind(self);
const downloads = new Map();

function download(url, { whole }) {
  // Low priority: the page's own fonts and images, still loading, go first.
  const response = nativeFetch(url, { credentials: "same-origin", priority: "low" });
  const ready = whole
    ? response.then(async (got) =>
        got.ok ? new Response(await got.arrayBuffer(), { status: got.status, headers: got.headers }) : null,
      )
    : response.then((got) => (got.ok ? got : null));
  downloads.set(
    url,
    ready.catch(() => null),
  );
}

self.fetch = async (input, init) => {
  const url = typeof input === "string" || input instanceof URL ? String(input) : input.url;
  const early = downloads.get(url);
  downloads.delete(url);
  return (early && (await early)) || nativeFetch(input, init);
};

function bootPython(snapshot, pyodideModule) {
  const options = {
    indexURL: INDEX_URL,
    stdLibURL: STDLIB_URL,
    createPyodideModule: pyodideModule.default,
    stdout: () => {},
    stderr: (text) => console.warn(text),
  };
  return loadPyodide(
    snapshot ? { ...options, _loadSnapshot: snapshot } : { ...options, _makeSnapshot: true },
  );
}

/** A promise that the page's message `type` resolves ("download", "go"). */
const signals = {};
function signal(type) {
  return new Promise((resolve) => {
    signals[type] = resolve;
  });
}
const downloadAllowed = signal("download");
const goAllowed = signal("go");

const since = () => Math.round(performance.now() - started);
const stamp = (name) => (value) => {
  timings[name] = since();
  return value;
};

async function startPython(pyodideScript, snapshotRead) {
  self.postMessage({ type: "progress", step: "python" });
  const pyodideModule = await pyodideScript;
  const snapshot = await snapshotRead;
  let pyodide = null;
  if (snapshot) {
    pyodide = await bootPython(snapshot, pyodideModule).catch((error) => {
      console.warn("Start-up snapshot not usable, starting normally:", error);
      return null;
    });
  }
  timings.snapshot = pyodide ? 1 : 0;
  pyodide ??= await bootPython(null, pyodideModule);
  timings.pyodide_ms = since();
  self.postMessage({ type: "progress", step: "engine" });
  return pyodide;
}

async function fetchWheel(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(`${response.status} ${url}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/* Resolves when `allowed` does, or at once when there is a snapshot: a second visit has
   its files in this browser (the service worker's cache), and its page paints at once
   from there, so the steps that protect a first visit's page would only delay it. */
function unlessSnapshot(snapshotRead, allowed) {
  return Promise.race([allowed, snapshotRead.then((snapshot) => (snapshot ? true : allowed))]);
}

async function start(buildId, wheelUrl, local) {
  const snapshotRead = readSnapshot(buildId).then(stamp("snapshot_read_ms"));
  // Pyodide's JavaScript half (0.2 MB, 1.2 MB to compile): loadPyodide would import the
  // same file only later. A first visit imports it with the downloads, once the page is
  // parsed: compiled earlier, it competed with the page's own first frame.
  const pyodideScript = unlessSnapshot(snapshotRead, local ? true : downloadAllowed)
    .then(() => import("./pyodide/pyodide.asm.mjs"))
    .then(stamp("script_ms"));
  pyodideScript.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  if (!local) await unlessSnapshot(snapshotRead, downloadAllowed);
  timings.download_ms = since();
  // A first visit reads every file whole before Python starts (see "go" below).
  for (const [name, whole] of Object.entries(PREFETCHED))
    download(new URL(name, INDEX_URL).href, { whole: whole || !local });
  const wheelRead = fetchWheel(wheelUrl);
  wheelRead.catch(() => {});
  // A first visit starts Python once the page has loaded and every file is here: compiling
  // while the wasm streamed in still competed with the page's first input on 2 cores.
  await unlessSnapshot(
    snapshotRead,
    goAllowed.then(() => Promise.all(downloads.values())),
  );
  timings.go_ms = since();
  const [pyodide, wheel] = await Promise.all([startPython(pyodideScript, snapshotRead), wheelRead]);
  // The wheel is a zip of precompiled modules, so Python imports from it where it lies
  // (zipimport), as from the standard library's zip: one file written instead of some 45
  // unpacked (20 → 1–2 ms in Pyodide under Node.js). A restored snapshot already has the
  // path in sys.path, and the zip's index in memory; the build id keys both to this wheel.
  pyodide.FS.writeFile(WHEEL_PATH, wheel);
  if (!timings.snapshot) pyodide.runPython(`import sys; sys.path.append(${JSON.stringify(WHEEL_PATH)})`);
  timings.install_ms = since();
  const calculator = pyodide.pyimport("calculator");
  calculateJson = calculator.calculate_json;
  deadlinesJson = calculator.deadlines_json;
  internalErrorJson = calculator.internal_error_json();
  timings.ready_ms = since();
  self.postMessage({ type: "ready", timings });
  // Made before the first answer, so it holds no figures: this task goes on until the
  // copy is made, and a request the page sends after "ready" waits for the next task.
  // "ready" goes first because the copy (about 20 ms) need not delay the page's status.
  // makeMemorySnapshot copies the memory, so packing and storing it can wait until the
  // page has its first answers.
  let snapshot = null;
  if (!timings.snapshot) {
    try {
      snapshot = pyodide.makeMemorySnapshot();
    } catch (error) {
      console.warn("No start-up snapshot made:", error);
    }
  }
  for (const message of pending.splice(0)) {
    answer(message);
  }
  await warmUp();
  if (snapshot) await storeSnapshot(buildId, snapshot);
  // Start-up work is done: for tests and scripts/bench, whose first answer stands for a
  // person's, who needs longer than this to fill in the form.
  self.postMessage({ type: "idle" });
}

/* The first answer pays for the engine's lazy imports (exports, affordability)
   and runs on the browser's first, slower compilation of Python's wasm until
   the busiest functions are optimised. Pay for both now, right after "ready",
   with a plan as long as the longest a person asks for (120 months), so the
   person's first answer is nearly as quick as the next ones. One round took
   the engine's first answer from 46 to 37 ms (12 months → 120); the browser
   optimises a function only after it has run for a while, and in Pyodide
   under Node.js the third round was 43 % quicker than the first, so there are
   three. Each round is one task, so a person's request never waits for more
   than one. The results are thrown away. */
const WARM_UP_ROUNDS = 3;

function warmUp() {
  const request = JSON.stringify({
    debt: "10 000",
    rent: "7 000",
    plan_by: "months",
    months: "120",
    start: "2030-01",
    interest_rate: "10",
    today: "2029-12-01",
    exports: true,
    household: { adults: "1", children_ages: "5", net_income: "25 000", other_costs: "" },
  });
  return new Promise((resolve) => {
    let round = 0;
    const once = () => {
      try {
        calculateJson(request);
      } catch (error) {
        console.warn("warm-up failed", error);
        resolve();
        return;
      }
      if (++round < WARM_UP_ROUNDS) setTimeout(once, 0);
      else resolve();
    };
    once();
  });
}

function answer({ id, request, kind }) {
  const begun = performance.now();
  let response;
  try {
    response = (kind === "deadlines" ? deadlinesJson : calculateJson)(request);
  } catch (error) {
    // The engine never raises by contract; this keeps a broken build readable.
    response = internalErrorJson;
    console.error(error);
  }
  // engine_ms: the engine's own time, for scripts/bench's answer profile.
  self.postMessage({ type: "result", id, response, engine_ms: Math.round(performance.now() - begun) });
}

let initialised = false;

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "init" && !initialised) {
    initialised = true;
    const wheelUrl = new URL(message.wheelUrl, self.location).href;
    start(String(message.buildId), wheelUrl, message.local === true).catch((error) => {
      console.error(error);
      self.postMessage({ type: "failed", message: String(error && error.message ? error.message : error) });
    });
  } else if (message.type in signals) {
    signals[message.type]();
  } else if (message.type === "calculate") {
    if (calculateJson) {
      answer(message);
    } else {
      pending.push(message);
    }
  }
});
