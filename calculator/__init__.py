"""Bo kvar's repayment-plan engine (avbetalningsplan) for rent arrears.

Pure standard-library Python, exact to the öre, run unchanged in CPython and in the browser
through Pyodide. Everything goes through one JSON-in, JSON-out entry point that never raises.

>>> from calculator import calculate
>>> calculate({"debt": "12 500", "rent": "8 500", "months": "10", "start": "2027-01",
...            "today": "2026-12-01"})["plan"]["last_due_date"]
'2027-09-30'
"""

from .api import calculate, calculate_json, internal_error_json
from .deadlines import deadlines, deadlines_json

__version__ = "0.1.0"
__all__ = ["__version__", "calculate", "calculate_json", "deadlines", "deadlines_json", "internal_error_json"]
