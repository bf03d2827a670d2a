"""Page furniture on scraped pages: what is neither article nor comment.

Each pattern matches a whole (whitespace-normalised) line. The patterns
follow what common blog/news templates print (WordPress, Wix, Blogger,
news CMSs): navigation anchors, spam notices, log-in and reply forms,
action links under comments, copyright and disclaimer lines, figure
captions and reference lists. Nothing matched here is dropped: the reader
records it in `Thread.set_aside`.
"""

from __future__ import annotations

import re

_I = re.I


def _rx(*patterns: str) -> re.Pattern:
    return re.compile("^(?:" + "|".join(patterns) + ")$", _I)


#: kind -> whole-line pattern; applies anywhere on the page.
ANYWHERE: dict[str, re.Pattern] = {
    "navigation": _rx(
        r"(?:top|bottom) of (?:the )?page", r"skip to (?:main )?content", r"back to top", r"(?:main )?menu",
        r"(?:toggle|open|close) (?:menu|navigation)", r"search(?: for)?:?", r"home", r"navigation",
        r"(?:«|‹|<)?\s*(?:previous|next|older|newer) (?:post|article|entry|story|page)s?\s*(?:»|›|>)?.*",
        r"(?:posted in|filed under|categories|category|tags|tagged(?: with)?)\s*:.*",
        r"share(?: this(?: article| post| story)?)?:?", r"like this:?", r"related(?: posts| articles| stories)?:?",
        r"(?:subscribe|sign up)(?: to (?:our|the) newsletter)?[.!]?", r"follow us.*", r"print(?: this)?",
        r"(?:share on |tweet|email this|pin it).{0,30}", r"advertisement", r"(?:like )?(?:loading\.{0,3}|loading…)",
        r"(?:twitter|facebook|linkedin|reddit|whatsapp|e-?mail|pinterest|tumblr|pocket|telegram|threads|"
        r"bluesky|mastodon|more)(?:\s*\(opens in new window\))?",
        r"(?!by\b)(?:[A-Za-z&' ]{1,20}\s*[|·•]\s*){2,}[A-Za-z&' ]{1,20}",  # "Home | News | Contact"
        r"(?:newer post\s*)?(?:older post\s*)?home", r"subscribe to:.*", r"sort by.{0,20}",
        r"(?:load|show|view) (?:more|all|\d+ more)(?: comments| replies)?.{0,10}", r"see more", r"(?:.{1,40}'s )?avatar(?: photo| image)?",
    ),
    "spam_notice": _rx(r"this site uses akismet to reduce spam\..*"),
    "login_form": _rx(
        r"fill in your details below or click an icon to log in:?",
        r"(?:wordpress\.com|twitter|facebook|google\+?|gravatar) (?:logo|picture|photo|avatar)",
        r"you are commenting using your .{1,40} account\..*", r"connecting to %s", r"log ?out\s*/\s*change\s*\)?",
        r"cancel(?: reply)?", r"your email address will not be published\..*", r"required fields are marked.*",
        r"(?:comment|name|e-?mail|website|url)\s*\*?:?", r"save my name, e-?mail,? and website.*",
        r"post (?:comment|reply)", r"submit(?: comment)?", r"notify me of (?:new|follow-?up) .*",
        r"you must be (?:logged|signed) in to post a comment\.?.*", r"(?:log|sign) in to (?:comment|reply).*",
        r"comments are closed\.?", r"comments? (?:is|are) (?:moderated|closed).*",
        r"(?:enter your comment here|write a comment)\.{0,3}",
    ),
    "reply_link": _rx(
        r"(?:↳\s*)?reply(?:\s*[↓→»])?", r"(?:log|sign) in to reply", r"reply to (?:this comment|\S+(?: \S+)?)",
        r"(?:report|flag)(?: (?:comment|abuse))?", r"like", r"liked by .{1,60}", r"share\s*›?", r"(?:reply|report|like|share)"
        r"(?:\s*[|·•]?\s*(?:reply|report|like|share|edit|permalink))+", r"permalink", r"edit",
    ),
    "copyright": _rx(r"(?:©|\(c\)|copyright\b).*", r".{0,80}©.{0,80}", r"all rights reserved\.?"),
    "disclaimer": _rx(r".{0,200}\b(?:does|do) not (?:necessarily )?endorse the (?:opinions|views)\b.*",
                      r".{0,100}\bviews expressed (?:here|in this \w+) (?:are|do not)\b.*"),
}

#: kind -> whole-line pattern; applies only to the article part (a comment may cite "[1]").
ARTICLE_ONLY: dict[str, re.Pattern] = {
    "caption": _rx(
        r"(?:figure|fig\.|table|chart|graph|map|image|photo|picture)\s*\d+\b.{0,240}",
        r".{0,240}\((?:image|photo|picture|credit|photo credit|source)\s*:.{0,120}",
        r"(?:image|photo|photograph|picture|credit|photo credit|image credit|image source)\s*:.{0,240}",
        r".{0,200}\.(?:jpe?g|png|gif|webp|svg)",
    ),
    "footnotes": _rx(r"\[\d{1,3}\].*"),
    # A post's category line without a colon ("Posted in Housing, City Hall"): only capitalised
    # category names follow, so a sentence ("Posted in 2019, the study ...") stays content.
    "navigation": _rx(r"(?:posted in|filed under|tagged(?: with)?)\s+"
                      r"(?-i:[A-Z0-9][\w&'’\-]*(?:\s+(?:&|and|of|[A-Z0-9][\w&'’\-]*))*)"
                      r"(?:\s*,\s*(?-i:[A-Z0-9][\w&'’\-]*(?:\s+(?:&|and|of|[A-Z0-9][\w&'’\-]*))*))*"),
}

#: Headings that open a reference list: everything after them in the article is set aside.
REFERENCES_HEADING = _rx(r"(?:notes|references|bibliography|works cited|sources|footnotes|endnotes)\s*:?")
#: Headings that open an author bio.
BIO_HEADING = _rx(r"about the author\s*:?", r"about (?:the )?writer\s*:?")

# --- comment-section headers ----------------------------------------------------

_COUNT = r"(?:no|zero|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,6})"
_NOUN = r"(?:comments?|responses?|replies|reply|thoughts?|reactions?|opinions?)"
#: Count headers ("9 Comments", "One thought on “X”"): a comment section for sure, whatever the count says.
COUNT_HEADER = re.compile(rf"^{_COUNT}\s+{_NOUN}(?:\s+(?:on|to|for)\s+.{{1,300}})?:?$", _I)
#: Form headers ("Leave a Reply"): the reply form, which templates put after (or before) the comments.
FORM_HEADER = re.compile(r"^(?:leave|post|add|write|submit|join)\s+(?:a|your|the)\s+"
                         r"(?:reply|comment|response|discussion|conversation)\b"
                         r"(?:\s*(?:cancel reply|\([^)]{0,30}\)|below|here))?\s*[.:!]?$", _I)
#: Plain headers ("Comments", "Discussion"): also common essay headings, so they need comments after them.
PLAIN_HEADER = re.compile(r"^(?:(?:reader|readers'?|user|visitor)\s+)?(?:comments?|responses?|discussion|"
                          r"conversation|what (?:do )?you (?:think|say)\??)\s*(?:\(\d+\))?:?$", _I)


#: "Responses to “Title”": no count, but naming the article makes it as sure as a count header.
TITLED_HEADER = re.compile(rf"^{_NOUN}\s+(?:on|to)\s+[“\"'‘].{{1,300}}$", _I)


def squash(text: str) -> str:
    """`" ".join(text.split())`, without the copy when the text is already so (most lines are).

    Every whitespace character but the space is unprintable (checked over all of Unicode in the
    tests), so a printable text without double, leading or trailing spaces has nothing to squash.
    """
    if text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" "):
        return text
    return " ".join(text.split())


def header_kind(text: str) -> str | None:
    """"count", "form" or "plain" when `text` is a comment-section header line."""
    s = squash(text)
    if COUNT_HEADER.match(s) or TITLED_HEADER.match(s):
        return "count"
    if FORM_HEADER.match(s):
        return "form"
    if PLAIN_HEADER.match(s):
        return "plain"
    return None


#: Words (lowercase) a pattern cannot match without. The disclaimer patterns backtrack over up to
#: 200 characters at every try and cost a third of all line classification; a line without these
#: words skips them.
_NEEDS = {"disclaimer": ("endorse", "views expressed")}
#: The only characters re.IGNORECASE matches to ASCII letters that str.lower does not turn into them
#: (see debate.structure.scan): a line holding one is matched without the shortcut.
_UNFOLDED = "\u0130\u0131\u017f\u212a"


def line_kind(text: str, *, in_article: bool) -> str | None:
    """The furniture kind of one line, or None when it is content."""
    s = squash(text)
    if not s:
        return None
    low = s.lower() if s.isascii() or not any(c in s for c in _UNFOLDED) else None
    for kind, rx in ANYWHERE.items():
        needs = _NEEDS.get(kind)
        if needs and low is not None and not any(n in low for n in needs):
            continue
        if rx.match(s):
            return kind
    if in_article:
        for kind, rx in ARTICLE_ONLY.items():
            if rx.match(s):
                return kind
    return None


def normalise(text: str) -> str:
    """Text for comparisons: curly quotes straightened, whitespace collapsed, case folded."""
    s = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(s.split()).casefold()
