#include "netdyn/amplification/smoothed_spectral_abscissa.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>
#include <functional>

#include "netdyn/amplification/lyapunov.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

// The root of the decreasing f(s) = 1/eps on (lo, hi) by plain bisection: an independent
// solver for the closed forms below.
double bisect(const std::function<double(double)>& f, double target, double lo, double hi) {
  for (int i = 0; i < 200 && hi - lo > 0.0; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (mid == lo || mid == hi) break;
    (f(mid) > target ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

using netdyn::testing::random_orthogonal;

// A normal W: tr P(s) = sum_i 1/(2 (s - Re lambda_i)), here for a rotated diagonal with a complex
// pair (the pair's block [[a, -b], [b, a]] is normal too).
TEST(SmoothedSpectralAbscissa, NormalMatrixMatchesClosedForm) {
  Eigen::MatrixXd d = Eigen::MatrixXd::Zero(5, 5);
  d(0, 0) = 0.7;
  d(1, 1) = -0.2;
  d(2, 2) = 0.3;
  d(2, 3) = -1.5;
  d(3, 2) = 1.5;
  d(3, 3) = 0.3;
  d(4, 4) = -2.0;
  const Eigen::MatrixXd q = random_orthogonal(5, 11);
  const Eigen::MatrixXd w = q * d * q.transpose();
  const std::vector<double> re{0.7, -0.2, 0.3, 0.3, -2.0};
  const auto f = [&](double s) {
    double sum = 0.0;
    for (const double r : re) sum += 0.5 / (s - r);
    return sum;
  };
  for (const double eps : {1e-4, 0.05, 1.0, 30.0}) {
    const auto r = netdyn::smoothed_spectral_abscissa(w, eps);
    const double expected = bisect(f, 1.0 / eps, 0.7, 0.7 + 5.0 * eps + 1.0);
    EXPECT_NEAR(r.value, expected, 1e-12 * std::max(1.0, std::abs(expected))) << "eps " << eps;
    EXPECT_NEAR(r.spectral_abscissa, 0.7, 1e-14);
    // tr P to the rounding it carries: u |alpha| / (s - alpha) relative from T's diagonal
    // (s - alpha ~ eps/2 at eps = 1e-4: ~2e-12).
    EXPECT_NEAR(r.gramians.trace_p * eps, 1.0, 1e-13 + 4e-16 * 0.7 / (r.value - 0.7));
    EXPECT_LE(r.iterations, 12);
  }
}

// A 1 x 1 W = a: tr P(s) = 1/(2(s - a)), so alpha_eps = a + eps/2 exactly.
TEST(SmoothedSpectralAbscissa, ScalarIsAbscissaPlusHalfEpsilon) {
  Eigen::MatrixXd w(1, 1);
  w << -0.4;
  const auto r = netdyn::smoothed_spectral_abscissa(w, 0.3);
  EXPECT_NEAR(r.value, -0.4 + 0.15, 1e-15);
}

// 2 x 2 triangular T = [[a, f], [0, b]] (rotated into a dense W): with A = T - sI,
// P22 = -1/(2 b'), P12 = -f P22/(a' + b'), P11 = -(1 + 2 f P12)/(2 a') (a' = a - s, b' = b - s),
// entrywise from A P + P A^T + I = 0.
TEST(SmoothedSpectralAbscissa, TwoByTwoNonnormalMatchesClosedForm) {
  const double a = 0.2;
  const double b = -0.5;
  const double fw = 6.0;
  Eigen::Matrix2d t;
  t << a, fw, 0.0, b;
  const Eigen::MatrixXd q = random_orthogonal(2, 5);
  const Eigen::MatrixXd w = q * t * q.transpose();
  const auto trace = [&](double s) {
    const double ap = a - s;
    const double bp = b - s;
    const double p22 = -1.0 / (2.0 * bp);
    const double p12 = -fw * p22 / (ap + bp);
    const double p11 = -(1.0 + 2.0 * fw * p12) / (2.0 * ap);
    return p11 + p22;
  };
  for (const double eps : {1e-3, 0.1, 2.0}) {
    const auto r = netdyn::smoothed_spectral_abscissa(w, eps);
    const double expected = bisect(trace, 1.0 / eps, a, a + 100.0);
    EXPECT_NEAR(r.value, expected, 1e-12 * std::max(1.0, std::abs(expected))) << "eps " << eps;
    // Nonnormality pushes alpha_eps beyond the normal value.
    EXPECT_GT(r.value, a + 0.5 * eps);
  }
}

// alpha + eps/2 <= alpha_eps <= omega + n eps/2, and alpha_eps -> alpha as eps -> 0.
TEST(SmoothedSpectralAbscissa, BoundsAndLimit) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(30, 1.2, 4);
  const netdyn::SchurFactorization f(w);
  const double omega = f.symmetric_part_maximum();
  double previous = std::numeric_limits<double>::infinity();
  for (const double eps : {1.0, 0.1, 1e-2, 1e-4, 1e-6}) {
    const auto r = netdyn::smoothed_spectral_abscissa(f, eps);
    EXPECT_GE(r.value, r.spectral_abscissa + 0.5 * eps) << eps;
    EXPECT_LE(r.value, omega + 30.0 * eps / 2.0) << eps;
    EXPECT_LT(r.value, previous);
    previous = r.value;
  }
  EXPECT_LT(previous - netdyn::smoothed_spectral_abscissa(f, 1.0).spectral_abscissa, 1e-4);
}

// The Gramians against the general Lyapunov solver on W - sI itself (its own dgees).
TEST(SmoothedSpectralAbscissa, ShiftedGramiansMatchDenseLyapunov) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(12, 1.5, 9);
  const netdyn::SchurFactorization f(w);
  const double s = f.eigenvalues()(0).real() + 0.3;
  const netdyn::ShiftedGramians g = netdyn::shifted_gramians(f, s);
  const Eigen::MatrixXd a = w - s * Eigen::MatrixXd::Identity(12, 12);
  const Eigen::MatrixXd eye = Eigen::MatrixXd::Identity(12, 12);
  const Eigen::MatrixXd p = netdyn::solve_lyapunov(a, eye).solution;
  const Eigen::MatrixXd q = netdyn::solve_lyapunov(a.transpose(), eye).solution;
  const Eigen::MatrixXd& z = f.q();
  EXPECT_LT((z * g.p * z.transpose() - p).norm(), 1e-11 * p.norm());
  EXPECT_LT((z * g.q * z.transpose() - q).norm(), 1e-11 * q.norm());
  EXPECT_NEAR(g.trace_p, p.trace(), 1e-11 * p.trace());
  EXPECT_NEAR(g.trace_qp, (q * p).trace(), 1e-11 * (q * p).trace());
}

// d alpha_eps / dW = Q P / tr(Q P) against central differences of alpha_eps itself; and the
// inhibitory-columns form is the full gradient's tail.
TEST(SmoothedSpectralAbscissa, GradientMatchesFiniteDifferences) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(7, 1.3, 21);
  const double eps = 0.05;
  netdyn::SmoothedSpectralAbscissaOptions options;
  options.gradient = true;
  const auto r = netdyn::smoothed_spectral_abscissa(w, eps, options);
  ASSERT_EQ(r.gradient.rows(), 7);
  const double h = 1e-6;
  double worst = 0.0;
  for (Eigen::Index j = 0; j < 7; ++j) {
    for (Eigen::Index i = 0; i < 7; ++i) {
      Eigen::MatrixXd up = w;
      Eigen::MatrixXd down = w;
      up(i, j) += h;
      down(i, j) -= h;
      const double fd = (netdyn::smoothed_spectral_abscissa(up, eps).value -
                         netdyn::smoothed_spectral_abscissa(down, eps).value) /
                        (2.0 * h);
      worst = std::max(worst, std::abs(fd - r.gradient(i, j)));
    }
  }
  // Central differences: O(h^2) truncation plus ~1e-13/h rounding of the root.
  EXPECT_LT(worst, 1e-6 * r.gradient.cwiseAbs().maxCoeff());
  // The gradient has trace... tr(Q P)/tr(Q P) = 1: shifting W by cI shifts alpha_eps by c.
  EXPECT_NEAR(r.gradient.trace(), 1.0, 1e-12);

  const netdyn::SchurFactorization f(w);
  const auto g = netdyn::shifted_gramians(f, r.value);
  const Eigen::MatrixXd tail = netdyn::smoothed_abscissa_gradient(f, g, 3);
  EXPECT_LT((tail - r.gradient.rightCols(3)).norm(), 1e-13 * r.gradient.norm());
}

TEST(SmoothedSpectralAbscissa, BadInputIsNamed) {
  Eigen::MatrixXd w(2, 2);
  w << 0.5, 1.0, 0.0, -1.0;
  EXPECT_THAT([&] { (void)netdyn::smoothed_spectral_abscissa(w, 0.0); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("epsilon = 0")));
  EXPECT_THAT([&] { (void)netdyn::smoothed_spectral_abscissa(w, std::nan("")); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("epsilon")));
  const netdyn::SchurFactorization f(w);
  EXPECT_THAT([&] { (void)netdyn::shifted_gramians(f, 0.5); },
              ThrowsMessage<netdyn::NotHurwitzError>(HasSubstr("real part >= s")));
  const netdyn::SchurFactorization no_vectors(w, netdyn::kWithoutSchurVectors);
  const auto g = netdyn::shifted_gramians(no_vectors, 1.0);
  EXPECT_THROW((void)netdyn::smoothed_abscissa_gradient(no_vectors, g), std::logic_error);
  Eigen::MatrixXd bad = w;
  bad(1, 0) = std::numeric_limits<double>::infinity();
  EXPECT_THAT([&] { (void)netdyn::smoothed_spectral_abscissa(bad, 0.1); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("W(1,0)")));
}

}  // namespace
