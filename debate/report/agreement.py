"""Agreement between two annotators (or an annotator and the tool): Cohen's kappa and where they differ.

Reads two CSV files with a comment id column and label columns (the format of
`debate worksheet`'s answer sheet and key), pairs the rows by id, and per
label column reports: how many comments both labelled, observed agreement,
Cohen's kappa (chance-corrected, Cohen 1960; computed with scikit-learn),
agreement per label (specific agreement 2*both / (A + B), which says on which
labels annotators agree, not only how much overall) and the confusion table.
A multi-valued column (acts, "question;rebuttal") is compared per act as
yes/no decisions. Nothing is dropped silently: ids in only one file and blank
cells are counted in the result.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputError
from .escape import table_cell

#: Spellings students use for the stance labels, mapped to the tool's vocabulary.
SYNONYMS = {"favour": "favor", "for": "favor", "pro": "favor", "support": "favor", "supports": "favor",
            "con": "against", "oppose": "against", "opposes": "against", "contra": "against",
            "neither": "none", "no stance": "none", "agrees": "agree", "disagrees": "disagree"}
BLANK = {"", "-", "—", "n/a", "na", "?"}
MULTI_SEPARATORS = (";", "|", ",")
DEFAULT_ID = "comment"
DEFAULT_LABELS = ("stance", "relation", "acts")


def read_annotations(path: Path, id_col: str = DEFAULT_ID) -> tuple[list[str], dict[str, dict[str, str]]]:
    """(header, id -> row) of an annotation CSV; ids must be unique."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = list(reader.fieldnames or [])
            if id_col not in header:
                raise InputError(f"no {id_col!r} column (columns: {', '.join(header) or 'none'}); "
                                 f"choose the id column with --id-col", path=str(path), where="line 1")
            rows: dict[str, dict[str, str]] = {}
            for i, row in enumerate(reader, 2):
                key = (row.get(id_col) or "").strip()
                if not key:
                    raise InputError(f"empty {id_col!r} cell", path=str(path), where=f"line {i}")
                if key in rows:
                    raise InputError(f"comment id {key!r} appears twice", path=str(path), where=f"line {i}")
                rows[key] = {k: (v or "") for k, v in row.items() if k is not None}
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text (save the CSV as UTF-8)", path=str(path)) from None
    except csv.Error as e:
        raise InputError(f"not a readable CSV file ({e})", path=str(path)) from None
    return header, rows


def normalise(value: str) -> str:
    v = " ".join(value.split()).casefold()
    return "" if v in BLANK else SYNONYMS.get(v, v)


def _split(value: str) -> frozenset[str]:
    v = value
    for sep in MULTI_SEPARATORS[1:]:
        v = v.replace(sep, MULTI_SEPARATORS[0])
    return frozenset(x for x in (normalise(p) for p in v.split(MULTI_SEPARATORS[0])) if x)


def agreement(a_path: Path, b_path: Path, *, label_cols: tuple[str, ...] = (), id_col: str = DEFAULT_ID
              ) -> dict[str, Any]:
    """Agreement of two annotation files, per label column, as plain data."""
    a_head, a = read_annotations(a_path, id_col)
    b_head, b = read_annotations(b_path, id_col)
    cols = label_cols or tuple(c for c in DEFAULT_LABELS if c in a_head and c in b_head)
    for c in cols:
        for head, path in ((a_head, a_path), (b_head, b_path)):
            if c not in head:
                raise InputError(f"no {c!r} column (columns: {', '.join(head)})", path=str(path), where="line 1")
    if not cols:
        raise InputError(f"the files share none of the label columns {', '.join(DEFAULT_LABELS)}; "
                         f"name them with --label-col", path=str(b_path))
    shared = [k for k in a if k in b]
    if not shared:
        raise InputError(f"no comment id appears in both files (compare the {id_col!r} columns)", path=str(b_path))
    result: dict[str, Any] = {
        "a": str(a_path), "b": str(b_path), "id_column": id_col, "shared": len(shared),
        "only_in_a": sorted(k for k in a if k not in b), "only_in_b": sorted(k for k in b if k not in a),
        "columns": {},
    }
    for col in cols:
        multi = col == "acts" or any(sep in (r.get(col) or "") for r in (*a.values(), *b.values())
                                     for sep in (";", "|"))
        pairs = [(a[k].get(col, ""), b[k].get(col, "")) for k in shared]
        result["columns"][col] = _multi(pairs) if multi else _single(pairs)
    return result


def _kappa(x: list[str], y: list[str]) -> float | None:
    """Cohen's kappa, or None when undefined (both annotators used one and the same label throughout)."""
    if len(set(x) | set(y)) < 2:
        return None
    import warnings

    from sklearn.metrics import cohen_kappa_score

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        k = cohen_kappa_score(x, y)
    return None if math.isnan(k) else round(float(k), 3)


def _single(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    both = [(normalise(x), normalise(y)) for x, y in pairs]
    blank = sum(1 for x, y in both if not x or not y)
    used = [(x, y) for x, y in both if x and y]
    x = [p[0] for p in used]
    y = [p[1] for p in used]
    labels = sorted(set(x) | set(y))
    ca, cb = Counter(x), Counter(y)
    agree = Counter(p for p, q in used if p == q)
    per_label = [{"label": lab, "a": ca[lab], "b": cb[lab], "both": agree[lab],
                  "specific_agreement": round(2 * agree[lab] / (ca[lab] + cb[lab]), 3) if ca[lab] + cb[lab] else None}
                 for lab in labels]
    conf = Counter(used)
    return {
        "kind": "single", "compared": len(used), "blank": blank,
        "observed": round(sum(agree.values()) / len(used), 3) if used else None,
        "kappa": _kappa(x, y) if used else None,
        "per_label": per_label,
        "confusion": {"labels": labels, "rows": [[conf[(r, c)] for c in labels] for r in labels]},
    }


def _multi(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    both = [(_split(x), _split(y)) for x, y in pairs]
    blank = sum(1 for x, y in both if not x or not y)
    used = [(x, y) for x, y in both if x and y]
    labels = sorted(set().union(*(x | y for x, y in used))) if used else []
    per_label = []
    kappas = []
    for lab in labels:
        x = ["yes" if lab in p else "no" for p, _ in used]
        y = ["yes" if lab in q else "no" for _, q in used]
        ka, kb = x.count("yes"), y.count("yes")
        n_both = sum(1 for p, q in zip(x, y) if p == q == "yes")
        k = _kappa(x, y)
        if k is not None:
            kappas.append(k)
        per_label.append({"label": lab, "a": ka, "b": kb, "both": n_both,
                          "specific_agreement": round(2 * n_both / (ka + kb), 3) if ka + kb else None,
                          "kappa": k,
                          "confusion": {"labels": ["yes", "no"],
                                        "rows": [[n_both, ka - n_both], [kb - n_both, len(used) - ka - kb + n_both]]}})
    return {
        "kind": "multi", "compared": len(used), "blank": blank,
        "observed": round(sum(1 for x, y in used if x == y) / len(used), 3) if used else None,  # exact same set
        "kappa": round(sum(kappas) / len(kappas), 3) if kappas else None,  # mean over acts
        "per_label": per_label,
    }


def render(result: dict[str, Any]) -> str:
    """A plain-text (Markdown) account of the agreement, for the terminal or a file."""
    out = [f"# Agreement: {result['a']} vs {result['b']}", "",
           f"{result['shared']} comment(s) in both files"
           + (f"; only in the first: {len(result['only_in_a'])} ({', '.join(result['only_in_a'][:10])})"
              if result["only_in_a"] else "")
           + (f"; only in the second: {len(result['only_in_b'])} ({', '.join(result['only_in_b'][:10])})"
              if result["only_in_b"] else "") + "."]
    for col, r in result["columns"].items():
        kappa = "undefined (one label throughout)" if r["kappa"] is None else f"{r['kappa']:.3f}"
        observed = "—" if r["observed"] is None else f"{100 * r['observed']:.0f}%"
        out += ["", f"## {col}", ""]
        if not r["compared"]:
            out.append(f"Nothing to compare: no comment has a {col} label in both files ({r['blank']} left blank).")
            continue
        if r["kind"] == "multi":
            out.append(f"{r['compared']} compared, {r['blank']} left blank by one annotator; same set of labels: "
                       f"{observed}; Cohen's kappa (mean over labels, each as yes/no): {kappa}")
            out += ["", "| label | A | B | both | specific agreement | kappa |", "| --- | --- | --- | --- | --- | --- |"]
            out += [f"| {table_cell(p['label'])} | {p['a']} | {p['b']} | {p['both']} | {_pct(p['specific_agreement'])} | "
                    f"{'—' if p['kappa'] is None else format(p['kappa'], '.3f')} |" for p in r["per_label"]]
        else:
            out.append(f"{r['compared']} compared, {r['blank']} left blank by one annotator; observed agreement: "
                       f"{observed}; Cohen's kappa: {kappa}")
            out += ["", "| label | A | B | both | specific agreement |", "| --- | --- | --- | --- | --- |"]
            out += [f"| {table_cell(p['label'])} | {p['a']} | {p['b']} | {p['both']} | "
                    f"{_pct(p['specific_agreement'])} |" for p in r["per_label"]]
            labels = r["confusion"]["labels"]
            if labels:
                out += ["", "Confusion (rows: first file, columns: second file):", "",
                        "| A \\ B | " + " | ".join(table_cell(x) for x in labels) + " |",
                        "|" + " --- |" * (len(labels) + 1)]
                out += [f"| {table_cell(lab)} | " + " | ".join(str(v) for v in row) + " |"
                        for lab, row in zip(labels, r["confusion"]["rows"])]
    return "\n".join(out) + "\n"


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"
