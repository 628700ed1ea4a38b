"""The parts of a DOCX package, read with care: a document comes by e-mail from anyone, so
each part is checked against its declared size and compression ratio before it is
decompressed, and only the parts a reader needs are decompressed at all."""

from __future__ import annotations

import io
import re
import zipfile
from ..i18n import _

__all__ = ["read_parts", "MAX_DOCX_BYTES", "MAX_PART_BYTES", "MAX_RATIO", "MAX_PARAGRAPHS"]

MAX_DOCX_BYTES = 100 * 1024 * 1024  # the file itself
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, uncompressed
MAX_RATIO = 200  # XML compresses 10 to 30 times; a zip bomb a thousand
MAX_PARAGRAPHS = 30_000
# The parts a check reads; anything else in the package (images, fonts, a huge embedded
# object) is never decompressed.
_READ = re.compile(
    r"^(\[Content_Types\]\.xml|word/(document|styles|numbering|footnotes|"
    r"header\d*|footer\d*)\.xml|word/theme/theme1\.xml|"
    r"word/_rels/document\.xml\.rels|docProps/(core|app|custom)\.xml)$"
)


def read_parts(data: bytes, wanted=_READ.match) -> dict[str, bytes]:
    """The parts of a DOCX package, each checked against its declared size and compression
    ratio before it is decompressed. ValueError for a file that is not a DOCX, is encrypted,
    or looks like a zip bomb."""
    if len(data) > MAX_DOCX_BYTES:
        raise ValueError(
            _("the file is larger than {value} MB").format(value=MAX_DOCX_BYTES // 1024 // 1024)
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {}
            for info in archive.infolist():
                if not wanted(info.filename):
                    continue
                if info.flag_bits & 0x1:
                    raise ValueError(_("the document is encrypted (protected by a password)"))
                if info.file_size > MAX_PART_BYTES or info.file_size > MAX_RATIO * max(
                    info.compress_size, 1024
                ):
                    raise ValueError(
                        _(
                            "its part {part} unpacks to {size} MB: not "
                            "a real document (a zip bomb?)"
                        ).format(part=info.filename, size=info.file_size // 1024 // 1024)
                    )
                parts[info.filename] = archive.read(info)
        return parts
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        RuntimeError,
        OSError,
        EOFError,
    ) as exc:
        raise ValueError(_("not a readable DOCX file: {exc}").format(exc=exc)) from None
    except Exception as exc:  # zlib.error and the like: a damaged package
        if isinstance(exc, ValueError):
            raise
        raise ValueError(
            _("not a readable DOCX file: {name}: {exc}").format(name=type(exc).__name__, exc=exc)
        ) from None
