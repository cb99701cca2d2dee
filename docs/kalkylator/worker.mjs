/*
 * Runs the calculator engine (the `calculator` wheel) in self-hosted Pyodide,
 * off the main thread, so the form works while Python loads.
 *
 * Protocol (all messages are plain objects):
 *   page → worker  {type: "init", wheelUrl}
 *                  {type: "calculate", id, request}   request: JSON text
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
const pending = [];

self.postMessage({ type: "progress", step: "python" });

const pyodidePromise = loadPyodide({
  indexURL: new URL("./pyodide/", import.meta.url).href,
  stdout: () => {},
  stderr: (text) => console.warn(text),
}).then((pyodide) => {
  timings.pyodide_ms = Math.round(performance.now() - started);
  self.postMessage({ type: "progress", step: "engine" });
  return pyodide;
});

let wheelPromise = null;

async function fetchWheel(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(`${response.status} ${url}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

async function start() {
  const [pyodide, wheel] = await Promise.all([pyodidePromise, wheelPromise]);
  const sitePackages = pyodide.runPython(
    "import sys; next(p for p in sys.path if p.endswith('site-packages'))",
  );
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
  timings.install_ms = Math.round(performance.now() - started);
  const calculator = pyodide.pyimport("calculator");
  calculateJson = calculator.calculate_json;
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
    debt: "10 000", rent: "7 000", plan_by: "months", months: "12", start: "2030-01",
    interest_rate: "10", today: "2029-12-01", exports: true,
    household: { adults: "1", children_ages: "5", net_income: "25 000", other_costs: "" },
  };
  try {
    calculateJson(JSON.stringify(request));
  } catch (error) {
    console.warn("warm-up failed", error);
  }
}

function answer({ id, request }) {
  let response;
  try {
    response = calculateJson(request);
  } catch (error) {
    // The engine never raises by contract; this keeps a broken build readable.
    response = JSON.stringify({
      ok: false,
      errors: [{ field: "", code: "internal", message: "Något gick fel i kalkylatorn. Ladda om sidan och försök igen." }],
      warnings: [],
      summary: "",
      plan: null,
      affordability: null,
    });
    console.error(error);
  }
  self.postMessage({ type: "result", id, response });
}

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message.type === "init" && !wheelPromise) {
    wheelPromise = fetchWheel(new URL(message.wheelUrl, self.location).href);
    start().catch((error) => {
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
