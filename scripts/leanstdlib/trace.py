"""Record which standard-library modules Pyodide's start-up and the engine import.

Runs INSIDE Pyodide (tests/pyodide/run_engine_tests.mjs loads it before the
engine suite). Why import edges and not just ``sys.modules``: the suite also
runs pytest and Hypothesis, which import far more of the standard library than
the engine does. Every ``import`` statement calls ``builtins.__import__`` even
when the module is already loaded, so recording "module A imported B" for every
call gives a graph. What the site must ship is everything reachable in that
graph from the roots: the modules already loaded when Pyodide has started, every
``calculator`` module and Pyodide's own runtime modules (the worker calls into
them). What only the test tools reach is left out.

Over-inclusion is safe (a module the engine could reach through a stdlib
module the test tools also used is kept); under-inclusion is what
``check_shipped`` catches in the test run against the shipped files.
"""

import builtins
import importlib
import importlib.util
import sys

STDLIB_ZIP = "/lib/python314.zip/"
ROOT_PACKAGES = ("calculator", "pyodide", "_pyodide")
# Import machinery and harness code: an import they run on someone's behalf (a C
# extension's own imports, ``from package import submodule``, a test tool's code
# in ``__main__``) is charged to the nearest caller outside this set.
MACHINERY = {
    "__main__",
    "builtins",
    "importlib",
    "importlib._bootstrap",
    "importlib._bootstrap_external",
    "zipimport",
    __name__,
}

# Lazy imports of modules that Pyodide's start-up loads, made on some calls only:
# ``ast.unparse`` imports ``_ast_unparse`` (Python 3.14). The engine never calls it, but the
# test tools sometimes do, and since ``ast`` is loaded at start-up the check counts the
# import as reachable. Whether a given run makes the call varies, so a trace could leave the
# module out and a later check then fail (seen once in CI). Shipped always (74 kB raw).
ALWAYS = ("_ast_unparse",)

_edges: dict[str, set[str]] = {}
_startup: set[str] = set()


def _targets(name, globals_, fromlist, level):
    """Absolute names of the modules one import statement touched."""
    if level:
        package = globals_.get("__package__") or globals_.get("__name__", "").rpartition(".")[0]
        try:
            name = importlib.util.resolve_name("." * level + name, package)
        except (ImportError, ValueError):
            return set()
    parts = name.split(".") if name else []
    found = {".".join(parts[: i + 1]) for i in range(len(parts))}
    for item in fromlist or ():
        if isinstance(item, str) and f"{name}.{item}" in sys.modules:
            found.add(f"{name}.{item}")
    return {module for module in found if module in sys.modules}


def _importer(globals_):
    """The module an import statement belongs to, looking past the machinery."""
    name = globals_.get("__name__") if isinstance(globals_, dict) else None
    frame = sys._getframe(2)
    while name in MACHINERY or not isinstance(name, str):
        if frame is None or name == "__main__":  # code run by the harness itself
            return None
        name, frame = frame.f_globals.get("__name__"), frame.f_back
    return name


def install():
    """Start recording; everything already imported (Pyodide's start-up) is a root."""
    _startup.update(sys.modules)
    original_import = builtins.__import__
    original_import_module = importlib.import_module

    def recording_import(name, globals=None, locals=None, fromlist=(), level=0):
        module = original_import(name, globals, locals, fromlist, level)
        importer = _importer(globals)
        if importer:
            _edges.setdefault(importer, set()).update(_targets(name, globals or {}, fromlist, level))
        return module

    def recording_import_module(name, package=None):
        module = original_import_module(name, package)
        importer = _importer(None)
        if importer:
            _edges.setdefault(importer, set()).update(_targets(module.__name__, {}, (), 0))
        return module

    builtins.__import__ = recording_import
    importlib.import_module = recording_import_module


def reachable():
    """{module name: the module it was first reached from} for the roots' import graph."""
    roots = (_startup - {"__main__", __name__}) | {
        name for name in sys.modules if name.split(".")[0] in ROOT_PACKAGES
    }
    seen = dict.fromkeys(roots, "")
    queue = sorted(roots)
    while queue:  # breadth first, so each "reached from" is a shortest path
        name = queue.pop(0)
        parent = name.rpartition(".")[0]
        for target in sorted(_edges.get(name, set()) | ({parent} if parent else set())):
            if target not in seen:
                seen[target] = name
                queue.append(target)
    return seen


def why(name, seen):
    """The import chain from a root to ``name``, e.g. ``calculator.plan > decimal > numbers``."""
    chain = [name]
    while seen.get(chain[-1]):
        chain.append(seen[chain[-1]])
    return " > ".join(reversed(chain))


def _file_of(name):
    """The zip member a module was loaded from; None for modules frozen into the interpreter.

    Pyodide's interpreter carries some modules frozen in its wasm (``os``, ``site``,
    ``codecs``, ``importlib._bootstrap`` …: ``_imp._frozen_module_names()``), and the
    frozen importer comes before the path finder, so their files in the zip are never
    read. Their ``__file__`` still names the zip, which is why the spec's origin decides.
    Leaving them out saves 328 kB raw, 75 kB with brotli (Pyodide 314.0.7).
    """
    module = sys.modules.get(name)
    if module is None or getattr(getattr(module, "__spec__", None), "origin", None) == "frozen":
        return None
    return getattr(module, "__file__", None)


def stdlib_modules():
    """{zip member path: import chain} for every reachable module found in the stdlib zip."""
    seen = reachable()
    members = {}
    for name in sorted(seen):
        path = _file_of(name)
        if isinstance(path, str) and path.startswith(STDLIB_ZIP):
            members[path[len(STDLIB_ZIP) :]] = why(name, seen)
    for name in ALWAYS:
        spec = importlib.util.find_spec(name)
        path = spec.origin if spec is not None else None
        if isinstance(path, str) and path.startswith(STDLIB_ZIP):
            members.setdefault(path[len(STDLIB_ZIP) :], f"{name} (always shipped, see ALWAYS)")
    return members


def check_shipped(fallback_prefix):
    """Names of reachable modules that came from ``fallback_prefix`` (not the shipped zip)."""
    seen = reachable()
    return sorted(
        f"{why(name, seen)} ({path})"
        for name in seen
        if isinstance(path := _file_of(name), str) and path.startswith(fallback_prefix)
    )


class _FallbackFinder:
    """Finds modules in a second standard-library zip, last, for the test tools only.

    A plain ``sys.path`` entry is not enough: ``importlib.metadata`` is looked up
    only in ``importlib.__path__``, which points into the shipped zip.
    """

    def __init__(self, archive):
        self.archive = archive

    def find_spec(self, fullname, path=None, target=None):
        import zipimport

        package = fullname.rpartition(".")[0].replace(".", "/")
        try:
            importer = zipimport.zipimporter(self.archive + ("/" + package if package else ""))
            return importer.find_spec(fullname)
        except (zipimport.ZipImportError, OSError):
            return None


def add_fallback(archive):
    """Let modules the shipped zip lacks load from ``archive`` (a zip path), after everything else."""
    sys.meta_path.append(_FallbackFinder(archive))
