"""Key points per side: group the claim sentences of each side and name each group.

In the spirit of key point analysis (Bar-Haim et al., 2020, "From Arguments to
Key Points"): many comments make a few recurring points; a reader wants the
points with how many people make them. Here the claim sentences of one side
(comments with the same stance) are vectorised with TF-IDF and grouped by
agglomerative clustering (cosine distance, average linkage, a distance
threshold rather than a fixed number of groups); each group is labelled with
its characteristic terms (highest summed TF-IDF weight) and represented by its
most central sentence. Deterministic: no random initialisation, ties broken by
term and source order.
"""

from __future__ import annotations

from dataclasses import dataclass

from .claims import Claim

#: Cosine distance under which two groups merge. 0.9 joins sentences that share at least one
#: substantive term with some weight and keeps unrelated ones apart; chosen by reading the
#: groupings of the example threads in threads/ (short comments share few words, so a lower
#: threshold left nearly every sentence alone).
DISTANCE_THRESHOLD = 0.9
#: Words that carry no point of their own in comment threads, on top of scikit-learn's English
#: stop words: fragments of contractions its tokenizer leaves ("isn't" -> "isn") and the talk
#: about talking ("comment", "agree", "think") that every side uses. Hand-written for this project.
EXTRA_STOP_WORDS = frozenset(
    """isn doesn don didn wasn weren aren won wouldn couldn shouldn haven hasn hadn ain mustn needn
    let ll ve re im ive youre thats theres dont cant wont
    comment comments article post thread reply replied agree agreed disagree think thought
    point points people just like really yes yeah okay thanks thank said say says lot way thing things
    actually maybe probably sure""".split()
)
#: Terms naming a key point.
LABEL_TERMS = 3
#: Above this many sentences on one side, agglomerative clustering (a full n x n distance matrix:
#: 2,000 sentences = 32 MB) gives way to mini-batch k-means on the L2-normalised TF-IDF vectors, whose
#: memory grows linearly; fixed random_state keeps it deterministic.
AGGLOMERATIVE_MAX = 2000
#: k for k-means: sqrt(n / 2), the usual rule of thumb (Mardia et al. 1979), capped for legibility.
KMEANS_MAX_K = 60


@dataclass(frozen=True)
class KeyPoint:
    side: str
    terms: tuple[str, ...]
    claims: tuple[Claim, ...]  # in source order
    example: Claim  # the most central sentence of the group

    @property
    def comment_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.comment_id for c in self.claims))

    @property
    def speakers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.speaker or f"?{c.comment_id}" for c in self.claims))


def key_points(claims_by_side: dict[str, list[Claim]]) -> dict[str, list[KeyPoint]]:
    """Group each side's claims; sides in the given order, groups by (participants, comments) desc."""
    all_claims = [c for cs in claims_by_side.values() for c in cs]
    if not all_claims:
        return {side: [] for side in claims_by_side}
    vectorizer, matrix = _vectorise([c.sentence for c in all_claims])
    if matrix is None:  # no sentence has a content word: each claim is its own point, unnamed
        return {side: [KeyPoint(side, (), (c,), c) for c in cs] for side, cs in claims_by_side.items()}
    row = {id(c): i for i, c in enumerate(all_claims)}
    out: dict[str, list[KeyPoint]] = {}
    for side, cs in claims_by_side.items():
        if not cs:
            out[side] = []
            continue
        sub = matrix[[row[id(c)] for c in cs]]
        labels = _cluster(sub)
        groups: dict[int, list[int]] = {}
        for i, lab in enumerate(labels):
            groups.setdefault(int(lab), []).append(i)
        points = [_point(side, [cs[i] for i in idx], sub[idx], vectorizer) for idx in groups.values()]
        points.sort(key=lambda p: (-len(p.speakers), -len(p.comment_ids), p.terms, p.claims[0].comment_id))
        out[side] = points
    return out


def _vectorise(sentences: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    vectorizer = TfidfVectorizer(stop_words=sorted(ENGLISH_STOP_WORDS | EXTRA_STOP_WORDS), sublinear_tf=True,
                                 token_pattern=r"(?u)\b[^\W\d_]{3,}\b")
    try:
        matrix = vectorizer.fit_transform(sentences)
    except ValueError:  # nothing but stop words: every sentence stands alone
        return None, None
    return vectorizer, matrix.tocsr()


def _cluster(matrix) -> list[int]:
    import numpy as np

    n = matrix.shape[0]
    if n == 1:
        return [0]
    if n > AGGLOMERATIVE_MAX:
        from sklearn.cluster import MiniBatchKMeans

        k = min(KMEANS_MAX_K, max(2, round((n / 2) ** 0.5)))
        raw = MiniBatchKMeans(n_clusters=k, random_state=0, n_init=1, batch_size=1024).fit_predict(matrix)
    else:
        from sklearn.cluster import AgglomerativeClustering
        from sklearn.metrics.pairwise import cosine_distances

        dist = cosine_distances(matrix)
        # A sentence with no vocabulary (all stop words) is distance 1 from everything: alone.
        dist = np.nan_to_num(dist, nan=1.0)
        model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                        distance_threshold=DISTANCE_THRESHOLD)
        raw = model.fit_predict(dist)
    # Renumber by first appearance, so labels do not depend on the tree-building order.
    seen: dict[int, int] = {}
    return [seen.setdefault(int(r), len(seen)) for r in raw]


def _point(side: str, claims: list[Claim], sub, vectorizer) -> KeyPoint:
    import numpy as np

    weights = np.asarray(sub.sum(axis=0)).ravel()
    names = vectorizer.get_feature_names_out()
    ranked = sorted((i for i in range(len(names)) if weights[i] > 0), key=lambda i: (-round(weights[i], 9), names[i]))
    terms = tuple(str(names[i]) for i in ranked[:LABEL_TERMS])
    centroid = weights / max(len(claims), 1)
    sims = np.asarray(sub @ centroid).ravel()
    # The example: the most central sentence, preferring ones that can stand alone (marked, or long).
    best = max(range(len(claims)), key=lambda i: (claims[i].is_marked or len(claims[i].sentence.split()) >= 6,
                                                  round(float(sims[i]), 9), -i))
    return KeyPoint(side, terms, tuple(claims), claims[best])
