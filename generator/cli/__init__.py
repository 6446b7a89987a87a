"""The command-line face (`lkjip`): thin click commands on the public API (`commands`), click's messages in
Indonesian (`text`). `generator.cli:run` is the `lkjip` entry point; `main` (the click group) and `run` are
loaded on first use, so `generator.cli.text` can be imported without the commands.
"""

import os
import signal
import sys
from pathlib import Path
from typing import Any


def _stopped_while_starting(signum: int, _frame) -> None:
    """Ctrl+C/SIGTERM while the program is still importing: nothing is written yet; no traceback."""
    how = "Ctrl+C" if signum == signal.SIGINT else "SIGTERM" if signum == getattr(signal, "SIGTERM", -1) else f"sinyal {signum}"
    try:
        sys.stderr.write(f"\nDihentikan ({how}): tidak ada berkas yang ditulis.\n")
        sys.stderr.flush()
    finally:
        os._exit(128 + signum)


# The program itself (`lkjip`, `python -m generator.cli`), not a library import: a stop during the imports
# that follow (this package is imported first) ends quietly; `run` then installs the handlers that unwind a command.
if sys.argv[:1] == ["-m"] or Path(sys.argv[0] if sys.argv else "").stem == "lkjip":
    for _sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if _sig is not None:
            try:
                signal.signal(_sig, _stopped_while_starting)
            except ValueError:  # not the main thread
                pass


def __getattr__(name: str) -> Any:
    if name in ("main", "run"):
        from . import commands

        return getattr(commands, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
