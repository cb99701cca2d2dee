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
 * node_modules with no network; unpack every wheel into site-packages exactly
 * as the page's worker does; copy the engine tests (tests/*.py and
 * tests/examples/, not the browser or site tests) and pyproject.toml (pytest
 * settings) into Pyodide's file system, without the calculator source tree;
 * run pytest there and exit non-zero on any failure or if no test ran.
 *
 * Versions are read from requirements.txt, so Pyodide runs the same pytest and
 * Hypothesis as CPython. Hypothesis is pinned to 6.155.7 there on purpose: the
 * newer 6.170.x wheels carry a compiled Rust extension (hypothesis._native)
 * with no WebAssembly build, so they cannot run in Pyodide.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYTHON = join(ROOT, ".venv", "bin", "python");
const WHEELS = join(ROOT, "build", "pyodide-wheels");
const TEST_PACKAGES = ["pytest", "iniconfig", "packaging", "pluggy", "Pygments", "hypothesis", "sortedcontainers"];
// Engine tests that cannot run in Pyodide, with the reason. None so far.
const EXCLUDED = {};
const SKIP_DIRS = new Set(["browser", "pyodide", "site", "__pycache__", ".hypothesis", ".pytest_cache"]);

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
      ["-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--only-binary=:all:", "--no-deps",
        "--python-version", "3.14", "--platform", "any", "-d", WHEELS, ...missing],
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
  // The hook's own function: the same wheel the site ships, rebuilt only if the engine changed.
  const code = "import sys; sys.path.insert(0, 'hooks'); import calculator_assets as h; print(h.build_wheel())";
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

async function main() {
  const started = performance.now();
  const wheel = calculatorWheel();
  const testWheels = fetchTestWheels();
  const { loadPyodide } = await import(join(ROOT, "node_modules", "pyodide", "pyodide.mjs"));
  const env = { HOME: "/home/pyodide" };
  for (const name of ["HYPOTHESIS_PROFILE", "CI"]) {
    if (process.env[name]) env[name] = process.env[name];
  }
  const pyodide = await loadPyodide({
    indexURL: join(ROOT, "node_modules", "pyodide") + "/",
    env,
    stdout: (line) => process.stdout.write(line + "\n"),
    stderr: (line) => process.stderr.write(line + "\n"),
  });
  // Raw writes keep pytest's progress dots on one line.
  pyodide.setStdout({ write: (bytes) => { process.stdout.write(bytes); return bytes.length; } });
  pyodide.setStderr({ write: (bytes) => { process.stderr.write(bytes); return bytes.length; } });
  log(`Pyodide ${pyodide.version} (Python ${pyodide.runPython("import sys; sys.version.split()[0]")}) loaded`);

  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  for (const path of [wheel, ...testWheels]) {
    pyodide.unpackArchive(new Uint8Array(readFileSync(path)), "wheel", { extractDir: sitePackages });
  }

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
  pyodide.globals.set("bokvar_args", pyodide.toPy([...modules, "-p", "no:cacheprovider", "-q", ...process.argv.slice(2)]));
  const outcome = pyodide.runPython(`
import os, sys
sys.dont_write_bytecode = True
os.chdir(bokvar_work)
import calculator
# The suite must exercise the installed wheel, never a source tree.
assert "site-packages" in calculator.__file__, calculator.__file__
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
`).toJs();
  const [code, passed, failed, skipped] = outcome;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`${passed} passed, ${failed} failed, ${skipped} skipped in Pyodide (${modules.length} test modules, ${seconds} s)`);
  if (code !== 0 || passed === 0) {
    log(`FAILED (pytest exit code ${code})`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
