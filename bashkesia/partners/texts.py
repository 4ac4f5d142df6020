"""Text kept in four languages: what staff type and what is stored."""

from bashkesia.core.text import albanian_to_cyrillic, clean_text, latin_to_cyrillic


def names_in_four(
    *, sq: str, sr_latn: str = "", en: str = "", limit: int = 200
) -> dict[str, str]:
    """Return a proper name in four spellings: the Albanian one is required;
    the Serbian (Latin) and English ones default to it; the Cyrillic one is
    the Serbian name transliterated (or the Albanian one, as Serbian media
    write Albanian names). Keys are the column suffixes."""
    sq, sr_latn, en = (clean_text(text)[:limit] for text in (sq, sr_latn, en))
    return {
        "sq": sq,
        "sr_latn": sr_latn or sq,
        "sr": latin_to_cyrillic(sr_latn) if sr_latn else albanian_to_cyrillic(sq),
        "en": en or sq,
    }


def text_in_four(
    *, sq: str, sr_latn: str = "", en: str = "", limit: int = 4000
) -> dict[str, str]:
    """Return a text (a theme, a description) in four languages: a blank
    translation stays blank and readers get the Albanian text; the Cyrillic
    text is the Serbian (Latin) one transliterated."""
    sq, sr_latn, en = (clean_text(text)[:limit] for text in (sq, sr_latn, en))
    return {
        "sq": sq,
        "sr_latn": sr_latn,
        "sr": latin_to_cyrillic(sr_latn),
        "en": en,
    }
