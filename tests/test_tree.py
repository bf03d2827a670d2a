"""Tree integrity: orphans and cycles are repaired visibly, never dropped; participants are derived."""

from __future__ import annotations

import pytest

from debate.errors import TreeError
from debate.model import Article, Comment, Thread
from debate.tree import derive_participants, max_depth, placeholder, repair_tree, walk


def c(cid, parent=None, author=None, text="x"):
    return Comment(id=cid, text=text, parent=parent, author=author)


def test_orphan_is_reattached_to_the_article_and_flagged():
    comments, report = repair_tree([c("a"), c("b", "zz")])
    assert [x.parent for x in comments] == [None, None]
    assert comments[1].flags == ("orphaned",)
    assert comments[1].extra["source_parent"] == "zz"
    assert report.orphaned == ("b",)


def test_cycle_is_broken_at_its_first_comment_in_source_order():
    comments, report = repair_tree([c("r"), c("a", "b"), c("b", "a"), c("d", "b")])
    by_id = {x.id: x for x in comments}
    assert by_id["a"].parent is None and "cycle_repaired" in by_id["a"].flags
    assert by_id["b"].parent == "a" and by_id["d"].parent == "b"
    assert report.cycles_broken == ("a",)


def test_self_loop_is_a_cycle():
    comments, report = repair_tree([c("a", "a")])
    assert comments[0].parent is None and report.cycles_broken == ("a",)


def test_duplicate_ids_are_an_error_naming_the_id():
    with pytest.raises(TreeError, match="duplicate comment id 'a'"):
        repair_tree([c("a"), c("a")], path="f.json")


def test_walk_visits_every_comment_once_depth_first():
    t = Thread(id="t", article=Article(), comments=(c("1"), c("2"), c("3", "1"), c("4", "3"), c("5", "2")))
    assert [(x.id, d) for x, d in walk(t)] == [("1", 1), ("3", 2), ("4", 3), ("2", 1), ("5", 2)]
    assert max_depth(t) == 3


def test_participants_group_names_and_give_placeholders():
    t = Thread(id="t", article=Article(author="Sokeel Park"), comments=(
        c("1"), c("2", author="Adam"), c("3", author="adam "), c("4"), c("5", author="Sokeel  Park")))
    t = derive_participants(t)
    labels = {p.label: p.comments for p in t.participants}
    assert labels == {"Commenter A": ("1",), "Adam": ("2", "3"), "Commenter B": ("4",), "Sokeel Park": ("5",)}
    assert [p.is_article_author for p in t.participants] == [False, False, False, True]
    assert all(x.speaker for x in t.comments)
    assert derive_participants(t) == t  # stable


@pytest.mark.parametrize("i, name", [(0, "Commenter A"), (25, "Commenter Z"), (26, "Commenter AA"),
                                      (27, "Commenter AB")])
def test_placeholders(i, name):
    assert placeholder(i) == name


def test_anonymous_comments_are_not_merged_into_one_person():
    t = derive_participants(Thread(id="t", article=Article(), comments=(
        c("1", author="Anonymous"), c("2", author="anonymous"), c("3", author="[deleted]"))))
    assert [p.label for p in t.participants] == ["Commenter A", "Commenter B", "Commenter C"]
    assert [x.author for x in t.comments] == ["Anonymous", "anonymous", "[deleted]"]
