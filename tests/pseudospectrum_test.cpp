#include "netdyn/amplification/pseudospectrum.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <omp.h>

#include <Eigen/Dense>
#include <cmath>
#include <complex>
#include <limits>
#include <utility>

#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;
using cd = std::complex<double>;

double dense_sigma_min_at(const Eigen::MatrixXd& a, cd z) {
  const Eigen::Index n = a.rows();
  const Eigen::MatrixXcd m = z * Eigen::MatrixXcd::Identity(n, n) - a.cast<cd>();
  return Eigen::JacobiSVD<Eigen::MatrixXcd>(m).singularValues()(n - 1);
}

// Normal A = Q D Q^T (D block diagonal with rotation blocks, so complex eigenvalues too):
// sigma_min(zI - A) = distance from z to the spectrum.
TEST(ComputePseudospectrum, NormalMatrixGivesDistanceToSpectrum) {
  const Eigen::Index n = 70;  // > 55: EigTool would use the Lanczos path too
  Eigen::MatrixXd d = Eigen::MatrixXd::Zero(n, n);
  Eigen::VectorXcd lambda(n);
  for (Eigen::Index k = 0; k < n; k += 2) {
    const double re = -1.0 + 0.03 * static_cast<double>(k);
    const double im = 0.02 * static_cast<double>(k) - 0.5;
    d(k, k) = re;
    d(k + 1, k + 1) = re;
    d(k, k + 1) = im;
    d(k + 1, k) = -im;
    lambda(k) = cd(re, im);
    lambda(k + 1) = cd(re, -im);
  }
  const Eigen::MatrixXd q =
      Eigen::HouseholderQR<Eigen::MatrixXd>(netdyn::testing::gaussian(n, 1.0, 3)).householderQ();
  const Eigen::MatrixXd a = q * d * q.transpose();
  netdyn::PseudospectrumOptions options;
  options.nx = 17;
  options.ny = 13;
  options.box = std::array<double, 4>{-2.0, 1.5, -1.2, 1.3};
  // The Ritz value is within residual = tolerance * value of an eigenvalue of the inverse
  // operator 1/sigma^2, so sigma_min within tolerance/2 relative once it is the top one (and
  // ~tolerance^2/gap when the gap is wide): default 1e-5 -> bound 5e-6; 1e-7 -> bound 1e-10.
  // (With 1e-4 the warm start let some points of this normal matrix, where two eigenvalues are
  // nearly equidistant, stop on the second eigenvalue: 0.3% errors.)
  for (const auto& [tolerance, bound] : {std::pair{1e-5, 5e-6}, std::pair{1e-7, 1e-10}}) {
    options.tolerance = tolerance;
    const netdyn::Pseudospectrum ps = netdyn::compute_pseudospectrum(a, options);
    ASSERT_EQ(ps.sigma_min.rows(), 13);
    ASSERT_EQ(ps.sigma_min.cols(), 17);
    EXPECT_EQ(ps.unconverged, 0);
    for (Eigen::Index i = 0; i < 13; ++i) {
      for (Eigen::Index j = 0; j < 17; ++j) {
        const cd z(ps.x(j), ps.y(i));
        const double exact = (lambda.array() - z).abs().minCoeff();
        EXPECT_NEAR(ps.sigma_min(i, j), exact, bound * std::max(exact, 1e-3)) << z;
      }
    }
  }
}

// Nonnormal random A: the triangular inverse Lanczos equals a dense SVD at sample points.
TEST(ComputePseudospectrum, MatchesDenseSvdAtSamplePoints) {
  const Eigen::Index n = 90;
  const Eigen::MatrixXd a = netdyn::testing::gaussian(n, 0.9, 5) - Eigen::MatrixXd::Identity(n, n);
  netdyn::PseudospectrumOptions options;
  options.nx = 7;
  options.ny = 5;
  options.box = std::array<double, 4>{-2.5, 0.5, -1.5, 1.5};
  // Default tolerance (1e-5) and a tight one (1e-7); bounds as in the normal case above.
  for (const auto& [tolerance, bound] : {std::pair{1e-5, 5e-6}, std::pair{1e-7, 1e-9}}) {
    options.tolerance = tolerance;
    const netdyn::Pseudospectrum ps = netdyn::compute_pseudospectrum(a, options);
    // The box is symmetric about the real axis: rows 0 and 1 are copies of rows 4 and 3 (A is
    // real), and the dense SVD at their own y checks the copies.
    EXPECT_EQ(ps.mirrored_rows, 2);
    for (Eigen::Index i = 0; i < 5; ++i) {
      for (Eigen::Index j = 0; j < 7; ++j) {
        const double exact = dense_sigma_min_at(a, cd(ps.x(j), ps.y(i)));
        EXPECT_NEAR(ps.sigma_min(i, j), exact, bound * exact) << i << "," << j;
      }
    }
  }
  // An asymmetric box: every row computed.
  options.tolerance = 1e-7;
  options.box = std::array<double, 4>{-2.5, 0.5, -1.5, 1.2};
  const netdyn::Pseudospectrum asymmetric = netdyn::compute_pseudospectrum(a, options);
  EXPECT_EQ(asymmetric.mirrored_rows, 0);
  for (Eigen::Index i = 0; i < 5; ++i) {
    const double exact = dense_sigma_min_at(a, cd(asymmetric.x(3), asymmetric.y(i)));
    EXPECT_NEAR(asymmetric.sigma_min(i, 3), exact, 1e-9 * exact) << i;
  }
  // Automatic box contains the spectrum.
  const netdyn::Pseudospectrum automatic = netdyn::compute_pseudospectrum(a);
  EXPECT_LT(automatic.x(0), automatic.eigenvalues.real().minCoeff());
  EXPECT_GT(automatic.y(39), automatic.eigenvalues.imag().maxCoeff());
  // ... and is exactly symmetric about the real axis (zgees gives the conjugate pairs only to
  // rounding), so half of its rows are mirrored.
  EXPECT_EQ(automatic.y(0), -automatic.y(39));
  EXPECT_EQ(automatic.mirrored_rows, 20);
}

// The grid's numbers do not depend on the thread count or on which thread took which row (each
// row starts its warm-started Lanczos afresh): one thread and two give identical bits, twice.
TEST(ComputePseudospectrum, SameNumbersOnAnyThreadCount) {
  const Eigen::Index n = 120;
  const Eigen::MatrixXd a = netdyn::testing::gaussian(n, 0.9, 6) - Eigen::MatrixXd::Identity(n, n);
  netdyn::PseudospectrumOptions options;
  options.nx = 9;
  options.ny = 11;
  options.box = std::array<double, 4>{-2.5, 0.5, -1.5, 1.2};  // asymmetric: every row computed
  const int threads = omp_get_max_threads();
  omp_set_num_threads(1);
  const netdyn::Pseudospectrum serial = netdyn::compute_pseudospectrum(a, options);
  omp_set_num_threads(2);
  const netdyn::Pseudospectrum first = netdyn::compute_pseudospectrum(a, options);
  const netdyn::Pseudospectrum second = netdyn::compute_pseudospectrum(a, options);
  omp_set_num_threads(threads);
  EXPECT_EQ(serial.sigma_min, first.sigma_min);
  EXPECT_EQ(serial.sigma_min, second.sigma_min);
  EXPECT_EQ(serial.iterations, first.iterations);
}

// science.md 7.2: Jordan-like w = 10 (closed form -1 + sqrt(eps (eps + w))) and MM09.
TEST(PseudospectralAbscissa, MatchesCrissCrossReferenceValues) {
  Eigen::Matrix2d j;
  j << -1.0, 10.0, 0.0, -1.0;
  for (const double eps : {0.01, 0.1, 1.0}) {
    EXPECT_NEAR(netdyn::pseudospectral_abscissa(j, eps).abscissa,
                -1.0 + std::sqrt(eps * (eps + 10.0)),
                1e-11)
        << "eps = " << eps;
  }
  const Eigen::MatrixXd a =
      netdyn::testing::balanced_ei(30.0 / 7.0, 1.1) - Eigen::MatrixXd::Identity(2, 2);
  EXPECT_NEAR(netdyn::pseudospectral_abscissa(a, 0.1).abscissa, -0.236053534431, 1e-11);
  EXPECT_NEAR(netdyn::pseudospectral_abscissa(a, 0.5).abscissa, 0.976836719337, 1e-11);
}

// Normal matrix: alpha_eps = alpha + eps; nonnormal random: a grid never exceeds it.
TEST(PseudospectralAbscissa, NormalShiftAndGridConsistency) {
  const Eigen::MatrixXd s = 0.5 * netdyn::testing::symmetric(12, 8);
  const double alpha = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(s).eigenvalues().maxCoeff();
  EXPECT_NEAR(netdyn::pseudospectral_abscissa(s, 0.05).abscissa, alpha + 0.05, 1e-11);
  const Eigen::MatrixXd a =
      netdyn::testing::gaussian(30, 0.9, 9) - Eigen::MatrixXd::Identity(30, 30);
  const double eps = 0.05;
  const double ae = netdyn::pseudospectral_abscissa(a, eps).abscissa;
  netdyn::PseudospectrumOptions options;
  options.nx = 121;
  options.ny = 121;
  options.box = std::array<double, 4>{-2.5, ae + 0.3, -1.5, 1.5};
  const netdyn::Pseudospectrum ps = netdyn::compute_pseudospectrum(a, options);
  double grid_max = -1e300;
  for (Eigen::Index i = 0; i < 121; ++i)
    for (Eigen::Index k = 0; k < 121; ++k)
      if (ps.sigma_min(i, k) <= eps) grid_max = std::max(grid_max, ps.x(k));
  EXPECT_LE(grid_max, ae + 1e-12);
  EXPECT_GT(grid_max, ae - 2.0 * (ps.x(1) - ps.x(0)));
}

TEST(ComputePseudospectrum, RejectsBadGrids) {
  const Eigen::Matrix2d a = -Eigen::Matrix2d::Identity();
  netdyn::PseudospectrumOptions o;
  o.nx = 0;
  EXPECT_THAT([&] { (void)netdyn::compute_pseudospectrum(a, o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("grid is 0 x 40 points")));
  o.nx = 4;
  o.box = std::array<double, 4>{0.0, std::numeric_limits<double>::infinity(), -1.0, 1.0};
  EXPECT_THAT([&] { (void)netdyn::compute_pseudospectrum(a, o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("box[1] = inf")));
  o.box = std::array<double, 4>{1.0, 0.0, -1.0, 1.0};
  EXPECT_THAT([&] { (void)netdyn::compute_pseudospectrum(a, o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("need x0 <= x1")));
  EXPECT_THAT([&] { (void)netdyn::pseudospectral_abscissa(a, 0.0); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("eps = 0")));
}

}  // namespace
