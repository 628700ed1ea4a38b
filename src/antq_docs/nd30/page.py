"""The page of Phụ lục I, Phần I: paper, orientation, margins, font (PL1 I.1–4), and the
width of text they leave. Lengths in millimetres, as the decree gives them."""

from __future__ import annotations

from dataclasses import dataclass

from .ranges import MmRange

__all__ = ["PAPER_MM", "FONT", "COLOUR", "Margins", "MARGINS", "LANDSCAPE_MARGINS", "text_width_mm"]

#: PL1 I.1: A4, width × height in portrait (PL1 I.2: portrait unless a wide table needs
#: a landscape page).
PAPER_MM = (210, 297)
#: PL1 I.4: Times New Roman, Unicode per TCVN 6909:2001, black.
FONT = "Times New Roman"
COLOUR = "black"


@dataclass(frozen=True)
class Margins:
    top: MmRange
    bottom: MmRange
    left: MmRange
    right: MmRange

    def items(self) -> list[tuple[str, MmRange]]:
        """(side, range) in the order messages name them: top, bottom, left, right."""
        return [
            ("top", self.top),
            ("bottom", self.bottom),
            ("left", self.left),
            ("right", self.right),
        ]


#: PL1 I.3: top and bottom 20–25 mm, left 30–35 mm (the binding edge), right 15–20 mm.
MARGINS = Margins(
    top=MmRange((20, 25), 20),
    bottom=MmRange((20, 25), 20),
    left=MmRange((30, 35), 30),
    right=MmRange((15, 20), 15),
)
#: A landscape page (PL1 I.2) as it is bound: turned, its binding edge (the portrait left
#: margin) at the top, the portrait right margin at the bottom, and the portrait top and
#: bottom margins at its sides. antq writes the sides at 25 mm, the widest allowed.
LANDSCAPE_MARGINS = Margins(
    top=MmRange(MARGINS.left.allowed, 30),
    bottom=MmRange(MARGINS.right.allowed, 15),
    left=MmRange(MARGINS.top.allowed, 25),
    right=MmRange(MARGINS.bottom.allowed, 25),
)


def text_width_mm(landscape: bool = False) -> float:
    """The width of text between antq's chosen margins: 165 mm portrait, 247 landscape."""
    width = PAPER_MM[1] if landscape else PAPER_MM[0]
    margins = LANDSCAPE_MARGINS if landscape else MARGINS
    return width - margins.left.chosen - margins.right.chosen
