"""Hypothesis strategies for the calculator tests, in one place.

Strategies are built with ``map`` from ranges that are valid by construction (rather than
drawn wide and filtered), so no example is wasted and the health checks stay quiet. For
example, a by-months plan draws the month count first and then a debt large enough for it.
"""

from __future__ import annotations

from datetime import date

from hypothesis import settings, strategies as st

from calculator.household import Household
from calculator.money import Money
from calculator.numbers import MAX_AMOUNT
from calculator.plan import MAX_MONTHS

MAX_ORE = MAX_AMOUNT.ore
# The plain valid request that the API, message and language tests vary one field of:
# 12 500 kr over 10 months from January 2027, asked on 1 December 2026. Never changed in
# place: tests build their variants with dict(BASE_REQUEST, ...).
BASE_REQUEST = {
    "debt": "12 500",
    "rent": "8 500",
    "plan_by": "months",
    "months": "10",
    "start": "2027-01",
    "today": "2026-12-01",
}
SPACES = (" ", "\u00a0", "\u2009", "\u202f")


def examples(factor: float) -> settings:
    """Settings with ``factor`` times the active profile's example count (at least 5)."""
    return settings(max_examples=max(5, int(settings.default.max_examples * factor)))


ore = st.integers(min_value=0, max_value=MAX_ORE)
amounts = ore.map(Money)
debts = st.integers(min_value=1, max_value=MAX_ORE).map(Money)
# Most real rent debts are a few thousand to a few hundred thousand kronor: weight them in.
realistic_debts = st.integers(min_value=1, max_value=500_000_00).map(Money)
any_debts = st.one_of(debts, realistic_debts)
month_counts = st.integers(min_value=1, max_value=MAX_MONTHS)
rates = st.integers(min_value=0, max_value=5000)
rents = st.integers(min_value=0, max_value=50_000_00).map(Money)
starts = st.tuples(st.integers(min_value=2000, max_value=2100), st.integers(min_value=1, max_value=12))
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2110, 12, 31))
years = st.integers(min_value=1990, max_value=2200)
# Days the deadline calculator accepts, away from its limits so +3 weeks stays inside them.
case_days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 11, 30))
case_day_texts = case_days.map(date.isoformat)


def _debt_for_months(months: int, extra: int) -> Money:
    # A by-months plan needs more than (months - 1) whole kronor, so every month pays > 0.
    floor = (months - 1) * 100 + 1
    return Money(floor + extra % (MAX_ORE - floor + 1))


months_plans = st.tuples(month_counts, ore).map(lambda t: (_debt_for_months(*t), t[0]))
"""(debt, months) pairs that make a valid by-months plan."""


def _installment_for(debt: Money, months: int, extra: int) -> Money:
    # ceil(debt / months) pays the debt in at most ``months`` months; more only shortens it.
    return Money(min(MAX_ORE, -(-debt.ore // months) + extra % (debt.ore + 1)))


installment_plans = st.tuples(any_debts, month_counts, ore).map(lambda t: (t[0], _installment_for(*t)))
"""(debt, installment) pairs that make a valid by-installment plan (at most 120 months)."""

too_small_installments = st.tuples(st.integers(min_value=121, max_value=MAX_ORE), ore).map(
    lambda t: (Money(t[0]), Money(t[1] % -(-t[0] // MAX_MONTHS)))
)
"""(debt, installment) pairs where the installment needs more than 120 months."""


def render_amount(
    ore_value: int, space: str, comma: bool, suffix: str, pad: str, group: bool, decimals: int
) -> str:
    """An amount written the way a person might type it (always the same number)."""
    kronor, part = divmod(ore_value, 100)
    digits = str(kronor)
    if group:
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = space.join(groups)
    text = digits
    if part or decimals:
        fraction = f"{part:02d}"
        if decimals == 1 and fraction.endswith("0"):
            fraction = fraction[0]
        text += ("," if comma else ".") + fraction
    return pad + text + suffix + pad


amount_texts = st.tuples(
    ore,
    st.sampled_from(SPACES),
    st.booleans(),
    st.sampled_from(["", " kr", "kr", " KR", "\u00a0kr", ":-", " kronor", " kr."]),
    st.sampled_from(["", " ", "  ", "\u00a0"]),
    st.booleans(),
    st.integers(0, 2),
).map(lambda t: (t[0], render_amount(*t)))
"""(öre, text) pairs: a Swedish or plain rendering of an amount and the öre it means."""

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from([10**4000, -(10**4000), "9" * 5000, "1" + "0" * 40, 1e308, -0.0]),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)
"""Anything JSON: nested junk and huge numbers (4001 digits: still printable when Hypothesis
reports a failure; test_numbers covers ints beyond Python's 4300-digit str() limit)."""

typed_texts = st.one_of(
    amount_texts.map(lambda t: t[1]),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "12 500",
            "12500",
            "−500",
            "-1",
            "1e5",
            "inf",
            "nan",
            "12,345",
            "abc",
            "2027-01",
            "2027-1",
            "2027-13",
            "120",
            "121",
            "3, 7",
            "2024",
            "1999",
            "2026-12-01",
            "2026-02-30",
            "true",
            "12,5",
            "50,01",
            "1 2345",
            "١٢",
            "１２",
        ]
    ),
    st.text(max_size=12),
)
field_values = st.one_of(typed_texts, json_values)


def _group(keys: tuple[str, ...]) -> st.SearchStrategy:
    return st.one_of(field_values, st.fixed_dictionaries({}, optional=dict.fromkeys(keys, field_values)))


REQUEST_FIELDS = {
    "debt": field_values,
    "debt_items": _group(("unpaid_rent", "reminder_fees", "collection_fees")),
    "rent": field_values,
    "plan_by": st.one_of(st.sampled_from(["installment", "months", "", "both"]), field_values),
    "installment": field_values,
    "months": field_values,
    "start": st.one_of(starts.map(lambda s: f"{s[0]}-{s[1]:02d}"), field_values),
    "interest_rate": field_values,
    "household": _group(("adults", "children_ages", "net_income", "other_costs")),
    "amounts_year": field_values,
    "normalbelopp": _group(
        ("single_adult", "couple", "child_0_6", "child_7_10", "child_11_14", "child_15_plus")
    ),
    "today": st.one_of(dates.map(str), st.dates().map(str), field_values),
    "exports": st.one_of(st.booleans(), field_values),
}
requests = st.fixed_dictionaries({}, optional=REQUEST_FIELDS)
"""Whole requests where every field may be plausible, wrong, junk or missing."""


def _valid_request(
    plan: tuple, by_months: bool, rent: Money, start: tuple[int, int], rate: int, today: date
) -> dict:
    debt, choice = plan
    request = {
        "debt": render_amount(debt.ore, " ", True, "", "", True, 0),
        "rent": render_amount(rent.ore, "\u00a0", False, " kr", "", True, 2),
        "plan_by": "months" if by_months else "installment",
        "start": f"{start[0]}-{start[1]}",
        "today": today.isoformat(),
    }
    if by_months:
        request["months"], request["installment"] = str(choice), "text that is ignored"
    else:
        request["installment"] = render_amount(choice.ore, " ", True, "", "", True, 0)
    if rate:
        request["interest_rate"] = f"{rate // 100},{rate % 100:02d}"
    return request


valid_requests = st.one_of(
    st.tuples(months_plans, st.just(True), rents, starts, rates, dates),
    st.tuples(installment_plans, st.just(False), rents, starts, rates, dates),
).map(lambda t: (t, _valid_request(*t)))
"""(parts, request) pairs: requests typed in varied Swedish ways that must give a plan."""

households = st.fixed_dictionaries(
    {
        "adults": st.sampled_from(["1", "2", 1, 2, ""]),
        "children_ages": st.lists(st.integers(min_value=0, max_value=20), max_size=5).map(
            lambda ages: ", ".join(map(str, ages))
        ),
        "net_income": st.integers(min_value=0, max_value=200_000_00).map(
            lambda value: render_amount(value, " ", True, "", "", True, 0)
        ),
        "other_costs": st.integers(min_value=0, max_value=20_000_00).map(
            lambda value: render_amount(value, " ", True, "", "", True, 0)
        ),
        "electricity": st.sampled_from(["", "450", "1 200,50"]),
        "home_insurance": st.sampled_from(["", "0", "150"]),
        "housing_benefit": st.sampled_from(["", "0", "2 100"]),
        "pensioner": st.sampled_from([False, True, "", "on"]),
    }
)

mutated_requests = st.tuples(
    valid_requests,
    st.one_of(st.none(), households),
    st.dictionaries(st.sampled_from(sorted(REQUEST_FIELDS)), field_values, max_size=2),
).map(lambda t: {**t[0][1], **({"household": t[1]} if t[1] else {}), **t[2]})
"""Valid requests with up to two fields replaced by anything: errors next to good fields."""


def _household(
    adults: int, ages: list[int], income: int, costs: list[int | None], pensioner: bool
) -> Household:
    def money(value: int | None) -> Money | None:
        return None if value is None else Money(value)

    benefit, electricity, insurance, other = (money(cost) for cost in costs)
    return Household(
        adults,
        ages,
        Money(income),
        other,
        electricity=electricity,
        home_insurance=insurance,
        housing_benefit=benefit,
        pensioner=pensioner,
    )


_costs = st.one_of(st.none(), st.integers(min_value=0, max_value=5_000_00))
household_objects = st.builds(
    _household,
    st.sampled_from([1, 2]),
    st.lists(st.integers(min_value=0, max_value=20), max_size=8),
    st.integers(min_value=0, max_value=100_000_00),
    st.lists(_costs, min_size=4, max_size=4),
    st.booleans(),
)
"""Households of one or two adults and up to 8 children, with each optional cost left empty
(None) or filled in."""
margin_shares = st.integers(min_value=1, max_value=100)
"""The share of the surplus a plan may take, in hundredths (0,01–1)."""
