#pragma once
/// \file lyapunov.hpp
/// Continuous Lyapunov and Sylvester equations by Bartels-Stewart on the real Schur form
/// (Bartels & Stewart 1972; Golub & Van Loan, Matrix Computations, 4th ed., 7.6.3), with the
/// triangular solve done by LAPACK's blocked, level-3 dtrsyl3 (Schwarz & Kjelgaard Mikkelsen
/// 2020). Sign convention (docs/conventions.md): `A X + X A^T + Q = 0`, Q positive
/// semidefinite, so that for Hurwitz A the solution is `X = int_0^inf e^{tA} Q e^{tA^T} dt`.

#include <Eigen/Core>
#include <complex>
#include <stdexcept>
#include <string>

namespace netdyn {

class SchurFactorization;  // schur_factorization.hpp

/// Solution of a Lyapunov or Sylvester equation with its relative residual.
struct LyapunovResult {
  Eigen::MatrixXd solution;  ///< X; exactly symmetric when Q is symmetric
  /// Backward-error style relative residual `||R||_F / (||A||_F ||X||_F + ||X||_F ||B||_F +
  /// ||Q||_F)`, where R is the equation's left side minus its right side (B = A^T for
  /// Lyapunov). Of order n eps for a backward-stable solve.
  double residual = 0.0;
};

/// Thrown when a Lyapunov equation asks for the stationary state of a non-Hurwitz A: some
/// eigenvalue has a non-negative real part. A std::invalid_argument (bad input, house style 8.4)
/// that also carries the offending eigenvalue, so callers can restate it in their own terms.
class NotHurwitzError : public std::invalid_argument {
 public:
  NotHurwitzError(const std::string& message, std::complex<double> eigenvalue)
      : std::invalid_argument(message), eigenvalue_(eigenvalue) {}
  /// The eigenvalue of A with the largest real part (>= 0).
  [[nodiscard]] std::complex<double> eigenvalue() const { return eigenvalue_; }

 private:
  std::complex<double> eigenvalue_;
};

/// Solve the Sylvester equation `A X + X B = C` (A m x m, B n x n, C m x n) by two real Schur
/// decompositions and dtrsyl3. Unique solution iff `lambda_i(A) + mu_j(B) != 0` for all i, j.
/// \throws std::invalid_argument shapes do not match, inputs not finite
/// \throws NumericalError Schur failed to converge; A and -B have (nearly) common eigenvalues;
///         non-finite solution
/// Cost: two dgees (about 25 m^3 + 25 n^3 flops) plus O(m n (m + n)) in dtrsyl3 and gemm.
[[nodiscard]] LyapunovResult solve_sylvester(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                             const Eigen::Ref<const Eigen::MatrixXd>& b,
                                             const Eigen::Ref<const Eigen::MatrixXd>& c);

/// Reusable Lyapunov solver: one real Schur decomposition `A = U T U^T` in the constructor,
/// then each right-hand side costs one dtrsyl3 (`T Y + Y T^T = -U^T Q U`), four gemm calls and
/// the residual's quasi-triangular product.
/// Because `A^T = U T^T U^T` shares the factor, the adjoint equation `A^T X + X A + Q = 0`
/// (observability Gramians) comes at the same price.
///
/// \code
/// netdyn::LyapunovSolver solver(a);               // O(n^3) once
/// const auto p = solver.solve(b * b.transpose());  // controllability Gramian
/// const auto q = solver.solve_adjoint(c.transpose() * c);  // observability Gramian
/// \endcode
class LyapunovSolver {
 public:
  /// Factorise A (square, finite, Hurwitz).
  /// \throws std::invalid_argument A empty, non-square or not finite
  /// \throws NotHurwitzError an eigenvalue of A has real part >= 0: no stationary solution
  /// \throws NumericalError dgees failed to converge
  explicit LyapunovSolver(const Eigen::Ref<const Eigen::MatrixXd>& a);
  /// The generator `A = W - I` of `dr/dt = -r + W r` from W's factorisation, without a
  /// decomposition: `A = Q (T - I) Q^T`. solve() and solve_adjoint() need the Schur vectors;
  /// solve_schur_basis() does not.
  /// \throws NotHurwitzError an eigenvalue of W has real part >= 1 (the eigenvalue reported is
  ///         A's, W's minus 1)
  [[nodiscard]] static LyapunovSolver for_generator(const SchurFactorization& factorization);

  /// Solve `A X + X A^T + Q = 0`. \throws std::invalid_argument Q not n x n or not finite;
  /// \throws NumericalError non-finite solution. Cost: about 9 n^3 flops (gemm-bound).
  [[nodiscard]] LyapunovResult solve(const Eigen::Ref<const Eigen::MatrixXd>& q) const;

  /// Solve the adjoint equation `A^T X + X A + Q = 0` with the same factor.
  [[nodiscard]] LyapunovResult solve_adjoint(const Eigen::Ref<const Eigen::MatrixXd>& q) const;
  /// Solve in the Schur basis: `T Y + Y T^T + C = 0` (adjoint: `T^T Y + Y T + C = 0`) for
  /// `C = U^T Q U` given directly, so that `X = U Y U^T`. For Q = c I, C = c I too: the trace
  /// `tr X = tr Y` (a total variance) needs no transformation at all. The residual is that of
  /// the triangular equation (the orthogonal U does not change Frobenius norms).
  [[nodiscard]] LyapunovResult solve_schur_basis(const Eigen::Ref<const Eigen::MatrixXd>& c,
                                                 bool adjoint = false) const;

  /// Eigenvalues of A in the diagonal order of the Schur factor (complex pairs adjacent).
  [[nodiscard]] const Eigen::VectorXcd& eigenvalues() const { return eigenvalues_; }
  [[nodiscard]] Eigen::Index size() const { return t_.rows(); }

 private:
  [[nodiscard]] LyapunovResult solve_impl(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                          bool adjoint) const;
  LyapunovSolver() = default;
  void require_hurwitz(const char* function);

  Eigen::MatrixXd t_;  ///< real Schur factor (quasi-triangular)
  Eigen::MatrixXd u_;  ///< orthogonal Schur vectors (empty: for_generator without them)
  Eigen::VectorXcd eigenvalues_;
};

/// Solve `A X + X A^T + Q = 0` once (a LyapunovSolver used a single time).
/// \throws as LyapunovSolver and LyapunovSolver::solve
[[nodiscard]] LyapunovResult solve_lyapunov(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                            const Eigen::Ref<const Eigen::MatrixXd>& q);

}  // namespace netdyn
