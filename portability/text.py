"""Bytes as text: the encodings people's files come in, told apart without guessing wildly."""

import codecs

from portability.problems import Rejected

NOT_READABLE = (
    "Bearing cannot read this file. Upload a Bearing export (.json), a JSON Resume "
    "(.json), a LinkedIn data archive (.zip) or one of its CSV files, or a spreadsheet of "
    "jobs saved as CSV with a first row that names its columns."
)
UNICODE = ("UTF-8", "UTF-8 with BOM", "UTF-16")


def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of its encoding: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else Windows-1252, else Latin-1 (which reads any bytes)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError:
            raise Rejected.one(
                "This file starts like UTF-8 text but is not valid UTF-8; save it again as UTF-8."
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise Rejected.one(
                "This file starts like UTF-16 text but is not valid UTF-16; save it as UTF-8."
            ) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"
