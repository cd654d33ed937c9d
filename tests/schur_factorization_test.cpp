#include "netdyn/factorization/schur_factorization.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "amplification/triangular_lyapunov.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/amplification/covariance.hpp"
#include "netdyn/amplification/kreiss_constant.hpp"
#include "netdyn/amplification/nonnormality.hpp"
#include "netdyn/amplification/steady_state.hpp"
#include "netdyn/amplification/transient_envelope.hpp"
#include "netdyn/factorization/schur.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/report/guards.hpp"
#include "netdyn/report/report.hpp"
#include "support/matrices.hpp"

namespace {

using netdyn::lapack::Routine;

long calls(Routine r) {
  return netdyn::lapack::call_count(r);
}

// kappa(V) the independent way: dgeev's unit eigenvectors and a dense SVD.
double dense_kappa(const Eigen::MatrixXd& w) {
  return netdyn::eigenvector_condition(netdyn::lapack::geev(w, true).vectors);
}

// One report of W decomposes W exactly once (issue 16): one dgees, no dgeev, no SVD, no LU, no
// complex Schur; the variance is one triangular Sylvester solve, kappa(V_T) one dtrevc3, and the
// numerical abscissa the one symmetric eigenproblem (of (W + W^T)/2, not similar to W). n = 150
// takes the Lanczos routes (above the dense cut-off of 100), n = 40 the dense ones.
TEST(SchurFactorization, OneReportIsOneDecompositionOfW) {
  for (const Eigen::Index n : {40, 150}) {
    const Eigen::MatrixXd w = netdyn::testing::gaussian(n, 0.6, 7);
    netdyn::lapack::reset_call_counts();
    const netdyn::NetworkReport r = netdyn::analyse_network(w);
    ASSERT_TRUE(r.stable);
    ASSERT_TRUE(r.total_variance.has_value());
    ASSERT_TRUE(r.transient_gain.has_value());
    EXPECT_EQ(calls(Routine::kGeesReal), 1) << "n = " << n;
    EXPECT_EQ(calls(Routine::kGeev), 0) << "n = " << n;
    EXPECT_EQ(calls(Routine::kGeesComplex), 0) << "n = " << n;
    EXPECT_EQ(calls(Routine::kGesv), 0) << "n = " << n;
    const long sylvester = calls(Routine::kTrsyl3);
    EXPECT_EQ(calls(Routine::kTrevc3), 1) << "n = " << n;
    EXPECT_EQ(calls(Routine::kSyevr), 1) << "n = " << n;
    EXPECT_EQ(calls(Routine::kTrsna), 0) << "n = " << n;  // eigenvalue conditions: spectrum only
    // Dense singular values only below the Lanczos cut-off: kappa(V_T), ||T||_2, I - T.
    EXPECT_EQ(calls(Routine::kGesdd), n > 100 ? 0 : 3) << "n = " << n;
    // The variance is one triangular Lyapunov solve on the shared T: recursive blocking makes
    // its leaves and off-diagonal blocks dtrsyl3 calls, as many as one such solve takes alone.
    const netdyn::SchurFactorization f(w, netdyn::kWithoutSchurVectors);
    Eigen::MatrixXd shifted = f.t();
    shifted.diagonal().array() -= 1.0;
    Eigen::MatrixXd x = -2.0 * Eigen::MatrixXd::Identity(n, n);
    netdyn::lapack::reset_call_counts();
    ASSERT_TRUE(netdyn::detail::solve_symmetric_triangular_lyapunov('N', shifted, x));
    EXPECT_GE(sylvester, 1) << "n = " << n;
    EXPECT_EQ(sylvester, calls(Routine::kTrsyl3)) << "n = " << n;
  }
}

// From an existing factorisation the report and the other analyses decompose nothing.
TEST(SchurFactorization, AnalysesOfAFactorisationDecomposeNothing) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(150, 0.6, 8);
  const netdyn::SchurFactorization f(w);
  netdyn::lapack::reset_call_counts();
  (void)netdyn::analyse_network(f);
  (void)netdyn::compute_spectrum(f);
  (void)netdyn::henrici_departure(f);
  (void)netdyn::steady_state_gain(f);
  (void)netdyn::stationary_covariance(f);
  (void)netdyn::complex_schur(f);
  (void)netdyn::real_schur(f);
  (void)netdyn::kreiss_constant(f);
  (void)netdyn::eigenvalue_accuracy(f);
  EXPECT_EQ(calls(Routine::kGeesReal), 0);
  EXPECT_EQ(calls(Routine::kGeesComplex), 0);
  EXPECT_EQ(calls(Routine::kGeev), 0);
  EXPECT_EQ(calls(Routine::kGesdd), 0);
  EXPECT_EQ(calls(Routine::kTrevc3), 1);  // computed once, kept
}

// kappa(V_T) = kappa(V) (Q orthogonal), against dgeev's eigenvectors and a dense SVD. Both are
// computed to about eps kappa^2 relative (an eigenvector moves by eps kappa_i / gap_i); for
// these W kappa is below 1e3, so 1e-8 leaves a wide margin.
TEST(SchurFactorization, EigenvectorConditionMatchesDenseRoute) {
  for (const Eigen::Index n : {2, 5, 40, 150, 300}) {
    const Eigen::MatrixXd w = netdyn::testing::gaussian(n, 1.0, 11 + static_cast<unsigned>(n));
    const netdyn::SchurFactorization f(w, netdyn::kWithoutSchurVectors);
    const double expected = dense_kappa(w);
    ASSERT_LT(expected, 1e4);
    EXPECT_NEAR(f.eigenvector_condition(), expected, 1e-8 * expected) << "n = " << n;
  }
  // Normal W: kappa = 1 (a rotation-scaled orthogonal matrix and a symmetric one).
  const Eigen::MatrixXd s = netdyn::testing::symmetric(160, 3);
  EXPECT_NEAR(netdyn::SchurFactorization(s).eigenvector_condition(), 1.0, 1e-10);
}

// A Jordan block (and a long feed-forward chain) is numerically defective: kappa = +inf, on the
// dense and the Lanczos route.
TEST(SchurFactorization, DefectiveWHasInfiniteEigenvectorCondition) {
  for (const Eigen::Index n : {3, 150}) {
    Eigen::MatrixXd w = 0.5 * Eigen::MatrixXd::Identity(n, n);
    for (Eigen::Index i = 0; i + 1 < n; ++i) w(i, i + 1) = 1.0;
    EXPECT_TRUE(std::isinf(netdyn::SchurFactorization(w).eigenvector_condition())) << n;
  }
}

// ||T||_2 = ||W||_2 and 1/sigma_min(I - T) = ||(I - W)^{-1}||_2, against dgesdd of W and I - W
// (Lanczos converged to a residual of 1e-12: the values to ~1e-14 relative).
TEST(SchurFactorization, NormsMatchSingularValuesOfW) {
  for (const Eigen::Index n : {30, 250}) {
    const Eigen::MatrixXd w = netdyn::testing::gaussian(n, 0.8, 21);
    const netdyn::SchurFactorization f(w);
    const Eigen::VectorXd s = netdyn::lapack::singular_values(w);
    EXPECT_NEAR(f.norm2(), s(0), 1e-12 * s(0)) << n;
    const Eigen::MatrixXd i_minus_w = Eigen::MatrixXd::Identity(n, n) - w;
    const Eigen::VectorXd si = netdyn::lapack::singular_values(i_minus_w);
    netdyn::SteadyStateOptions options;
    options.compute_patterns = true;
    const netdyn::SteadyStateGain g = netdyn::steady_state_gain(f, options);
    EXPECT_NEAR(g.gain, 1.0 / si(n - 1), 1e-10 / si(n - 1)) << n;
    // The patterns: (I - W) response = input pattern, unit input, |response| = gain.
    EXPECT_NEAR(g.input_pattern.norm(), 1.0, 1e-12);
    EXPECT_NEAR(g.response.norm(), g.gain, 1e-9 * g.gain);
    EXPECT_LT((i_minus_w * g.response - g.input_pattern).norm(), 1e-9) << n;
    EXPECT_NEAR(f.frobenius_norm(), w.norm(), 1e-13 * w.norm());
  }
}

// Eigenvectors of W = Q V_T: unit columns, W v = lambda v, in netdyn's order, the same
// directions as dgeev's.
TEST(SchurFactorization, EigenvectorsOfW) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(120, 1.0, 5);
  const netdyn::SchurFactorization f(w);
  const Eigen::MatrixXcd v = f.eigenvectors();
  const Eigen::VectorXcd& lambda = f.eigenvalues();
  const Eigen::MatrixXcd wc = w.cast<std::complex<double>>();
  netdyn::lapack::EigenDecomposition reference = netdyn::lapack::geev(w, true);
  for (Eigen::Index k = 0; k < v.cols(); ++k) {
    EXPECT_NEAR(v.col(k).norm(), 1.0, 1e-13);
    EXPECT_LT((wc * v.col(k) - lambda(k) * v.col(k)).norm(), 1e-12) << k;
    Eigen::Index match = 0;
    (reference.values.array() - lambda(k)).abs().minCoeff(&match);
    EXPECT_NEAR(std::abs(reference.vectors.col(match).dot(v.col(k))), 1.0, 1e-9) << k;
  }
  // The order: decreasing real part.
  for (Eigen::Index k = 1; k < lambda.size(); ++k) {
    EXPECT_GE(lambda(k - 1).real(), lambda(k).real());
  }
}

// Without Schur vectors, what needs Q says so; the rest works.
TEST(SchurFactorization, WithoutSchurVectorsQIsRefused) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(10, 0.5, 2);
  const netdyn::SchurFactorization f(w, netdyn::kWithoutSchurVectors);
  EXPECT_FALSE(f.has_schur_vectors());
  EXPECT_THROW((void)f.q(), std::logic_error);
  EXPECT_THROW((void)f.eigenvectors(), std::logic_error);
  EXPECT_THROW((void)netdyn::stationary_covariance(f), std::logic_error);
  netdyn::CovarianceOptions variances_only;
  variances_only.compute_matrix = false;
  const netdyn::StationaryCovariance c = netdyn::stationary_covariance(f, variances_only);
  // tr S from the Schur-basis solution equals tr S of the full solve.
  const netdyn::StationaryCovariance full = netdyn::stationary_covariance(w);
  EXPECT_NEAR(c.total_variance, full.total_variance, 1e-12 * full.total_variance);
  EXPECT_EQ(c.covariance.size(), 0);
}

// A random orthogonal n x n matrix (Q of a Gaussian's QR).
using netdyn::testing::random_orthogonal;

// [[a, b], [0, d]]: x_1 = e_1, y_1 = (a - d, b), so 1/s = sqrt(1 + (b / (a - d))^2) for both
// eigenvalues; conjugated by an orthogonal Q (a full W whose Schur form dgees computes) the same.
TEST(SchurFactorization, EigenvalueConditionsOfTriangularTwoByTwo) {
  struct Case {
    double a, b, d;
  };
  for (const Case& c :
       {Case{0.5, 0.0, -0.3}, Case{0.5, 2.0, -0.3}, Case{-1.0, 40.0, 2.0}, Case{0.9, -3.0, 0.89}}) {
    Eigen::MatrixXd t(2, 2);
    t << c.a, c.b, 0.0, c.d;
    const double expected = std::hypot(1.0, c.b / (c.a - c.d));
    const Eigen::MatrixXd q = random_orthogonal(2, 3);
    const Eigen::MatrixXd w = q * t * q.transpose();
    for (const Eigen::MatrixXd& m : {t, w}) {
      const Eigen::VectorXd k =  // a copy: the factorisation is a temporary
          netdyn::SchurFactorization(m, netdyn::kWithoutSchurVectors).eigenvalue_conditions();
      ASSERT_EQ(k.size(), 2);
      // Relative error about eps kappa^2 <= 2e-11 (kappa <= 300 here).
      EXPECT_NEAR(k(0), expected, 1e-10 * expected) << c.b;
      EXPECT_NEAR(k(1), expected, 1e-10 * expected) << c.b;
    }
  }
}

// A complex pair: M = [[a, b], [c, a]] (b c < 0, omega = sqrt(-b c)) has x = (b, i omega) and a
// left eigenvector y with y^* = (c, i omega), so 1/s = (|b| + |c|) / (2 sqrt(|b c|)) for both
// members; beside a real eigenvalue in a block diagonal, conjugated by an orthogonal Q, that one's
// condition is 1.
TEST(SchurFactorization, EigenvalueConditionsOfAComplexPair) {
  const double a = 0.2;
  const double b = 4.0;
  const double c = -1.0;
  const double expected = (std::abs(b) + std::abs(c)) / (2.0 * std::sqrt(std::abs(b * c)));  // 1.25
  Eigen::MatrixXd block = Eigen::MatrixXd::Zero(3, 3);
  block.topLeftCorner(2, 2) << a, b, c, a;
  block(2, 2) = -0.7;
  const Eigen::MatrixXd q = random_orthogonal(3, 5);
  const Eigen::MatrixXd w = q * block * q.transpose();
  const netdyn::SchurFactorization f(w, netdyn::kWithoutSchurVectors);
  // netdyn's order: a + 2i, a - 2i, -0.7.
  const Eigen::VectorXd& k = f.eigenvalue_conditions();
  ASSERT_EQ(k.size(), 3);
  EXPECT_NEAR(f.eigenvalues()(0).imag(), 2.0, 1e-13);
  EXPECT_NEAR(k(0), expected, 1e-12);
  EXPECT_NEAR(k(1), expected, 1e-12);
  EXPECT_NEAR(k(2), 1.0, 1e-12);
}

// Normal W (symmetric; orthogonal times a scale, all complex pairs on a circle): every
// eigenvalue has condition 1. Computed eigenvectors err by eps / gap, which moves s = |y^* x| only
// at second order.
TEST(SchurFactorization, EigenvalueConditionsOfNormalWAreOne) {
  for (const Eigen::MatrixXd& w :
       {netdyn::testing::symmetric(60, 3), Eigen::MatrixXd(0.9 * random_orthogonal(60, 4))}) {
    const Eigen::VectorXd k =  // a copy: the factorisation is a temporary
        netdyn::SchurFactorization(w, netdyn::kWithoutSchurVectors).eigenvalue_conditions();
    ASSERT_EQ(k.size(), 60);
    EXPECT_LT((k.array() - 1.0).abs().maxCoeff(), 1e-12);
  }
}

// Against an independent dense computation: Eigen's EigenSolver, unit x_i, and y_i^* the rows of
// V^-1 (so y_i^* x_i = 1 and 1/s_i = ||y_i||_2). An eigenvector is computed to about
// eps kappa_i / gap_i and V^-1 to eps kappa(V), so both routes give 1/s_i to about eps kappa(V)^2
// relative; kappa(V) < 300 here (asserted), so 1e-10 is a wide margin over ~2e-11.
TEST(SchurFactorization, EigenvalueConditionsMatchDenseRoute) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(50, 1.0, 17);
  const Eigen::EigenSolver<Eigen::MatrixXd> es(w);
  ASSERT_EQ(es.info(), Eigen::Success);
  const Eigen::MatrixXcd v = es.eigenvectors();
  ASSERT_LT(netdyn::eigenvector_condition(v), 300.0);
  const Eigen::MatrixXcd left = v.inverse();
  const netdyn::SchurFactorization f(w, netdyn::kWithoutSchurVectors);
  const Eigen::VectorXd& k = f.eigenvalue_conditions();
  ASSERT_EQ(k.size(), 50);
  for (Eigen::Index i = 0; i < 50; ++i) {
    Eigen::Index match = 0;
    (es.eigenvalues().array() - f.eigenvalues()(i)).abs().minCoeff(&match);
    const double expected = left.row(match).norm() * v.col(match).norm();
    EXPECT_NEAR(k(i), expected, 1e-10 * expected) << i;
  }
  EXPECT_GT(k.maxCoeff(), 1.5);  // a nonnormal W: not all 1
}

// A Jordan block is defective: 1/s at the limit of double precision (or inf).
TEST(SchurFactorization, EigenvalueConditionsOfDefectiveWAreHuge) {
  Eigen::MatrixXd w = 0.5 * Eigen::MatrixXd::Identity(3, 3);
  w(0, 1) = 1.0;
  w(1, 2) = 1.0;
  const Eigen::VectorXd k = netdyn::SchurFactorization(w).eigenvalue_conditions();
  EXPECT_GT(k.minCoeff(), 1e12);
}

// One dtrsna, one dtrevc3 per side; the right eigenvectors are shared with kappa(V) and the
// result is kept.
TEST(SchurFactorization, EigenvalueConditionsAreOneTrsna) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(40, 1.0, 9);
  const netdyn::SchurFactorization f(w, netdyn::kWithoutSchurVectors);
  netdyn::lapack::reset_call_counts();
  (void)f.eigenvalue_conditions();
  EXPECT_EQ(calls(Routine::kTrsna), 1);
  EXPECT_EQ(calls(Routine::kTrevc3), 2);
  (void)f.eigenvalue_conditions();
  (void)f.eigenvector_condition();
  EXPECT_EQ(calls(Routine::kTrsna), 1);
  EXPECT_EQ(calls(Routine::kTrevc3), 2);
  EXPECT_EQ(calls(Routine::kGeesReal), 0);
}

TEST(SchurFactorization, RejectsBadW) {
  EXPECT_THROW(netdyn::SchurFactorization(Eigen::MatrixXd(2, 3)), std::invalid_argument);
  EXPECT_THROW(netdyn::SchurFactorization(Eigen::MatrixXd(0, 0)), std::invalid_argument);
  Eigen::MatrixXd nan = Eigen::MatrixXd::Zero(2, 2);
  nan(1, 0) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(netdyn::SchurFactorization{nan}, std::invalid_argument);
}

}  // namespace
