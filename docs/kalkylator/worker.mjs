/*
 * Runs the calculator engine (the `calculator` wheel) in self-hosted Pyodide,
 * off the main thread, so the form works while Python loads.
 *
 * Protocol (all messages are plain objects):
 *   page → worker  {type: "init", wheelUrl, buildId}
 *                  {type: "calculate", id, request, kind}   request: JSON text;
 *                  kind "deadlines" asks calculator.deadlines_json, else calculate_json
 *   worker → page  {type: "progress", step: "python" | "engine"}
 *                  {type: "ready", timings}
 *                  {type: "failed", message}
 *                  {type: "result", id, response}     response: JSON text
 *
 * Why not `pyodide.loadPackage(wheelUrl)`: the wheel is fetched here in
 * parallel with Pyodide's own start-up and unpacked straight into
 * site-packages, which takes one round trip and Pyodide's package machinery out
 * of the critical path (same files, same network: the site itself only).
 */
import { loadPyodide } from "./pyodide/pyodide.mjs";

const started = performance.now();
const timings = { worker_origin: performance.timeOrigin };
let calculateJson = null;
let deadlinesJson = null;
let internalErrorJson = null; // the engine's own answer for a call that failed
const pending = [];

/* A memory snapshot of the started interpreter, kept in this browser's
   IndexedDB, makes later visits start in a fraction of the time: starting
   Pyodide is CPU work, so cached files alone save almost nothing (scripts/bench,
   "warm ready"). It is taken right after the engine is imported and before the
   worker answers any request, so it never holds a tenant's figures. It is keyed
   by the build id (wheel hash + Pyodide version, written into the page by the
   build hook): a new build never restores the old engine, and storing a
   snapshot removes every older one. The snapshot options are Pyodide's private
   API, acceptable only because Pyodide is pinned exactly; any failure falls back
   to a normal start. */
const SNAPSHOT_DB = "bokvar-kalkylator-snapshot";

function snapshotStore(mode, use) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(SNAPSHOT_DB, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore("snapshots");
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const transaction = db.transaction("snapshots", mode);
      const request = use(transaction.objectStore("snapshots"));
      transaction.oncomplete = () => {
        db.close();
        resolve(request.result);
      };
      transaction.onerror = transaction.onabort = () => {
        db.close();
        reject(transaction.error);
      };
    };
  });
}

function readSnapshot(buildId) {
  return snapshotStore("readonly", (store) => store.get(buildId)).catch(() => undefined);
}

function storeSnapshot(buildId, snapshot) {
  snapshotStore("readwrite", (store) => {
    store.clear();
    return store.put(snapshot, buildId);
  }).catch((error) => console.warn("No start-up snapshot stored:", error));
}

/* The build's own standard library: only the modules Pyodide's start-up and the
   engine import, precompiled (scripts/leanstdlib/build.py). A module missing
   from it makes loading fail here, and the page offers its retry message. */
function bootPython(snapshot) {
  const options = {
    indexURL: new URL("./pyodide/", import.meta.url).href,
    stdLibURL: new URL("./pyodide/bokvar-stdlib.zip", import.meta.url).href,
    stdout: () => {},
    stderr: (text) => console.warn(text),
  };
  return loadPyodide(
    snapshot ? { ...options, _loadSnapshot: snapshot } : { ...options, _makeSnapshot: true },
  );
}

async function startPython(buildId) {
  self.postMessage({ type: "progress", step: "python" });
  const snapshot = await readSnapshot(buildId);
  let pyodide = null;
  if (snapshot) {
    pyodide = await bootPython(snapshot).catch((error) => {
      console.warn("Start-up snapshot not usable, starting normally:", error);
      return null;
    });
  }
  timings.snapshot = pyodide ? 1 : 0;
  pyodide ??= await bootPython(null);
  timings.pyodide_ms = Math.round(performance.now() - started);
  self.postMessage({ type: "progress", step: "engine" });
  return pyodide;
}

let wheelPromise = null;

async function fetchWheel(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(`${response.status} ${url}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

async function start(buildId) {
  const [pyodide, wheel] = await Promise.all([startPython(buildId), wheelPromise]);
  const sitePackages = pyodide.runPython(
    "import sys; next(p for p in sys.path if p.endswith('site-packages'))",
  );
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
  timings.install_ms = Math.round(performance.now() - started);
  const calculator = pyodide.pyimport("calculator");
  calculateJson = calculator.calculate_json;
  deadlinesJson = calculator.deadlines_json;
  internalErrorJson = calculator.internal_error_json();
  if (!timings.snapshot) {
    try {
      storeSnapshot(buildId, pyodide.makeMemorySnapshot());
    } catch (error) {
      console.warn("No start-up snapshot made:", error);
    }
  }
  timings.ready_ms = Math.round(performance.now() - started);
  self.postMessage({ type: "ready", timings });
  for (const message of pending.splice(0)) {
    answer(message);
  }
  warmUp();
}

/* The first answer pays for the engine's lazy imports (exports, affordability).
   Pay it now, right after "ready", so the person's first answer is as quick as
   the next ones. The result is thrown away. */
function warmUp() {
  const request = {
    debt: "10 000",
    rent: "7 000",
    plan_by: "months",
    months: "12",
    start: "2030-01",
    interest_rate: "10",
    today: "2029-12-01",
    exports: true,
    household: { adults: "1", children_ages: "5", net_income: "25 000", other_costs: "" },
  };
  try {
    calculateJson(JSON.stringify(request));
  } catch (error) {
    console.warn("warm-up failed", error);
  }
}

function answer({ id, request, kind }) {
  let response;
  try {
    response = (kind === "deadlines" ? deadlinesJson : calculateJson)(request);
  } catch (error) {
    // The engine never raises by contract; this keeps a broken build readable.
    response = internalErrorJson;
    console.error(error);
  }
  self.postMessage({ type: "result", id, response });
}

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "init" && !wheelPromise) {
    wheelPromise = fetchWheel(new URL(message.wheelUrl, self.location).href);
    start(String(message.buildId)).catch((error) => {
      console.error(error);
      self.postMessage({ type: "failed", message: String(error && error.message ? error.message : error) });
    });
  } else if (message.type === "calculate") {
    if (calculateJson) {
      answer(message);
    } else {
      pending.push(message);
    }
  }
});
