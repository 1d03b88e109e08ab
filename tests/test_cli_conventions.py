"""CLI conventions (issue 16): every option a command's help names exists, every --format
choice is honoured (or refused by the parser), and the monitor commands take the filters they
document."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import flashpoint.cli  # noqa: F401  registers the commands
from flashpoint.cli.app import app

pytest_plugins = ["test_api_support"]  # crisis_db

runner = CliRunner()


def _commands() -> dict[str, Any]:
    """Every leaf command by its full name ("events", "bench alerts"). Typer builds them on
    its own copy of click, so groups are recognised by their ``commands``, not by class."""
    found: dict[str, Any] = {}

    def walk(cmd: Any, prefix: str) -> None:
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            found[prefix] = cmd

    walk(typer.main.get_command(app), "")
    return found


COMMANDS = _commands()


def _help_text(cmd: Any) -> str:
    parts = [cmd.help or ""]
    parts += [getattr(p, "help", None) or "" for p in cmd.params]
    return "\n".join(parts)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_cli_every_option_named_in_help_exists(name):
    cmd = COMMANDS[name]
    options = {opt for p in cmd.params for opt in (*p.opts, *p.secondary_opts)} | {"--help"}
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", _help_text(cmd)))
    # Options of *other* commands may be named as such: "`flashpoint load` then ...".
    named = {n for n in named if not re.search(rf"`flashpoint [a-z-]+[^`]*{n}", _help_text(cmd))}
    assert named <= options, f"`flashpoint {name}` help names {sorted(named - options)}"


def _format_choices(cmd: Any) -> list[str]:
    """The values ``--format`` accepts (empty when it takes any string)."""
    for p in cmd.params:
        if "--format" not in getattr(p, "opts", ()):
            continue
        kind = getattr(p, "type_descriptor", None)
        choices = getattr(kind, "choices", None) or getattr(getattr(p, "type", None), "choices", None)
        return [getattr(c, "value", c) for c in choices or ()]
    return []


@pytest.mark.parametrize("name", ["ingest", "scale-ingest", "load"])
def test_cli_summary_commands_offer_table_or_json_only(name):
    assert set(_format_choices(COMMANDS[name])) == {"table", "json"}


@pytest.mark.parametrize(("args", "bad"), [
    (["ingest", "x", "--format", "csv"], "csv"),
    (["load", "x", "--format", "csv"], "csv"),
    (["scale-ingest", "x", "--format", "yaml"], "yaml"),
])
def test_cli_unsupported_format_is_refused(args, bad):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert bad in result.output and "Invalid value" in result.output


def test_cli_every_format_option_is_a_choice():
    free = [name for name, cmd in COMMANDS.items()
            if any("--format" in getattr(p, "opts", ()) for p in cmd.params)
            and not _format_choices(cmd)]
    assert not free, f"--format takes any string in: {free}"


def _parse(fmt: str, output: str) -> list:
    if fmt == "json":
        data = json.loads(output)
        return data if isinstance(data, list) else [data]
    if fmt == "jsonl":
        return [json.loads(line) for line in output.splitlines() if line.strip()]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(output)))
    assert output.strip()
    return []


@pytest.mark.parametrize("command", [
    ["events", "--dyad", "KOR-PRK"], ["events", "--unique"], ["tension", "--dyad", "KOR-PRK"],
    ["alerts"], ["stories", "--min-articles", "1"],
])
def test_cli_every_format_choice_is_honoured(crisis_db, command):
    choices = _format_choices(COMMANDS[command[0]])
    assert set(choices) == {"table", "json", "jsonl", "csv"}
    counts = {}
    for fmt in choices:
        result = runner.invoke(app, [*command, "--db", str(crisis_db), "--format", fmt])
        assert result.exit_code == 0, result.output
        counts[fmt] = len(_parse(fmt, result.stdout))
    machine = {counts["json"], counts["jsonl"], counts["csv"]}
    assert len(machine) == 1 and machine.pop() > 0, counts


def test_cli_events_heading_counts_every_match(crisis_db):
    result = runner.invoke(app, ["events", "--db", str(crisis_db), "--dyad", "KOR-PRK",
                                 "--limit", "3"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "22 events match; 1–3 shown" in result.stdout


def test_cli_alerts_by_country(crisis_db):
    result = runner.invoke(app, ["alerts", "--db", str(crisis_db), "--country", "prk",
                                 "--format", "json"])
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert found and all("PRK" in a["dyad"].split("-") for a in found)
    none = runner.invoke(app, ["alerts", "--db", str(crisis_db), "--country", "USA",
                               "--format", "json"])
    assert json.loads(none.stdout) == []


def test_cli_export_takes_the_event_filters(crisis_db, tmp_path):
    result = runner.invoke(app, ["export", "--db", str(crisis_db), "--format", "csv",
                                 "-o", str(tmp_path), "--country", "PRK", "--plover", "ASSAULT",
                                 "--include-uncertain"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
    assert rows and all(r["plover"] == "ASSAULT" for r in rows)
    assert all("PRK" in (r["source_country"], r["target_country"]) for r in rows)
    listed = runner.invoke(app, ["events", "--db", str(crisis_db), "--country", "PRK",
                                 "--plover", "ASSAULT", "--format", "json"])
    assert len(rows) == len(json.loads(listed.stdout))


def test_cli_serve_reports_a_port_in_use_without_a_banner(crisis_db):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(crisis_db), "--port", str(port)])
    assert result.exit_code == 2
    assert "cannot listen on 127.0.0.1" in result.output
    assert "Flashpoint on" not in result.output
