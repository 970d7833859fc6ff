"""A brand's webhook backlog in the store: the flags its webhook has not had yet.

It was a JSON file under UMOT_DATA_DIR, so a fanned-out night whose parent flow
ran on another machine each night only retried what that machine remembered.

Revision ID: 0008
Revises: 0007
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('brand', schema=None) as batch_op:
        batch_op.add_column(sa.Column('webhook_seen_flag_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('webhook_unsent', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('brand', schema=None) as batch_op:
        batch_op.drop_column('webhook_unsent')
        batch_op.drop_column('webhook_seen_flag_id')
