"""A one-line progress indicator on stderr for long reads, shown only when asked for.

The library never prints on its own: readers create a `Progress` with
`enabled=options.progress` (the CLI sets it when stderr is a terminal), and a
disabled one does nothing at all. Short runs stay silent too: nothing is drawn
before REDRAW_SECONDS have passed.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

#: Seconds before the first draw and between redraws: often enough to look alive, rarely enough
#: to cost nothing, and short reads never flash a bar.
REDRAW_SECONDS = 0.5


class Progress:
    def __init__(self, label: str, total_bytes: int | None, *, enabled: bool, stream: TextIO | None = None,
                 unit: str = "lines"):
        self.label = label
        self.unit = unit
        self.total = total_bytes or None
        self.enabled = enabled
        self.stream = stream
        self._last = time.monotonic()
        self._shown = False

    def update(self, done_bytes: int | None, items: int, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < REDRAW_SECONDS:
            return
        self._last = now
        out = self.stream or sys.stderr
        size = ""
        if done_bytes is not None:
            size = f"{done_bytes / 1e6:,.1f} MB"
            if self.total:
                size += f" / {self.total / 1e6:,.1f} MB ({min(100.0, 100.0 * done_bytes / self.total):.0f}%)"
            size += ", "
        out.write(f"\r{self.label}: {size}{items:,} {self.unit}")
        out.flush()
        self._shown = True

    def done(self, done_bytes: int | None, items: int) -> None:
        """Draw the final figures and end the line, if anything was drawn at all."""
        if not (self.enabled and self._shown):
            return
        self.update(done_bytes, items, force=True)
        out = self.stream or sys.stderr
        out.write("\n")
        out.flush()
