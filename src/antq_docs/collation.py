"""Vietnamese alphabetical order, as a dictionary or a list of provinces is ordered: letter
by letter in the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then,
between words spelt alike, by their tone marks (ngang, huyền, hỏi, ngã, sắc, nặng).

Python's own sort puts «Đà Nẵng» after «Yên Bái» and «Cao Bằng» before «Cà Mau»; Babel has
no collation, and PyICU, which has one, needs the ICU library: this small key does what a
list of names needs."""

from __future__ import annotations

import unicodedata

__all__ = ["vietnamese_key", "ALPHABET"]

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# f, j, w and z (names, loanwords) stand where the Latin alphabet puts them.
_RANK = {letter: rank for rank, letter in enumerate("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")}
# The tone marks, in dictionary order after the unmarked (ngang) word; ă â ê ô ơ ư keep
# their own marks: they are letters of the alphabet.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_GAP = -1  # a space or a hyphen: «Cà Mau» before «Cao Bằng», a shorter word first


def vietnamese_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Sort key: the letters in the Vietnamese alphabet, then the tones, then the text
    itself (so that two spellings never compare equal). Case is ignored."""
    letters: list[int] = []
    tones: list[int] = []
    for character in unicodedata.normalize("NFC", text.casefold()):
        parts = unicodedata.normalize("NFD", character)
        tones.append(next((_TONES[mark] for mark in parts if mark in _TONES), 0))
        letter = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
        if letter.isspace() or letter in "-–":
            letters.append(_GAP)
        else:  # digits and signs after the letters, in the order of their code points
            letters.append(_RANK.get(letter, len(_RANK) + ord(letter[:1] or " ")))
    return tuple(letters), tuple(tones), text
