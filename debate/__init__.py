"""debate: turn comment-thread arguments into reply trees, tags and reports.

The library is the product; the `debate` command is a thin layer over it.
Import the pieces you need, e.g. `from debate.ingest import read_threads`.
"""

__version__ = "0.1.0"
