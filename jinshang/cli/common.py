"""What every command shares: settings, consoles and the driver, opened at the edge."""
from __future__ import annotations

from contextlib import contextmanager

from rich.console import Console

from graph.settings import Settings, load_settings

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


@contextmanager
def driver_for(settings: Settings | None = None, start_local: bool = True):
    """Yield (driver, settings); the local server is started first when it is the target."""
    from graph.connection import open_driver

    settings = settings or load_settings()
    driver = open_driver(settings, start_local=start_local)
    try:
        yield driver, settings
    finally:
        driver.close()
