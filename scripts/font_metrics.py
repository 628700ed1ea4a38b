"""Print the advance widths of Times New Roman's printable ASCII characters, regular and
bold, as antq_docs/check/metrics.py holds them (per 1000 units of the em).

    python scripts/font_metrics.py /usr/share/fonts/truetype/liberation2

Read from Liberation Serif, whose metrics are those of Times New Roman (Debian's
fonts-liberation2). Vietnamese letters take the width of their base letter.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        out[tag] = (offset, length)
    return out


def _cmap(data: bytes, offset: int) -> dict[int, int]:
    count = struct.unpack(">H", data[offset + 2 : offset + 4])[0]
    for i in range(count):
        platform, encoding, sub = struct.unpack(
            ">HHI", data[offset + 4 + 8 * i : offset + 12 + 8 * i]
        )
        if (platform, encoding) in ((3, 1), (0, 3)):
            base = offset + sub
            if struct.unpack(">H", data[base : base + 2])[0] == 4:
                break
    else:
        raise SystemExit("no format-4 Unicode cmap")
    segments = struct.unpack(">H", data[base + 6 : base + 8])[0] // 2
    ends = struct.unpack(f">{segments}H", data[base + 14 : base + 14 + 2 * segments])
    start_at = base + 16 + 2 * segments
    starts = struct.unpack(f">{segments}H", data[start_at : start_at + 2 * segments])
    deltas = struct.unpack(f">{segments}h", data[start_at + 2 * segments : start_at + 4 * segments])
    range_at = start_at + 4 * segments
    ranges = struct.unpack(f">{segments}H", data[range_at : range_at + 2 * segments])
    glyphs = {}
    for seg in range(segments):
        for code in range(starts[seg], ends[seg] + 1):
            if ranges[seg] == 0:
                glyph = (code + deltas[seg]) & 0xFFFF
            else:
                at = range_at + 2 * seg + ranges[seg] + 2 * (code - starts[seg])
                glyph = struct.unpack(">H", data[at : at + 2])[0]
                glyph = (glyph + deltas[seg]) & 0xFFFF if glyph else 0
            glyphs[code] = glyph
    return glyphs


def widths(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    tables = _tables(data)
    head = tables[b"head"][0]
    units = struct.unpack(">H", data[head + 18 : head + 20])[0]
    hhea = tables[b"hhea"][0]
    metrics = struct.unpack(">H", data[hhea + 34 : hhea + 36])[0]
    hmtx = tables[b"hmtx"][0]
    glyphs = _cmap(data, tables[b"cmap"][0])
    out = {}
    for code in range(32, 127):
        glyph = min(glyphs.get(code, 0), metrics - 1)
        advance = struct.unpack(">H", data[hmtx + 4 * glyph : hmtx + 4 * glyph + 2])[0]
        out[chr(code)] = round(advance * 1000 / units)
    return out


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation2")
    for name, file in (
        ("REGULAR", "LiberationSerif-Regular.ttf"),
        ("BOLD", "LiberationSerif-Bold.ttf"),
    ):
        table = widths(folder / file)
        print(f"{name} = {''.join(str(table[chr(c)]) + ',' for c in range(32, 127))}")
