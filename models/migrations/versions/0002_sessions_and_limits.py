"""Hardening (#15): session versions, login throttling, crawl-run cleanup.

Revision ID: 0002
Revises: 0001
"""
from typing import Sequence, Union

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401
import sqlmodel  # noqa: F401

revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # --- web sessions and login throttling (#15, web helper) ---
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('disabled_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.create_table('loginthrottle',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('locked_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_loginthrottle'))
    )
    # --- end of web sessions and login throttling ---
    # --- crawl-run owner (#15, CLI helper): the next run closes runs whose process died ---
    with op.batch_alter_table('crawlrun', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
    # --- end of crawl-run owner ---


def downgrade() -> None:
    # --- crawl-run owner (#15, CLI helper) ---
    with op.batch_alter_table('crawlrun', schema=None) as batch_op:
        batch_op.drop_column('owner')
    # --- end of crawl-run owner ---
    # --- web sessions and login throttling (#15, web helper) ---
    op.drop_table('loginthrottle')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('disabled_at')
        batch_op.drop_column('session_version')
    # --- end of web sessions and login throttling ---
