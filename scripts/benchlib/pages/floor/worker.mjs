// Module worker of the Pyodide floor page: load the site's own Pyodide core and
// standard library (no wheel, no packages) and run one line, so scripts/bench can
// tell how much of the calculator's start-up is Pyodide itself and how much is ours.
import { loadPyodide } from "../../kalkylator/pyodide/pyodide.mjs";

const started = performance.now();
try {
  const pyodide = await loadPyodide({
    indexURL: new URL("../../kalkylator/pyodide/", import.meta.url).href,
    stdLibURL: new URL("../../kalkylator/pyodide/bokvar-stdlib.zip", import.meta.url).href,
  });
  const result = pyodide.runPython("1 + 1");
  postMessage({ type: "ready", result, loadMs: performance.now() - started });
} catch (error) {
  postMessage({ type: "error", message: String(error) });
}
