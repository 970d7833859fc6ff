"""Replies at the source, competitor links (#17).

Revision ID: 0005
Revises: 0004
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_text', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('reply_author', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))
        batch_op.add_column(sa.Column('replied_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('reply_seen_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))

    op.create_table('brandcompetitor',
    sa.Column('brand_id', sa.Integer(), nullable=False),
    sa.Column('competitor_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['brand_id'], ['brand.id'], name=op.f('fk_brandcompetitor_brand_id_brand')),
    sa.ForeignKeyConstraint(['competitor_id'], ['brand.id'], name=op.f('fk_brandcompetitor_competitor_id_brand')),
    sa.PrimaryKeyConstraint('brand_id', 'competitor_id', name=op.f('pk_brandcompetitor'))
    )


def downgrade() -> None:
    op.drop_table('brandcompetitor')
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_column('reply_seen_at')
        batch_op.drop_column('replied_at')
        batch_op.drop_column('reply_author')
        batch_op.drop_column('reply_text')
