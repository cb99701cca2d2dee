"""iCalendar reminders for the legal deadlines (the ``exports`` of a deadlines response).

One all-day event per date, titled with what the day means and described with the response's
own sentence and rule, so a calendar entry says why the day matters. UIDs are the code and the
date, so importing the same case again updates the events instead of duplicating them; DTSTAMP
is the event's own date, which keeps the file the same for the same case.

>>> files = deadline_calendar([{"code": "recovery_last_day", "date": "2027-02-10",
...                             "text": "Sista dagen.", "rule": "12 kap. 44 § jordabalken"}])
>>> files["ics_filename"], "DTSTART;VALUE=DATE:20270210" in files["ics"]
('frister-2027-02-10.ics', True)
"""

from __future__ import annotations

from datetime import date, timedelta

from .exports import CRLF, escape_text, fold


def deadline_calendar(entries: list[dict]) -> dict[str, str]:
    """``{"ics", "ics_filename"}``: one all-day event per deadline entry of the response."""
    titles = {
        "due_date": "Förfallodag för hyran",
        "forfeiture_earliest": "Hyresrätten kan förverkas från i dag",
        "recovery_last_day": "Sista dagen att betala och bo kvar",
        "eviction_decision_earliest": "Tidigaste dag för beslut om avhysning",
    }
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Bo kvar//Frister 1.0//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Frister i hyresärendet",
    ]
    for entry in entries:
        day = date.fromisoformat(entry["date"])
        lines += [
            "BEGIN:VEVENT",
            f"UID:{entry['code']}-{day:%Y%m%d}@frister.bokvar",
            f"DTSTAMP:{day:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(titles[entry['code']])}",
            f"DESCRIPTION:{escape_text(entry['text'] + ' (' + entry['rule'] + ')')}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    first = entries[0]["date"] if entries else "frister"
    return {"ics": "".join(fold(line) + CRLF for line in lines), "ics_filename": f"frister-{first}.ics"}
