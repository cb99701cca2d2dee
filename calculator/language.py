"""Which language the engine answers in: ``lang`` of the request, Swedish by default.

A request may carry ``"lang": "sv"`` (the default, also when the key is missing or empty) or
``"lang": "en"``. The language changes text only: every ``*_ore`` value, row, date and code is
computed by the same code, so a plan is the same plan in both languages. The Swedish texts are
where they always were (:mod:`calculator.messages`, :mod:`calculator.summary`, …). The English
catalogue is five modules: :mod:`calculator.messages_en` and :mod:`calculator.budget_messages_en`
(the same codes and keys as their Swedish twins, a test checks that), :mod:`calculator.numbers_en`
(money, numbers, months and dates), :mod:`calculator.texts_en` (summary, verdict, labels) and
:mod:`calculator.documents_en` (the files and the agreement's clauses).

The language of the request being answered is held here for the length of one call of
:func:`calculator.api.calculate` (``with using("en"):``). That keeps ``lang`` out of every
signature between the door and the few functions that write text; each of those asks
:func:`english` first and hands over to the English catalogue. A module-level value rather
than :mod:`contextvars`: the engine keeps its imports light (tests/test_package.py) and one
worker answers one request at a time. Swedish requests never import the English modules.

A language enters only with a reviewed translation (README, "Languages").

>>> with using("en"):
...     current(), english()
('en', True)
>>> current()
'sv'
>>> parse_lang(None), parse_lang(" en ")
('sv', 'en')
>>> parse_lang("de")
Traceback (most recent call last):
    ...
calculator.errors.InvalidChoice: the value is not one of the choices
"""

from __future__ import annotations

from .errors import InvalidChoice

LANGUAGES = ("sv", "en")
DEFAULT = "sv"
_state = {"lang": DEFAULT}


def parse_lang(value: object) -> str:
    """The request's ``lang``: missing or empty means Swedish; anything unknown is an error."""
    if value is None or value == "":
        return DEFAULT
    if isinstance(value, str) and value.strip().lower() in LANGUAGES:
        return value.strip().lower()
    raise InvalidChoice()


def requested_lang(request: object) -> str:
    """The language to answer ``request`` in; a wrong ``lang`` is answered in Swedish, the
    default, with a field error on ``lang``."""
    try:
        return parse_lang(request.get("lang")) if isinstance(request, dict) else DEFAULT
    except InvalidChoice:
        return DEFAULT


def current() -> str:
    """The language of the answer being written."""
    return _state["lang"]


def english() -> bool:
    """True while an English answer is being written."""
    return _state["lang"] == "en"


class using:  # noqa: N801 (reads as a function: ``with using("en"):``)
    """Write every text inside the ``with`` block in ``lang``; the previous language comes back
    afterwards, also when the block raises."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.lang, self.previous = lang, DEFAULT

    def __enter__(self) -> None:
        self.previous, _state["lang"] = _state["lang"], self.lang

    def __exit__(self, *exc_info: object) -> None:
        _state["lang"] = self.previous
