"""The one entry point: ``calculate(request) -> response``, JSON in and JSON out.

JavaScript calls only :func:`calculate_json`, so exceptions never cross into the browser: any
input at all gives either a plan or field errors, and an unexpected bug becomes one error with
code ``internal`` instead of a traceback. This module only wires the jobs together: reading
the request (:mod:`calculator.request`), building the plan and the budget check, the warning
rules (:mod:`calculator.warnings`), the response's shape (:mod:`calculator.response`) and the
JSON transport (:mod:`calculator.transport`). Request and response keys follow the engine
contract in ``calculator/README.md``; unknown request keys are ignored.

>>> response = calculate({"debt": "12 500", "rent": "8 500", "plan_by": "months",
...                       "months": "10", "start": "2027-01", "today": "2026-12-01"})
>>> response["ok"], response["plan"]["installment_ore"], response["plan"]["first_due_date"]
(True, 125000, '2026-12-30')
>>> calculate({"debt": "", "rent": "8 500"})["errors"][0]["message"]
'Fyll i hur mycket som är obetalt, till exempel 12\\xa0500'
"""

from __future__ import annotations

from . import reference
from .affordability import Assessment
from .agreement import agreement_slots
from .budget_response import alternatives_list, assessment_dict
from .defaults import defaults_dict, read_defaults_request
from .errors import BadRequest, InternalError, InvalidChoice
from .exports import export_files
from .language import english, parse_lang, requested_lang, using
from .norms import riksnorm_table
from .plan import Plan, build_plan, split_by_installment
from .request import parse_request
from .response import failed, plan_dict
from .summary import plan_summary
from .transport import decode, encode
from .warnings import plan_warnings, used_keys


def calculate(request: object) -> dict:
    """The response for ``request`` (a dict as decoded from JSON), in the request's ``lang``
    (:mod:`calculator.language`). Never raises."""
    with using(requested_lang(request)):
        try:
            return _calculate(request)
        except Exception:  # the bug guard the contract promises: no traceback reaches the page
            return failed([("", InternalError())])


def calculate_json(text: object) -> str:
    """:func:`calculate` on a JSON string, answering with a JSON string. Never raises."""
    try:
        return encode(calculate(decode(text)))
    except Exception:  # same guard as calculate(), for the JSON layer itself
        return internal_error_json()


def internal_error_json() -> str:
    """The answer to give when the engine itself cannot be called (the worker keeps it)."""
    return encode(failed([("", InternalError())]))


def _calculate(request: object) -> dict:
    if not isinstance(request, dict):
        return failed([("", BadRequest())])
    if request.get("defaults") is True:
        return _defaults(request)
    inputs, errors = parse_request(request)
    try:
        parse_lang(request.get("lang"))
    except InvalidChoice as error:
        return failed([("lang", error), *errors])
    if inputs is None:
        return failed(errors)

    def plan_of(installments: list) -> Plan:
        return build_plan(inputs.debt, installments, rent=inputs.rent, start=inputs.start, rate=inputs.rate)

    plan = plan_of(inputs.installments)
    assessment, table = None, None
    if inputs.household is not None:
        table = reference.normalbelopp(inputs.amounts_year)
        amounts = dict(table.amounts, **inputs.overrides)
        source = table.source
        if used_keys(inputs) & set(inputs.overrides):
            source += _source_changed()
        assessment = Assessment(
            plan,
            inputs.household,
            table,
            amounts,
            source,
            margin_share=inputs.margin_share,
            riksnorm=riksnorm_table(table.year),
            plan_for=lambda installment: plan_of(split_by_installment(inputs.debt, installment)),
        )
    response = {
        "ok": True,
        "errors": [],
        "warnings": plan_warnings(inputs, plan, assessment, table),
        "summary": plan_summary(plan),
        "plan": plan_dict(plan),
        "affordability": None if assessment is None else assessment_dict(assessment),
        "agreement": agreement_slots(plan, inputs.today, request),
        "alternatives": alternatives_list(plan, [plan_of(parts) for parts in inputs.alternatives], assessment)
        if inputs.alternatives
        else [],
    }
    if inputs.exports:
        response["exports"] = export_files(plan, inputs.today)
    return response


def _source_changed() -> str:
    if english():
        from .texts_en import SOURCE_CHANGED

        return SOURCE_CHANGED
    return "; några belopp är ändrade i kalkylatorn"


def _defaults(request: dict) -> dict:
    """What the form suggests before anyone types (see :mod:`calculator.defaults`)."""
    today, errors = read_defaults_request(request)
    if today is None:
        return failed(errors)
    return {
        "ok": True,
        "errors": [],
        "warnings": [],
        "summary": "",
        "plan": None,
        "affordability": None,
        "alternatives": [],
        "defaults": defaults_dict(today),
    }
