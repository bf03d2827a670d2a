"""Cue lexicons for relation, discourse acts and stance, written for this project.

Each cue family is a tuple of lower-case phrases, matched on whole tokens by
`spans.PhraseIndex` (a trailing "*" matches any ending: "haha*"); `'` stands
for both straight and curly apostrophes after `normalize`. `FAMILIES` names
them; a handful of cues that need context (question forms) stay regexes.

The lists are hand-written from general knowledge of how people agree,
disagree, concede, hedge and attack in online comments; they are not fitted to
any example thread. Coarse Discourse (Zhang et al. 2017) inspired the act names.
"""

from __future__ import annotations

import re

# --- relation cues -----------------------------------------------------------------------

AGREE = (
    "i agree", "agree with", "agreed", "i concur", "couldn't agree more", "could not agree more", "exactly",
    "well said", "good point", "great point", "fair point", "valid point", "you're right",
    "you are right", "you're absolutely right", "that's right", "that is right", "that's true",
    "she's right", "he's right", "they're right", "she is right", "he is right", "they are right",
    "that is true", "so true", "very true", "spot on", "precisely", "absolutely", "indeed",
    "same here", "me too", "+1", "totally agree", "you make a good point",
    "you raise an important point", "you raise a good point", "i second that", "same thought",
    "nailed it", "this is correct", "correct", "as suggested", "as the article says", "as the author says",
    "as you say", "as you said", "someone says it", "someone said it", "someone had to say it",
    "finally someone", "thank you for saying", "thanks for saying", "well put", "this is spot on",
    "so much this", "came here to say this", "yep", "yup", "bingo", "well stated", "excellent point",
    "you nailed it", "good call", "amen", "hear hear", "i think you're right", "you have a point",
    "you've got a point", "good argument", "you're spot on", "that's exactly it", "my thoughts exactly",
    "i'm with you", "i am with you", "seconded", "we agree",
    "ours too", "ours did too", "mine too", "same for us", "same with ours", "same story here", "i take the point",
    "i take your point", "point taken", "this is exactly it", "this is the real answer", "that's the real answer",
    # approving with a condition ("Sounds sensible, as long as it isn't another app")
    "sounds sensible", "sounds reasonable", "makes sense to me", "i'd be fine with it", "i would be fine with it",
    # taking the parent's point in, or being won over by it
    "that's fair", "that is fair", "fair summary", "great comment", "good comment", "hard agree",
    "that changes it for me", "changes my mind", "changed my mind", "you've convinced me", "convinced me",
    "more convincing", "more reasonable than", "i could live with", "i can live with", "less of a problem",
    "i stand corrected",
    # praising the parent comment itself
    "best line in", "best comment in", "best comment here", "best comment on", "the comment that should end",
    "should be the top comment", "this needs to be higher", "underrated comment",
)
#: A top-level comment opening with approval or disapproval of what the article proposes or reports.
APPROVAL_OPEN = ("good", "great", "finally", "about time", "excellent", "love it", "love this", "yes", "yes please",
                 "good riddance", "long overdue", "well done", "bravo", "hear hear", "right on")
DISAPPROVAL_OPEN = ("bad idea", "terrible idea", "awful idea", "no", "nope", "ridiculous", "nonsense",
                    "what a joke", "disliked", "dislike", "this is a mistake", "big mistake", "wrong",
                    "hard pass", "ugh", "meh", "another video", "another article", "who cares")
DISAGREE = (
    "i disagree", "i don't agree", "i do not agree", "i can't agree", "i cannot agree",
    "disagree", "not true", "that's not true", "that is not true", "that's wrong", "that is wrong",
    "you're wrong", "you are wrong", "wrong", "nonsense", "rubbish", "bullshit", "not the case",
    "i don't think", "i do not think", "i doubt", "i don't believe", "i do not believe",
    "not fair to say", "unfair to say", "on the contrary", "untenable", "misunderstood",
    "you misunderstand", "you misread", "misleading", "missing the point", "miss the point",
    "missed the point", "pushing it too far", "too much of a stretch", "a stretch", "straw man", "strawman",
    "are you saying", "do you really think", "do you really believe", "do you really want",
    "do you not think", "how can you", "how could you", "you need a better understanding",
    "you need to understand", "you clearly don't", "that doesn't mean", "that does not mean",
    "not so", "hardly", "false", "absurd", "not at all", "no way", "nope", "i beg to differ",
    "quite the opposite", "that's not what", "that is not what", "weak argument", "weak strategy",
    "makes no sense", "doesn't make sense", "does not make sense", "not convinced", "i object",
    "i have doubts", "i have my doubts", "i'm skeptical", "i am skeptical", "i'm sceptical",
    "i am sceptical", "less than you think", "not as simple", "it's not that simple", "disliked",
    "the opposite", "found the opposite", "do you have a source", "citation needed", "source?", "source for",
    "according to who", "according to whom", "says who",
    "any evidence for", "you're ignoring", "you are ignoring", "are ignoring", "i don't buy", "i do not buy",
    "that's not how", "that is not how", "nice try", "doesn't follow", "does not follow",
    "not quite", "not exactly", "that's false", "this is false", "incorrect", "that's incorrect",
    "you're missing", "you are missing", "you miss", "that's a myth", "debunked", "no it isn't",
    "no it's not", "that's ridiculous", "citation?", "source please", "what evidence",
    "where's the evidence", "sorry but", "with respect", "respectfully", "i'd argue", "i would argue",
    "push back", "counterpoint", "that ignores", "this ignores", "ignores the fact", "except that",
    "the problem is", "the problem with", "flawed", "cherry-pick*", "cherry pick*",
    "correlation is not causation", "misinformed", "uninformed", "you conflate", "conflating",
    "apples and oranges", "false equivalence", "red herring", "moving the goalposts", "not the point",
    "beside the point", "irrelevant", "that's a leap", "doesn't hold", "does not hold", "you assume",
    "you claim", "so you're saying", "you're saying", "so you think", "you keep saying",
    "was wrong", "is wrong", "are wrong", "were wrong", "so you can't", "you can't credit",
    "isn't the only", "is not the only", "aren't the only", "are not the only", "cuts both ways",
    "the other way around", "it's the other way", "that misses", "what about the",
    "you ignore", "you forget", "you seem to have", "you seem to forget", "naive",
    "when you said", "when you say", "by that logic", "by your logic", "are you really saying",
    "do you honestly think", "you really think",
)
#: Openings that set a reply against its parent ("But ...", "No, ...").
OPENING_CONTRAST = ("but", "no", "however", "actually", "well, actually", "not really", "nope")
#: A reply that opens by conceding and then turns ("Yes, ... but"): an opener, then a turn
#: within `CONCESSION_SPAN` tokens and at most one sentence later.
CONCESSION_OPEN = (
    "yes", "yeah", "true", "sure", "granted", "admittedly", "of course", "fair enough", "i agree",
    "i understand", "it is true", "it's true", "i accept", "i admit", "no doubt", "certainly", "obviously",
    "agreed", "fair", "point taken", "i'm not saying", "i am not saying", "i don't know if", "i do not know if",
    "i'll give you that", "i will give you that", "i'll grant you",
)
CONCESSION_TURN = ("but", "however", "yet", "still", "though", "that said", "nevertheless", "nonetheless",
                   # "I agree that habits matter, and I do not think a worksheet builds them"
                   "i do not think", "i don't think", "i do not believe", "i don't believe", "i doubt",
                   # "True, the abuse hasn't gone away. Doesn't change that ..."; "I'm not saying X, just that Y"
                   "doesn't change", "does not change", "just that")
#: Tokens between a concession's opener and its turn (about one long sentence).
CONCESSION_SPAN = 45
CONCESSION_SOLO = (
    "granted", "admittedly", "to be fair", "that said", "i concede", "i'll grant", "i will grant",
    "while it is true", "while it's true", "even though", "although", "fair enough", "fair point",
    "a fair point", "i know", "i admit", "i'll admit", "to be sure", "not a reason to",
    # granting before turning, in the tuning sets' words (session 6)
    "i get it", "i get that", "both can be true", "even if", "i should have said", "not perfect",
    # owning a bias or granting a point before arguing (session 10: 13 gold comments of 13 concessions)
    "i hear you", "i won't pretend", "i will not pretend", "that's fair about", "great when it works",
    "i'm biased", "hear me out", "you know where i stand", "agreed that", "not because we're against",
    "not because i'm against", "put the other side", "give the other side", "here's the other side",
)

# --- act cues --------------------------------------------------------------------------

HEDGE = (
    "i think", "i believe", "i guess", "i suppose", "i feel", "in my view", "in my opinion", "imo",
    "imho", "maybe", "perhaps", "possibly", "probably", "might", "may", "could be", "seems",
    "it seems", "apparently", "arguably", "likely", "unlikely", "somewhat", "sort of", "kind of",
    "i'm not sure", "i am not sure", "as far as i know", "afaik", "if i'm not mistaken",
)
#: Pointers to support: sources, studies, data, examples, first-hand measurement. Bare words such as
#: "data" or "report" fire too often in passing, so most entries are phrases.
EVIDENCE = (
    "according to", "studies show", "studies found", "study found", "a study", "the study found",
    "a recent study", "research shows", "research suggests", "research found", "the research",
    "the data show*", "data from", "the numbers", "statistics", "survey found", "a survey", "the survey",
    "a poll", "polls show", "census", "the report", "a report", "reports that", "reported that",
    "was reported", "published in", "journal", "for instance", "for example", "e.g.", "testimonies",
    "documented", "has written on", "wrote that", "appendix", "table", "the figures", "the evidence",
    "evidence that", "source:", "sources:", "i timed", "i counted", "i measured", "we tried", "i tried",
    "we measured", "the reviews", "reviews of", "in my experience", "that is what happened",
    "what happened in",
    # pointing to where a fact is written ("The article says ...", "It's in the story.", "per the draft")
    "the article says", "the article said", "the story says", "the piece says", "the post says", "the report says",
    "the draft says", "the bill says", "the faq says", "the minutes say", "it's in the", "it is in the",
    "per the", "going by the",
)
#: Words after a number that make it a figure ("18 times", "30,000 refugees", "5 percent").
FIGURE_UNITS = frozenset({"%", "percent", "per", "k", "million", "millions", "billion", "billions", "thousand",
                          "thousands", "times", "people", "refugees", "dollars", "euros", "pounds", "cents",
                          "km", "miles", "units", "homes", "jobs", "deaths", "votes", "students", "families",
                          "workers", "of"})
EMOTION = (
    "heartbreaking", "heart-breaking", "heartless", "shameful", "shame on", "disgusting", "disgrace",
    "disgraceful", "outrageous", "outrage", "sickening", "appalling", "horrific", "horrible",
    "horrifying", "cruel", "cruelty", "inhumane", "inhuman", "barbaric", "tragic", "tragedy",
    "suffering", "suffer", "tears", "imagine", "think of the children", "human beings",
    "innocent", "helpless", "vulnerable", "desperate", "pains me", "terrified", "terrifying",
    "dignity", "conscience", "have you no", "how dare", "blood on", "sick to my stomach",
    "unbearable", "nightmare", "evil",
    # a story about one's own family, offered to move the reader (session 5, as the outside labellers read it)
    "my son", "my daughter", "my kid", "my kids", "my child", "my children", "my mum", "my mom", "my dad",
    "my mother", "my father", "my husband", "my wife", "my baby", "my late", "my grandmother", "my grandfather",
    "my grandson", "my granddaughter", "i cried", "its heart", "the joy",
)
ATTACK = (
    "idiot", "idiots", "idiotic", "moron", "morons", "moronic", "stupid", "dumb", "fool", "fools",
    "troll", "trolls", "shill", "shills", "liar", "liars", "hypocrite", "hypocrites", "ignorant",
    "clueless", "brainwashed", "pathetic", "loser", "losers", "retard", "retarded", "imbecile",
    "get a life", "you people", "your kind", "grow up", "shut up", "you have no idea",
    "you know nothing", "learn to read", "can't read", "cannot read", "go back to", "paid to post",
    "wumao", "50 cent army", "apologist", "apologists", "sheep", "snowflake",
)
HUMOR = (
    "lol", "lmao", "lmfao", "rofl", "haha*", "hehe*", "jk", "/s", ":)", ";)", ":-)",
    ":d", ":p", "xd", "funny thing", "funnily enough", "ironically", "irony", "yeah right",
    "oh sure", "oh please", "what a surprise", "big surprise", "surprise, surprise", "shocking",
    "how convenient", "good luck with that", "nice try", "genius", "bravo", "wow", "lulz",
    "joke", "kidding", "😂", "🤣", "😉", "🙄", "nice pr", "what a joke",
    # sarcasm and wry asides (session 5, from the tuning sets' misses)
    "ha,", "ha!", "half joking", "must be nice", "of course there is", "of course they did", "of course it is",
    "good grief", "love how", "funny how", "who knew", "what next", "sky isn't falling", "sky hasn't fallen",
    "sky didn't fall", "comically", "quelle surprise", "colour me", "color me",
    # deadpan asides (session 9, from the tuning sets' misses)
    "bless him", "bless her", "bless them", "you're welcome", "i'll wait", "funny that", "ladies and gentlemen",
    "💀", "can't have nice things", "what could go wrong", "what could possibly go wrong", "said no one",
    "said nobody", "who'd have thought", "who would have thought", "shocker", "in other news", "next it'll be",
    "sort of the point", "i suppose is the point",
    # ironic idioms (session 10: 6 gold comments of 6 humour)
    "i'll hold my breath", "don't hold your breath", "forgive me if i don't", "fall off my chair", "mad, i know",
    "ask me how i know", "translation:", "good to know where",
)
APPRECIATION = (
    "thank you", "thanks", "thx", "many thanks", "great article", "great post", "great piece",
    "great essay", "nice article", "good article", "excellent article", "excellent piece",
    "well written", "well-written", "well put", "well argued", "appreciate", "appreciated",
    "kudos", "well done", "insightful", "informative", "love this", "great read", "good read",
    "thoughtful", "bravo", "great job", "great work", "interesting article", "interesting piece",
    "lovely article", "lovely piece", "brilliant article", "brilliant piece",
)
ANNOUNCEMENT = (
    "update:", "edit:", "announcement", "please note", "reminder:", "psa", "fyi", "just a heads up",
    "heads up", "correction:", "disclosure:", "mod note", "for the record",
)
NEGATIVE_REACTION = (
    "ugh", "meh", "smh", "wtf", "what a joke", "give me a break", "waste of time", "garbage",
    "trash", "pathetic", "ridiculous", "laughable", "who cares", "stop wasting", "cringe", "terrible article", "biased",
    "propaganda", "clickbait", "spare me", "oh come on", "come on", "eye roll", "sigh",
    "nonsense", "disgraceful", "a disgrace", "good grief", "unbelievable",
    # outrage in the tuning sets' words (session 10: 11 gold comments of 12)
    "shameful", "the real disgrace", "nanny state", "it's a scam", "frankly insulting", "another tax on",
    "is a scandal", "revenue machine", "about revenue",
)
ELABORATION = (
    "for example", "for instance", "in addition", "additionally", "furthermore", "moreover",
    "also", "besides", "first of all", "firstly", "secondly", "as for", "specifically",
    "in other words", "such as", "on top of that", "not only", "what's more", "to add",
    "in particular", "namely", "that is to say", "by the way",
)
ANSWER = (
    "because", "that's because", "it's because", "the answer is", "to answer your question",
    "in answer to", "i was referring", "i was following", "i meant", "what i meant",
    "i did not mean", "i didn't mean", "the reason is", "the reason why", "simply because",
    "it depends", "yes,", "no,", "in saying",
)
#: Openings of a question sentence without a question mark.
QUESTION_START = re.compile(
    r"^(?:why|what|how|who|whom|whose|where|when|which|is|are|was|were|do|does|did|can|could|"
    r"would|will|should|shall|has|have|had|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|"
    r"shouldn't|can't|couldn't)\b",
    re.IGNORECASE,
)
#: Questions that challenge rather than ask.
RHETORICAL = (
    "why would", "why should", "why go", "why not", "how can", "how could", "do you really",
    "are you saying", "are you seriously", "is it not", "isn't it", "wouldn't it", "who are they",
    "who are you", "since when", "what makes you think", "do you not think", "don't you think",
    "so what", "what's the point", "really?",
)

# --- stance cues -----------------------------------------------------------------------

#: Dismissing a campaign or its advocates (aimed at whoever the sentence names, else at the thesis side).
DISMISSAL = (
    "charade", "ploy", "propaganda", "pr stunt", "pr strategy", "publicity stunt", "political stunt",
    "hypocrisy", "hypocritical", "virtue signal*", "grandstand*", "posturing", "theatre",
    "theater", "witch hunt", "witch-hunt", "scapegoat*", "fearmongering", "fear-mongering", "hysteria",
    "not in any position to", "not in a position to", "not in the position to", "in no position to", "who are they to", "who are you to",
    "pot calling the kettle black", "look who's talking", "whataboutism", "double standard*",
    "overblown", "exaggerated", "alarmist", "naive", "fantasy", "pipe dream", "unrealistic",
    "the ball is in", "publicity", "election ploy", "by another name", "in disguise", "self-reported",
    "of course they", "nice for", "political game*", "solution looking for a problem",
    "solution in search of a problem",
)
#: Judging an action futile or harmful: flips what the sentence does to its object
#: ("putting X under pressure will only make things worse" defends X).
FUTILITY = (
    "make things worse", "makes things worse", "make it worse", "make matters worse",
    "backfire*", "counterproductive", "counter-productive", "no good", "won't work", "will not work",
    "doesn't work", "does not work", "is useless", "pointless", "futile", "harden their",
    "not budge", "won't budge", "will not budge",
)
#: Acting on someone: the valence goes to the entity that follows (the object), not the subject.
OBJECT_VERBS = {
    # negative toward the object
    "criticize": -1.0, "criticise": -1.0, "criticizing": -1.0, "criticising": -1.0,
    "condemn": -1.0, "condemning": -1.0, "condemned": -1.0, "blame": -1.0, "blaming": -1.0,
    "blamed": -1.0, "accuse": -1.0, "accusing": -1.0, "accused": -1.0, "attack": -1.0,
    "attacking": -1.0, "pressure": -1.0, "pressuring": -1.0, "putting": -0.5, "put": -0.5,
    "punish": -1.0, "punishing": -1.0, "sanction": -1.0, "sanctioning": -1.0, "shame": -1.0,
    "shaming": -1.0, "bash": -1.0, "bashing": -1.0, "lecture": -1.0, "lecturing": -1.0,
    "denounce": -1.0, "denouncing": -1.0, "boycott": -1.0, "oppose": -1.0, "opposing": -1.0,
    # positive toward the object
    "defend": 1.0, "defending": 1.0, "defended": 1.0, "support": 1.0, "supporting": 1.0,
    "praise": 1.0, "praising": 1.0, "understand": 0.7, "trust": 1.0, "thank": 1.0,
    "help": 0.5, "helping": 0.5, "protect": 1.0, "protecting": 1.0,
}
#: Argumentative evaluation words VADER's lexicon lacks or scores off-topic (valence on VADER's -4..4 scale).
ARGUMENT_VALENCE = {
    "crackdown": -2.0, "crackdowns": -2.0, "intransigence": -2.0, "intransigent": -2.0,
    "untenable": -1.5, "refused": -1.5, "refuses": -1.5, "refusing": -1.5, "refuse": -1.5,
    "failed": -1.5, "fails": -1.5, "failure": -1.5, "non-cooperation": -1.5, "complicity": -2.0,
    "abuses": -2.5, "violate": -2.0, "violates": -2.0, "violating": -2.0, "violation": -2.0,
    "contravention": -2.0, "disregard": -1.5, "disregards": -1.5, "belligerent": -2.0,
    "inflexible": -1.5, "counterproductive": -1.5, "mistake": -1.5, "wrong": -1.5,
    "flexibility": 1.0, "cooperation": 1.0, "cooperate": 1.0, "cooperates": 1.0,
    "responsible": 1.0, "trustworthy": 1.5, "legitimate": 1.0, "justified": 1.5,
    "reasonable": 1.0, "pragmatic": 1.0, "sincere": 1.0, "improving": 1.0, "generous": 1.5,
    "issue": 0.0, "issues": 0.0, "problem": -0.5, "problems": -0.5, "criticism": 0.0,
    "trial": 0.0, "refugees": 0.0, "refugee": 0.0, "help": 0.5, "interest": 0.0, "interests": 0.0,
    "no": 0.0, "yes": 0.0, "yeah": 0.0, "huge": 0.0, "share": 0.0, "sure": 0.0, "like": 0.0, "please": 0.0, "kind": 0.0, "well": 0.0,
    "right": 0.5, "rights": 0.5, "lucky": 0.0, "face": 0.0, "care": 0.5,
    # outcomes policy arguments weigh, missing from VADER's lexicon (valences chosen on its scale,
    # close to its entries for "helps" 1.6, "delay" -1.3, "waste" -1.8)
    "works": 1.5, "worked": 1.5, "cheaper": 1.2, "costly": -1.5, "expensive": -1.2, "shrink": -1.2,
    "shrinks": -1.2, "delays": -1.3, "bottleneck": -1.5, "saves": 1.8, "wasteful": -1.8,
    "backfires": -1.5, "unaffordable": -1.5, "worth": 2.0, "affordable": 1.2,
    "overdue": 1.0, "pointless": -1.5, "useless": -1.8, "harmful": -2.0, "burdens": -1.9,
    "unnecessary": -1.5, "overkill": -1.5, "needless": -1.5, "unworkable": -1.8, "impractical": -1.5,
    # everyday harms and goods that comments on a local policy weigh, also missing from VADER's lexicon
    # (valences set beside its nearest entries: "noisy" -0.7, "mess" -1.5, "efficient" 1.8, "safe" 1.9)
    "nightmare": -2.5, "nightmares": -2.5, "unbearable": -2.5, "noise": -1.0, "pollution": -1.8,
    "polluting": -1.8, "overcrowded": -1.5, "gridlock": -1.5, "layoffs": -2.0, "evicted": -2.0,
    "headache": -1.5, "headaches": -1.5, "inefficient": -1.5, "unproductive": -1.5, "unreliable": -1.5,
    "unsafe": -1.9, "crumbling": -1.5, "overpriced": -1.5, "outages": -1.2,
    "productive": 1.5, "reliable": 1.2, "thriving": 2.0, "flourish": 2.0, "flourished": 2.0,
    "healthier": 1.5, "quieter": 1.0, "accessible": 1.0,
}
#: Costs someone bears (money, losses), and words saying a cost is small or covered: arguing from a
#: proposal's consequences (general vocabulary of policy debate).
COST = frozenset({"pay", "pays", "paying", "cost", "costs", "costing", "costly", "price", "prices", "money", "bill",
                  "bills", "expensive", "pocket", "pockets", "lose", "loses", "losing", "tax", "taxes", "taxpayers",
                  "budget", "burden", "$"})
SAVING = frozenset({"saving", "savings", "saves", "cheap", "cheaper", "rebate", "rebates",
                    "affordable"})
#: Sympathy for the people a thesis protects.
SYMPATHY = (
    "human beings", "human rights", "deserve", "deserves", "dignity", "plight", "suffer",
    "suffering", "innocent", "vulnerable", "victims", "their lives", "risk their lives",
    "humane", "humanitarian", "compassion", "protect them", "protection", "asylum", "safety",
    "persecution", "persecuted", "tortured", "face torture", "face persecution", "face death",
)
#: Other words for common practices, so a thesis about "repatriating" hears "sent back" (general usage).
PRACTICE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "repatriat": ("return", "returned", "returning", "send back", "sent back", "sending back", "deport",
                  "deported", "deporting", "deportation", "deportations", "expel", "expelled", "forced return"),
    "deport": ("repatriate", "repatriated", "repatriating", "repatriation", "send back", "sent back",
               "sending back", "return", "returned", "returning", "expel", "expelled",
               "removal", "removals"),
    "ban": ("prohibit", "prohibition", "outlaw", "forbid", "forbidden", "bar", "barred"),
    "tax": ("levy", "duty", "tariff", "charge"),
    "fee": ("charge", "levy", "price"),
    "crackdown": ("arrest", "arrests", "arrested", "raids", "round up", "rounding up", "detain", "detained"),
}
#: Negators opening a scope that runs to the next punctuation (as nltk's mark_negation); also any "...n't".
#: Verbs of stopping something: their object is what a call to stop is against ("ban homework",
#: "scrap the fee"); the stopping itself is what such a thesis wants.
STOPPING_VERBS = frozenset({"stop", "stopping", "cease", "ceasing", "end", "ending", "halt", "halting", "ban",
                            "banning", "abolish", "abolishing", "scrap", "scrapping", "scrapped", "drop", "dropping",
                            "quit", "abandon", "abandoning", "prohibit", "prohibiting", "outlaw", "outlawing",
                            "remove", "removing", "eliminate", "eliminating", "repeal", "repealing", "cut", "cutting"})
NEGATORS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot",
                      "without", "hardly"})
#: Words that end a negation scope early.
SCOPE_END = frozenset({"but", "however", "yet", "although", "though", "because", "since"})
#: Author speaking as the author.
AUTHOR_VOICE = (
    "author's response", "author’s response", "author here", "author reply", "reply from the author",
    "my article", "my essay", "my piece", "my post", "my column", "as i wrote", "i wrote in",
    "the point of the article", "the point of my", "following on from the article",
    "in the above article", "in the article i", "as i argued", "as i said in the",
)
#: A top-level comment speaking about the article itself.
ARTICLE_REF = (
    "the article", "this article", "the author", "this piece", "the piece", "the essay",
    "this essay", "the writer", "this post", "the post", "your article", "the op-ed", "this op-ed",
    "the op",
    # thanking the writer for the piece itself ("Thank you for writing this.")
    "for writing this", "for writing about", "for writing it",
)

_QUOTE_FORMS = (("’", "'"), ("‘", "'"), ("＇", "'"), ("“", '"'), ("”", '"'))


def normalize(text: str) -> str:
    """Straight quotes and apostrophes, so one lexicon spelling matches both.

    Chained `str.replace` (a C scan per character kind) is several times faster
    than `str.translate` with a mapping on long comments.
    """
    for a, b in _QUOTE_FORMS:
        if a in text:
            text = text.replace(a, b)
    return text


#: Corrections that can stand anywhere in a reply's first sentences ("There were three hearings though.").
CORRECTIVE = ("though", "i stand by", "in fact", "still", "not necessarily", "even so")

#: Consequences argued from that carry no valence word by word ("put them out of business", "longer
#: queues", "save lives"): a policy debate's harms and goods (general vocabulary, not a topic's).
HARM = ("out of business", "out of work", "lose their jobs", "lose jobs", "lost their jobs", "job losses",
        "shut down", "shuts down", "close down", "closes down", "priced out", "pay more", "go bankrupt",
        "went bankrupt", "fall apart", "falls apart", "longer queues", "longer waits", "longer lines",
        "push out", "pushes out", "drive away", "drives away", "drive out", "drives out")
BENEFIT = ("save money", "saves money", "saved money", "save lives", "saves lives", "saved lives", "more jobs",
           "new jobs", "create jobs", "creates jobs", "pay less", "shorter waits", "shorter queues",
           "cleaner air", "fewer accidents", "fewer deaths")

#: First-person support or opposition of the proposal under discussion ("I'd back it", "count me out").
ENDORSE = ("i'd support it", "i would support it", "i support it", "i support this", "i'd back it",
           "i would back it", "i back it", "i'm for it", "i am for it", "i'd be for it", "i would be for it",
           "i could live with", "i can live with", "count me in", "i'm in favour", "i am in favour", "i'm in favor",
           "i am in favor", "i'd vote for it", "i would vote for it", "i'll vote for it", "i'm all for it",
           "i am all for it", "sign me up", "i'd welcome it", "i welcome it", "i welcome this", "where do i sign",
           "wish they'd done this", "wish they had done this", "should have done this years ago",
           "should've done this years ago", "can't come soon enough", "cannot come soon enough",
           "signed the petition", "i've signed the petition", "just signed",
           # welcoming the news of it
           "nice to see", "good to see", "glad to see", "great to see", "pleased to see", "glad someone")
OPPOSE = ("i oppose", "i'm against it", "i am against it", "i'm against this", "i'd vote against",
          "i would vote against", "i'll vote against", "count me out", "i can't support", "i cannot support",
          "i won't support", "i don't support", "i do not support", "i'd never support", "i could never support",
          # the proposal called an overreach of the state
          "nanny state", "health and safety gone mad", "political correctness gone mad",
          # the market as the answer: whoever dislikes the practice can leave it (4 gold comments of 4 against)
          "don't like it, go", "don't like it, get", "don't like it, fly", "don't like it, shop",
          "don't like it, use", "don't like it, find", "don't like it, buy", "vote with your feet",
          "vote with your wallet", "shop elsewhere")
#: The phrases of OPPOSE that judge a rule or mandate rather than the thesis: they oppose a thesis that
#: proposes or stops something, and say nothing of a claim ("Calorie labels on menus do more harm than
#: good": "Nanny state nonsense" is for it). (The market phrases stay unconditional: under the extracted
#: theses of two gold threads that name no practice, they were right twice.)
OPPOSE_RULES = frozenset(OPPOSE[OPPOSE.index("nanny state"):OPPOSE.index("don't like it, go")])
#: Imperatives that end something ("Bin it.", "Scrap it.", "Close them."): calls a comment makes.
STOP_IMPERATIVES = frozenset({"scrap", "bin", "ditch", "ban", "axe", "abolish", "end", "drop", "kill", "stop",
                              "cancel", "dump", "junk", "close", "shut"})
#: "It should be criminal.", "They must be outlawed.": a call to ban what the pronoun names.
BANNED_WORDS = frozenset({"criminal", "illegal", "outlawed", "banned", "scrapped", "abolished", "prohibited"})
#: One or two words of praise or mock verdict closing a comment after other sentences: sarcasm ("A voucher.
#: From the Town Hall. Which shuts at 4. Marvellous.", "Peak theatre."), not approval.
SARCASTIC_CLOSERS = frozenset({"great", "lovely", "marvellous", "marvelous", "brilliant", "wonderful", "fantastic",
                               "perfect", "superb", "insightful", "genius", "splendid", "terrific", "nice",
                               "excellent", "awesome", "delightful", "bold", "typical", "classic", "peak"})
#: Another remedy for the problem a proposal answers ("Voice control solves this.", "Just pack less."):
#: phrases opening with "just" count only where they open a sentence (`stance._cue_only`).
ALTERNATIVE = ("solves this", "solves that", "solves it", "fixes this", "fixes that", "fixes it",
               "fixes most of this", "would solve this", "would fix this", "would fix that", "the answer is",
               "the real answer is", "the simple answer is", "the obvious answer is", "the solution is",
               "the real solution is", "the simple solution is", "the obvious solution is", "the fix is",
               "the real fix is", "why not just", "just pack", "just buy", "just make", "just use", "just get",
               "just pay", "just build", "just fix", "just hire", "just book", "just take", "just move",
               "just wear", "just switch", "just enforce", "just teach", "just put", "just add")

FAMILIES: dict[str, tuple[str, ...]] = {
    "agree": AGREE, "disagree": DISAGREE, "concession_solo": CONCESSION_SOLO, "hedge": HEDGE,
    "evidence": EVIDENCE, "emotion": EMOTION, "attack": ATTACK, "humor": HUMOR,
    "appreciation": APPRECIATION, "announcement": ANNOUNCEMENT,
    "negative_reaction": NEGATIVE_REACTION, "elaboration": ELABORATION, "answer": ANSWER,
    "rhetorical": RHETORICAL, "dismissal": DISMISSAL, "futility": FUTILITY, "sympathy": SYMPATHY,
    "author_voice": AUTHOR_VOICE, "article_ref": ARTICLE_REF, "opening_contrast": OPENING_CONTRAST,
    "approval_open": APPROVAL_OPEN, "disapproval_open": DISAPPROVAL_OPEN,
    "concession_open": CONCESSION_OPEN, "concession_turn": CONCESSION_TURN, "corrective": CORRECTIVE,
    "harm": HARM, "benefit": BENEFIT, "endorse": ENDORSE, "oppose": OPPOSE, "alternative": ALTERNATIVE,
}


def find(family: str, text: str) -> list[str]:
    """Every match of a cue family in `text`, in order (for one-off checks; taggers use `spans.Doc`)."""
    from .spans import analyze

    doc = analyze(text, quotes=False)
    return [doc.span_text(a, b) for a, b in doc.cues.get(family, ())]
