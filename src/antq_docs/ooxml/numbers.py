"""Numbers read from a document's XML, with bounds: a file from anywhere may write a font
size of 400 digits or a width of 5,000, and Python would compute with either (or refuse
to convert it at all). Every measure OOXML has fits in far fewer digits."""

from __future__ import annotations

__all__ = ["xml_int", "MAX_MAGNITUDE"]

MAX_MAGNITUDE = 10**15  # EMU of a 27-metre page; no real measure comes near
_MAX_CHARACTERS = 24  # «-1000000000000000.000000»: longer is never a measure


def xml_int(text: object, default: int = 0) -> int:
    """The integer an attribute or element holds ("240", " 240 ", "240.0"), or `default`
    when it is absent, not a number, or beyond any measure."""
    if text is None:
        return default
    value = str(text).strip()
    if not value or len(value) > _MAX_CHARACTERS:
        return default
    try:
        number = int(value)
    except ValueError:
        try:
            number = round(float(value))
        except (ValueError, OverflowError):
            return default
    return number if abs(number) <= MAX_MAGNITUDE else default
