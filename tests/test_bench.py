"""The benchmark script runs (a tiny smoke run; the real measurements live in bench/, not in tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_quick_run(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--json", str(out)],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "floor/ours" in run.stdout
    results = json.loads(out.read_text())
    assert [r["case"] for r in results] == ["Alok (example)", "100 baris"]
    small = results[1]
    assert small["ok"] and small["validate_ok"] and small["floor_s"] > 0
    assert set(small["split"]) >= {"read", "compute", "validate", "context", "render", "save"}
    # CPU time of each process beside its wall time (a figure that waits less on a busy machine)
    assert 0 < small["cpu_s"] <= max(small["cpu_runs"]) and small["floor_cpu_s"] > 0 and small["validate_cpu_s"] > 0
    assert "CPU seconds" in run.stdout and "floor/validate" in run.stdout
