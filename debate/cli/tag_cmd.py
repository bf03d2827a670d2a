"""`debate tag`, `debate train`, `debate evaluate`: stance, relation and acts; the supervised stance model."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..ingest import ReadOptions
from .base import Inputs, ModelOpt, RulesOnlyOpt, ThesisOpt, command, expand_inputs, with_read_options, write_text


@command("tag")
@with_read_options
def tag(
    inputs: Inputs,
    *,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Directory for one <thread-id>.json per thread (default: one "
                     "thread to stdout).", show_default=False),
    ] = None,
    thesis: ThesisOpt = None,
    model: ModelOpt = None,
    rules_only: RulesOnlyOpt = False,
    explain: Annotated[bool, typer.Option("--explain", help="Print every label with the cues and the thread "
                                          "rule that decided it.")] = False,
    read: ReadOptions,
) -> None:
    """Tag stance toward the thesis, relation to the parent and discourse acts, with evidence.

    Writes canonical JSON with the thesis and every comment's tags. With
    --explain, the reasons go to stdout (to stderr when the JSON does).

    Example: debate tag threads/scraped_says.txt -o tagged/ --explain
    """
    from ..tag.runner import tag_files

    text = tag_files(expand_inputs(inputs), output, read=read, thesis=thesis, model_path=model, explain=explain,
                      reviser=not rules_only)
    if text:
        stream_err = output is None or str(output) == "-"
        typer.echo(text, nl=False, err=stream_err)


EncodingOpt = Annotated[str, typer.Option("--encoding", help="Encoding of LABELS: auto (UTF-8, else Windows-1252) "
                                          "or any Python codec name such as latin-1.")]
DelimiterOpt = Annotated[str, typer.Option("--delimiter", help="auto (by extension, else the header line), tab, "
                                           "comma or semicolon. Tab-separated files are read without quoting.")]


@command("train")
def train(
    labels: Annotated[Path, typer.Argument(help="CSV/TSV file of labelled texts.", show_default=False)],
    *,
    text_col: Annotated[str, typer.Option("--text-col", help="Column with the text.")] = "text",
    label_col: Annotated[str, typer.Option("--label-col", help="Column with the stance (favor/against/none, "
                                           "pro/con, FAVOR/AGAINST/NONE ...).")] = "stance",
    target_col: Annotated[Optional[str], typer.Option("--target-col", help="Column naming the target; each "
                                                      "target gets its own feature block.",
                                                      show_default=False)] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Model file to write (skops format).")] = Path(
        "stance.skops"),
    c: Annotated[float, typer.Option("-C", help="SVM regularisation (smaller = simpler model).")] = 0.5,
    encoding: EncodingOpt = "auto",
    delimiter: DelimiterOpt = "auto",
) -> None:
    """Train a stance model: hashed word 1-3 and char 2-5-gram TF-IDF, a linear SVM with shared and per-target blocks.

    Example: debate train tests/data/stance_synthetic.csv --text-col text --label-col stance --target-col target -o stance.skops
    """
    import time

    from ..tag import supervised

    rows = supervised.read_labels(labels, text_col, label_col, target_col, encoding=encoding, delimiter=delimiter)
    start = time.perf_counter()
    model = supervised.StanceModel(C=c).fit(rows.texts, rows.labels, rows.targets)
    seconds = time.perf_counter() - start
    supervised.save(model, output)
    targets = f", {len(model.targets_)} target block(s)" if model.targets_ else ""
    size = output.stat().st_size / 1e6
    typer.echo(f"trained on {len(rows.texts)} rows{targets} in {seconds:.0f} s (none offset "
               f"{model.none_bias_:+.2f}); wrote {output} ({size:.1f} MB)", err=True)


@command("evaluate")
def evaluate(
    model: Annotated[Path, typer.Argument(help="Model from `debate train` (or, with --cv, the settings to "
                                          "cross-validate).", show_default=False)],
    labels: Annotated[Path, typer.Argument(help="CSV/TSV file of labelled texts.", show_default=False)],
    *,
    text_col: Annotated[str, typer.Option("--text-col", help="Column with the text.")] = "text",
    label_col: Annotated[str, typer.Option("--label-col", help="Column with the gold stance.")] = "stance",
    target_col: Annotated[Optional[str], typer.Option("--target-col", help="Column naming the target.",
                                                      show_default=False)] = None,
    cv: Annotated[Optional[int], typer.Option("--cv", help="K-fold cross-validation on LABELS with the model's "
                                              "settings instead of testing the trained model.",
                                              show_default=False)] = None,
    predictions: Annotated[Optional[Path], typer.Option("--predictions", help="Write every row's gold and "
                                                        "predicted label to this CSV.", show_default=False)] = None,
    encoding: EncodingOpt = "auto",
    delimiter: DelimiterOpt = "auto",
) -> None:
    """Score a stance model: accuracy, macro-F1, F_avg (SemEval-2016 Task 6), per class, confusion.

    Example: debate evaluate stance.skops test.csv --target-col target --predictions out.csv
    """
    from ..tag import metrics, supervised

    m = supervised.load(model)
    rows = supervised.read_labels(labels, text_col, label_col, target_col, encoding=encoding, delimiter=delimiter)
    pred = supervised.cross_validate(rows, cv, m) if cv else m.predict(rows.texts, rows.targets)
    if predictions is not None:
        supervised.write_predictions(predictions, rows, pred)
    header = f"{cv}-fold cross-validation on {labels}" if cv else f"{model} on {labels}"
    text = metrics.score(rows.labels, pred, labels=supervised.STANCES).format()
    if rows.targets is not None:
        text += "\n\n" + metrics.per_group(rows.labels, pred, rows.targets, supervised.STANCES)
    write_text(header + "\n" + text + "\n", None)
