#pragma once
/// \file pseudospectrum.hpp
/// Pseudospectra `Lambda_eps(A) = {z : sigma_min(zI - A) <= eps}` (Trefethen & Embree ch. 2) on a
/// grid by EigTool's dense algorithm (science.md 7.1): one complex Schur factorisation
/// `A = U T U^*`, then at each grid point the inverse Lanczos iteration on
/// `(T - zI)^{-1} (T - zI)^{-*}`, two O(n^2) triangular solves per step, in parallel over grid
/// points (OpenMP). And the epsilon-pseudospectral abscissa
/// `alpha_eps(A) = max{Re z : z in Lambda_eps(A)}` by the criss-cross algorithm of Burke, Lewis &
/// Overton (IMA J. Numer. Anal. 23:359, 2003; science.md 7.2).

#include <Eigen/Core>
#include <array>
#include <functional>
#include <optional>

namespace netdyn {

struct PseudospectrumOptions {
  Eigen::Index nx = 40;  ///< grid points along Re z, >= 1
  Eigen::Index ny = 40;  ///< grid points along Im z, >= 1
  /// {x0, x1, y0, y1} (x0 <= x1, y0 <= y1, finite); empty = a box around the eigenvalues padded
  /// by a quarter of their extent plus a tenth of the spectral radius (at least 1 wide).
  std::optional<std::array<double, 4>> box;
  /// Lanczos stops when the Ritz residual is below tolerance times the Ritz value. The Ritz value
  /// is then within that residual of an eigenvalue of (zI - A)^{-1}(zI - A)^{-*}, so sigma_min is
  /// within tolerance/2 relative (and ~tolerance^2/gap when the top two are well separated):
  /// the default 1e-5 measured 1e-10 at n = 200 against a dense SVD, far beyond what a contour
  /// plot resolves; 1e-7 gives ~1e-13 at about 30% more Lanczos steps. Looser than ~1e-5, the
  /// warm start can stop on the second eigenvalue where two nearly coincide. (0, 1)
  double tolerance = 1e-5;
  Eigen::Index max_iterations = 99;  ///< Lanczos steps per point (EigTool's cap), >= 1
  /// Called after each computed grid row with (rows done, rows to compute), one call at a time
  /// (from whichever thread finished the row); for a progress display, must not throw. Empty:
  /// not called.
  std::function<void(Eigen::Index done, Eigen::Index total)> progress;
};

struct Pseudospectrum {
  Eigen::VectorXd x;             ///< Re z of the grid columns (nx, increasing)
  Eigen::VectorXd y;             ///< Im z of the grid rows (ny, increasing)
  Eigen::MatrixXd sigma_min;     ///< ny x nx: sigma_min((x_j + i y_i) I - A), 0 on eigenvalues
  Eigen::VectorXcd eigenvalues;  ///< of A, Schur diagonal order
  Eigen::Index iterations = 0;   ///< Lanczos steps over all computed points
  Eigen::Index unconverged = 0;  ///< points that hit max_iterations (value still a bound)
  /// Rows copied from their mirror image about the real axis (A real: sigma_min(conj(z) I - A)
  /// = sigma_min(zI - A)) instead of computed.
  Eigen::Index mirrored_rows = 0;
};

/// sigma_min(zI - A) on a grid.
/// \throws std::invalid_argument A empty, non-square, not finite; nx or ny < 1; box not finite
///         or reversed; tolerance or max_iterations out of range
/// \throws NumericalError zgees failed
/// Cost: one zgees (O(n^3)) plus O(k n^2) per point, k ~ 5-30, divided over the threads; rows
/// with a mirror image about the real axis in the grid (y_i = -y_j) are copied, so a symmetric
/// box costs half.
[[nodiscard]] Pseudospectrum compute_pseudospectrum(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                                    const PseudospectrumOptions& options = {});

struct PseudospectralAbscissa {
  double abscissa = 0.0;        ///< alpha_eps(A)
  double y = 0.0;               ///< Im z of a rightmost point
  Eigen::Index iterations = 0;  ///< criss-cross sweeps
};

/// epsilon-pseudospectral abscissa by criss-cross. `alpha_eps >= alpha(A) + eps`, and
/// `sup_t ||e^{tA}|| >= alpha_eps/eps` (Kreiss).
/// \throws std::invalid_argument A bad; eps not finite and > 0
/// \throws NumericalError an eigenvalue problem failed or the iteration did not converge in 30
///         sweeps
/// Cost: per sweep one real 2n x 2n Hamiltonian eigenproblem (vertical search) and one complex
/// 2n x 2n eigenproblem per crossing interval (horizontal search): O(n^3); meant for n up to a
/// few hundred.
[[nodiscard]] PseudospectralAbscissa pseudospectral_abscissa(
    const Eigen::Ref<const Eigen::MatrixXd>& a, double eps);

}  // namespace netdyn
