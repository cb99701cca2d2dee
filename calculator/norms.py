"""The two norms a budget adviser holds a household against: riksnormen and förbehållsbeloppet.

* **Riksnormen** (socialtjänsten's norm for ekonomiskt bistånd): personal costs for each member
  plus common household costs by the number of members, as the government sets them in
  socialtjänstförordningen (2001:937) 2 kap. 1 §. It does NOT cover rent, hushållsel or
  hemförsäkring: social services add those as reasonable costs. So the riksnorm need here is
  riksnormen + rent + el + insurance + other costs.
* **Förbehållsbeloppet** (Kronofogden's existensminimum): the normalbelopp, which already covers
  hushållsel and insurance (Kronofogden, "How much do I get to keep?"; KFMA 2018:1), plus the
  rent. The need here is normalbelopp + rent + other costs; el and insurance are not added twice.

Only years read in a source are in the data file. The riksnorm year used is the latest one not
after the normalbelopp year, and the response always names it.

>>> table = riksnorm_table(2024)
>>> table.year, riksnorm_amount(table, 1, [4, 9]).ore
(2021, 1008000)
"""

from __future__ import annotations

from . import reference
from .money import Money

_CHILD_BANDS = (
    (0, "child_0"),
    (2, "child_1_2"),
    (3, "child_3"),
    (6, "child_4_6"),
    (10, "child_7_10"),
    (14, "child_11_14"),
    (18, "child_15_18"),
    (20, "child_19_20"),
)


class RiksnormTable:
    """One year's riksnorm, with where it comes from."""

    __slots__ = ("year", "source", "secondary_source", "personal", "household")

    def __init__(self, entry: dict) -> None:
        self.year = entry["year"]
        self.source = entry["source"]
        self.secondary_source = entry["secondary_source"]
        self.personal = {key: Money.from_kronor(kr) for key, kr in entry["personal_kr"].items()}
        self.household = [Money.from_kronor(kr) for kr in entry["household_kr"]]


def riksnorm_years() -> list[int]:
    return sorted(entry["year"] for entry in reference.load().get("riksnorm", []))


def riksnorm_table(year: int) -> RiksnormTable | None:
    """The latest riksnorm table not after ``year``, or None when the file has none."""
    usable = [entry for entry in reference.load().get("riksnorm", []) if entry["year"] <= year]
    if not usable:
        return None
    return RiksnormTable(max(usable, key=lambda entry: entry["year"]))


def _child_key(age: int) -> str:
    for oldest, key in _CHILD_BANDS:
        if age <= oldest:
            return key
    raise ValueError(age)  # parse_children_ages already refuses ages over 20


def common_costs(table: RiksnormTable, members: int) -> Money:
    """Gemensamma hushållskostnader; past 7 members each one adds the 6→7 step."""
    if members <= len(table.household):
        return table.household[members - 1]
    step = table.household[-1] - table.household[-2]
    return table.household[-1] + step * (members - len(table.household))


def riksnorm_amount(table: RiksnormTable, adults: int, children_ages: list[int]) -> Money:
    """Riksnormen for a household of ``adults`` (1 alone, 2 sambor) and children of these ages."""
    amount = table.personal["couple" if adults == 2 else "single_adult"]
    for age in children_ages:
        amount += table.personal[_child_key(age)]
    return amount + common_costs(table, adults + len(children_ages))
