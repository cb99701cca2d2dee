#!/usr/bin/env node
/*
 * Compile the traced standard-library modules and the engine wheel to .pyc
 * inside the pinned Pyodide itself (scripts/leanstdlib/compile.py says why).
 *
 *   node scripts/leanstdlib/compile.mjs TRACED.json WHEEL OUT_DIR
 *
 * Writes OUT_DIR/bokvar-stdlib.zip and OUT_DIR/<wheel name with the cp314 tag>.
 * Called by scripts/leanstdlib/build.py; not meant to be run by hand.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const [tracedPath, wheelPath, outDir] = process.argv.slice(2);
if (!outDir) throw new Error("usage: compile.mjs TRACED.json WHEEL OUT_DIR");

const traced = JSON.parse(readFileSync(tracedPath, "utf8"));
const { loadPyodide } = await import(join(ROOT, "node_modules", "pyodide", "pyodide.mjs"));
// PYTHONNODEBUGRANGES: code objects keep line numbers but not the column ranges that draw
// ^^^ under an error (compile.py says why).
const pyodide = await loadPyodide({
  indexURL: join(ROOT, "node_modules", "pyodide") + "/",
  env: { PYTHONNODEBUGRANGES: "1" },
});
if (pyodide.version !== traced.pyodide) {
  throw new Error(`traced with Pyodide ${traced.pyodide}, compiling with ${pyodide.version}`);
}
const wheelName = basename(wheelPath).replace(/-py3-none-any\.whl$/, "-cp314-none-any.whl");
pyodide.FS.mkdirTree("/bokvar-tools");
pyodide.FS.writeFile("/bokvar-tools/bokvar_compile.py", readFileSync(join(HERE, "compile.py")));
pyodide.FS.writeFile("/bokvar-tools/input.whl", readFileSync(wheelPath));
pyodide.globals.set("members", pyodide.toPy(Object.keys(traced.members)));
const [modules, engine] = pyodide
  .runPython(
    `
import sys
sys.path.insert(0, "/bokvar-tools")
import bokvar_compile
stdlib = bokvar_compile.build_stdlib("/lib/python314.zip", list(members), "/bokvar-tools/stdlib.zip", "/lib/python314.zip/")
wheel = bokvar_compile.build_wheel("/bokvar-tools/input.whl", "/bokvar-tools/output.whl")
(stdlib, wheel)
`,
  )
  .toJs();
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "bokvar-stdlib.zip"), pyodide.FS.readFile("/bokvar-tools/stdlib.zip"));
writeFileSync(join(outDir, wheelName), pyodide.FS.readFile("/bokvar-tools/output.whl"));
process.stdout.write(
  `[leanstdlib] ${modules} standard-library modules and ${engine} engine modules compiled\n`,
);
