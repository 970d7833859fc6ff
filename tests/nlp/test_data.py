import pytest

from nlp.data import DataError, read_rows, write_rows


def test_csv_row_with_extra_field_names_file_and_row(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('text,rating\n"fine",5\n"bad",1,extra\n')
    with pytest.raises(DataError, match=r"in\.csv: row 3 has 3 fields"):
        read_rows(path)


def test_jsonl_bad_line_names_row(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "a"}\n{"text": \n')
    with pytest.raises(DataError, match=r"in\.jsonl: row 2: invalid JSON"):
        read_rows(path)


def test_jsonl_error_message_is_whole(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "a"}\n{"text": "tab\there"}\n')
    with pytest.raises(DataError) as err:
        read_rows(path)
    assert str(err.value).endswith("row 2: invalid JSON (Invalid control character at column 14)")


def test_jsonl_non_object_row(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "a"}\n[1, 2]\n')
    with pytest.raises(DataError, match="row 2: expected a JSON object"):
        read_rows(path)


def test_unknown_extension_and_missing_file(tmp_path):
    (tmp_path / "x.txt").write_text("text\nhello\n")
    with pytest.raises(DataError, match="unknown format"):
        read_rows(tmp_path / "x.txt")
    with pytest.raises(DataError, match="no such file"):
        read_rows(tmp_path / "x.csv")


def test_write_roundtrip_csv_lists_and_bools(tmp_path):
    path = tmp_path / "out.csv"
    write_rows(path, ["a", "reasons", "detractor"], [{"a": 1, "reasons": ["x", "y"], "detractor": True}])
    assert read_rows(path)[1] == [{"a": "1", "reasons": "x; y", "detractor": "true"}]


@pytest.mark.parametrize("name", ["excel.csv", "excel.csv.gz"])
def test_a_byte_order_mark_is_not_part_of_the_first_column(tmp_path, name):
    import gzip

    content = "\ufefftext,rating\nfine,5\n".encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(content) if name.endswith(".gz") else content)
    assert read_rows(path) == (["text", "rating"], [{"text": "fine", "rating": "5"}])


def test_blank_header_cells_each_keep_their_own_column(tmp_path):
    """Two blank header cells were one dict key: the first one's data was lost, the last one's written twice."""
    from nlp.data import read_table

    path = tmp_path / "in.csv"
    path.write_text('text,,,rating,column_4\n"Great stuff",note-a,note-b,5,x\n')
    table = read_table(path)
    assert table.columns == ["text", "column_2", "column_3", "rating", "column_4"]
    assert table.blank == ["column_2", "column_3"]
    assert table.rows == [{"text": "Great stuff", "column_2": "note-a", "column_3": "note-b", "rating": "5",
                           "column_4": "x"}]
    path.write_text("a,,column_2\n1,2,3\n")
    assert read_table(path).columns == ["a", "column_2_", "column_2"]  # a name the header holds is not reused
    out = tmp_path / "out.csv"
    write_rows(out, table.columns, table.rows, header=["" if c in table.blank else c for c in table.columns])
    assert out.read_text().splitlines() == ["text,,,rating,column_4", "Great stuff,note-a,note-b,5,x"]
