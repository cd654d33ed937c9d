#!/usr/bin/python3
"""scripts/make_python_stubs.py [OUT]: type stubs for netdyn._core (python/netdyn/_core.pyi), so
that editors complete and type checkers check calls. Generated from the compiled module's
pybind11 signatures (the first docstring line of every function and method), with NumPy and SciPy
array types shortened to what a caller passes (numpy.typing.ArrayLike in, numpy.ndarray out).
Run after building, with PYTHONPATH=build/python; pytest checks that the checked-in file is what
this script writes.
"""
import inspect
import re
import sys

import netdyn._core as core

HEADER = '''"""Type stubs of netdyn._core, written by scripts/make_python_stubs.py (do not edit)."""
from typing import Any, Dict, List, Optional, Tuple, Union
import os

import numpy
import numpy.typing
import scipy.sparse

'''


def simplify(signature: str, returns: bool) -> str:
    # numpy.ndarray[numpy.float64[m, n], flags.f_contiguous] -> ArrayLike (arguments) or ndarray.
    array = "numpy.ndarray" if returns else "numpy.typing.ArrayLike"
    out = re.sub(r"numpy\.ndarray\[[^\]]*\[[^\]]*\][^\]]*\]", array, signature)
    out = re.sub(r"numpy\.ndarray\[[^\]]*\]", array, out)
    out = re.sub(r"scipy\.sparse\.csc_matrix\[[^\]]*\]", "scipy.sparse.spmatrix", out)
    out = re.sub(r"(int|float)\[\d+\]", r"\1", out)  # List[int[2]] -> List[int]
    out = out.replace("netdyn._core.", "")
    out = re.sub(r"-> object$", "-> Any", out)
    out = re.sub(r"-> dict$", "-> Dict[str, Any]", out)
    out = re.sub(r"-> tuple$", "-> Tuple[Any, ...]", out)
    return out


def stub_function(name: str, doc: str, indent: str = "") -> str:
    lines = (doc or "").splitlines()
    first = lines[0] if lines else f"{name}(*args, **kwargs) -> Any"
    head, _, ret = first.rpartition(" -> ")
    params = head[len(name):]
    # Defaults that are not valid Python (pybind11 prints e.g. <...>) become "...".
    params = re.sub(r"= <[^>]*>", "= ...", params)
    params = re.sub(r"(=\s*)(\[[^\]]*\])", r"\1...", params)
    sig = f"def {name}{simplify(params, False)} -> {simplify('-> ' + ret, True)[3:]}:"
    text = "\n".join(line for line in lines[1:]).strip()
    body = f'{indent}    """{text}"""\n' if text else f"{indent}    ...\n"
    return f"{indent}{sig}\n{body}"


def main() -> None:
    out = [HEADER, f"__version__: str\n\n"]
    for name, obj in sorted(vars(core).items()):
        if name.startswith("__"):
            continue
        if inspect.isclass(obj):
            out.append(f"class {name}:\n")
            doc = (obj.__doc__ or "").strip()
            if doc:
                out.append(f'    """{doc}"""\n')
            for member, value in sorted(vars(obj).items()):
                if member.startswith("__") and member not in ("__init__", "__repr__"):
                    continue
                if isinstance(value, property):
                    out.append(f"    @property\n    def {member}(self) -> Any:\n"
                               f'        """{(value.__doc__ or "").strip()}"""\n')
                elif callable(value):
                    out.append(stub_function(member, value.__doc__, "    "))
            out.append("\n")
        elif callable(obj):
            out.append(stub_function(name, obj.__doc__))
            out.append("\n")
    text = "".join(out).rstrip() + "\n"
    target = sys.argv[1] if len(sys.argv) > 1 else None
    if target:
        with open(target, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
