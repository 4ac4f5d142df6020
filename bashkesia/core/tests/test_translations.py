"""Every catalogue is complete and compiled: sq, sr-latn, sr and en."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from scripts.messages import to_cyrillic

LOCALES = ["sq", "sr_Latn", "sr", "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def catalogue(locale: str, suffix: str = "po"):
    path = Path(settings.BASE_DIR) / "locale" / locale / "LC_MESSAGES"
    return (polib.pofile if suffix == "po" else polib.mofile)(
        str(path / f"django.{suffix}")
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale):
    po = catalogue(locale)
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogue_matches_the_source(locale):
    compiled = {
        (e.msgid, e.msgstr, tuple(e.msgstr_plural.items()))
        for e in catalogue(locale, "mo")
    }
    source = {
        (e.msgid, e.msgstr, tuple(e.msgstr_plural.items()))
        for e in catalogue(locale)
        if e.translated()
    }
    assert source - compiled == set()


@pytest.mark.parametrize("locale", ["sq", "sr_Latn", "sr"])
def test_placeholders_survive_translation(locale):
    for entry in catalogue(locale):
        translations = (
            [entry.msgstr]
            if not entry.msgid_plural
            else list(entry.msgstr_plural.values())
        )
        expected = sorted(set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural)))
        for text in translations:
            assert sorted(set(PLACEHOLDER.findall(text))) == expected, entry.msgid


def test_cyrillic_is_derived_from_serbian_latin():
    latin = {(e.msgctxt, e.msgid): e.msgstr for e in catalogue("sr_Latn")}
    for entry in catalogue("sr"):
        if "manual" in (entry.tcomment or "") or entry.msgid_plural:
            continue
        wanted = to_cyrillic(latin[(entry.msgctxt, entry.msgid)])
        assert entry.msgstr == wanted, entry.msgid


def test_derivation_keeps_placeholders_codes_and_names_of_sources():
    assert to_cyrillic("Sektor %(code)s: PRZ-03, OpenStreetMap, q=42.1,20.2") == (
        "Сектор %(code)s: PRZ-03, OpenStreetMap, q=42.1,20.2"
    )


def test_derivation_keeps_formats_products_and_parameter_names_latin():
    latin = "Kalendar (iCalendar), Open311 API ključ, JSON i CSV, Evidencija (PDF)"
    assert to_cyrillic(latin) == (
        "Календар (iCalendar), Open311 API кључ, JSON и CSV, Евиденција (PDF)"
    )
    assert to_cyrillic("start_date ne sme biti posle end_date; http ili https") == (
        "start_date не сме бити после end_date; http или https"
    )
    assert to_cyrillic("JPEG, PNG ili WebP; W3C, WGS84; TOTP tajna") == (
        "JPEG, PNG или WebP; W3C, WGS84; TOTP тајна"
    )
