#pragma once
/// \file jacobian.hpp
/// Jacobians of the rate networks of rate_network.hpp (Rosenbaum ch. 3.3, seed 003), and of any
/// vector field by central differences or by forward-mode automatic differentiation (Eigen's
/// AutoDiff module).
///
///   rate form     `J = (1/tau) o [-I + G W]`,  `G = diag(f'(W r + X))`
///   current form  `J = (1/tau) o [-I + W G]`,  `G = diag(f'(I + X))`
///   layer         `d f(W x)/dx = diag(f'(W x)) W`
///
/// `(1/tau) o` divides row i by tau_i (docs/conventions.md; the seed notebook's broadcasting
/// scales columns instead, which keeps eigenvalues but not eigenvectors).

#include <Eigen/Core>
#include <functional>
#include <optional>
#include <unsupported/Eigen/AutoDiff>

#include "netdyn/dynamics/rate_network.hpp"

namespace netdyn {

/// Jacobian of the rate network (either form) at state x with input value x_in = X(t).
/// \throws std::invalid_argument as validate_rate_network(); x or x_in of the wrong size or not
///         finite. Cost O(n^2).
[[nodiscard]] Eigen::MatrixXd rate_jacobian(const RateNetwork& net,
                                            const Eigen::Ref<const Eigen::VectorXd>& x,
                                            const Eigen::Ref<const Eigen::VectorXd>& x_in);

/// Feed-forward layer r = f(W x): `diag(f'(W x)) W` (W may be rectangular, m x k).
/// \throws std::invalid_argument W empty or not finite, x of size != W.cols()
[[nodiscard]] Eigen::MatrixXd layer_jacobian(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                             const Eigen::Ref<const Eigen::VectorXd>& x,
                                             const Transfer& f);

/// An autonomous vector field F: R^n -> R^m; `fx` arrives sized m.
using Field =
    std::function<void(const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::VectorXd> fx)>;

struct FiniteDifferenceOptions {
  /// Relative step: h_j = step * max(1, |x_j|), rounded so that x_j + h_j - x_j == h_j exactly.
  /// The default eps^(1/3) balances the O(h^2) truncation and O(eps/h) rounding errors.
  double step = 6.0554544523933395e-06;
  /// Richardson extrapolation of the steps h and h/2: error O(h^4) for two more evaluations per
  /// column (step control without a tolerance loop, as in Ridders' method's first stage).
  bool richardson = true;
  Eigen::Index output_size = -1;  ///< m; -1 means m = n (a vector field)
};

/// Central-difference Jacobian `J(:, j) = (F(x + h_j e_j) - F(x - h_j e_j)) / (2 h_j)`,
/// optionally Richardson-extrapolated. Cost 2n (4n) evaluations of F.
/// \throws std::invalid_argument x empty or not finite, step <= 0
/// \throws NumericalError F returned a non-finite value
[[nodiscard]] Eigen::MatrixXd finite_difference_jacobian(
    const Field& f,
    const Eigen::Ref<const Eigen::VectorXd>& x,
    const FiniteDifferenceOptions& options = {});

/// Exact (to rounding) Jacobian of a field written generically over its scalar type by
/// forward-mode automatic differentiation (Eigen's AutoDiffScalar, one derivative direction per
/// input). `f` must be callable as
/// `Eigen::Matrix<S, Eigen::Dynamic, 1> f(const Eigen::Matrix<S, Eigen::Dynamic, 1>&)` for
/// S = double and S = Eigen::AutoDiffScalar<Eigen::VectorXd>. Cost: one evaluation carrying n
/// derivatives per intermediate, O(n) times the cost of F.
template <typename GenericField>
[[nodiscard]] Eigen::MatrixXd autodiff_jacobian(const GenericField& f, const Eigen::VectorXd& x) {
  using Scalar = Eigen::AutoDiffScalar<Eigen::VectorXd>;
  using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
  const Eigen::Index n = x.size();
  Vector ax(n);
  for (Eigen::Index j = 0; j < n; ++j)
    ax(j) = Scalar(x(j), static_cast<int>(n), static_cast<int>(j));  // seed e_j
  const Vector fx = f(ax);
  Eigen::MatrixXd jac(fx.size(), n);
  for (Eigen::Index i = 0; i < fx.size(); ++i) {
    if (fx(i).derivatives().size() == 0) {
      jac.row(i).setZero();  // an output that does not depend on x
    } else {
      jac.row(i) = fx(i).derivatives().transpose();
    }
  }
  return jac;
}

/// The rate network's vector field differentiated by AutoDiff (a check of rate_jacobian(); the
/// analytic one is cheaper). Threshold-linear units at the kink get derivative 0, as analytic.
/// Cost O(n^3).
[[nodiscard]] Eigen::MatrixXd autodiff_rate_jacobian(const RateNetwork& net,
                                                     const Eigen::Ref<const Eigen::VectorXd>& x,
                                                     const Eigen::Ref<const Eigen::VectorXd>& x_in);

/// A Jacobian and its agreement with the independent routes (`netdyn jacobian`): the largest
/// entry-wise difference from central differences and, where computed, from AutoDiff.
struct JacobianCheck {
  Eigen::MatrixXd jacobian;              ///< the analytic one
  Eigen::VectorXcd eigenvalues;          ///< of the Jacobian, in compute_spectrum's order
  double finite_difference_error = 0.0;  ///< max |J - J_fd|
  std::optional<double> autodiff_error;  ///< max |J - J_autodiff|; empty above kAutodiffMaxOrder
};

/// Largest n for which check_rate_jacobian differentiates by AutoDiff (O(n^3)).
inline constexpr Eigen::Index kAutodiffMaxOrder = 200;

/// rate_jacobian(net, x, x_in) checked against finite_difference_jacobian of the vector field and
/// (n <= kAutodiffMaxOrder) autodiff_rate_jacobian.
/// 	hrows std::invalid_argument as rate_jacobian
[[nodiscard]] JacobianCheck check_rate_jacobian(const RateNetwork& net,
                                                const Eigen::Ref<const Eigen::VectorXd>& x,
                                                const Eigen::Ref<const Eigen::VectorXd>& x_in);

}  // namespace netdyn
