#include "netdyn/factorization/spectrum.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>
#include <random>

#include "support/matrices.hpp"

namespace {

using netdyn::FixedPointType;
using testing::HasSubstr;
using testing::ThrowsMessage;

using netdyn::testing::kEps;
using netdyn::testing::kPi;

// Tridiagonal Toeplitz (diagonal a, sub b, super c, bc > 0): lambda_k = a + 2 sqrt(bc) cos(k
// pi/(n+1)).
TEST(ComputeSpectrum, TridiagonalToeplitzMatchesClosedForm) {
  const Eigen::Index n = 60;
  const double a = -0.3;
  const double b = 0.2;
  const double c = 1.8;  // strongly nonnormal: sub/super ratio 9
  const Eigen::MatrixXd w = netdyn::testing::tridiagonal_toeplitz(n, a, b, c);
  const netdyn::Spectrum s = netdyn::compute_spectrum(w);
  ASSERT_EQ(s.eigenvalues.size(), n);
  for (Eigen::Index k = 1; k <= n; ++k) {
    const double exact =
        a + 2.0 * std::sqrt(b * c) * std::cos(static_cast<double>(k) * kPi / (n + 1));
    // Eigenvalue condition grows like (c/b)^(n/2) for this matrix only near the ends of the
    // spectrum; sorted order is decreasing, matching k = 1..n. Tolerance: the condition number of
    // the eigenvector basis is large, so allow 1e-8 absolute (observed ~1e-12).
    EXPECT_NEAR(s.eigenvalues(k - 1).real(), exact, 1e-8) << "k = " << k;
    EXPECT_NEAR(s.eigenvalues(k - 1).imag(), 0.0, 1e-8) << "k = " << k;
  }
}

// Upper triangular: the spectrum is the diagonal, exactly (dgeev does no arithmetic on it beyond
// balancing), sorted in decreasing order.
TEST(ComputeSpectrum, TriangularSpectrumIsItsDiagonal) {
  const Eigen::Index n = 40;
  Eigen::MatrixXd w = netdyn::testing::gaussian(n, 1.0, 11).triangularView<Eigen::Upper>();
  Eigen::VectorXd diag = Eigen::VectorXd::LinSpaced(n, -2.0, 1.9);
  w.diagonal() = diag;
  const netdyn::Spectrum s = netdyn::compute_spectrum(w);
  for (Eigen::Index k = 0; k < n; ++k) {
    EXPECT_NEAR(s.eigenvalues(k).real(), diag(n - 1 - k), 64 * kEps * w.norm());
    EXPECT_EQ(s.eigenvalues(k).imag(), 0.0);
  }
}

// Independent computation: Eigen's EigenSolver on the same random matrices.
TEST(ComputeSpectrum, AgreesWithEigenSolverAtSmallN) {
  for (int seed = 1; seed <= 5; ++seed) {
    const Eigen::Index n = 10 * seed;
    const Eigen::MatrixXd w = netdyn::testing::gaussian(n, 1.2, seed);
    const netdyn::Spectrum s = netdyn::compute_spectrum(w);
    Eigen::VectorXcd expected = Eigen::EigenSolver<Eigen::MatrixXd>(w, false).eigenvalues();
    netdyn::sort_eigenvalues(expected);
    // Backward-stable solvers on a well-conditioned random matrix: agree to ~n eps ||W||
    // times modest eigenvalue condition numbers; 1e-10 leaves three orders of margin.
    EXPECT_LT((s.eigenvalues - expected).cwiseAbs().maxCoeff(), 1e-10) << "seed " << seed;
  }
}

TEST(ComputeSpectrum, OrderIsDecreasingRealThenImaginary) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(50, 1.0, 3);
  const netdyn::Spectrum s = netdyn::compute_spectrum(w);
  for (Eigen::Index k = 1; k < s.eigenvalues.size(); ++k) {
    const auto prev = s.eigenvalues(k - 1);
    const auto cur = s.eigenvalues(k);
    EXPECT_TRUE(prev.real() > cur.real() ||
                (prev.real() == cur.real() && prev.imag() >= cur.imag()))
        << "at " << k << ": " << prev << " before " << cur;
  }
}

TEST(ComputeSpectrum, EigenvectorsSatisfyDefinitionAndHaveUnitNorm) {
  const Eigen::Index n = 30;
  const Eigen::MatrixXd w = netdyn::testing::gaussian(n, 1.0, 4);
  netdyn::SpectrumOptions options;
  options.compute_eigenvectors = true;
  const netdyn::Spectrum s = netdyn::compute_spectrum(w, options);
  for (Eigen::Index k = 0; k < n; ++k) {
    const Eigen::VectorXcd v = s.eigenvectors.col(k);
    EXPECT_NEAR(v.norm(), 1.0, 1e-14);
    EXPECT_LT((w.cast<std::complex<double>>() * v - s.eigenvalues(k) * v).norm(), 1e-12 * w.norm());
  }
}

TEST(ComputeSpectrum, CountKeepsTheRightmost) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(20, 1.0, 5);
  netdyn::SpectrumOptions options;
  options.count = 3;
  const netdyn::Spectrum part = netdyn::compute_spectrum(w, options);
  const netdyn::Spectrum all = netdyn::compute_spectrum(w);
  ASSERT_EQ(part.eigenvalues.size(), 3);
  EXPECT_EQ(part.eigenvalues, all.eigenvalues.head(3));
}

// Eigenvalue conditions on request only, in the eigenvalues' order, cut with them by --count
// (the Murphy-Miller W: both have 1/s = sqrt(2 (a^2 + b^2)) / |a - b| for W = [[a, -b], [a, -b]]).
TEST(ComputeSpectrum, EigenvalueConditionsOnRequest) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  EXPECT_EQ(netdyn::compute_spectrum(w).eigenvalue_conditions.size(), 0);
  netdyn::SpectrumOptions options;
  options.compute_eigenvalue_conditions = true;
  const netdyn::Spectrum s = netdyn::compute_spectrum(w, options);
  const double a = w(0, 0);
  const double b = -w(0, 1);
  const double expected = std::sqrt(2.0 * (a * a + b * b)) / std::abs(a - b);
  ASSERT_EQ(s.eigenvalue_conditions.size(), 2);
  EXPECT_NEAR(s.eigenvalue_conditions(0), expected, 1e-11 * expected);
  EXPECT_NEAR(s.eigenvalue_conditions(1), expected, 1e-11 * expected);
  options.count = 1;
  EXPECT_EQ(netdyn::compute_spectrum(w, options).eigenvalue_conditions.size(), 1);
}

TEST(ComputeSpectrum, RejectsBadInput) {
  EXPECT_THAT([] { (void)netdyn::compute_spectrum(Eigen::MatrixXd(2, 3)); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("2x3")));
  Eigen::MatrixXd w = Eigen::MatrixXd::Identity(3, 3);
  w(1, 0) = std::nan("");
  EXPECT_THAT([&] { (void)netdyn::compute_spectrum(w); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("W(1,0) = nan")));
  netdyn::SpectrumOptions options;
  options.count = 12;
  EXPECT_THAT([&] { (void)netdyn::compute_spectrum(Eigen::MatrixXd::Zero(10, 10), options); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("count = 12")));
}

TEST(SpectralAbscissaAndRadius, SimpleValues) {
  Eigen::VectorXcd v(3);
  v << std::complex<double>(0.5, 2.0), std::complex<double>(0.5, -2.0),
      std::complex<double>(-3.0, 0);
  EXPECT_DOUBLE_EQ(netdyn::spectral_abscissa(v), 0.5);
  EXPECT_DOUBLE_EQ(netdyn::spectral_radius(v), 3.0);
  EXPECT_TRUE(netdyn::is_stable(v));
  v(0) = 1.0;
  EXPECT_FALSE(netdyn::is_stable(v));
}

TEST(EigenvectorCondition, NormalIsOneDefectiveIsInfinite) {
  netdyn::SpectrumOptions options;
  options.compute_eigenvectors = true;
  const Eigen::MatrixXd sym = netdyn::testing::symmetric(20, 7);
  EXPECT_NEAR(netdyn::eigenvector_condition(netdyn::compute_spectrum(sym, options).eigenvectors),
              1.0,
              1e-12);
  Eigen::MatrixXd jordan = Eigen::MatrixXd::Zero(4, 4);
  jordan.diagonal(1).setOnes();
  EXPECT_TRUE(std::isinf(
      netdyn::eigenvector_condition(netdyn::compute_spectrum(jordan, options).eigenvectors)));
}

// MM09 balanced network (science.md T2c): kappa(V) = 42.023796.
TEST(EigenvectorCondition, BalancedTwoByTwoMatchesReference) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  netdyn::SpectrumOptions options;
  options.compute_eigenvectors = true;
  EXPECT_NEAR(netdyn::eigenvector_condition(netdyn::compute_spectrum(w, options).eigenvectors),
              42.023796,
              1e-6);
}

// One test per class of the trace-determinant plane (Rosenbaum App. A.9, corrected).
TEST(ClassifyPlanar, EveryClass) {
  auto classify = [](double a, double b, double c, double d) {
    Eigen::Matrix2d j;
    j << a, b, c, d;
    return netdyn::classify_planar(j);
  };
  EXPECT_EQ(classify(-1, 0, 0, -2), FixedPointType::kStableNode);
  EXPECT_EQ(classify(1, 0, 0, 2), FixedPointType::kUnstableNode);
  EXPECT_EQ(classify(-0.1, -1, 1, -0.1), FixedPointType::kStableSpiral);
  EXPECT_EQ(classify(0.1, -1, 1, 0.1), FixedPointType::kUnstableSpiral);
  EXPECT_EQ(classify(1, 0, 0, -1), FixedPointType::kSaddle);
  EXPECT_EQ(classify(0, -1, 1, 0), FixedPointType::kCentre);
  EXPECT_EQ(classify(-1, 1, -1, 1), FixedPointType::kDegenerate);  // det 0, trace 0 too
  EXPECT_EQ(classify(-1, 0, 0, 0), FixedPointType::kDegenerate);   // a zero eigenvalue
  // Repeated eigenvalue (T^2 = 4D) counts as a node.
  EXPECT_EQ(classify(-1, 1, 0, -1), FixedPointType::kStableNode);
  EXPECT_EQ(netdyn::to_string(FixedPointType::kStableSpiral), "stable spiral");
}

// Rosenbaum fig. 3.4 (science.md 6.2): tau_e = 30, tau_i = 15 ms stable spiral, swapped unstable.
TEST(ClassifyPlanar, RosenbaumWilsonCowanCases) {
  EXPECT_EQ(netdyn::classify_planar(-0.5766666667, 0.180575), FixedPointType::kStableSpiral);
  EXPECT_EQ(netdyn::classify_planar(0.0191666667, 0.180575), FixedPointType::kUnstableSpiral);
  EXPECT_THAT([] { (void)netdyn::classify_planar(Eigen::MatrixXd::Zero(3, 3)); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("3x3")));
}

}  // namespace

namespace {

// sqrt(n var(W_ij)) over all entries: exact for a small matrix, about rho for a Gaussian W.
TEST(CircularLawRadius, ExactAndStatistical) {
  Eigen::MatrixXd w(2, 2);
  w << 1.0, -1.0, 1.0, -1.0;  // mean 0, variance 1, so sqrt(2 * 1)
  EXPECT_DOUBLE_EQ(netdyn::circular_law_radius(w), std::sqrt(2.0));
  EXPECT_DOUBLE_EQ(netdyn::circular_law_radius(Eigen::MatrixXd::Constant(5, 5, 3.0)), 0.0);
  // 160000 entries: the sample variance has relative standard error sqrt(2/160000) = 0.35%, so
  // the radius is within 1% of rho = 1.5 with a wide margin.
  EXPECT_NEAR(netdyn::circular_law_radius(netdyn::testing::gaussian(400, 1.5, 3)), 1.5, 0.015);
}

}  // namespace
