"""Every command has help text with an example; the CLI holds no logic of its own."""

import typer.main
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):  # a group (Typer ships its own copy of click)
            yield from _commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,), cmd


def test_every_command_has_help_with_an_example():
    root = typer.main.get_command(app)
    missing = [" ".join(path) for path, cmd in _commands(root)
               if not cmd.help or "Example:" not in cmd.help]
    assert missing == []
    assert ("db", "publish") in [path for path, _ in _commands(root)]


def test_trends_on_a_missing_database_fails_cleanly(tmp_path):
    result = runner.invoke(app, ["trends", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no warehouse" in result.output
