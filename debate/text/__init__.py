"""Text utilities shared by the readers, the structure inference, the taggers and reports: sentence
splitting, English stop words."""

from .sentences import sentence_spans, split_sentences

__all__ = ["sentence_spans", "split_sentences"]
