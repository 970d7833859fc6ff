"""What an ok crawl left unread, in columns of its run; review.edited_at indexed.

The next crawl of a source read it back from the run's message by regex
(``could not fetch URL: the pages after it were not read``, ``a crawl stopped
paginating at --since DAY``): wording for people doubled as state. Now
``crawlrun.pages_unread`` (next pages it could not fetch) and
``crawlrun.since_cut`` (the day ``--since`` stopped its pagination) hold it;
the message stays as it was, for display. Existing ok runs are filled from
their messages with the patterns the readers used, so a store upgraded between
two crawls hands the same state to the next one.

A night's check for unfinished nights (``models.crud.night_counts``) scans
``review.edited_at`` by time: it gets an index.

Revision ID: 0009
Revises: 0008
"""
import re
from datetime import date
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The notes as crawlers.stats wrote them (unread_note, since_note), frozen here: this migration
# must read the messages of old rows whatever later code writes.
UNREAD = re.compile(r"(?: and (\d+) other pages?)?: the pages after (?:it|them) were not read")
SINCE = re.compile(r"a crawl stopped paginating at --since (\d{4}-\d{2}-\d{2})")


def _handover(message: str) -> dict[str, object]:
    """The columns one ok run's message stands for (none when it carries neither note)."""
    values: dict[str, object] = {}
    unread = UNREAD.search(message)
    if unread:
        values["pages_unread"] = 1 + int(unread.group(1) or 0)
    cut = SINCE.search(message)
    if cut:
        values["since_cut"] = date.fromisoformat(cut.group(1))
    return values


def _backfill() -> None:
    """Fill the new columns of the ok runs whose messages carry the notes (the only runs the readers read)."""
    if op.get_context().as_sql:  # `alembic upgrade --sql` reads no rows: the columns start empty there
        return
    run = sa.table('crawlrun', sa.column('id', sa.Integer()), sa.column('status', sa.String()),
                   sa.column('error_message', sa.Text()), sa.column('pages_unread', sa.Integer()),
                   sa.column('since_cut', sa.Date()))
    message = run.c.error_message
    bind = op.get_bind()
    rows = bind.execute(sa.select(run.c.id, message).where(
        run.c.status == 'ok', message.is_not(None),
        sa.or_(message.like('%were not read%'), message.like('%stopped paginating at --since %')))).all()
    for run_id, text in rows:
        values = _handover(text)
        if values:
            bind.execute(run.update().where(run.c.id == run_id).values(**values))


def upgrade() -> None:
    with op.batch_alter_table('crawlrun', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pages_unread', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('since_cut', sa.Date(), nullable=True))
    _backfill()
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_edited_at'), ['edited_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_edited_at'))
    with op.batch_alter_table('crawlrun', schema=None) as batch_op:
        batch_op.drop_column('since_cut')
        batch_op.drop_column('pages_unread')
