// Module worker of the stock floor page: the unmodified npm Pyodide core, with its
// own standard library and lock file, started with no options but indexURL (as its
// README shows), running one line. scripts/benchlib/serve.py copies the core to
// /bench/stock-pyodide/ and compresses it like the site.
import { loadPyodide } from "../stock-pyodide/pyodide.mjs";

const started = performance.now();
try {
  const pyodide = await loadPyodide({
    indexURL: new URL("../stock-pyodide/", import.meta.url).href,
  });
  const result = pyodide.runPython("1 + 1");
  postMessage({ type: "ready", result, loadMs: performance.now() - started });
} catch (error) {
  postMessage({ type: "error", message: String(error) });
}
