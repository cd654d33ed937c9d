#!/usr/bin/env python3
"""Regenerate the reference matrices in data/ (see data/README.md).

Needs NumPy, SciPy and h5py (Debian python3-numpy, python3-scipy, python3-h5py).
Run from the repository root:  /usr/bin/python3 data/make_data.py
"""
import os
import numpy as np
import scipy.io
import h5py

here = os.path.dirname(os.path.abspath(__file__))


def save_mat73(path, name, w):
    """MATLAB v7.3: an HDF5 file with a 512-byte user block holding MATLAB's 128-byte header, and
    the matrix stored transposed (MATLAB is column-major) with the attribute MATLAB_class."""
    with h5py.File(path, "w", userblock_size=512, libver="earliest") as f:
        d = f.create_dataset(name, data=np.ascontiguousarray(w.T), track_times=False)
        # MATLAB (and libmatio) write the class as a null-terminated fixed-length string; h5py's
        # default is null-padded, which a null-terminated read shortens to "doubl".
        string = h5py.h5t.C_S1.copy()
        string.set_size(6)
        string.set_strpad(h5py.h5t.STR_NULLTERM)
        attr = h5py.h5a.create(d.id, b"MATLAB_class", string, h5py.h5s.create(h5py.h5s.SCALAR))
        attr.write(np.array(b"double", dtype="S6"), mtype=string)
    text = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created by: netdyn data/make_data.py " \
           b"HDF5 schema 1.00 ."
    header = text.ljust(116, b" ") + b"\x00" * 8 + b"\x00\x02" + b"IM"
    with open(path, "r+b") as f:
        f.write(header.ljust(512, b"\x00"))


def save(name, w, comment):
    np.save(os.path.join(here, name + ".npy"), w)
    np.savetxt(os.path.join(here, name + ".csv"), w, delimiter=",", fmt="%.17g",
               header=comment, comments="# ")
    if name == "hebbian_2x2":
        return
    # The same W in the formats users keep it in (issue 21): MATLAB v5 and v7.3, HDF5 and NumPy's
    # archive, each holding one matrix named W.
    scipy.io.savemat(os.path.join(here, name + ".mat"), {"W": w}, format="5")
    save_mat73(os.path.join(here, name + "_v73.mat"), "W", w)
    with h5py.File(os.path.join(here, name + ".h5"), "w") as f:
        f.create_dataset("W", data=w, track_times=False)
    np.savez(os.path.join(here, name + ".npz"), W=w)


def main():
    # Murphy & Miller 2009 balanced amplification: W = [[w, -k w], [w, -k w]], w = 30/7, k = 1.1.
    w, k = 30.0 / 7.0, 1.1
    save("mm09_balanced", np.array([[w, -k * w], [w, -k * w]]),
         "Murphy & Miller 2009 balanced E-I network, W = [[w, -k w], [w, -k w]], w = 30/7, k = 1.1")

    # Hebbian (normal) counterpart: W = (w/2) [[1, 1], [1, 1]], eigenvalues {w, 0}, w = 6/7, so that
    # int r_E dt = 4 tau from r(0) = (1, 0) as for the balanced network (science.md 1.6).
    w = 6.0 / 7.0
    save("hebbian_2x2", (w / 2.0) * np.ones((2, 2)),
         "Hebbian (normal) 2x2 network, W = (w/2) [[1, 1], [1, 1]], w = 6/7")

    # Rosenbaum fig. 4.2C: Gaussian W = rho * randn(N, N) / sqrt(N), N = 200, rho = 1.5.
    rng = np.random.default_rng(42)
    n, rho = 200, 1.5
    save("gaussian_n200_rho1.5", rho * rng.standard_normal((n, n)) / np.sqrt(n),
         "Gaussian random network, rho * standard_normal((200, 200)) / sqrt(200), rho = 1.5, "
         "numpy.random.default_rng(42)")


if __name__ == "__main__":  # tests/data/make_format_data.py imports save_mat73
    main()
