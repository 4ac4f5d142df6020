"""Every catalogue is complete and compiled: sq, sr-latn, sr and en."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALES = ["sq", "sr_Latn", "sr", "en"]
ENTRY = re.compile(
    r'^(#, fuzzy\n)?msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', re.MULTILINE
)


def entries(locale: str) -> list[tuple[bool, str, str]]:
    path = Path(settings.BASE_DIR) / "locale" / locale / "LC_MESSAGES" / "django.po"
    text = path.read_text(encoding="utf-8")

    def join(block: str) -> str:
        raw = "".join(re.findall(r'"(.*)"', block))
        return raw.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")

    return [
        (bool(fuzzy), join(msgid), join(msgstr))
        for fuzzy, msgid, msgstr in ENTRY.findall(text)
        if join(msgid)
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale):
    found = entries(locale)
    assert len(found) > 50
    assert [msgid for fuzzy, msgid, msgstr in found if fuzzy or not msgstr] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogue_matches_the_source(locale):
    path = Path(settings.BASE_DIR) / "locale" / locale / "LC_MESSAGES" / "django.mo"
    with path.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = [
        msgid
        for _, msgid, msgstr in entries(locale)
        if catalogue.gettext(msgid) != msgstr
    ]
    assert stale == []


@pytest.mark.parametrize("locale", ["sq", "sr_Latn", "sr"])
def test_placeholders_survive_translation(locale):
    for _, msgid, msgstr in entries(locale):
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(
            re.findall(r"%\(\w+\)s", msgstr)
        ), msgid
