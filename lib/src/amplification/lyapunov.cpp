#include "netdyn/amplification/lyapunov.hpp"

#include <sstream>

#include "amplification/triangular_lyapunov.hpp"
#include "core/checks.hpp"
#include "factorization/quasi_triangular.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn {
namespace {

bool exactly_symmetric(const Eigen::Ref<const Eigen::MatrixXd>& m) {
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    for (Eigen::Index i = 0; i < j; ++i) {
      if (m(i, j) != m(j, i)) return false;
    }
  }
  return true;
}

// u^T m v through BLAS (two gemm calls; OpenBLAS threads them, Eigen products would not be).
Eigen::MatrixXd congruence_t(const Eigen::MatrixXd& u,
                             const Eigen::Ref<const Eigen::MatrixXd>& m,
                             const Eigen::MatrixXd& v) {
  Eigen::MatrixXd tmp(m.rows(), v.cols());
  lapack::gemm('N', 'N', 1.0, m, v, 0.0, tmp);
  Eigen::MatrixXd out(u.cols(), v.cols());
  lapack::gemm('T', 'N', 1.0, u, tmp, 0.0, out);
  return out;
}

// u y v^T.
Eigen::MatrixXd congruence(const Eigen::MatrixXd& u,
                           const Eigen::MatrixXd& y,
                           const Eigen::MatrixXd& v) {
  Eigen::MatrixXd tmp(u.rows(), y.cols());
  lapack::gemm('N', 'N', 1.0, u, y, 0.0, tmp);
  Eigen::MatrixXd out(u.rows(), v.rows());
  lapack::gemm('N', 'T', 1.0, tmp, v, 0.0, out);
  return out;
}

// dtrsyl3 may scale the right-hand side down to avoid overflow; undo it or fail loudly.
void unscale(const char* function, double scale, Eigen::MatrixXd& y) {
  if (!(scale > 0.0)) {
    throw NumericalError(
        std::string(function) +
        ": dtrsyl3 returned scale 0 (solution overflows), n = " + std::to_string(y.rows()));
  }
  if (scale != 1.0) y /= scale;
}

// The right-hand side Q of an n x n Lyapunov equation: n x n and finite.
void require_right_hand_side(const char* function,
                             const Eigen::Ref<const Eigen::MatrixXd>& q,
                             Eigen::Index n) {
  if (q.rows() != n || q.cols() != n) {
    throw std::invalid_argument(std::string(function) + ": Q is " + std::to_string(q.rows()) + "x" +
                                std::to_string(q.cols()) + " but A is " + std::to_string(n) + "x" +
                                std::to_string(n) + "; need Q of the same size");
  }
  detail::require_finite(function, "Q", q);
}

}  // namespace

LyapunovResult solve_sylvester(const Eigen::Ref<const Eigen::MatrixXd>& a,
                               const Eigen::Ref<const Eigen::MatrixXd>& b,
                               const Eigen::Ref<const Eigen::MatrixXd>& c) {
  constexpr const char* kFn = "solve_sylvester";
  detail::require_connectivity(kFn, "A", a);
  detail::require_connectivity(kFn, "B", b);
  if (c.rows() != a.rows() || c.cols() != b.rows()) {
    throw std::invalid_argument(std::string(kFn) + ": C is " + std::to_string(c.rows()) + "x" +
                                std::to_string(c.cols()) + " but A is " + std::to_string(a.rows()) +
                                "x" + std::to_string(a.rows()) + " and B is " +
                                std::to_string(b.rows()) + "x" + std::to_string(b.rows()) +
                                "; need C of size rows(A) x rows(B)");
  }
  detail::require_finite(kFn, "C", c);
  const lapack::RealSchurFactor sa = lapack::gees(a, true);
  const lapack::RealSchurFactor sb = lapack::gees(b, true);
  // A X + X B = C  <=>  Ta Y + Y Tb = Ua^T C Ub with X = Ua Y Ub^T.
  Eigen::MatrixXd y = congruence_t(sa.u, c, sb.u);
  unscale(kFn, lapack::trsyl3('N', 'N', 1, sa.t, sb.t, y), y);
  LyapunovResult out;
  out.solution = congruence(sa.u, y, sb.u);
  detail::ensure_finite_result(kFn, "X", out.solution);
  Eigen::MatrixXd r = c;
  lapack::gemm('N', 'N', 1.0, a, out.solution, -1.0, r);
  lapack::gemm('N', 'N', 1.0, out.solution, b, 1.0, r);
  const double xn = out.solution.norm();
  const double denom = a.norm() * xn + xn * b.norm() + c.norm();
  out.residual = denom > 0.0 ? r.norm() / denom : 0.0;
  return out;
}

LyapunovSolver::LyapunovSolver(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  detail::require_connectivity("LyapunovSolver", "A", a);
  lapack::RealSchurFactor s = lapack::gees(a, true);
  t_ = std::move(s.t);
  u_ = std::move(s.u);
  eigenvalues_ = std::move(s.values);
  require_hurwitz("solve_lyapunov");
}

LyapunovSolver LyapunovSolver::for_generator(const SchurFactorization& factorization) {
  LyapunovSolver solver;
  solver.t_ = factorization.t();
  solver.t_.diagonal().array() -= 1.0;
  if (factorization.has_schur_vectors()) solver.u_ = factorization.q();
  solver.eigenvalues_ = factorization.schur_eigenvalues().array() - 1.0;
  solver.require_hurwitz("solve_lyapunov");
  return solver;
}

void LyapunovSolver::require_hurwitz(const char* function) {
  Eigen::Index worst = 0;
  for (Eigen::Index i = 1; i < eigenvalues_.size(); ++i) {
    if (eigenvalues_(i).real() > eigenvalues_(worst).real()) worst = i;
  }
  if (!(eigenvalues_(worst).real() < 0.0)) {
    std::ostringstream msg;
    msg.precision(12);
    msg << function << ": A is not Hurwitz: eigenvalue " << eigenvalues_(worst)
        << " has non-negative real part, so no stationary solution exists";
    throw NotHurwitzError(msg.str(), eigenvalues_(worst));
  }
}

LyapunovResult LyapunovSolver::solve(const Eigen::Ref<const Eigen::MatrixXd>& q) const {
  return solve_impl(q, false);
}

LyapunovResult LyapunovSolver::solve_adjoint(const Eigen::Ref<const Eigen::MatrixXd>& q) const {
  return solve_impl(q, true);
}

LyapunovResult LyapunovSolver::solve_schur_basis(const Eigen::Ref<const Eigen::MatrixXd>& c,
                                                 bool adjoint) const {
  constexpr const char* kFn = "solve_lyapunov";
  require_right_hand_side(kFn, c, size());
  const bool symmetric = exactly_symmetric(c);
  // Plain: T Y + Y T^T = -C;  adjoint: T^T Y + Y T = -C.
  LyapunovResult out;
  out.solution = -c;
  // Symmetric C (every covariance and Gramian): the recursive solver, half the flops of one
  // dtrsyl3, whose Y is exactly symmetric; unless it had to scale (near overflow), when the one
  // dtrsyl3's scale is undone.
  if (!symmetric ||
      !detail::solve_symmetric_triangular_lyapunov(adjoint ? 'T' : 'N', t_, out.solution)) {
    out.solution = -c;
    const double scale = adjoint ? lapack::trsyl3('T', 'N', 1, t_, t_, out.solution)
                                 : lapack::trsyl3('N', 'T', 1, t_, t_, out.solution);
    unscale(kFn, scale, out.solution);
    if (symmetric) {
      // Rounding leaves Y symmetric to O(eps ||Y||); make it exact, as the mathematics says.
      out.solution = (0.5 * (out.solution + out.solution.transpose())).eval();
    }
  }
  detail::ensure_finite_result(kFn, "X", out.solution);
  // Residual op(T) Y + Y op(T)^T + C; with symmetric Y the second term is the first's transpose.
  const detail::QuasiTriangularAlgebra algebra(t_);
  Eigen::MatrixXd ty = out.solution;
  algebra.multiply_dense(adjoint ? 'T' : 'N', t_, ty);
  Eigen::MatrixXd r = c;
  if (symmetric) {
    r += ty + ty.transpose();
  } else {
    Eigen::MatrixXd yt = out.solution.transpose();
    algebra.multiply_dense(adjoint ? 'T' : 'N', t_, yt);  // (Y op(T)^T)^T = op(T) Y^T
    r += ty + yt.transpose();
  }
  const double denom = 2.0 * t_.norm() * out.solution.norm() + c.norm();
  out.residual = denom > 0.0 ? r.norm() / denom : 0.0;
  return out;
}

LyapunovResult LyapunovSolver::solve_impl(const Eigen::Ref<const Eigen::MatrixXd>& q,
                                          bool adjoint) const {
  constexpr const char* kFn = "solve_lyapunov";
  require_right_hand_side(kFn, q, size());
  if (u_.size() == 0) {
    throw std::logic_error(std::string(kFn) +
                           ": the solver was built without Schur vectors; use solve_schur_basis");
  }
  // A = U T U^T:  U^T X U solves the Schur-basis equation with C = U^T Q U; X = U Y U^T.
  const bool symmetric = exactly_symmetric(q);
  Eigen::MatrixXd c = congruence_t(u_, q, u_);
  if (symmetric) c = (0.5 * (c + c.transpose())).eval();  // symmetric to rounding: exactly
  LyapunovResult out = solve_schur_basis(c, adjoint);
  out.solution = congruence(u_, out.solution, u_);
  if (symmetric) out.solution = (0.5 * (out.solution + out.solution.transpose())).eval();
  detail::ensure_finite_result(kFn, "X", out.solution);
  return out;
}

LyapunovResult solve_lyapunov(const Eigen::Ref<const Eigen::MatrixXd>& a,
                              const Eigen::Ref<const Eigen::MatrixXd>& q) {
  return LyapunovSolver(a).solve(q);
}

}  // namespace netdyn
