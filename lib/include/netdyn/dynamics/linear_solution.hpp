#pragma once
/// \file linear_solution.hpp
/// The exact solution of the linear network `dx/dt = A x + b(t)` for piecewise-constant b and
/// impulses (state jumps):
///
///   x(t0 + s) = e^{sA} x(t0) + int_0^s e^{(s - u)A} b du = e^{sA} x(t0) + s phi_1(sA) b,
///
/// computed in the real Schur basis `A = U T U^T`: the augmented quasi-triangular matrix
/// `M = [[T, U^T b], [0, 0]]` has `e^{sM} = [[e^{sT}, s phi_1(sT) U^T b], [0, 1]]` (Van Loan 1978),
/// so one exponential (Eigen's MatrixFunctions: Pade 13 with scaling and squaring, Higham 2005)
/// gives both terms, and U is orthogonal, so the basis change adds no error even when A is
/// far from normal (unlike an eigenvector basis, whose error grows with kappa(V)). Times are
/// advanced from output to output; the exponential of a repeated step is cached, so a uniform
/// grid costs one factorisation plus one exponential per input piece.
///
/// This is the reference the ODE integrators are checked against (ode_check.hpp).

#include <Eigen/Core>

#include "netdyn/core/linear_operator.hpp"
#include "netdyn/dynamics/rate_network.hpp"

namespace netdyn {

/// Propagator of `dx/dt = A x + b` with constant b; reuses A's real Schur form.
class LinearFlow {
 public:
  /// Real Schur factorisation of A (LAPACK dgees), O(n^3).
  /// \throws std::invalid_argument A empty, non-square or not finite
  /// \throws NumericalError the Schur factorisation failed
  explicit LinearFlow(const Eigen::Ref<const Eigen::MatrixXd>& a);

  /// `e^{dt A} x + int_0^dt e^{uA} b du` (dt >= 0; b may be empty = 0). O(n^3) on a new
  /// (dt, b) pair, O(n^2) when the last pair repeats.
  /// \throws std::invalid_argument dt < 0 or not finite, sizes differ
  [[nodiscard]] Eigen::VectorXd advance(double dt,
                                        const Eigen::Ref<const Eigen::VectorXd>& x,
                                        const Eigen::Ref<const Eigen::VectorXd>& b);

  [[nodiscard]] Eigen::Index size() const { return u_.rows(); }
  [[nodiscard]] const Eigen::MatrixXd& schur_factor() const { return t_; }   ///< T
  [[nodiscard]] const Eigen::MatrixXd& schur_vectors() const { return u_; }  ///< U

 private:
  Eigen::MatrixXd t_, u_;
  double cached_dt_ = -1.0;
  Eigen::VectorXd cached_c_;    ///< U^T b of the cached exponential
  Eigen::MatrixXd cached_exp_;  ///< e^{dt M}, (n+1) x (n+1)
};

/// The linear network of a rate model with f linear (f(x) = g (x - theta)) as
/// `dx/dt = A x + b(t)`: `A = diag(1/tau) (g W - I)` in both forms;
/// `b = diag(1/tau) g (X(t) - theta)` (rate form) or `diag(1/tau) g W (X(t) - theta)` (current).
/// Factored: nothing n x n is formed (a product `A x` is one BLAS dgemv with W), so building it
/// costs O(n^2) only for the validation of W. It keeps a pointer to `net.w`: `net` must outlive
/// it (and every operator made by as_operator()).
class LinearGenerator {
 public:
  /// Validates `net` and `input` once (validate_rate_network(function, net, input)), so a caller
  /// that also needs the input checked does not pass over W twice.
  /// \throws std::invalid_argument net.f is not linear; as validate_rate_network(), naming
  ///         `function`
  explicit LinearGenerator(const RateNetwork& net,
                           const Input& input = {},
                           const char* function = "LinearGenerator");

  [[nodiscard]] Eigen::Index size() const { return inv_tau_.size(); }
  /// A as a dense n x n matrix, O(n^2).
  [[nodiscard]] Eigen::MatrixXd matrix() const;
  /// `y = A x`: one dgemv. x and y must not alias.
  void apply(const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::VectorXd> y) const;
  /// `b = b(X)` for the input value `X = x_in` (current form: one dgemv).
  void affine_term(const Eigen::Ref<const Eigen::VectorXd>& x_in,
                   Eigen::Ref<Eigen::VectorXd> b) const;
  /// `trace(A) / n`, the mean eigenvalue of A. O(n).
  [[nodiscard]] double mean_eigenvalue() const;
  /// A as a matrix-free operator (shift = mean_eigenvalue()) for krylov_exponential.hpp.
  [[nodiscard]] LinearOperator as_operator() const;

 private:
  const Eigen::MatrixXd* w_;
  Eigen::VectorXd inv_tau_;
  double gain_ = 1.0;
  double threshold_ = 0.0;
  RateForm form_ = RateForm::kRate;
};

/// Exact x(t) at `times` (non-decreasing, >= 0) for the linear rate model with constant, step,
/// pulse and impulse inputs, from x(0) = x0; right-continuous at impulses, as simulate().
/// Returns n x times.size().
/// \throws std::invalid_argument f not linear, input.function set (no closed form), sizes, times
[[nodiscard]] Eigen::MatrixXd linear_solution(const RateNetwork& net,
                                              const Eigen::Ref<const Eigen::VectorXd>& x0,
                                              const Input& input,
                                              const Eigen::Ref<const Eigen::VectorXd>& times);

}  // namespace netdyn
