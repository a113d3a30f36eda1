"""Start-up time and memory: FINSAM Desktop on the demo database vs a bare PySide6 window.

Each run is a fresh process. The time is measured from just before the process is spawned
to the moment the main window has been shown and its first events (paint) processed inside
the running event loop; the child then quits and reports its peak memory (max RSS).
Runs offscreen (QT_QPA_PLATFORM=offscreen) so it works without a display.

    .venv/bin/python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Peak memory of this process image: VmHWM (ru_maxrss would also count the benchmark process
# that forked it, which Linux carries across exec).
PEAK_RSS = """
def peak_rss_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_REPORT = PEAK_RSS + """
import json, sys, time
from PySide6.QtCore import QTimer
def report(app, t0):
    def done():
        app.processEvents()
        print(json.dumps({"seconds": time.time() - t0,
                          "max_rss_mb": peak_rss_mb(),
                          "modules": sorted(m for m in ("numpy", "pyqtgraph", "reportlab")
                                            if m in sys.modules)}))
        app.quit()
    QTimer.singleShot(0, done)
    return int(app.exec())
"""

_FINSAM = _REPORT + """
t0 = float(sys.argv[1])
from finsam_desktop.ui import main as entry
entry._exec = lambda app: report(app, t0)
entry.main([sys.argv[2]])
"""

_BARE = _REPORT + """
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
window.show()
report(app, t0)
"""


def _run(code: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, str(start), *args], env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    """Print median and spread of start-up time and peak memory for both programs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": tmp}
        db = Path(tmp) / "demo.sqlite"
        subprocess.run([sys.executable, "-m", "finsam_desktop.cli", "demo", str(db)],
                       env=env, check=True, capture_output=True)
        for name, code, args in (("bare PySide6 window", _BARE, ()),
                                 ("FINSAM Desktop on the demo", _FINSAM, (str(db),))):
            _run(code, *args, env=env)  # warm the file cache
            results = [_run(code, *args, env=env) for _ in range(runs)]
            seconds = sorted(r["seconds"] for r in results)
            rss = statistics.median(r["max_rss_mb"] for r in results)
            print(f"{name:28s} start-up median {statistics.median(seconds):.3f} s "
                  f"(min {seconds[0]:.3f}, max {seconds[-1]:.3f}, {runs} runs); "
                  f"peak memory {rss:.0f} MB; heavy modules loaded: "
                  f"{', '.join(results[0]['modules']) or 'none'}")


if __name__ == "__main__":
    main()
