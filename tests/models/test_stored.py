"""models.stored: the id of a written row, and a clear refusal for a row never written."""

import pytest

from models import crud
from models.stored import stored_id
from models.tables import Brand


def test_a_written_row_gives_its_id(session) -> None:
    brand = crud.get_or_create_brand(session, "Acme")
    assert stored_id(brand) == brand.id
    assert isinstance(stored_id(brand), int)


def test_a_row_never_written_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="Brand has no id: it was never written to the store"):
        stored_id(Brand(name="Acme"))
