"""The data that ships with the package: the 2017 Xinzhou catalog and the gazetteer of its names.

The one module that joins the catalog loader and the gazetteer: `loaders.catalog` resolves
references through a gazetteer it is given, and `loaders.gazetteer` knows nothing of catalogs.

>>> ds = bundled_catalog()
>>> ds.nodes["county:忻州市/代县"].props["admin_code"]
'140923'
>>> bundled_gazetteer().resolve("代县", ("County",))
('county:忻州市/代县', 'County')
"""
from __future__ import annotations

import copy
from functools import lru_cache
from importlib import resources
from pathlib import Path

from graph.records import Dataset
from loaders.catalog import load_catalog
from loaders.gazetteer import Gazetteer, load_aliases

BUNDLED = "data/xinzhou-2017.yaml"


def bundled_path() -> Path:
    return Path(str(resources.files("loaders").joinpath(BUNDLED)))


@lru_cache(maxsize=1)
def _bundled() -> Dataset:
    # the bundled catalog resolves in itself and the alias table only
    return load_catalog(bundled_path(), gazetteer=Gazetteer(load_aliases()))


def bundled_catalog() -> Dataset:
    """The bundled 2017 Xinzhou dataset (reference data and the seed article's facts).

    Parsed once; each caller gets its own copy, so extending it cannot change anyone else's.
    """
    return copy.deepcopy(_bundled())


@lru_cache(maxsize=1)
def bundled_gazetteer() -> Gazetteer:
    """Everything the bundled catalog names, with the alias table: the default for ledgers."""
    return Gazetteer(load_aliases()).add_dataset(bundled_catalog())
