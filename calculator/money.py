"""Money as a frozen whole number of öre.

Floats cannot hold 0,10 kr exactly, so they are refused outright: a Money is made from an int
number of öre (or whole kronor), by parsing what a person typed (:mod:`calculator.numbers`),
or by arithmetic on other Money. Splitting a total never loses an öre.

>>> debt = Money.from_kronor(800)
>>> [part.ore for part in Money(800).allocate(3)]
[267, 267, 266]
>>> debt + Money(50)
Money(80050)
>>> Money(12.5)
Traceback (most recent call last):
    ...
TypeError: Money needs an int number of öre, not float
"""

from __future__ import annotations

ORE_PER_KRONA = 100


def _check_int(value: object, what: str) -> int:
    # bool is an int subclass, but True öre is always a bug.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} needs an int number of öre, not {type(value).__name__}")
    return value


class Money:
    """An amount of Swedish money in öre. Immutable, hashable and ordered."""

    __slots__ = ("ore",)
    ore: int

    def __init__(self, ore: int) -> None:
        object.__setattr__(self, "ore", _check_int(ore, "Money"))

    @classmethod
    def from_kronor(cls, kronor: int) -> Money:
        """Whole kronor; use the parser for amounts with öre."""
        return cls(_check_int(kronor, "Money.from_kronor") * ORE_PER_KRONA)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Money is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Money is immutable")

    def __repr__(self) -> str:
        return f"Money({self.ore})"

    def __hash__(self) -> int:
        return hash(("Money", self.ore))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Money) and other.ore == self.ore

    def __lt__(self, other: Money) -> bool:
        return self.ore < _other(other)

    def __le__(self, other: Money) -> bool:
        return self.ore <= _other(other)

    def __gt__(self, other: Money) -> bool:
        return self.ore > _other(other)

    def __ge__(self, other: Money) -> bool:
        return self.ore >= _other(other)

    def __add__(self, other: Money) -> Money:
        return Money(self.ore + _other(other))

    def __sub__(self, other: Money) -> Money:
        return Money(self.ore - _other(other))

    def __neg__(self) -> Money:
        return Money(-self.ore)

    def __mul__(self, factor: int) -> Money:
        return Money(self.ore * _check_int(factor, "Money * factor"))

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.ore != 0

    @property
    def is_whole_kronor(self) -> bool:
        return self.ore % ORE_PER_KRONA == 0

    def floor_kronor(self) -> Money:
        """Round down to whole kronor (towards minus infinity)."""
        return Money(self.ore - self.ore % ORE_PER_KRONA)

    def ceil_kronor(self) -> Money:
        """Round up to whole kronor (towards plus infinity)."""
        return Money(-((-self.ore) // ORE_PER_KRONA) * ORE_PER_KRONA)

    def allocate(self, parts: int) -> list[Money]:
        """Split into ``parts`` amounts that differ by at most 1 öre, larger first.

        The parts always add up to the whole, which is the point: rounding each share on its
        own would lose or invent öre.
        """
        if _check_int(parts, "allocate") < 1:
            raise ValueError("allocate needs at least one part")
        base, extra = divmod(self.ore, parts)
        return [Money(base + 1) if i < extra else Money(base) for i in range(parts)]


def total(amounts: list[Money]) -> Money:
    """Sum of Money values (``sum()`` would start from the int 0)."""
    ore = 0
    for amount in amounts:
        ore += _other(amount)
    return Money(ore)


def _other(value: object) -> int:
    if not isinstance(value, Money):
        raise TypeError(f"cannot combine Money with {type(value).__name__}")
    return value.ore
