"""netdyn: stability, nonnormality and amplification of rate networks.

    tau dr/dt = -r + W r + h(t),   A = (W - I)/tau

NumPy arrays in, NumPy arrays, floats and dicts out; non-finite numbers are floats
(``float('inf')``), absent ones ``None``. Bad input raises ``ValueError`` naming the argument,
file or value; a numerical failure raises ``RuntimeError``. Conventions (eigenvalue order, noise,
Schur form): docs/conventions.md; the functions: docs/python.md.

Example
-------
>>> import numpy as np, netdyn
>>> W = np.array([[30/7, -33/7], [30/7, -33/7]])   # Murphy & Miller 2009's balanced pair
>>> round(netdyn.schur(W)["feedforward_norm"], 6)
9.0
"""
from ._core import *  # noqa: F401,F403  (the compiled library; its names are the API)
from ._core import __version__  # noqa: F401

from . import _core

__all__ = [name for name in dir(_core) if not name.startswith("_")]
