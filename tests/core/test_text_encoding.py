"""A review file's encoding: its byte order mark wins, else ``--encoding``, else UTF-8, never a guess; a byte that
does not decode names the file's LINE (an offset into a UTF-16 file or a gzip'd one helped nobody)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from core.text_encoding import UndecodableText, check_encoding, decode, file_bytes, open_text

TEXT = "text\tstars\nCafé – très bien €\t5\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_a_byte_order_mark_names_the_encoding(tmp_path: Path, codec: str, gz: bool) -> None:
    """Excel's "Unicode Text" is UTF-16-LE with a BOM; the BOM is dropped, so the first column keeps its name."""
    data = ("\ufeff" + TEXT).encode(codec)
    path = tmp_path / ("export.txt.gz" if gz else "export.txt")
    path.write_bytes(gzip.compress(data) if gz else data)
    assert decode(file_bytes(path), path, None) == TEXT
    assert decode(file_bytes(path), path, "cp1252") == TEXT  # the mark wins over a --encoding for every file
    with open_text(path, None) as f:
        assert f.read() == TEXT


def test_without_a_mark_the_named_encoding_else_utf8(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes(TEXT.encode("cp1252"))
    assert decode(path.read_bytes(), path, "cp1252") == TEXT
    with open_text(path, "cp1252") as f:
        assert f.read() == TEXT
    with pytest.raises(UndecodableText) as raised:  # not guessed: UTF-8 unless told
        decode(path.read_bytes(), path, None)
    assert str(raised.value) == (f"{path} line 2: not UTF-8 text (byte 0xe9: invalid continuation byte); "
                                 "give the file's encoding with --encoding (e.g. --encoding cp1252)")


@pytest.mark.parametrize("breaks", ["\n", "\r\n", "\r"])
def test_the_line_counts_every_kind_of_line_break(tmp_path: Path, breaks: str) -> None:
    content = breaks.join(["text", '"two', 'lines"', "fine", "caf\xe9", "after"]).encode("latin-1")
    with pytest.raises(UndecodableText, match=r" line 5: not cp1250 text \(byte 0x81: "):
        decode(content.replace(b"\xe9", b"\x81\xe9"), tmp_path / "x.csv", "cp1250")  # 0x81: no letter in cp1250
    with pytest.raises(UndecodableText, match=r" line 5: not UTF-8 text"):
        decode(content, tmp_path / "x.csv", None)


def test_a_damaged_utf16_file_says_so_not_to_name_an_encoding(tmp_path: Path) -> None:
    """--encoding would not help a file whose byte order mark already says what it is."""
    data = "\ufefftext\nfine\nok\n".encode("utf-16-le")[:-1]  # cut mid-character
    with pytest.raises(UndecodableText) as raised:
        decode(data, tmp_path / "cut.txt", None)
    assert str(raised.value).endswith("cut.txt line 3: not UTF-16 text as its byte order mark says "
                                      "(byte 0x0a: truncated data)")


@pytest.mark.parametrize("name", ["cp1252", "CP1252", "windows-1252", "latin-1", "utf-16", "utf_8", None])
def test_python_codec_names_are_encodings(name: str | None) -> None:
    assert check_encoding(name) == name


@pytest.mark.parametrize("name", ["nope", "", "base64", "rot13", "utf\x008"])
def test_unknown_and_bytes_codecs_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match=r"^unknown encoding \(a Python codec name, e\.g\. utf-8, utf-16, cp1252"):
        check_encoding(name)
