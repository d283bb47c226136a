"""Tests for marsad.cli: help text, the README's documentation of every command, bad input handling."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands()
    assert {"extract", "evaluate"} <= set(commands)
    for name in commands:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert len(result.output.strip().splitlines()) > 3
        assert f"marsad {name}" in readme, f"README does not document 'marsad {name}'"


def test_extract_examples_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(ROOT / "examples"), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = [d["doc_id"] for d in docs]
    # JSONL records keep their ids and their order.
    assert ids.index("ex-iraq-1") < ids.index("ex-lebanon-1") < ids.index("ex-aleppo-1")
    assert sum(len(d["events"]) for d in docs) >= 5
    assert all(d["schema"] == "marsad/1" for d in docs)


def test_bad_inputs_warn_and_the_rest_still_run(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "good.txt").write_text("اعتقلت الأجهزة الأمنية خمسة شبان في مدينة درعا.", encoding="utf-8")
    (tmp_path / "mixed.jsonl").write_text(
        '{"id": "a", "text": "انسحبت القوات الروسية من مطار القامشلي"}\n'
        '{"id": "b", "text": "broken\n'
        '{"id": "c", "text": "قصفت المدفعية التركية قرية في ريف الحسكة"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0
    assert "Traceback" not in result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_warning = [d for d in docs if d["warnings"]]
    assert len(by_warning) >= 3  # empty, binary, malformed line
    assert [d["doc_id"] for d in docs if d["doc_id"] in ("a", "c")] == ["a", "c"]
    assert "empty" in result.output and "binary" in result.output and "JSON" in result.output


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    assert "nothing could be read" in result.output


@pytest.mark.parametrize("fmt", ["xml", "csv"])
def test_unknown_format_is_refused(fmt: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(ROOT / "examples"), "--format", fmt])
    assert result.exit_code != 0
