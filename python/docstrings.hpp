// The docstrings of netdyn._core (NumPy style), one constant per function, method and class, so
// that netdyn_module.cpp stays a readable list of bindings. Their Examples sections are doctests:
// python/tests/test_netdyn.py runs doctest.testmod(netdyn._core) and counts them. Conventions
// (docs/conventions.md): tau dr/dt = -r + W r + h(t), A = (W - I)/tau, stable iff
// max Re lambda(W) < 1; unit noise tau dx = (W - I) x dt + sigma sqrt(2 tau) dB.
#pragma once

namespace netdyn_doc {

constexpr const char* kSchurDoc =
    R"doc(Schur form W = U T U* ordered by decreasing real part, as netdyn schur (complex by default; real=True gives the quasi-triangular real form). Keys U, T, eigenvalues, feedforward_norm (the Henrici departure in both forms), feedforward_relative, backward_error, orthogonality_error, and with real=True real_feedforward_norm.)doc";

}  // namespace netdyn_doc
