"""Initial schema: brands, sources, crawl runs, reviews, scores, flags, users.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 05:31:59.927473

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('brand',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('webhook_url', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_brand'))
    )
    with op.batch_alter_table('brand', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_brand_name'), ['name'], unique=True)

    op.create_table('user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('is_admin', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user'))
    )
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_email'), ['email'], unique=True)

    op.create_table('source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('brand_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('spider', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('urls', sa.JSON(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['brand_id'], ['brand.id'], name=op.f('fk_source_brand_id_brand')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source')),
    sa.UniqueConstraint('brand_id', 'name', name='uq_source_brand_name')
    )
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_brand_id'), ['brand_id'], unique=False)

    op.create_table('userbrand',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('brand_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['brand_id'], ['brand.id'], name=op.f('fk_userbrand_brand_id_brand')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_userbrand_user_id_user')),
    sa.PrimaryKeyConstraint('user_id', 'brand_id', name=op.f('pk_userbrand'))
    )
    op.create_table('crawlrun',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('brand_id', sa.Integer(), nullable=True),
    sa.Column('spider', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('started_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('finished_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('items_scraped', sa.Integer(), nullable=False),
    sa.Column('items_new', sa.Integer(), nullable=False),
    sa.Column('errors', sa.Integer(), nullable=False),
    sa.Column('error_message', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['brand_id'], ['brand.id'], name=op.f('fk_crawlrun_brand_id_brand')),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_crawlrun_source_id_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crawlrun'))
    )
    with op.batch_alter_table('crawlrun', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_crawlrun_brand_id'), ['brand_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_crawlrun_source_id'), ['source_id'], unique=False)

    op.create_table('review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('brand_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('crawl_run_id', sa.Integer(), nullable=True),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('external_id', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('author', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('rating', sa.Float(), nullable=True),
    sa.Column('rating_raw', sa.Float(), nullable=True),
    sa.Column('rating_scale', sa.Float(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('referral_intent', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('published_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('first_seen_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['brand_id'], ['brand.id'], name=op.f('fk_review_brand_id_brand')),
    sa.ForeignKeyConstraint(['crawl_run_id'], ['crawlrun.id'], name=op.f('fk_review_crawl_run_id_crawlrun')),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_review_source_id_source')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review')),
    sa.UniqueConstraint('brand_id', 'source', 'external_id', name='uq_review_identity')
    )
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.create_index('ix_review_brand_first_seen', ['brand_id', 'first_seen_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_brand_id'), ['brand_id'], unique=False)
        batch_op.create_index('ix_review_brand_published', ['brand_id', 'published_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_first_seen_at'), ['first_seen_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_source_id'), ['source_id'], unique=False)

    op.create_table('score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('model_version', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('stars', sa.Float(), nullable=True),
    sa.Column('p_negative', sa.Float(), nullable=True),
    sa.Column('p_neutral', sa.Float(), nullable=True),
    sa.Column('p_positive', sa.Float(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('detractor', sa.Boolean(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('scored_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_score_review_id_review')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score')),
    sa.UniqueConstraint('review_id', 'model_version', name='uq_score_review_model')
    )
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_model_version'), ['model_version'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_review_id'), ['review_id'], unique=False)

    op.create_table('flag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('score_id', sa.Integer(), nullable=True),
    sa.Column('brand_id', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('severity', sa.Float(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('assignee', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('corrected_label', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['brand_id'], ['brand.id'], name=op.f('fk_flag_brand_id_brand')),
    sa.ForeignKeyConstraint(['review_id'], ['review.id'], name=op.f('fk_flag_review_id_review')),
    sa.ForeignKeyConstraint(['score_id'], ['score.id'], name=op.f('fk_flag_score_id_score')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flag')),
    sa.UniqueConstraint('review_id', name=op.f('uq_flag_review_id'))
    )
    with op.batch_alter_table('flag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flag_brand_id'), ['brand_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_flag_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_flag_status'), ['status'], unique=False)

    op.create_table('flagevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('flag_id', sa.Integer(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('field_name', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['flag_id'], ['flag.id'], name=op.f('fk_flagevent_flag_id_flag')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flagevent'))
    )
    with op.batch_alter_table('flagevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flagevent_flag_id'), ['flag_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('flagevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flagevent_flag_id'))

    op.drop_table('flagevent')
    with op.batch_alter_table('flag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flag_status'))
        batch_op.drop_index(batch_op.f('ix_flag_created_at'))
        batch_op.drop_index(batch_op.f('ix_flag_brand_id'))

    op.drop_table('flag')
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_score_review_id'))
        batch_op.drop_index(batch_op.f('ix_score_model_version'))

    op.drop_table('score')
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_source_id'))
        batch_op.drop_index(batch_op.f('ix_review_first_seen_at'))
        batch_op.drop_index('ix_review_brand_published')
        batch_op.drop_index(batch_op.f('ix_review_brand_id'))
        batch_op.drop_index('ix_review_brand_first_seen')

    op.drop_table('review')
    with op.batch_alter_table('crawlrun', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_crawlrun_source_id'))
        batch_op.drop_index(batch_op.f('ix_crawlrun_brand_id'))

    op.drop_table('crawlrun')
    op.drop_table('userbrand')
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_brand_id'))

    op.drop_table('source')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_email'))

    op.drop_table('user')
    with op.batch_alter_table('brand', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_brand_name'))

    op.drop_table('brand')
