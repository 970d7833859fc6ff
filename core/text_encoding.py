"""Which encoding a review file is read in, shared by ``umot import`` and the score/train readers.

Excel writes "Unicode Text" as UTF-16 with a byte order mark and older "CSV" as Windows-1252. A file
starting with a BOM is read by it (it cannot be mistaken); otherwise in the encoding the user names
(``--encoding``), else UTF-8: bytes are never guessed at, so a wrong guess cannot store wrong letters.
A byte that does not decode is one line naming the file and its line.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
from pathlib import Path
from typing import TextIO

# UTF-32's marks first: UTF-32-LE's (FF FE 00 00) starts with UTF-16-LE's (FF FE)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what ends a line for csv and a text file (not U+2028 or U+0085)


class UndecodableText(ValueError):
    """A file's bytes that its encoding cannot read; the message names the file and line."""


def check_encoding(name: str | None) -> str | None:
    """``name`` if Python reads text in it (``cp1252``, ``utf-16``, ``latin-1``...) or None, else ValueError."""
    if name is None:
        return None
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=name)  # refuses bytes-to-bytes codecs (base64) too
    except (LookupError, ValueError):
        raise ValueError("unknown encoding (a Python codec name, e.g. utf-8, utf-16, cp1252, latin-1)") from None
    return name


def bom_codec(head: bytes) -> str | None:
    """The codec the byte order mark ``head`` starts with names (it drops the mark), or None."""
    return next((codec for mark, codec in _BOMS if head.startswith(mark)), None)


def codec_for(head: bytes, encoding: str | None) -> str:
    """The codec for a file starting with ``head``: its BOM's, else ``encoding``, else UTF-8."""
    return bom_codec(head) or encoding or "utf-8"


def file_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when its name ends in .gz (OSError, EOFError when it cannot be read)."""
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.name.lower().endswith(".gz") else raw


def decode(raw: bytes, path: Path, encoding: str | None) -> str:
    """A whole file's text (see :func:`codec_for`); :class:`UndecodableText` at the first byte it cannot read."""
    codec = codec_for(raw[:4], encoding)
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        line = len(LINE_BREAK.findall(raw[: exc.start].decode(codec))) + 1  # the bytes before it do decode
        byte = f"byte 0x{raw[exc.start]:02x}: "
        if bom_codec(raw[:4]):  # a damaged file, not a wrong encoding: --encoding would not help
            bom = codec.removesuffix("-sig").upper()
            raise UndecodableText(f"{path} line {line}: not {bom} text as its byte order mark says "
                                  f"({byte}{exc.reason})") from None
        raise UndecodableText(f"{path} line {line}: not {encoding or 'UTF-8'} text ({byte}{exc.reason}); "
                              "give the file's encoding with --encoding (e.g. --encoding cp1252)") from None


def open_text(path: Path, encoding: str | None) -> TextIO:
    """The file (gunzipped when named .gz) as text for csv/json, decoded as :func:`codec_for` says; a byte it
    cannot read raises UnicodeDecodeError mid-file: :func:`decode` of :func:`file_bytes` then names its line."""
    gzipped = path.name.lower().endswith(".gz")
    with gzip.open(path, "rb") if gzipped else path.open("rb") as head:
        codec = codec_for(head.read(4), encoding)
    if gzipped:
        return gzip.open(path, "rt", encoding=codec, newline="")
    return path.open(encoding=codec, newline="")
