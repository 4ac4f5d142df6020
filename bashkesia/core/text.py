"""Text helpers for names written in Albanian and Serbian, in two scripts."""

import re
import unicodedata

from django.utils.html import strip_tags

# Serbian Cyrillic to Latin (Gaj's alphabet), lower case; digraph letters first.
_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e",
    "ж": "ž", "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj",
    "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č",
    "џ": "dž", "ш": "š",
}  # fmt: skip
_LATIN_DIGRAPHS_TO_CYRILLIC = {"lj": "љ", "nj": "њ", "dž": "џ"}
_LATIN_TO_CYRILLIC = {
    latin: cyrillic for cyrillic, latin in _CYRILLIC_TO_LATIN.items() if len(latin) == 1
}
_LATIN_TO_CYRILLIC.update({"q": "ќ", "w": "в", "x": "кс", "y": "ј", "ë": "е", "ç": "ч"})
_DIGRAPH_RE = re.compile("(lj|nj|dž)", re.IGNORECASE)
_SEPARATORS_RE = re.compile(r"[\s\-‐–—_.,;:/'’()]+")


def cyrillic_to_latin(text: str) -> str:
    """Return Serbian Cyrillic ``text`` in the Latin script, keeping case."""
    out = []
    for char in text:
        latin = _CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        elif char.isupper():
            out.append(latin[0].upper() + latin[1:])
        else:
            out.append(latin)
    return "".join(out)


def latin_to_cyrillic(text: str) -> str:
    """Return Serbian Latin ``text`` in the Cyrillic script, keeping case."""
    out = []
    for part in _DIGRAPH_RE.split(text):
        digraph = _LATIN_DIGRAPHS_TO_CYRILLIC.get(part.lower())
        if digraph is not None:
            out.append(digraph.upper() if part[0].isupper() else digraph)
            continue
        for char in part:
            cyrillic = _LATIN_TO_CYRILLIC.get(char.lower())
            if cyrillic is None:
                out.append(char)
            else:
                out.append(cyrillic.upper() if char.isupper() else cyrillic)
    return "".join(out)


def fold(text: str) -> str:
    """Return ``text`` folded for search: Latin script, no case, no accents.

    "Fushë Kosovë", "Fushe Kosove", "Kosovo Polje" and "Косово Поље" fold to
    plain ASCII words separated by single spaces; đ and ђ become "dj".
    """
    latin = cyrillic_to_latin(text.casefold()).replace("đ", "dj")
    decomposed = unicodedata.normalize("NFKD", latin)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS_RE.sub(" ", plain).strip()


# Albanian spelling to Serbian Cyrillic, as Serbian-language media write
# Albanian names (Xhevdet → Џевдет, Gjakovë → Ђакове): digraphs first.
_ALBANIAN_DIGRAPHS = {
    "dh": "д", "gj": "ђ", "ll": "л", "nj": "њ", "rr": "р", "sh": "ш",
    "th": "т", "xh": "џ", "zh": "ж",
}  # fmt: skip
_ALBANIAN_LETTERS = {
    "a": "а", "b": "б", "c": "ц", "ç": "ч", "d": "д", "e": "е", "ë": "е",
    "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "q": "ћ", "r": "р", "s": "с",
    "t": "т", "u": "у", "v": "в", "x": "дз", "y": "и", "z": "з",
    "ü": "и", "ö": "е", "ı": "и", "ş": "ш", "ğ": "г",
}  # fmt: skip
_ALBANIAN_DIGRAPH_RE = re.compile(
    "(" + "|".join(_ALBANIAN_DIGRAPHS) + ")", re.IGNORECASE
)


def albanian_to_cyrillic(text: str) -> str:
    """Return an Albanian (or Turkish) name written in Serbian Cyrillic."""
    out = []
    for part in _ALBANIAN_DIGRAPH_RE.split(text):
        digraph = _ALBANIAN_DIGRAPHS.get(part.lower())
        if digraph is not None:
            out.append(digraph.upper() if part[0].isupper() else digraph)
            continue
        for char in part:
            cyrillic = _ALBANIAN_LETTERS.get(char.lower())
            if cyrillic is None:
                out.append(char)
            elif char.isupper():
                out.append(cyrillic[0].upper() + cyrillic[1:])
            else:
                out.append(cyrillic)
    return "".join(out)


def clean_text(text: str) -> str:
    """Return plain text: tags stripped, whitespace trimmed."""
    return strip_tags(text or "").strip()
