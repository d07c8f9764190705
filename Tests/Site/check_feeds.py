#!/usr/bin/env python3
"""Checks the calendars and Atom feeds of a built zhibu site with independent parsers.

Usage: check_feeds.py [SITE_DIR]   (default: ./Site)

Every ``*/calendar.ics`` is parsed with the PyPI ``icalendar`` package and checked for CRLF line
ends, lines of at most 75 octets, unique UIDs and no cancelled events; ``feed.xml`` and
``en/feed.xml`` (when the site has English) are parsed with ``feedparser``, which must not flag
them (``bozo == 0``). Exits 1 with one line per problem, 2 when a parser is not installed.
"""

import os
import sys

try:
    import feedparser
    import icalendar
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"check_feeds: {error}; run: pip install icalendar feedparser", file=sys.stderr)
    sys.exit(2)


def check_calendar(path, problems, uids):
    with open(path, "rb") as handle:
        raw = handle.read()
    name = path
    if not raw.endswith(b"\r\n"):
        problems.append(f"{name}: does not end with CRLF")
    lines = raw.split(b"\r\n")
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"{name}:{number}: bare CR or LF (lines must end with CRLF)")
        if len(line) > 75:
            problems.append(f"{name}:{number}: {len(line)} octets (at most 75 before folding)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{name}:{number}: folding split a UTF-8 sequence")
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as error:  # icalendar raises ValueError and friends
        problems.append(f"{name}: icalendar cannot parse it: {error}")
        return 0
    for key in ("VERSION", "PRODID"):
        if key not in calendar:
            problems.append(f"{name}: VCALENDAR without {key}")
    events = list(calendar.walk("VEVENT"))
    for event in events:
        uid = str(event.get("UID", ""))
        where = f"{name}: event {uid or '(no UID)'}"
        if not uid:
            problems.append(f"{where}: no UID")
        elif uid in uids:
            problems.append(f"{where}: UID also in {uids[uid]}")
        else:
            uids[uid] = name
        for key in ("DTSTAMP", "DTSTART", "SUMMARY"):
            if key not in event:
                problems.append(f"{where}: no {key}")
        status = str(event.get("STATUS", ""))
        if status not in ("CONFIRMED", "TENTATIVE"):
            problems.append(f"{where}: STATUS {status!r} (cancelled records must be left out)")
        if "DTSTART" in event and "DTEND" in event:
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            if type(start) is not type(end) or end <= start:
                problems.append(f"{where}: DTEND {end} is not after DTSTART {start}")
    return len(events)


def check_feed(path, problems):
    name = path
    with open(path, "rb") as handle:
        parsed = feedparser.parse(handle.read())
    if parsed.bozo:
        problems.append(f"{name}: feedparser flags it: {parsed.bozo_exception}")
        return 0
    if parsed.version != "atom10":
        problems.append(f"{name}: not Atom 1.0 (feedparser says {parsed.version!r})")
    for key in ("id", "title", "updated"):
        if not parsed.feed.get(key):
            problems.append(f"{name}: feed without {key}")
    ids = set()
    for entry in parsed.entries:
        if not entry.get("id") or not entry.get("title") or not entry.get("link"):
            problems.append(f"{name}: entry without id, title or link: {entry.get('id')}")
        if entry.get("id") in ids:
            problems.append(f"{name}: duplicate entry id {entry.get('id')}")
        ids.add(entry.get("id"))
    if len(parsed.entries) > 50:
        problems.append(f"{name}: {len(parsed.entries)} entries (at most 50)")
    dates = [entry.get("updated", "") for entry in parsed.entries]
    if dates != sorted(dates, reverse=True):
        problems.append(f"{name}: entries are not newest first")
    return len(parsed.entries)


def main(argv):
    site = argv[1] if len(argv) > 1 else "Site"
    if not os.path.isdir(site):
        print(f"check_feeds: {site} is not a folder; build the site first", file=sys.stderr)
        return 2
    problems = []
    uids = {}
    calendars = events = 0
    for folder, _, files in sorted(os.walk(site)):
        if "calendar.ics" in files:
            calendars += 1
            events += check_calendar(os.path.join(folder, "calendar.ics"), problems, uids)
    if calendars == 0:
        problems.append(f"{site}: no */calendar.ics found")
    feeds = entries = 0
    for relative in ("feed.xml", "en/feed.xml"):
        path = os.path.join(site, relative)
        if os.path.exists(path):
            feeds += 1
            entries += check_feed(path, problems)
        elif relative == "feed.xml":
            problems.append(f"{site}: no feed.xml")
    english = os.path.isdir(os.path.join(site, "en"))
    if english and not os.path.exists(os.path.join(site, "en", "feed.xml")):
        problems.append(f"{site}: the site has en/ but no en/feed.xml")
    for problem in problems:
        print("check_feeds: " + problem, file=sys.stderr)
    if problems:
        print(f"check_feeds: FAILED with {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check_feeds: ok: {calendars} calendars, {events} events, "
          f"{feeds} feeds, {entries} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
