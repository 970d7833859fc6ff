"""Themes and journey stages (#18).

Revision ID: 0004
Revises: 0003
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('reviewjourney',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('model_version', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('primary_stage', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('detected_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_reviewjourney_review_id_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviewjourney')),
    sa.UniqueConstraint('review_id', 'model_version', name='uq_reviewjourney_review_model')
    )
    op.create_index(op.f('ix_reviewjourney_review_id'), 'reviewjourney', ['review_id'], unique=False)
    op.create_index(op.f('ix_reviewjourney_model_version'), 'reviewjourney', ['model_version'], unique=False)
    op.create_table('reviewtheme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('model_version', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('theme', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('polarity', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_reviewtheme_review_id_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviewtheme')),
    sa.UniqueConstraint('review_id', 'model_version', 'theme', name='uq_reviewtheme_review_model_theme')
    )
    op.create_index(op.f('ix_reviewtheme_review_id'), 'reviewtheme', ['review_id'], unique=False)
    op.create_index('ix_reviewtheme_theme_review', 'reviewtheme', ['theme', 'review_id'], unique=False)
    op.create_table('reviewstage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('model_version', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('stage', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_reviewstage_review_id_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviewstage')),
    sa.UniqueConstraint('review_id', 'model_version', 'stage', name='uq_reviewstage_review_model_stage')
    )
    op.create_index(op.f('ix_reviewstage_review_id'), 'reviewstage', ['review_id'], unique=False)
    op.create_index('ix_reviewstage_stage_review', 'reviewstage', ['stage', 'review_id'], unique=False)
    op.create_table('themecorrection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('brand_id', sa.Integer(), nullable=False),
    sa.Column('theme', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('polarity', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['brand_id'], ['brand.id'], name=op.f('fk_themecorrection_brand_id_brand')),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_themecorrection_review_id_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_themecorrection'))
    )
    op.create_index(op.f('ix_themecorrection_brand_id'), 'themecorrection', ['brand_id'], unique=False)
    op.create_index(op.f('ix_themecorrection_review_id'), 'themecorrection', ['review_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_themecorrection_review_id'), table_name='themecorrection')
    op.drop_index(op.f('ix_themecorrection_brand_id'), table_name='themecorrection')
    op.drop_table('themecorrection')
    op.drop_index('ix_reviewstage_stage_review', table_name='reviewstage')
    op.drop_index(op.f('ix_reviewstage_review_id'), table_name='reviewstage')
    op.drop_table('reviewstage')
    op.drop_index('ix_reviewtheme_theme_review', table_name='reviewtheme')
    op.drop_index(op.f('ix_reviewtheme_review_id'), table_name='reviewtheme')
    op.drop_table('reviewtheme')
    op.drop_index(op.f('ix_reviewjourney_model_version'), table_name='reviewjourney')
    op.drop_index(op.f('ix_reviewjourney_review_id'), table_name='reviewjourney')
    op.drop_table('reviewjourney')
