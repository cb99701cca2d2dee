// Engine timing inside real Pyodide in Node.js (the core and standard library the
// site ships): how long Pyodide takes to start, to load the calculator wheel, to
// import the package, and to answer the 120-month request (first call and steady
// state). The wheel is loaded as docs/kalkylator/worker.mjs does: written to the
// same path and put on sys.path as it is (zipimport), no package machinery.
// Usage: node engine_node.mjs <site's pyodide dir> <wheel file> <request json> <calls>
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheel, requestJson, callsText] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const calls = Number(callsText || 20);
const t0 = performance.now();
const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  stdLibURL: path.join(pyodideDir, "bokvar-stdlib.zip"),
});
const t1 = performance.now();
const WHEEL_PATH = "/lib/bokvar-calculator.whl"; // as in docs/kalkylator/worker.mjs
pyodide.FS.writeFile(WHEEL_PATH, new Uint8Array(readFileSync(wheel)));
pyodide.runPython(`import sys; sys.path.append(${JSON.stringify(WHEEL_PATH)})`);
const t2 = performance.now();
const calculator = pyodide.pyimport("calculator");
const t3 = performance.now();
const modules = pyodide.runPython("import sys; len(sys.modules)");
const times = [];
let answer = "";
for (let i = 0; i < calls; i += 1) {
  const start = performance.now();
  answer = calculator.calculate_json(requestJson);
  times.push(performance.now() - start);
}
const parsed = JSON.parse(answer);
console.log(
  JSON.stringify({
    load_pyodide_ms: t1 - t0,
    load_wheel_ms: t2 - t1,
    import_ms: t3 - t2,
    modules_after_import: modules,
    first_call_ms: times[0],
    calls_ms: times.slice(1),
    ok: parsed.ok,
    rows: parsed.plan ? parsed.plan.rows.length : 0,
    errors: parsed.errors,
  }),
);
