"""Why a file could not be read or written, in the clerk's words and with what to do.

The operating system's texts («Read-only file system») and the zip and XML libraries' texts
(«File is not a zip file») are English, and say nothing of what to do: every message that
gives a reason for an input or an output failing takes it from `reason()` instead.
"""

from __future__ import annotations

import errno
import zipfile
import zlib

from .i18n import N_, _

__all__ = ["reason"]

_DENIED = N_(
    "you may not open it (another user's file or folder, or open in another program): "
    "close it, or choose another place with -o"
)
_FULL = N_("the disk is full: free some space, or write to another disk with -o, and run again")
_IN_USE = N_("the file is in use by another program (Word?): close it and run again")
_TOO_MANY = N_("too many files are open at once: close some programs and run again")
# errno names, each with its sentence: what happened, then what to do
_BY_NAME = {
    "ENOENT": N_(
        "there is no such file or folder: check the name and the folder (a name with spaces "
        "goes in quotes)"
    ),
    "EROFS": N_(
        "the disk is read-only, as a USB stick with its lock switch on is: slide the switch "
        "on the stick to unlock it, or save to another folder (choose one with -o)"
    ),
    "EACCES": _DENIED,
    "EPERM": _DENIED,
    "ENOSPC": _FULL,
    "EDQUOT": _FULL,
    "EISDIR": N_("it is a folder, not a file: give the files in it (for example FOLDER/*.docx)"),
    "ENOTDIR": N_("a part of the path is a file, not a folder: check the path"),
    "ENAMETOOLONG": N_("the name is too long: choose a shorter name or a nearer folder"),
    "EBUSY": _IN_USE,
    "ETXTBSY": _IN_USE,
    "EEXIST": N_("a file of that name is there already: choose another name"),
    "EIO": N_(
        "the disk could not be read or written (a damaged or unplugged USB stick?): copy the "
        "file to the computer and try again"
    ),
    "EMFILE": _TOO_MANY,
    "ENFILE": _TOO_MANY,
    "ELOOP": N_("a shortcut (link) in the path points back to itself: check the path"),
    "EINVAL": N_(
        'the disk does not accept this name: leave out the signs : * ? " < > | and try again'
    ),
}
# by name: Windows lacks some of them (EDQUOT, ELOOP)
_BY_ERRNO = {getattr(errno, name): text for name, text in _BY_NAME.items() if hasattr(errno, name)}
_NOT_A_ZIP = N_(
    "it is not a .docx file (an old .doc, a PDF, or a document protected by a password?): "
    "open it in Word and save it as «Word Document (*.docx)»"
)
_DAMAGED = N_(
    "the file is damaged or incomplete (cut off while it was copied or downloaded?): copy "
    "it again, or open it in Word and save it as «Word Document (*.docx)»"
)
_UNSUPPORTED = N_(
    "it is packed in a way Word does not write: open it in Word and save it as «Word "
    "Document (*.docx)»"
)
_BAD_XML = N_(
    "its content is damaged (the XML inside cannot be read): open it in Word, which can "
    "repair it, and save it again"
)


def reason(exc: BaseException) -> str:
    """What went wrong with a file, as a sentence with advice, for an OSError (by its errno),
    a zip or compression error, or an XML error; antq's own messages (errno 0, ValueError)
    as they are, anything else from a reader as a damaged file."""
    if isinstance(exc, OSError) and exc.errno in _BY_ERRNO:
        return _(_BY_ERRNO[exc.errno])
    if isinstance(exc, OSError) and exc.errno:
        name = errno.errorcode.get(exc.errno, str(exc.errno))
        return _("the system refused it ({code}): check the file and the folder").format(code=name)
    if isinstance(exc, OSError):  # errno 0: antq's own sentence (files.read_input)
        return str(exc.strerror or exc)
    if isinstance(exc, zipfile.BadZipFile):
        return _(_NOT_A_ZIP) if "not a zip file" in str(exc) else _(_DAMAGED)
    if isinstance(exc, (EOFError, zlib.error)):
        return _(_DAMAGED)
    if isinstance(exc, (NotImplementedError, zipfile.LargeZipFile)):
        return _(_UNSUPPORTED)
    if isinstance(exc, SyntaxError):  # lxml's XMLSyntaxError is one
        return _(_BAD_XML)
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return _("the document is encrypted (protected by a password)")
    if isinstance(exc, KeyError):  # a zip without word/document.xml
        return _(
            "it has no Word text in it (an Excel or PowerPoint file?): open it in Word and save "
            "it as «Word Document (*.docx)»"
        )
    if isinstance(exc, UnicodeDecodeError):
        return _(
            "the file is not saved as UTF-8 text: save it again as 'UTF-8' in the editor "
            "(Notepad: Save as → Encoding)"
        )
    if isinstance(exc, ValueError):  # antq's own sentence
        return str(exc)
    return _(_DAMAGED)
