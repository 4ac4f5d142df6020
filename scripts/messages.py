"""Derive the Serbian Cyrillic catalogue from the Serbian Latin one, give
new English entries their msgid, then compile every catalogue.

Serbian transliteration is one-to-one, so `locale/sr` is written from
`locale/sr_Latn` mechanically: placeholders, tags, codes, addresses and the
names of formats and products (iCalendar, Open311, JSON, ...) are kept as
they are. Values a user types (parameter names, statuses, language codes)
go into messages as placeholders, so that no catalogue can change them. An
entry corrected by hand in `locale/sr` keeps its text when its translator
comment contains "manual" (`# manual` above the msgid).

Run by `make messages` after `makemessages`; needs no gettext tools.
"""

import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bashkesia.core.text import latin_to_cyrillic  # noqa: E402

LOCALE = ROOT / "locale"
# Formats, standards and products, named alike in every script. Values a
# user types (parameter names, codes, statuses) belong in placeholders, not
# in a msgid; parameter names that slip in (start_date) are kept too.
NAMES = (
    "iCalendar",
    "Open311",
    "JSON",
    "CSV",
    "XML",
    "PDF",
    "TOTP",
    "JPEG",
    "PNG",
    "WebP",
    "W3C",
    "WGS84",
    "FreeOTP",
    "Aegis",
    "Google Authenticator",
    "Atom",
)
KEEP = re.compile(
    r"(%\(\w+\)[sd]|%[sd]|\{\w+\}|<[^>]+>|&\w+;|https?://\S+|[\w.+-]+@[\w.-]+"
    r"|\bq=(?:[-\d.,]+)?|\b[A-Z]{3}-\d{2,3}\b|\bAPI\b|GeoJSON|GeoNames|OpenStreetMap"
    r"|geoBoundaries|Runfola et al\.|ODbL|CC BY(?:-SA)?|NGA GEOnet Names Server"
    r"|manage\.py \w+|Bashkësia|km²"
    r"|\b[a-z]+(?:_[a-z]+)+\b|\bhttps?\b"
    r"|\b(?:" + "|".join(re.escape(name) for name in NAMES) + r")\b)"
)


def to_cyrillic(text: str) -> str:
    """Return Serbian Latin ``text`` in Cyrillic, keeping what must not change."""
    parts = KEEP.split(text)
    return "".join(
        part if index % 2 else latin_to_cyrillic(part)
        for index, part in enumerate(parts)
    )


def derive_cyrillic() -> int:
    latin = polib.pofile(str(LOCALE / "sr_Latn" / "LC_MESSAGES" / "django.po"))
    target_path = LOCALE / "sr" / "LC_MESSAGES" / "django.po"
    manual = {}
    if target_path.exists():
        for entry in polib.pofile(str(target_path)):
            if "manual" in (entry.tcomment or ""):
                manual[(entry.msgctxt, entry.msgid)] = entry
    cyrillic = polib.POFile(wrapwidth=79)
    cyrillic.metadata = dict(latin.metadata, Language="sr")
    for entry in latin:
        kept = manual.get((entry.msgctxt, entry.msgid))
        if kept is not None:
            cyrillic.append(kept)
            continue
        derived = polib.POEntry(
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural,
            msgctxt=entry.msgctxt,
            flags=[flag for flag in entry.flags if flag != "fuzzy"],
            msgstr=to_cyrillic(entry.msgstr),
            msgstr_plural={
                index: to_cyrillic(text) for index, text in entry.msgstr_plural.items()
            },
        )
        cyrillic.append(derived)
    cyrillic.save(str(target_path))
    return len(cyrillic)


def repeat_english() -> int:
    """Give every new English entry its msgid (the catalogue exists so that
    English is a language the site offers, with nothing left untranslated)."""
    path = LOCALE / "en" / "LC_MESSAGES" / "django.po"
    english = polib.pofile(str(path))
    # New entries, and those msgmerge guessed from a similar msgid (fuzzy).
    new = english.untranslated_entries() + english.fuzzy_entries()
    for entry in new:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = None
        entry.previous_msgctxt = None
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    english.save()
    return len(new)


def compile_all() -> None:
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


if __name__ == "__main__":
    count = derive_cyrillic()
    english = repeat_english()
    compile_all()
    print(
        f"locale/sr: {count} entries derived from locale/sr_Latn; locale/en: "
        f"{english} new entries repeat their msgid; all compiled."
    )
