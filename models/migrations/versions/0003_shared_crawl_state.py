"""Scale-out (#16) and store-tied crawl state (#15): HTTP cache/page kinds in the store, scoring claims.

Revision ID: 0003
Revises: 0002
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('pagestate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('brand_id', sa.Integer(), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('etag', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('last_modified', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('links', sa.JSON(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['brand_id'], ['brand.id'], name=op.f('fk_pagestate_brand_id_brand')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pagestate')),
    sa.UniqueConstraint('brand_id', 'url', name='uq_pagestate_brand_url')
    )
    op.create_table('scoreclaim',
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('model_version', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_scoreclaim_review_id_review')),
    sa.PrimaryKeyConstraint('review_id', 'model_version', name=op.f('pk_scoreclaim'))
    )
    op.create_index(op.f('ix_scoreclaim_expires_at'), 'scoreclaim', ['expires_at'], unique=False)
    op.create_table('nightshard',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('night', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('shard', sa.Integer(), nullable=False),
    sa.Column('source_ids', sa.JSON(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('worker', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('flow_run_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('heartbeat_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('outcome', sa.JSON(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nightshard')),
    sa.UniqueConstraint('night', 'kind', 'shard', name='uq_nightshard_unit')
    )
    op.create_index(op.f('ix_nightshard_night'), 'nightshard', ['night'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_nightshard_night'), table_name='nightshard')
    op.drop_table('nightshard')
    op.drop_index(op.f('ix_scoreclaim_expires_at'), table_name='scoreclaim')
    op.drop_table('scoreclaim')
    op.drop_table('pagestate')
