#include "netdyn/amplification/stability_radius.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <utility>
#include <vector>

#include "core/golden_section.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/core/error.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/report/report.hpp"
#include "support/matrices.hpp"

namespace {

using cd = std::complex<double>;
using testing::HasSubstr;
using testing::ThrowsMessage;

// W for a given Jacobian: tau A = W - I.
Eigen::MatrixXd connectivity_of(const Eigen::MatrixXd& a, double tau = 1.0) {
  return Eigen::MatrixXd::Identity(a.rows(), a.cols()) + tau * a;
}

double dense_sigma_min_on_axis(const Eigen::MatrixXd& a, double omega) {
  Eigen::MatrixXcd m = a.cast<cd>();
  m.diagonal().array() -= cd(0.0, omega);
  const Eigen::JacobiSVD<Eigen::MatrixXcd> svd(m);
  return svd.singularValues()(svd.singularValues().size() - 1);
}

struct Minimum {
  double beta = std::numeric_limits<double>::infinity();
  double omega = 0.0;
};

// The oracle, independent of the Hamiltonian and of the triangular factor: sigma_min(A - i w I)
// on a uniform grid of [0, ||A||_2 + sigma_min(A)] (beyond it sigma_min >= w - ||A||_2 exceeds its
// value at 0), from the eigenvalues of M^* M (cheap; the grid only locates the dips), then
// golden section with a dense complex SVD (Eigen's JacobiSVD) around the three lowest grid minima.
Minimum brute_force(const Eigen::MatrixXd& a, int points) {
  const double norm = a.jacobiSvd().singularValues()(0);
  const double top = norm + dense_sigma_min_on_axis(a, 0.0);
  const double h = top / (points - 1);
  std::vector<std::pair<double, int>> f(static_cast<std::size_t>(points));
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> gram;
  for (int k = 0; k < points; ++k) {
    Eigen::MatrixXcd m = a.cast<cd>();
    m.diagonal().array() -= cd(0.0, k * h);
    gram.compute(m.adjoint() * m, Eigen::EigenvaluesOnly);
    f[static_cast<std::size_t>(k)] = {std::sqrt(std::max(0.0, gram.eigenvalues()(0))), k};
  }
  std::vector<std::pair<double, int>> minima;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if ((i == 0 || f[i].first <= f[i - 1].first) &&
        (i + 1 == f.size() || f[i].first <= f[i + 1].first)) {
      minima.push_back(f[i]);
    }
  }
  std::sort(minima.begin(), minima.end());
  minima.resize(std::min<std::size_t>(minima.size(), 3));
  Minimum best;
  for (const auto& [value, k] : minima) {
    const auto polished = netdyn::detail::golden_section_minimum(
        [&](double x) { return dense_sigma_min_on_axis(a, x); },
        std::max(0.0, (k - 1) * h),
        (k + 1) * h,
        1e-12 * top);
    if (polished.value < best.beta) best = {polished.value, polished.x};
  }
  return best;
}

// A = Q D Q^T with D block diagonal (pairs a +- ib and reals): normal, so sigma_min(A - i w I) =
// min_i |lambda_i - i w| and beta = min_i |Re lambda_i|, attained at w = |Im| of that eigenvalue.
TEST(DistanceToInstability, NormalMatrixIsDistanceOfSpectrumToAxis) {
  const Eigen::Index n = 9;
  Eigen::MatrixXd d = Eigen::MatrixXd::Zero(n, n);
  const double re[] = {-0.8, -0.35, -1.2, -2.0};
  const double im[] = {3.0, 1.7, 0.4, 5.0};
  for (int k = 0; k < 4; ++k) {
    d(2 * k, 2 * k) = d(2 * k + 1, 2 * k + 1) = re[k];
    d(2 * k, 2 * k + 1) = im[k];
    d(2 * k + 1, 2 * k) = -im[k];
  }
  d(8, 8) = -0.5;
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(netdyn::testing::gaussian(n, 1.0, 7));
  const Eigen::MatrixXd q = qr.householderQ();
  const Eigen::MatrixXd a = q * d * q.transpose();
  for (const double tau : {1.0, 2.5}) {
    netdyn::StabilityRadiusOptions options;
    options.tau = tau;
    const auto r = netdyn::distance_to_instability(connectivity_of(a, tau), options);
    EXPECT_NEAR(r.radius, 0.35, 1e-12);
    EXPECT_NEAR(r.frequency, 1.7, 1e-7);
  }
}

// A = [[-a, b], [0, -a]]: the singular values of [[p, b], [0, p]] have product |p|^2 and squares
// summing to 2|p|^2 + b^2, so sigma_min = (sqrt(b^2 + 4|p|^2) - |b|)/2 with |p|^2 = a^2 + w^2:
// least at w = 0.
TEST(DistanceToInstability, JordanLikeTwoByTwoMatchesClosedForm) {
  for (const double a : {1.0, 0.1}) {
    for (const double b : {0.0, 0.5, 4.0, -30.0}) {
      Eigen::MatrixXd m(2, 2);
      m << -a, b, 0.0, -a;
      const auto r = netdyn::distance_to_instability(connectivity_of(m));
      const double exact = (std::sqrt(b * b + 4.0 * a * a) - std::abs(b)) / 2.0;
      EXPECT_NEAR(r.radius, exact, 1e-10 * exact) << "a = " << a << ", b = " << b;
      EXPECT_NEAR(r.frequency, 0.0, 1e-6) << "a = " << a << ", b = " << b;
    }
  }
}

// Stable Gaussian W (circular law radius 0.9) and an oscillatory nonnormal A whose eigenvalues
// have |Im| >> |Re|: several dips of sigma_min along the axis.
TEST(DistanceToInstability, RandomMatricesMatchDenseBruteForce) {
  const Eigen::Index n = 30;
  const Eigen::MatrixXd w_random = netdyn::testing::gaussian(n, 0.9, 11);
  const Eigen::MatrixXd g = netdyn::testing::gaussian(n, 1.0, 12);
  const Eigen::MatrixXd skew = 0.5 * (g - g.transpose());
  const Eigen::MatrixXd a_oscillatory = -0.5 * Eigen::MatrixXd::Identity(n, n) + 6.0 * skew +
                                        0.8 * netdyn::testing::gaussian(n, 1.0, 13);
  for (const Eigen::MatrixXd& a :
       {Eigen::MatrixXd(w_random - Eigen::MatrixXd::Identity(n, n)), a_oscillatory}) {
    const Eigen::VectorXcd lambda = a.eigenvalues();
    ASSERT_LT(lambda.real().maxCoeff(), 0.0);
    const netdyn::StabilityRadius r = netdyn::distance_to_instability(connectivity_of(a));
    const Minimum oracle = brute_force(a, 1000);
    EXPECT_NEAR(r.radius, oracle.beta, 1e-9 * oracle.beta);
    EXPECT_NEAR(r.frequency, oracle.omega, 1e-5 * std::max(1.0, oracle.omega));
    // Below the normal value, and a quadratically convergent handful of iterations.
    EXPECT_LE(r.radius, -lambda.real().maxCoeff() * (1.0 + 1e-12));
    EXPECT_LE(r.iterations, 8);
  }
}

// The balanced E-I network (science.md T2c): against the brute force, and beta(A/tau) = beta/tau.
TEST(DistanceToInstability, BalancedNetworkAndTimeConstant) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  const Minimum oracle = brute_force(w - Eigen::Matrix2d::Identity(), 2000);
  const auto r = netdyn::distance_to_instability(w);
  EXPECT_NEAR(r.radius, oracle.beta, 1e-10 * oracle.beta);
  EXPECT_NEAR(r.frequency, oracle.omega, 1e-6);
  netdyn::StabilityRadiusOptions options;
  options.tau = 4.0;
  const auto scaled = netdyn::distance_to_instability(w, options);
  EXPECT_NEAR(scaled.radius, r.radius / 4.0, 1e-10 * r.radius);
  EXPECT_NEAR(scaled.frequency, r.frequency / 4.0, 1e-6);
}

#ifdef NETDYN_HAVE_SLICOT
// SLICOT's AB13FD (Debian libslicot-dev): beta(A) and its frequency by the Byers bisection with
// Boyd-Balakrishnan's steps, the implementation issue 17 names as the reference.
extern "C" void ab13fd_(const int* n,
                        double* a,
                        const int* lda,
                        double* beta,
                        double* omega,
                        const double* tol,
                        double* dwork,
                        const int* ldwork,
                        std::complex<double>* cwork,
                        const int* lcwork,
                        int* info);

Minimum slicot_ab13fd(Eigen::MatrixXd a) {
  const int n = static_cast<int>(a.rows());
  const int ldwork = 3 * n * (n + 2) + 64 * n;
  const int lcwork = n * (n + 3) + 64 * n;
  std::vector<double> dwork(static_cast<std::size_t>(ldwork));
  std::vector<std::complex<double>> cwork(static_cast<std::size_t>(lcwork));
  const double tol = 1e-14;  // below EPS AB13FD uses EPS
  Minimum out;
  int info = 0;
  ab13fd_(&n,
          a.data(),
          &n,
          &out.beta,
          &out.omega,
          &tol,
          dwork.data(),
          &ldwork,
          cwork.data(),
          &lcwork,
          &info);
  EXPECT_EQ(info, 0) << "AB13FD info";
  return out;
}
#endif

// Issue 17: the distance to instability agrees with SLICOT AB13FD to 1e-9 on the tests' matrices
// (the random and oscillatory n = 30 ones, the Jordan-like 2 x 2, the balanced E-I pair).
TEST(DistanceToInstability, MatchesSlicotAb13fd) {
#ifndef NETDYN_HAVE_SLICOT
  GTEST_SKIP()
      << "built without SLICOT (Debian libslicot-dev; scripts/setup.sh --tests installs it)";
#else
  const Eigen::Index n = 30;
  const Eigen::MatrixXd g = netdyn::testing::gaussian(n, 1.0, 12);
  const Eigen::MatrixXd skew = 0.5 * (g - g.transpose());
  std::vector<Eigen::MatrixXd> cases = {
      netdyn::testing::gaussian(n, 0.9, 11) - Eigen::MatrixXd::Identity(n, n),
      -0.5 * Eigen::MatrixXd::Identity(n, n) + 6.0 * skew +
          0.8 * netdyn::testing::gaussian(n, 1.0, 13),
      netdyn::testing::balanced_ei(30.0 / 7.0, 1.1) - Eigen::MatrixXd::Identity(2, 2)};
  for (const double b : {0.5, -30.0}) {
    Eigen::MatrixXd m(2, 2);
    m << -0.1, b, 0.0, -0.1;
    cases.push_back(m);
  }
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const Minimum reference = slicot_ab13fd(cases[k]);
    const auto r = netdyn::distance_to_instability(connectivity_of(cases[k]));
    EXPECT_NEAR(r.radius, reference.beta, 1e-9 * reference.beta) << "case " << k;
    EXPECT_NEAR(r.frequency, reference.omega, 1e-5 * std::max(1.0, reference.omega))
        << "case " << k;
  }
#endif
}

// From a factorisation: no decomposition of W, one dgehrd + dhseqr of order 2n per iteration.
TEST(DistanceToInstability, FactorizationOverloadOnlySolvesHamiltonians) {
  const netdyn::SchurFactorization f(netdyn::testing::gaussian(40, 0.8, 3),
                                     netdyn::kWithoutSchurVectors);
  netdyn::lapack::reset_call_counts();
  const auto r = netdyn::distance_to_instability(f);
  EXPECT_EQ(netdyn::lapack::call_count(netdyn::lapack::Routine::kGeesReal), 0);
  EXPECT_EQ(netdyn::lapack::call_count(netdyn::lapack::Routine::kGeev), 0);
  EXPECT_EQ(netdyn::lapack::call_count(netdyn::lapack::Routine::kHseqr), r.iterations);
  EXPECT_GE(r.iterations, 1);
  EXPECT_GE(r.evaluations, 1);
  const auto direct = netdyn::distance_to_instability(f.matrix());
  EXPECT_EQ(direct.radius, r.radius);
  EXPECT_EQ(direct.frequency, r.frequency);
}

// The backend's eigenvalues-only route (dgehrd + dhseqr, no balancing) against dgeev.
TEST(DistanceToInstability, HessenbergEigenvaluesMatchGeev) {
  const Eigen::MatrixXd m = netdyn::testing::gaussian(50, 1.0, 21);
  const auto by_real_then_imag = [](const cd& x, const cd& y) {
    return x.real() != y.real() ? x.real() < y.real() : x.imag() < y.imag();
  };
  Eigen::VectorXcd ours = netdyn::lapack::eigenvalues_in_place(Eigen::MatrixXd(m));
  Eigen::VectorXcd theirs = netdyn::lapack::geev(m, false).values;
  std::sort(ours.data(), ours.data() + ours.size(), by_real_then_imag);
  std::sort(theirs.data(), theirs.data() + theirs.size(), by_real_then_imag);
  EXPECT_LT((ours - theirs).cwiseAbs().maxCoeff(), 1e-12);
}

// The iteration runs on (W - I)/||W - I||_F: tau at both ends of its range (A's entries near
// 1e-290 or 1e+290, where 1/sigma_min^2 of A itself would overflow) only rescales the result.
TEST(DistanceToInstability, ExtremeTimeConstantsOnlyRescale) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(12, 0.8, 5);
  const auto r = netdyn::distance_to_instability(w);
  for (const double tau : {1e-290, 1e290}) {
    netdyn::StabilityRadiusOptions options;
    options.tau = tau;
    const auto scaled = netdyn::distance_to_instability(w, options);
    EXPECT_NEAR(scaled.radius * tau, r.radius, 1e-13 * r.radius) << "tau = " << tau;
    EXPECT_NEAR(scaled.frequency * tau, r.frequency, 1e-13 * std::max(1.0, r.frequency));
  }
}

TEST(DistanceToInstability, RefusesUnstableNetworksAndBadOptions) {
  Eigen::MatrixXd w(2, 2);
  w << 1.25, 3.0, 0.0, 0.5;
  EXPECT_THAT([&] { (void)netdyn::distance_to_instability(w); },
              ThrowsMessage<std::invalid_argument>(
                  HasSubstr("distance_to_instability: W is unstable: eigenvalue (1.25,0)")));
  const Eigen::MatrixXd stable = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  netdyn::StabilityRadiusOptions options;
  options.tolerance = 0.0;
  EXPECT_THAT([&] { (void)netdyn::distance_to_instability(stable, options); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("options.tolerance = 0")));
  options.tolerance = 1e-10;
  options.tau = -1.0;
  EXPECT_THAT([&] { (void)netdyn::distance_to_instability(stable, options); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("tau = -1")));
  Eigen::MatrixXd bad = stable;
  bad(1, 0) = std::nan("");
  EXPECT_THAT([&] { (void)netdyn::distance_to_instability(bad); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("W(1,0) = nan")));
}

// The report's keys: the function's values for stable W, null when unstable or above the size
// limit.
TEST(DistanceToInstability, ReportFieldsFollowStabilityAndSizeLimit) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  netdyn::ReportOptions options;
  options.tau = 2.0;
  const netdyn::NetworkReport report = netdyn::analyse_network(w, options);
  netdyn::StabilityRadiusOptions radius_options;
  radius_options.tau = 2.0;
  const auto r = netdyn::distance_to_instability(w, radius_options);
  ASSERT_TRUE(report.distance_to_instability.has_value());
  EXPECT_EQ(*report.distance_to_instability, r.radius);
  EXPECT_EQ(*report.distance_to_instability_frequency, r.frequency);
  options.distance_to_instability_max_n = 1;
  EXPECT_FALSE(netdyn::analyse_network(w, options).distance_to_instability.has_value());
  Eigen::MatrixXd unstable(2, 2);
  unstable << 1.25, 3.0, 0.0, 0.5;
  const netdyn::NetworkReport u = netdyn::analyse_network(unstable);
  EXPECT_FALSE(u.distance_to_instability.has_value());
  EXPECT_FALSE(u.distance_to_instability_frequency.has_value());
}

}  // namespace
