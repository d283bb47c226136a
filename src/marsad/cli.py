"""marsad's command line: thin wrappers over the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="marsad (مرصد): code Arabic conflict news into events: who did what to whom, where, when, per whom.",
)

OUTPUT_FORMATS = ("json", "jsonl")


@app.callback()
def main() -> None:
    """marsad (مرصد): code Arabic conflict news into events."""


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (.txt, .html, .htm, .jsonl); '-' reads stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (one object, or an array for several) or jsonl (one object a line).")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    indent: Annotated[int | None, typer.Option(help="Indent JSON output by this many spaces.")] = None,
) -> None:
    """Extract events from Arabic articles and print them in the marsad/1 contract shape."""
    from rich.progress import Progress

    from marsad.ingest.records import iter_records
    from marsad.pipeline import Pipeline
    from marsad.runner import document_for

    if fmt not in OUTPUT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(OUTPUT_FORMATS)}, not {fmt!r}")
    pipeline = Pipeline()
    # The output is written beside its final name and moved there at the end, so an
    # interrupted run never leaves a half-written file under that name.
    partial = output.with_name(output.name + ".partial") if output else None
    out: TextIO = partial.open("w", encoding="utf-8") if partial else sys.stdout
    done = False
    read = failed = 0
    docs = []
    show_progress = sys.stderr.isatty()
    try:
        with Progress(transient=True, disable=not show_progress) as progress:
            task = progress.add_task("extracting", total=None)
            skip = [output, partial] if output and partial else []
            for record in iter_records(paths, stdin=sys.stdin.buffer, skip=skip):
                doc, error = document_for(record, pipeline)
                for message in record.messages():
                    typer.echo(f"marsad: {message}", err=True)
                if error:
                    failed += 1
                else:
                    read += 1
                    for w in doc.warnings[len(record.warnings):]:
                        typer.echo(f"marsad: {record.where}: warning: {w}", err=True)
                if fmt == "jsonl":
                    out.write(doc.to_json(indent=None) + "\n")
                else:
                    docs.append(doc.to_contract())
                progress.advance(task)
        if fmt == "json":
            payload = docs[0] if len(docs) == 1 else docs
            out.write(json.dumps(payload, ensure_ascii=False, indent=indent) + "\n")
        done = True
    finally:
        if output and partial:
            out.close()
            if done:
                partial.replace(output)
            else:
                partial.unlink(missing_ok=True)
    if read == 0:
        typer.echo(f"marsad: nothing could be read ({failed} input(s) failed)", err=True)
        raise typer.Exit(code=1)


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold NNN.json files (see shared/dev/ANNOTATION.md).")],
    articles: Annotated[list[Path], typer.Argument(help="Article files NNN.txt with a header block.")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the full report as JSON here.")] = None,
) -> None:
    """Score marsad's output on annotated articles: event P/R/F1, places, actors, dates."""
    from marsad.errors import MarsadError
    from marsad.evaluation.run import run_evaluation

    if not gold_dir.is_dir():
        raise typer.BadParameter(f"{gold_dir} is not a folder of gold files")
    try:
        report = run_evaluation(gold_dir, list(articles))
    except MarsadError as exc:
        typer.echo(f"marsad: {exc}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo(report.format())
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    app()
