"""Glosses for students: what each label means and what a cue is, in plain words.

Used by `debate report --explain` and the worksheet's answer key. The label
glosses follow the label sets in `debate.model` (stance toward a thesis, after
SemEval-2016 Task 6; agree/disagree with the parent comment; discourse acts
after the Coarse Discourse label set plus argumentation acts; VADER sentiment).
"""

from __future__ import annotations

from ..model import Label

STANCE = {
    "favor": "argues for the thesis, or for something that supports it",
    "against": "argues against the thesis, or for something that contradicts it",
    "none": "takes no recognisable position on the thesis (off topic, a question, or balanced)",
    "mixed": "(participant) has comments on both sides in equal measure",
}
RELATION = {
    "agree": "agrees with the comment it replies to (or with the article, for a top-level comment)",
    "disagree": "disagrees with, contradicts or rebuts the comment it replies to",
    "neutral": "replies without agreeing or disagreeing (adds information, asks, jokes)",
}
SENTIMENT = {
    "positive": "the wording is positive overall (VADER compound score of 0.05 or more)",
    "neutral": "the wording is neither clearly positive nor negative (compound between -0.05 and 0.05)",
    "negative": "the wording is negative overall (compound of -0.05 or less); note: negative wording "
                "is not the same as disagreeing",
}
ACTS = {
    "question": "asks something",
    "answer": "answers a question asked before",
    "agreement": "says it agrees",
    "disagreement": "says it disagrees, without giving a reason (with one, it is a rebuttal)",
    "elaboration": "adds detail or explanation to a point already made",
    "rebuttal": "argues back against a point, giving a reason",
    "concession": "grants part of the other side's point (\"fair enough, but...\")",
    "evidence": "backs a claim with facts, numbers, sources or examples",
    "appeal_to_emotion": "tries to persuade through feelings rather than reasons",
    "personal_attack": "attacks the person instead of the argument",
    "humor": "jokes or uses irony",
    "appreciation": "thanks or praises someone",
    "announcement": "announces news or an event",
    "negative_reaction": "reacts with dismissal or annoyance without an argument",
    "other": "does none of the above",
}
KINDS = {"stance": STANCE, "relation": RELATION, "sentiment": SENTIMENT, "act": ACTS}
DECIDED_BY = {
    "local": "decided by cues in the comment itself",
    "model": "decided by a trained model",
    "reviser": "the rules found no side; a model learned from hand-labelled comments read one in its opening words",
    "flag": "set because the comment is flagged (deleted, spam...) and takes no part in the debate",
}
#: What the taggers' cues mean, for a student reading "which cue fired". Cue names not listed here
#: (a tagger may add new ones) are shown as words, e.g. "agree marker".
CUES = {
    # stance
    "object_verb": "a verb acting on something the thesis is about (\"stop the deportations\"), maybe negated",
    "target_attitude": "the comment treats a party the thesis names well or badly",
    "target_valence": "positive or negative wording in a sentence about a party the thesis names",
    "practice": "positive or negative wording about the practice the thesis is about",
    "sympathy": "words of sympathy for the people the thesis is about",
    "dismissal": "dismissive words aimed at one side",
    "thesis_echo": "the comment repeats the thesis's own key words",
    "topic_valence": "positive or negative wording about what the thesis is about (its policy or topic words); "
                     "a topic word said to rise or fall counts too (\"rents went up\", \"fewer cars\")",
    "topic_comparison": "what the thesis is about wins or loses a comparison (\"limits would help more than meters\")",
    "cost": "a cost someone will bear if the proposal goes ahead (\"we'll pay for it\")",
    "saving": "a saving, or a cost said to be small or covered (\"costs nothing\")",
    "consequence": "a predicted consequence, good or bad (\"would put them out of business\")",
    "objection": "an objection put as a question (\"Who pays for ...?\")",
    "restates_thesis": "it restates the thesis as a command (\"Build it now.\", \"Please, just ban it.\", "
                       "\"It should be illegal.\")",
    "refuses_thesis": "a command that refuses what the thesis proposes (\"Scrap it.\" under \"build it\")",
    "endorse": "first-person support of the proposal (\"I'd back it\", \"I could live with that\")",
    "oppose": "first-person opposition to the proposal, or calling it an overreach (\"I oppose\", \"count me out\", "
              "\"nanny state\")",
    "mock_praise": "one or two words of mock praise close a comment about a proposal (\"So the bright kids get "
                   "held back. Great.\"): sarcasm against what the proposal brings",
    "alternative": "another remedy than the one the thesis proposes (\"Voice control solves this.\", "
                   "\"Just pack less.\")",
    "argues": "it argues (judges, contests, cites), so a weak cue or the thread may give it a side; "
              "which side comes from its cues or the thread",
    "undecided_side": "the thread leaves both sides about equally likely, so no side is claimed",
    "model": "the probabilities of a trained stance model",
    "reviser": "the learned reviser's probabilities, and the opening words that pulled it toward a side where the "
               "rules found none",
    "not_discussion": "the comment is deleted, removed, spam or a pingback, so it takes no part in the debate",
    "rule:article_author": "the article's author wrote it, and the author argues for the thesis",
    "rule:reply_agree": "it agrees with a comment whose stance is known, so it likely shares that stance",
    "rule:reply_disagree": "it disagrees with a comment whose stance is known, so it likely takes the other side",
    "rule:replied_to": "the replies to it reveal its stance (who agreed or disagreed with it)",
    "rule:same_speaker": "the same person's other comments take this stance",
    "rule:stance_consistency": "the two comments' stances settle whether they agree",
    # relation
    "agree_marker": "an agreement phrase (\"exactly\", \"I agree\", \"good point\")",
    "disagree_marker": "a disagreement phrase (\"no,\", \"I disagree\", \"that's wrong\")",
    "challenge_question": "a question that challenges the previous comment",
    "personal_attack": "an insult aimed at the other person",
    "insult": "an insult aimed at the other person",
    "appreciation": "thanks or praise",
    "thanks_or_praise": "thanks or praise",
    "corrective": "a correction (\"in fact\", \"that is not true\", \"... though\")",
    "quotes_parent": "it quotes the comment it answers in order to argue with it",
    "opening_contrast": "it opens with a contrast word (\"But\", \"Yet\")",
    "concession": "it grants a point first (\"fair enough, but\")",
    "conceded_marker": "it grants a point (\"fair point\") and turns against it",
    "argues_against": "it answers a comment that made a claim with a claim of its own: such replies usually "
                      "disagree",
    "corrects_figure": "it corrects a number the comment it answers gave (\"18% -> 7%\")",
    "premise_question": "it restates the other comment's point as a question, to challenge its premise",
    "follow_up_challenge": "it opens \"And how/where/what ...?\": a question the other comment's plan leaves open",
    "approval_closer": "it ends with a short verdict for what it answers (\"Yes please.\")",
    "disapproval_closer": "it ends with a short verdict against what it answers (\"Disliked.\")",
    "relation": "the comment's relation to its parent (agreeing or disagreeing is an act in itself)",
    # acts
    "question_mark": "a sentence ending in a question mark",
    "question_form": "a sentence shaped like a question (\"why would...\")",
    "answer_marker": "words that answer (\"because\", \"the answer is\")",
    "reply_to_question": "it replies to a comment that asked a question",
    "concession_marker": "a concession phrase (\"granted\", \"to be fair\")",
    "yes_but": "\"yes, but\": granting a point, then arguing back",
    "source_marker": "it cites a source (\"according to\", \"a study\", \"the article says\", \"per the draft\")",
    "figure": "a number or statistic, in digits or words (\"a third\", \"one in five\")",
    "testimony": "first-hand experience offered as evidence (\"Nurse here.\", \"I run a small firm\")",
    "quotation": "a quotation from somewhere else",
    "link": "a link to a source",
    "emotion_word": "strongly emotional words, or the writer's own family brought in (\"heartbreaking\", \"my kids\")",
    "humor_marker": "a joke marker (\"lol\", \"haha\", irony)",
    "sarcastic_closer": "a closing word of praise after a complaint: sarcasm (\"Which shuts at 4. Marvellous.\")",
    "announcement_marker": "an announcement (\"reminder:\", \"update:\")",
    "negative_reaction_marker": "a dismissive reaction without an argument (\"ugh\", \"whatever\")",
    "shouting": "the comment is written in capitals: it shouts",
    "elaboration_marker": "words that add detail (\"for example\", \"also\")",
    "long_reply": "a long reply that develops a point",
    "disagrees_with_reasons": "it disagrees and gives reasons: several sentences, evidence, or a sentence stating "
                              "a claim of its own",
    "no_cue": "no cue fired; this is the default label",
    "approval_opener": "it opens by approving of what it answers (\"Yes,\", \"Right,\")",
    "disapproval_opener": "it opens by rejecting what it answers (\"No,\", \"Nope,\")",
    "emphatic_do": "an emphatic \"do\" that insists against the parent (\"they do care\")",
    "negated_echo": "it repeats the parent's words with a negation added (\"it is not a charade\")",
    "rule:article_relation": "how far it agrees or disagrees with the article, whose author favors the thesis",
    "rule:reply_relation": "how far it agrees or disagrees with the comment it answers",
    # thesis
    "normative": "a sentence saying what should be done (\"should\", \"must\", \"needs to\")",
    "evaluative": "a sentence judging something good or bad (\"a mistake\", \"counterproductive\")",
    "imperative_title": "a title that is a command (\"Ban homework\"): the article argues for it",
    "title_overlap": "the sentence shares key words with the title",
    "no_position": "no sentence in the title, lead or conclusion says what should be done or judges something",
    "no_text": "the article has neither title nor text",
    "question": "the sentence asks rather than states a position",
    "given": "the thesis was given with --thesis",
    "title_report": "a news title reporting a proposal or decision (\"Council votes to ...\"): stance is read "
                    "toward it, and the article itself takes no side",
    "title_question": "a title asking a yes/no question (\"Should the town ...?\"): stance is read toward "
                      "the yes answer, and the article itself takes no side",
    "answers_title": "a top-level comment opening with \"Yes\" or \"No\" under a question post: it answers "
                     "the title's question",
    "summary": "the writer introduces the sentence as the gist (\"Short version:\", \"TL;DR:\", \"Bottom line:\")",
    "judges_news": "a top-level comment opening with a verdict (\"Good.\", \"Bad idea.\") under a news post: it "
                   "judges the decision the post reports",
    "anaphoric": "the sentence's subject is a pronoun (\"It has failed\"): it does not say what it is about, "
                 "so it counts less",
}

CUE_HELP = (
    "A cue is a piece of evidence a rule looked for: a word, a phrase or a pattern in the "
    "comment (or its context). The weight says how much the cue counted; its sign follows the "
    "tagger's scale (for agreement, positive leans to agree and negative to disagree; for the "
    "thread rules, positive supports the label given)."
)


def gloss(kind: str, value: str) -> str:
    """What `value` means for a label of `kind` ("stance", "relation", "sentiment", "act")."""
    return KINDS.get(kind, {}).get(value, f"the label {value!r}")


def cue_name(cue: str) -> str:
    """A cue identifier as words: "negated_modal" -> "negated modal"."""
    return cue.replace("_", " ").replace(":", ": ").strip()


def cue_gloss(cue: str) -> str:
    """What a cue means, for a student; the cue's name in words when it is not known here."""
    return CUES.get(cue) or CUES.get(cue.split(":")[0]) or cue_name(cue)


def decided(label: Label) -> str:
    if label.decided_by in DECIDED_BY:
        return DECIDED_BY[label.decided_by]
    return f"settled by a thread rule: {cue_gloss(label.decided_by)}"


def why(kind: str, label: Label) -> str:
    """One plain sentence (no Markdown) on why a label was given: its meaning, the strongest cue."""
    meaning = gloss(kind, label.value)
    if label.evidence:
        top = max(label.evidence, key=lambda e: (abs(e.weight), e.cue))
        fired = f"the strongest cue was “{cue_name(top.cue)}” ({cue_gloss(top.cue)})"
        if top.text:
            fired += f" on the words “{top.text}”"
        fired += f" (weight {top.weight:+.2f})"
        if len(label.evidence) > 1:
            fired += f", with {len(label.evidence) - 1} more cue(s)"
    else:
        fired = "no specific cue fired, so this is the default"
    return f"{kind} {label.value}: {meaning}; {fired}; {decided(label)}."
