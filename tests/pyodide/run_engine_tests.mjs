#!/usr/bin/env node
/*
 * Run the engine's own test suite inside real Pyodide (the same npm build the
 * site ships), against the INSTALLED calculator wheel, so the browser
 * demonstrably runs code that passed the tests.
 *
 *   node tests/pyodide/run_engine_tests.mjs [extra pytest args]
 *
 * Steps: make sure build/wheel/*.whl is current (the mkdocs hook's own
 * build_wheel, a no-op when nothing changed); fetch pure-Python wheels of
 * pytest, Hypothesis and their dependencies into build/pyodide-wheels (pip,
 * once; a fresh clone needs PyPI for this step only); load Pyodide from
 * node_modules with no network; put the calculator wheel on sys.path exactly
 * as the page's worker does (the same path, imported in place) and unpack the
 * test tools' wheels into site-packages; copy the engine tests (tests/*.py and
 * tests/examples/, not the browser or site tests) and pyproject.toml (pytest
 * settings) into Pyodide's file system, without the calculator source tree;
 * run pytest there and exit non-zero on any failure or if no test ran.
 *
 * Versions are read from requirements.txt, so Pyodide runs the same pytest and
 * Hypothesis as CPython. Hypothesis is pinned to 6.155.7 there on purpose: the
 * newer 6.170.x wheels carry a compiled Rust extension (hypothesis._native)
 * with no WebAssembly build, so they cannot run in Pyodide.
 *
 * Two modes:
 *   (default)             the files the site ships: Pyodide core, trimmed
 *                         precompiled standard library and precompiled wheel
 *                         from site/kalkylator/ (run scripts/build first). The
 *                         test tools (pytest, Hypothesis) need standard-library
 *                         modules the site does not ship, so the stock zip is
 *                         put LAST on sys.path for them; after the suite, any
 *                         module the engine or start-up reached from that stock
 *                         zip fails the run (scripts/leanstdlib/trace.py).
 *   --trace OUT [--wheel W]  stock Pyodide from node_modules and the plain
 *                         wheel W (default: build/wheel): record what start-up
 *                         and the engine import and write it to OUT as JSON.
 *                         scripts/leanstdlib/build.py runs this at build time.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = join(ROOT, ".venv", "bin", "python");
const WHEELS = join(ROOT, "build", "pyodide-wheels");
const TEST_PACKAGES = [
  "pytest",
  "iniconfig",
  "packaging",
  "pluggy",
  "Pygments",
  "hypothesis",
  "sortedcontainers",
];
// Engine tests that cannot run in Pyodide, with the reason. None so far.
const EXCLUDED = {};
const SITE_PAGE = join(ROOT, "site", "kalkylator");
const STOCK = join(ROOT, "node_modules", "pyodide");
const SHIPPED_STDLIB = "bokvar-stdlib.zip"; // name also in scripts/leanstdlib/build.py and worker.mjs
const HARNESS_STDLIB = "/lib/harness-stdlib.zip/";
const WHEEL_PATH = "/lib/bokvar-calculator.whl"; // as in docs/kalkylator/worker.mjs
const SKIP_DIRS = new Set([
  "browser",
  "pyodide",
  "site",
  "steps",
  "__pycache__",
  ".hypothesis",
  ".pytest_cache",
]);

function log(message) {
  process.stdout.write(`[pyodide-tests] ${message}\n`);
}

function pins() {
  const wanted = {};
  for (const line of readFileSync(join(ROOT, "requirements.txt"), "utf8").split("\n")) {
    const match = line.trim().match(/^([A-Za-z0-9_.-]+)==([^\s;#]+)/);
    if (match) wanted[match[1].toLowerCase()] = match[2];
  }
  return TEST_PACKAGES.map((name) => {
    const version = wanted[name.toLowerCase()];
    if (!version) throw new Error(`requirements.txt does not pin ${name}`);
    return `${name}==${version}`;
  });
}

function wheelFor(requirement, files) {
  const [name, version] = requirement.split("==");
  const prefix = `${name.toLowerCase().replace(/[-_.]+/g, "_")}-${version}-`;
  return files.find((file) => file.toLowerCase().startsWith(prefix) && file.endsWith(".whl"));
}

function fetchTestWheels() {
  const requirements = pins();
  mkdirSync(WHEELS, { recursive: true });
  let files = readdirSync(WHEELS);
  const missing = requirements.filter((req) => !wheelFor(req, files));
  if (missing.length) {
    log(`downloading pure-Python wheels: ${missing.join(" ")}`);
    execFileSync(
      PYTHON,
      [
        "-m",
        "pip",
        "download",
        "--quiet",
        "--disable-pip-version-check",
        "--only-binary=:all:",
        "--no-deps",
        "--python-version",
        "3.14",
        "--platform",
        "any",
        "-d",
        WHEELS,
        ...missing,
      ],
      { stdio: "inherit" },
    );
    files = readdirSync(WHEELS);
  }
  return requirements.map((req) => {
    const file = wheelFor(req, files);
    if (!file) throw new Error(`no pure-Python wheel for ${req} in ${WHEELS}`);
    return join(WHEELS, file);
  });
}

function calculatorWheel() {
  // The pre-build step's own function: the same wheel the site ships, rebuilt only if the engine changed.
  const code =
    "import sys; sys.path.insert(0, 'scripts'); from build_steps import calculator_assets as h; print(h.build_wheel())";
  return execFileSync(PYTHON, ["-c", code], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").at(-1);
}

function engineTestFiles(dir = join(ROOT, "tests"), found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) engineTestFiles(path, found);
    } else if (!name.endsWith(".pyc")) {
      found.push(path);
    }
  }
  return found;
}

function parseArgs(argv) {
  const options = { trace: null, wheel: null, pytest: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--trace") options.trace = argv[++i];
    else if (argv[i] === "--wheel") options.wheel = argv[++i];
    else options.pytest.push(argv[i]);
  }
  return options;
}

function shippedFiles() {
  const stdlib = join(SITE_PAGE, "pyodide", SHIPPED_STDLIB);
  const wheels = existsSync(SITE_PAGE) ? readdirSync(SITE_PAGE).filter((name) => name.endsWith(".whl")) : [];
  if (!existsSync(stdlib) || wheels.length !== 1) {
    throw new Error(`site/kalkylator/ lacks ${SHIPPED_STDLIB} or exactly one wheel: run scripts/build first`);
  }
  return { indexURL: join(SITE_PAGE, "pyodide") + "/", stdLibURL: stdlib, wheel: join(SITE_PAGE, wheels[0]) };
}

async function startPyodide(files, env) {
  const { loadPyodide } = await import(join(files.indexURL, "pyodide.mjs"));
  const options = {
    indexURL: files.indexURL,
    env,
    stdout: (line) => process.stdout.write(line + "\n"),
    stderr: (line) => process.stderr.write(line + "\n"),
  };
  return loadPyodide(files.stdLibURL ? { ...options, stdLibURL: files.stdLibURL } : options);
}

async function main() {
  const started = performance.now();
  const options = parseArgs(process.argv.slice(2));
  const files = options.trace
    ? { indexURL: STOCK + "/", stdLibURL: null, wheel: options.wheel ?? calculatorWheel() }
    : shippedFiles();
  const wheel = files.wheel;
  const testWheels = fetchTestWheels();
  const env = { HOME: "/home/pyodide" };
  for (const name of ["HYPOTHESIS_PROFILE", "CI"]) {
    if (process.env[name]) env[name] = process.env[name];
  }
  const pyodide = await startPyodide(files, env);
  pyodide.FS.mkdirTree("/bokvar-tools");
  pyodide.FS.writeFile(
    "/bokvar-tools/bokvar_trace.py",
    readFileSync(join(ROOT, "scripts", "leanstdlib", "trace.py")),
  );
  pyodide.runPython(
    "import sys; sys.path.insert(0, '/bokvar-tools'); import bokvar_trace; sys.path.pop(0); bokvar_trace.install()",
  );
  if (!options.trace) {
    // The test tools' own standard-library needs, strictly after the shipped zip.
    pyodide.FS.writeFile(HARNESS_STDLIB.slice(0, -1), readFileSync(join(STOCK, "python_stdlib.zip")));
    pyodide.runPython(
      `import bokvar_trace; bokvar_trace.add_fallback(${JSON.stringify(HARNESS_STDLIB.slice(0, -1))})`,
    );
  }
  log(
    `${options.trace ? "tracing with stock Pyodide" : "testing the shipped files in " + relative(ROOT, SITE_PAGE)}`,
  );
  // Raw writes keep pytest's progress dots on one line.
  pyodide.setStdout({
    write: (bytes) => {
      process.stdout.write(bytes);
      return bytes.length;
    },
  });
  pyodide.setStderr({
    write: (bytes) => {
      process.stderr.write(bytes);
      return bytes.length;
    },
  });
  log(
    `Pyodide ${pyodide.version} (Python ${pyodide.runPython("import sys; sys.version.split()[0]")}) loaded`,
  );

  const sitePackages = pyodide.runPython(
    "import sys; next(p for p in sys.path if p.endswith('site-packages'))",
  );
  for (const path of testWheels) {
    pyodide.unpackArchive(new Uint8Array(readFileSync(path)), "wheel", { extractDir: sitePackages });
  }
  pyodide.FS.writeFile(WHEEL_PATH, new Uint8Array(readFileSync(wheel)));
  pyodide.runPython(`import sys; sys.path.append(${JSON.stringify(WHEEL_PATH)})`);

  const work = "/home/pyodide/bokvar";
  pyodide.FS.mkdirTree(work);
  pyodide.FS.writeFile(`${work}/pyproject.toml`, readFileSync(join(ROOT, "pyproject.toml")));
  const testFiles = engineTestFiles();
  for (const path of testFiles) {
    const target = `${work}/${relative(ROOT, path)}`;
    pyodide.FS.mkdirTree(dirname(target));
    pyodide.FS.writeFile(target, readFileSync(path));
  }
  const modules = testFiles
    .map((path) => relative(ROOT, path))
    .filter((path) => /^tests\/test_[^/]+\.py$/.test(path))
    .filter((path) => !(path in EXCLUDED))
    .sort();
  if (!modules.length) throw new Error("no engine tests (tests/test_*.py) found");
  for (const [path, reason] of Object.entries(EXCLUDED)) log(`excluded ${path}: ${reason}`);

  pyodide.globals.set("bokvar_work", work);
  pyodide.globals.set(
    "bokvar_args",
    pyodide.toPy([...modules, "-p", "no:cacheprovider", "-q", ...options.pytest]),
  );
  const outcome = pyodide
    .runPython(
      `
import os, sys
sys.dont_write_bytecode = True
os.chdir(bokvar_work)
import calculator
# The suite must exercise the shipped wheel where the worker puts it, never a source tree.
assert calculator.__file__.startswith(${JSON.stringify(WHEEL_PATH + "/")}), calculator.__file__
print(f"[pyodide-tests] calculator from {calculator.__file__}")

import pytest

class Count:
    def __init__(self):
        self.counts = {"passed": 0, "failed": 0, "skipped": 0}

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            self.counts[report.outcome] = self.counts.get(report.outcome, 0) + 1

count = Count()
code = int(pytest.main(list(bokvar_args), plugins=[count]))
(code, count.counts["passed"], count.counts["failed"], count.counts["skipped"])
`,
    )
    .toJs();
  const [code, passed, failed, skipped] = outcome;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `${passed} passed, ${failed} failed, ${skipped} skipped in Pyodide (${modules.length} test modules, ${seconds} s)`,
  );
  if (code !== 0 || passed === 0) {
    log(`FAILED (pytest exit code ${code})`);
    process.exit(1);
  }
  if (options.trace) {
    const members = pyodide.runPython("import json, bokvar_trace; json.dumps(bokvar_trace.stdlib_modules())");
    writeFileSync(
      options.trace,
      JSON.stringify({ pyodide: pyodide.version, members: JSON.parse(members) }, null, 1),
    );
    log(`traced ${Object.keys(JSON.parse(members)).length} standard-library modules into ${options.trace}`);
    return;
  }
  const missing = pyodide
    .runPython(`import bokvar_trace; bokvar_trace.check_shipped(${JSON.stringify(HARNESS_STDLIB)})`)
    .toJs();
  if (missing.length) {
    log(
      `FAILED: the engine or Pyodide's start-up imports modules the site does not ship:\n  ${missing.join("\n  ")}`,
    );
    log(
      "Rebuild (scripts/build) so the trace picks them up; if they are imported only in a path the suite never runs, add a test that runs it.",
    );
    process.exit(1);
  }
  log("every module the engine reached came from the shipped standard library");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
