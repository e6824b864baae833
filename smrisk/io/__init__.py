"""Reading exports into Posts and writing Assessments out, in every supported format."""

from .columns import ColumnMap, find_columns
from .readers import PostSource, open_posts, post_from_record
from .writers import TABLE_COLUMNS, AssessmentWriter, table_row

__all__ = [
    "AssessmentWriter",
    "ColumnMap",
    "PostSource",
    "TABLE_COLUMNS",
    "find_columns",
    "open_posts",
    "post_from_record",
    "table_row",
]
