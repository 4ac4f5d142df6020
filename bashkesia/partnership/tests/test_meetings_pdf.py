"""A meeting's record as PDF: the lines it prints, in the request's language
and script, and the PDF that really holds them.

``pdf_text`` reads the text back out of an uncompressed PDF through the fonts'
ToUnicode maps, as a PDF reader copies text: what is asserted is what a
reader of the file sees.
"""

import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from bashkesia.partnership.models import ForumKind
from bashkesia.partnership.pdf import (
    Line,
    meeting_record_filename,
    meeting_record_lines,
    meeting_record_pdf,
)
from bashkesia.partnership.selectors.meetings import meeting_record
from bashkesia.partnership.services import meetings as services

from .test_meetings_services import (
    frozen_fixture,  # noqa: F401 (the fixture "frozen")
    held,
    make_forum,
    member,
    secretary_of,
    user,
)

pytestmark = pytest.mark.django_db

ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def _unescape(literal: str) -> bytes:
    """Return the bytes of a PDF literal string's body."""
    out = bytearray()
    i = 0
    while i < len(literal):
        char = literal[i]
        if char != "\\":
            out.append(ord(char))
            i += 1
            continue
        following = literal[i + 1]
        octal = re.match(r"[0-7]{1,3}", literal[i + 1 :])
        if octal:
            out.append(int(octal.group(), 8))
            i += 1 + len(octal.group())
        else:
            out.extend(ESCAPES.get(following, following).encode("latin-1"))
            i += 2
    return bytes(out)


def _cmap(stream: str) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", stream, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", stream, re.S):
        for low, high, start in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            for offset in range(int(high, 16) - int(low, 16) + 1):
                mapping[int(low, 16) + offset] = chr(int(start, 16) + offset)
    return mapping


def pdf_text(document: bytes) -> list[str]:
    """Return the strings an uncompressed PDF shows, one per text run."""
    source = document.decode("latin-1")
    objects = dict(re.findall(r"(\d+) 0 obj(.*?)endobj", source, re.S))
    fonts = {}
    for name, number in set(re.findall(r"/(F\d+) (\d+) 0 R", source)):
        unicode_map = re.search(r"/ToUnicode (\d+) 0 R", objects[number]).group(1)
        fonts[name] = _cmap(objects[unicode_map])
    runs, font = [], None
    shown = r"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj"
    for match in re.finditer(shown, source, re.S):
        if match.group(1):
            font = fonts[match.group(1)]
            continue
        raw = _unescape(match.group(2))
        codes = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
        runs.append("".join(font[code] for code in codes))
    return runs


@pytest.fixture
def kksb_meeting(frozen):
    forum = make_forum(ForumKind.KKSB, name="Prizren")
    forum.name_sr = "ОСБЗ Призрен"
    forum.save(update_fields=["name_sr"])
    keeper = secretary_of(forum)
    chair = member(forum, "Arben Krasniqi", role="chair", organisation="Komuna")
    meeting = held(
        forum, keeper, days_ago=2, title="Takimi i Këshillit", agenda="Ndriçimi\nŠkola"
    )
    services.attendance_record(
        meeting=meeting,
        members_present=[chair],
        citizens={"total": 9, "gender": {"female": 4, "male": 5}},
        by=keeper,
    )
    services.minutes_draft(
        meeting=meeting,
        text="Banorët kërkuan ndriçim. Мештани траже светло.",
        by=keeper,
    )
    services.security_report_file(
        meeting=meeting, text="Vjedhjet ranë për një të tretën.", by=user("commander")
    )
    recommendation = services.recommendation_add(
        meeting=meeting, text="Ndriçoni rrugën e shkollës.", by=keeper
    )
    services.action_item_create(
        forum=forum,
        recommendation=recommendation,
        title="Dy drita në rrugë",
        owner="Komuna e Prizrenit",
        by=keeper,
    )
    meeting.refresh_from_db()
    return meeting


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_the_public_record_prints_the_meeting_without_names_or_drafts(kksb_meeting):
    with translation.override("en"):
        lines = meeting_record_lines(meeting_record(meeting=kksb_meeting))
    printed = texts(lines)
    assert lines[0] == Line("title", "KKSB Prizren")
    assert Line("subtitle", "Takimi i Këshillit") in lines
    assert "Place: Community hall, Arbana" in printed
    assert Line("heading", "Agenda") in lines
    assert [t for t in printed if t[:2] in ("1.", "2.")][:2] == [
        "1. Ndriçimi",
        "2. Škola",
    ]
    assert "Members of the forum present: 1" in printed
    assert "Citizens present: 9" in printed
    assert "By gender: woman 4, man 5" in printed
    assert "The minutes are not approved yet." in printed
    assert "1. Ndriçoni rrugën e shkollës." in printed
    assert "Dy drita në rrugë · owner: Komuna e Prizrenit · open" in printed
    joined = "\n".join(printed)
    assert "Arben Krasniqi" not in joined
    assert "Banorët kërkuan" not in joined
    assert "DRAFT" not in joined
    assert "Vjedhjet" not in joined


def test_the_staff_record_names_the_members_and_marks_the_draft(kksb_meeting):
    with translation.override("en"):
        lines = meeting_record_lines(meeting_record(meeting=kksb_meeting, staff=True))
    printed = texts(lines)
    assert Line("item", "Arben Krasniqi · chair · Komuna") in lines
    assert Line("mark", "DRAFT · version 1, not approved") in lines
    assert "Banorët kërkuan ndriçim. Мештани траже светло." in printed
    assert Line("heading", "The station commander's security report") in lines
    assert "Vjedhjet ranë për një të tretën." in printed
    assert "Closed to the public" not in printed
    assert "Open to the public" in printed


def test_approved_minutes_print_with_when_and_where_they_were_approved(
    kksb_meeting,
    frozen,
):
    keeper = user("t-secretary")
    following = held(kksb_meeting.forum, keeper, days_ago=0, title="Next meeting")
    services.minutes_approve(
        minutes=kksb_meeting.minutes.get(), at_meeting=following, by=keeper
    )
    with translation.override("en"):
        printed = texts(meeting_record_lines(meeting_record(meeting=kksb_meeting)))
    caption = next(t for t in printed if t.startswith("Version 1, approved on"))
    assert caption.endswith(
        "at the meeting “Next meeting” of " + caption.split(" of ")[-1]
    )
    assert "Banorët kërkuan ndriçim. Мештани траже светло." in printed


def test_the_pdf_holds_the_lines_in_albanian_serbian_latin_and_cyrillic(kksb_meeting):
    record = meeting_record(meeting=kksb_meeting, staff=True)
    with translation.override("sr"):
        lines = meeting_record_lines(record)
        document = meeting_record_pdf(record, compress=False)
    assert document.startswith(b"%PDF-")
    shown = pdf_text(document)
    assert shown[0] == "ОСБЗ Призрен"
    for text in [
        "Takimi i Këshillit",
        "1. Ndriçimi",
        "2. Škola",
        "Banorët kërkuan ndriçim. Мештани траже светло.",
        "Vjedhjet ranë për një të tretën.",
    ]:
        assert text in shown, text
    # Every line written is in the file, in order (long ones wrap over several
    # runs, and a wrap swallows the space where it happens).
    assert "".join(texts(lines)).replace(" ", "") in "".join(shown).replace(" ", "")


def test_each_page_says_its_number(kksb_meeting):
    record = meeting_record(meeting=kksb_meeting, staff=True)
    with translation.override("en"):
        shown = pdf_text(meeting_record_pdf(record, compress=False))
    assert "".join(shown).endswith("Page 1 of 1")


def test_dates_follow_the_language_of_the_request(kksb_meeting):
    record = meeting_record(meeting=kksb_meeting)
    starts = timezone.localtime(kksb_meeting.starts_at)
    when = {}
    for language in ("en", "sr"):
        with translation.override(language):
            # The fourth line says when the meeting starts.
            when[language] = meeting_record_lines(record)[3].text
            assert when[language].endswith(
                f"{date_format(starts, 'DATE_FORMAT')}, {starts:%H:%M}"
            )
    assert when["en"] != when["sr"]
    assert re.search("[а-я]", when["sr"])  # a Cyrillic month name


def test_the_compressed_pdf_is_a_real_pdf_and_smaller(kksb_meeting):
    record = meeting_record(meeting=kksb_meeting, staff=True)
    compressed = meeting_record_pdf(record)
    plain = meeting_record_pdf(record, compress=False)
    assert compressed.startswith(b"%PDF-")
    assert compressed.rstrip().endswith(b"%%EOF")
    assert len(compressed) < len(plain)


def test_the_file_name_is_plain(kksb_meeting):
    name = meeting_record_filename(kksb_meeting)
    assert re.fullmatch(r"kksb-meeting-\d{4}-\d{2}-\d{2}-\d+\.pdf", name)
