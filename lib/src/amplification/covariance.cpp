#include "netdyn/amplification/covariance.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "core/checks.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/factorization/schur_factorization.hpp"

namespace netdyn {
namespace {

// The solver of A = W - I from W's factorisation, restating a non-Hurwitz A in terms of W's
// eigenvalue (A's + 1).
LyapunovSolver generator_solver(const char* function,
                                const char* what,
                                const SchurFactorization& factorization) {
  try {
    return LyapunovSolver::for_generator(factorization);
  } catch (const NotHurwitzError& e) {
    const std::complex<double> lambda = e.eigenvalue() + 1.0;
    std::ostringstream msg;
    msg.precision(12);
    msg << function << ": W is unstable: eigenvalue " << lambda
        << " of W has real part >= 1, so no " << what
        << " exists (the linear dynamics grow without bound)";
    throw NotHurwitzError(msg.str(), lambda);
  }
}

// W's factorisation with Schur vectors, for the W overloads.
SchurFactorization factorize(const char* function, const Eigen::Ref<const Eigen::MatrixXd>& w) {
  detail::require_connectivity(function, "W", w);
  return SchurFactorization(w);
}

}  // namespace

StationaryCovariance stationary_covariance(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                           const CovarianceOptions& options) {
  detail::require_positive("stationary_covariance", "sigma", options.sigma);
  FactorizationOptions f;
  f.schur_vectors = options.compute_matrix;
  detail::require_connectivity("stationary_covariance", "W", w);
  return stationary_covariance(SchurFactorization(w, f), options);
}

StationaryCovariance stationary_covariance(const SchurFactorization& factorization,
                                           const CovarianceOptions& options) {
  constexpr const char* kFn = "stationary_covariance";
  detail::require_positive(kFn, "sigma", options.sigma);
  if (options.compute_matrix) (void)factorization.q();  // fail before the work
  const LyapunovSolver solver = generator_solver(kFn, "stationary covariance", factorization);
  const Eigen::Index n = factorization.size();
  // S is sigma^2 times the unit-noise solution S1: solve for S1 and scale, so that the limit on
  // sigma is where S itself leaves the double range, not where 2 sigma^2 does. The right-hand
  // side 2I is its own Schur-basis form, and tr S1 = tr Y: without the matrix, no Q at all.
  const Eigen::MatrixXd two = Eigen::MatrixXd::Identity(n, n) * 2.0;
  LyapunovResult lyap = options.compute_matrix ? solver.solve(two) : solver.solve_schur_basis(two);
  // The largest figure formed: S's largest entry (n of them bound the trace), or without S the
  // trace itself (tr S >= max_ij |S_ij| for positive semidefinite S).
  const double trace = lyap.solution.trace();
  const double largest = options.compute_matrix ? lyap.solution.cwiseAbs().maxCoeff() : trace;
  const double sigma_limit =
      std::sqrt(std::numeric_limits<double>::max() /
                (options.compute_matrix ? static_cast<double>(n) * largest : largest));
  if (options.sigma > sigma_limit) {
    std::ostringstream why;
    why.precision(3);
    why << "the covariance is sigma^2 times that of unit noise (";
    if (options.compute_matrix) why << "whose largest entry is " << largest << ", ";
    why << "total variance " << trace
        << "), so it exceeds the double range; for this W sigma must be <= " << sigma_limit;
    throw ParameterRangeError(kFn, "sigma", options.sigma, why.str());
  }
  const double s2 = options.sigma * options.sigma;
  StationaryCovariance out;
  out.total_variance = s2 * lyap.solution.trace();
  if (options.compute_matrix) out.covariance = s2 * lyap.solution;
  out.residual = lyap.residual;
  out.eigenvalues = solver.eigenvalues().array() + 1.0;
  // A complex scalar OU mode dz = (lambda - 1) z dt + sqrt(2) sigma dB_C has variance
  // sigma^2 / (1 - Re lambda); the sum over modes is the variance without feedforward coupling.
  double normal = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) normal += 1.0 / (1.0 - out.eigenvalues(i).real());
  out.normal_total_variance = s2 * normal;
  out.nonnormal_amplification = out.total_variance / out.normal_total_variance;
  if (!std::isfinite(out.total_variance) || !std::isfinite(out.nonnormal_amplification)) {
    throw NumericalError(std::string(kFn) +
                         ": total variance is not finite, n = " + std::to_string(n));
  }
  return out;
}

LyapunovResult controllability_gramian(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                       const Eigen::Ref<const Eigen::MatrixXd>& b) {
  detail::require_connectivity("controllability_gramian", "A", a);
  if (b.rows() != a.rows()) {
    throw std::invalid_argument("controllability_gramian: B has " + std::to_string(b.rows()) +
                                " rows but A is " + std::to_string(a.rows()) + "x" +
                                std::to_string(a.rows()) + "; need rows(B) = rows(A)");
  }
  detail::require_finite("controllability_gramian", "B", b);
  const Eigen::MatrixXd bbt = b * b.transpose();
  return LyapunovSolver(a).solve(bbt);
}

LyapunovResult observability_gramian(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                     const Eigen::Ref<const Eigen::MatrixXd>& c) {
  detail::require_connectivity("observability_gramian", "A", a);
  if (c.cols() != a.rows()) {
    throw std::invalid_argument("observability_gramian: C has " + std::to_string(c.cols()) +
                                " columns but A is " + std::to_string(a.rows()) + "x" +
                                std::to_string(a.rows()) + "; need cols(C) = rows(A)");
  }
  detail::require_finite("observability_gramian", "C", c);
  const Eigen::MatrixXd ctc = c.transpose() * c;
  return LyapunovSolver(a).solve_adjoint(ctc);
}

EvokedEnergyModes most_amplified_initial_conditions(const Eigen::Ref<const Eigen::MatrixXd>& w,
                                                    const EvokedEnergyOptions& options) {
  return most_amplified_initial_conditions(factorize("most_amplified_initial_conditions", w),
                                           options);
}

EvokedEnergyModes most_amplified_initial_conditions(const SchurFactorization& factorization,
                                                    const EvokedEnergyOptions& options) {
  constexpr const char* kFn = "most_amplified_initial_conditions";
  const LyapunovSolver solver = generator_solver(kFn, "finite evoked energy", factorization);
  const Eigen::Index n = factorization.size();
  if (options.count < 1 || options.count > n) {
    throw std::invalid_argument(
        std::string(kFn) + ": options.count = " + std::to_string(options.count) + " but W is " +
        std::to_string(n) + "x" + std::to_string(n) + "; need 1 <= count <= " + std::to_string(n));
  }
  const Eigen::MatrixXd& c = options.readout;
  if (c.size() > 0) {
    if (c.cols() != n) {
      throw std::invalid_argument(std::string(kFn) + ": readout C is " + std::to_string(c.rows()) +
                                  "x" + std::to_string(c.cols()) + " but W is " +
                                  std::to_string(n) + "x" + std::to_string(n) +
                                  "; C must have n columns");
    }
    detail::require_finite(kFn, "C", c);
  }
  Eigen::MatrixXd rhs = Eigen::MatrixXd::Identity(n, n) * 2.0;
  if (c.size() > 0) {
    rhs = 2.0 * c.transpose() * c;
    rhs = (0.5 * (rhs + rhs.transpose())).eval();  // exactly symmetric: the symmetric solver
  }
  LyapunovResult lyap = solver.solve_adjoint(rhs);
  EvokedEnergyModes out;
  out.energy_matrix = std::move(lyap.solution);
  out.residual = lyap.residual;
  out.mean_energy = out.energy_matrix.trace() / static_cast<double>(n);
  const lapack::SymmetricEigen eig =
      lapack::syevr(out.energy_matrix, true, n - options.count, n - 1);  // ascending
  out.energies = eig.values.reverse();
  out.patterns = eig.vectors.rowwise().reverse();
  for (Eigen::Index k = 0; k < out.patterns.cols(); ++k) {
    Eigen::Index imax = 0;
    out.patterns.col(k).cwiseAbs().maxCoeff(&imax);
    if (out.patterns(imax, k) < 0.0) out.patterns.col(k) *= -1.0;
  }
  detail::ensure_finite_result(kFn, "energies", out.energies);
  return out;
}

double evoked_energy(const Eigen::Ref<const Eigen::MatrixXd>& w,
                     const Eigen::Ref<const Eigen::VectorXd>& initial_condition) {
  return evoked_energy(factorize("evoked_energy", w), initial_condition);
}

double evoked_energy(const SchurFactorization& factorization,
                     const Eigen::Ref<const Eigen::VectorXd>& initial_condition) {
  constexpr const char* kFn = "evoked_energy";
  const LyapunovSolver solver = generator_solver(kFn, "finite evoked energy", factorization);
  const Eigen::Index n = factorization.size();
  if (initial_condition.size() != n) {
    throw std::invalid_argument(std::string(kFn) + ": initial condition has " +
                                std::to_string(initial_condition.size()) + " entries but W is " +
                                std::to_string(n) + "x" + std::to_string(n));
  }
  detail::require_finite(kFn, "initial condition", initial_condition);
  // E(a) = a^T Q a with Q from the adjoint equation; equivalently 2 tr of the controllability
  // Gramian for B = a, which needs the same single solve.
  const LyapunovResult q = solver.solve_adjoint(Eigen::MatrixXd::Identity(n, n) * 2.0);
  return initial_condition.dot(q.solution * initial_condition);
}

}  // namespace netdyn
