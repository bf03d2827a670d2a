"""Text utilities shared by the taggers and reports: sentence splitting."""

from .sentences import sentence_spans, split_sentences

__all__ = ["sentence_spans", "split_sentences"]
