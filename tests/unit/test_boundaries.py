"""Architecture rules that keep the library usable without Airflow."""

import ast
from pathlib import Path

PIPELINE = Path(__file__).parents[2] / "pipeline"


def test_pipeline_never_imports_airflow():
    offenders = []
    for path in PIPELINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "airflow"]
    assert offenders == []
