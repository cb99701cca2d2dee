"""Self-hosted Pyodide core, calculator wheel and service worker (owned by the calculator page work)."""
