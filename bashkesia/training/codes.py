"""Certificates' verification codes: ``KSC-7F3K-9Q2M``.

Eight random characters from an alphabet without look-alikes (no 0/O, 1/I/L,
no U/V pair), read over the phone or typed from paper. What a person types
is matched without regard to case, dashes and spaces, with or without the
"KSC" prefix.
"""

import re
import secrets

PREFIX = "KSC"
ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
GROUP = 4
LENGTH = 2 * GROUP
_NOT_CODE = re.compile(r"[^0-9A-Z]")


def code_new() -> str:
    """Return a fresh random code (uniqueness is the caller's to check)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{PREFIX}-{body[:GROUP]}-{body[GROUP:]}"


def code_normalise(typed: str) -> str | None:
    """Return ``typed`` as a stored code, or None when it cannot be one."""
    plain = _NOT_CODE.sub("", (typed or "").upper())
    if len(plain) == LENGTH + len(PREFIX) and plain.startswith(PREFIX):
        plain = plain[len(PREFIX) :]
    if len(plain) != LENGTH or any(char not in ALPHABET for char in plain):
        return None
    return f"{PREFIX}-{plain[:GROUP]}-{plain[GROUP:]}"
