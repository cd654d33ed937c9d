"""Matplotlib helpers for notebooks: each draws on a given Axes and returns it, with labelled axes
and units. matplotlib is optional (Debian python3-matplotlib); importing this module without it
raises ImportError with the package to install.

>>> import matplotlib.pyplot as plt, netdyn, netdyn.plot
>>> fig, ax = plt.subplots()
>>> netdyn.plot.spectrum(ax, W)          # eigenvalues, the stability line Re = 1, the circular law
"""
import numpy as np

try:
    import matplotlib  # noqa: F401
except ImportError as error:  # pragma: no cover - exercised only without matplotlib
    raise ImportError("netdyn.plot needs matplotlib (Debian: apt-get install python3-matplotlib)") from error

from . import _core

__all__ = ["spectrum", "envelope", "schur", "pseudospectra"]


def spectrum(ax, W, circle=True):
    """Eigenvalues of W in the complex plane, the stability line Re(lambda) = 1 of
    tau dr/dt = -r + W r, and (circle=True) the circular-law radius sqrt(n var(W_ij))."""
    W = np.asarray(W, dtype=float)
    values = _core.spectrum(W)
    ax.plot(values.real, values.imag, ".", color="C0", label="eigenvalues of W")
    ax.axvline(1.0, color="C3", linestyle="--", linewidth=1, label="stability edge Re λ = 1")
    if circle and W.shape[0] > 1:
        radius = np.sqrt(W.shape[0] * W.var())
        phi = np.linspace(0.0, 2.0 * np.pi, 256)
        ax.plot(radius * np.cos(phi), radius * np.sin(phi), color="0.5", linewidth=1,
                label="circular law, radius %.3g" % radius)
    ax.set_xlabel("Re λ")
    ax.set_ylabel("Im λ")
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend(loc="best", fontsize="small")
    return ax


def envelope(ax, result, tau=1.0):
    """The transient envelope ||exp(tA)||_2 of an amplify() result (netdyn.amplify or
    Network.amplify) and its maximum; times in units of tau (the tau amplify was given)."""
    t, g = result["times"], result["envelope"]
    ax.plot(t, g, color="C0", label="||exp(tA)||₂")
    ax.plot([result["transient_gain_time"]], [result["transient_gain"]], "o", color="C3",
            label="maximum %.4g at t = %.3g" % (result["transient_gain"], result["transient_gain_time"]))
    ax.set_xlabel("time (units of τ = %g)" % tau)
    ax.set_ylabel("||exp(tA)||₂")
    ax.set_ylim(bottom=0.0)
    ax.legend(loc="best", fontsize="small")
    return ax


def schur(ax, W):
    """|T| of the ordered complex Schur form W = U T U^* as a heatmap (log10): the diagonal holds
    the eigenvalues, the strict upper triangle the hidden feedforward weights."""
    T = _core.schur(np.asarray(W, dtype=float))["T"]
    magnitude = np.abs(T)
    floor = max(magnitude.max(), 1e-300) * 1e-16
    shown = np.log10(np.maximum(magnitude, floor))
    shown[np.tril_indices_from(shown, -1)] = np.nan  # zero below the diagonal: left blank
    image = ax.imshow(shown, cmap="viridis", interpolation="nearest")
    ax.figure.colorbar(image, ax=ax, label="log10 |T_ij|")
    ax.set_xlabel("Schur column j")
    ax.set_ylabel("Schur row i")
    return ax


def pseudospectra(ax, result, levels=(-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0)):
    """Contours of log10 sigma_min(zI - W) of a pseudospectra() result at the given levels (the
    boundaries of the eps-pseudospectra, eps = 10^level), with the eigenvalues."""
    x, y, s = result["x"], result["y"], result["sigma_min"]
    contours = ax.contour(x, y, np.log10(np.maximum(s, 1e-300)), levels=list(levels), cmap="viridis")
    ax.clabel(contours, fmt="%g", fontsize="x-small")
    values = result["eigenvalues"]
    ax.plot(values.real, values.imag, ".", color="k", label="eigenvalues")
    ax.set_xlabel("Re z")
    ax.set_ylabel("Im z")
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend(loc="best", fontsize="small")
    return ax
