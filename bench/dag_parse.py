"""DAG parse-time benchmark: how long each DAG file takes to import, as the DAG processor does.

Each file is imported in a fresh interpreter after Airflow itself has been imported and a
throwaway DAG built (Airflow's one-time set-up is not the file's cost). Prints the median of
``--repeat`` runs per file and whether the pipeline package or a heavy library got imported.

    python bench/dag_parse.py --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

DAGS = Path(__file__).resolve().parents[1] / "dags"
HEAVY = ("pipeline", "trafilatura", "great_expectations", "duckdb", "pandas")

PROBE = """
import importlib.util, json, sys, time
sys.path.insert(0, {dags!r})
from airflow.sdk import DAG, task
with DAG("warm_up", schedule=None):
    task(lambda: None, task_id="noop")()
before = set(sys.modules)
t = time.perf_counter()
spec = importlib.util.spec_from_file_location("dagfile", {path!r})
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
elapsed = time.perf_counter() - t
new = {{m.split(".")[0] for m in set(sys.modules) - before}}
print(json.dumps({{"s": elapsed, "heavy": sorted(new & set({heavy!r}))}}))
"""


def parse_once(path: Path, env: dict[str, str]) -> dict:
    code = PROBE.format(dags=str(DAGS), path=str(path), heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "AIRFLOW_HOME": home, "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
               "AIRFLOW__CORE__UNIT_TEST_MODE": "False"}
        print(f"{'dag file':28} {'median s':>9} {'max s':>7}  heavy imports")
        for path in sorted(p for p in DAGS.glob("*.py") if not p.name.startswith("_")):
            runs = [parse_once(path, env) for _ in range(args.repeat)]
            times = [r["s"] for r in runs]
            heavy = sorted({h for r in runs for h in r["heavy"]}) or "none"
            print(f"{path.name:28} {statistics.median(times):9.3f} {max(times):7.3f}  {heavy}")


if __name__ == "__main__":
    main()
