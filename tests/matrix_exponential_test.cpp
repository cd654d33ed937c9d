// The private small-matrix exponential of the Krylov integrator
// (lib/src/core/matrix_exponential.hpp): closed forms, and Eigen's MatrixFunctions (Pade 13, an
// independent algorithm) on random matrices.
#include "core/matrix_exponential.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <unsupported/Eigen/MatrixFunctions>

#include "support/matrices.hpp"

namespace {

using netdyn::detail::matrix_exponential;
using netdyn::detail::matrix_exponential_times;
using netdyn::detail::scaled_exponential;
using netdyn::detail::ScaledExponential;

using netdyn::testing::kEps;

// The 19 x 19 upper shift N: (e^{c N})_{i, i+k} = c^k / k!, so its exponential shows each of the
// 18 Taylor coefficients.
Eigen::MatrixXd scaled_shift(double c) {
  Eigen::MatrixXd n = Eigen::MatrixXd::Zero(19, 19);
  n.diagonal(1).setConstant(c);
  return n;
}

TEST(MatrixExponential, ShiftMatrixShowsEveryTaylorCoefficient) {
  // ||N||_1 = 1 <= theta_18: no scaling, the degree-18 polynomial itself. Each entry is one
  // coefficient of the product form, so it must be 1/k! to a few ulps.
  const ScaledExponential unscaled = scaled_exponential(scaled_shift(1.0));
  EXPECT_EQ(unscaled.squarings, 0);
  const Eigen::MatrixXd e = unscaled.e;
  for (int k = 0; k <= 18; ++k) {
    const double expected = 1.0 / std::tgamma(k + 1.0);
    for (int i = 0; i + k < 19; ++i) {
      EXPECT_NEAR(e(i, i + k), expected, 8.0 * kEps * expected) << "k = " << k;
    }
  }
  EXPECT_EQ(e.triangularView<Eigen::StrictlyLower>().toDenseMatrix().cwiseAbs().maxCoeff(), 0.0);
}

TEST(MatrixExponential, ShiftMatrixWithSquarings) {
  // c = 40: 6 squarings; the entries 40^k / k! span 1 to 1.4e13, each to ~ s k eps relative.
  const double c = 40.0;
  EXPECT_EQ(scaled_exponential(scaled_shift(c)).squarings, 6);
  const Eigen::MatrixXd e = matrix_exponential(scaled_shift(c));
  for (int k = 0; k <= 18; ++k) {
    const double expected = std::exp(k * std::log(c) - std::lgamma(k + 1.0));
    EXPECT_NEAR(e(0, k), expected, 1e-13 * expected) << "k = " << k;
  }
}

TEST(MatrixExponential, DampedRotation) {
  // e^{[[-a, -w], [w, -a]]} = e^{-a} [[cos w, -sin w], [sin w, cos w]]; ||.||_1 = 51: 6 squarings.
  const double a = 1.0;
  const double w = 50.0;
  Eigen::Matrix2d m;
  m << -a, -w, w, -a;
  Eigen::Matrix2d expected;
  expected << std::cos(w), -std::sin(w), std::sin(w), std::cos(w);
  expected *= std::exp(-a);
  // The rotation angle carries a relative error ~ eps: |error| <~ w eps (measured 0.6 w eps).
  EXPECT_LT((matrix_exponential(m) - expected).cwiseAbs().maxCoeff(), 10.0 * w * kEps);
}

TEST(MatrixExponential, JordanBlock) {
  // e^{[[-1, g], [0, -1]]} = e^{-1} [[1, g], [0, 1]]: a strongly nonnormal case (g = 100).
  // ||A||_1 = 101 would ask for 7 squarings; alpha_2 = max(||A^2||^(1/2), ||A^3||^(1/3)) =
  // sqrt(201) = 14.2 asks for 4. Relative error bound ~ ||A||_1 eps (measured 3e-14 for the
  // corner with 7 squarings).
  const double g = 100.0;
  Eigen::Matrix2d m;
  m << -1.0, g, 0.0, -1.0;
  EXPECT_EQ(scaled_exponential(m).squarings, 4);
  const Eigen::Matrix2d e = matrix_exponential(m);
  const double tol = 10.0 * (g + 1.0) * kEps;
  EXPECT_NEAR(e(0, 0), std::exp(-1.0), tol * std::exp(-1.0));
  EXPECT_NEAR(e(1, 1), std::exp(-1.0), tol * std::exp(-1.0));
  EXPECT_NEAR(e(0, 1), g * std::exp(-1.0), tol * g * std::exp(-1.0));
  EXPECT_EQ(e(1, 0), 0.0);
}

TEST(MatrixExponential, NilpotentNeedsNoScaling) {
  // A = g N with N^2 = 0: alpha_2 = 0, so no squaring however large g, and the polynomial is
  // exactly I + A.
  Eigen::Matrix3d m = Eigen::Matrix3d::Zero();
  m(0, 2) = 1e6;
  const ScaledExponential s = scaled_exponential(m);
  EXPECT_EQ(s.squarings, 0);
  EXPECT_EQ(s.e(0, 2), 1e6);
  EXPECT_EQ((s.e - Eigen::Matrix3d::Identity() - m).cwiseAbs().maxCoeff(), 0.0);
}

TEST(MatrixExponential, AgreesWithEigenPadeOnRandomMatrices) {
  // Both algorithms are backward stable; the forward difference is bounded by the condition
  // number of the exponential (<~ ||A||_1 here, stable spectra) times eps, with room.
  std::srand(5);
  for (const Eigen::Index k : {3, 14, 50, 89}) {
    for (const double norm : {0.3, 5.0, 200.0}) {
      Eigen::MatrixXd a = Eigen::MatrixXd::Random(k, k) - 1.5 * Eigen::MatrixXd::Identity(k, k);
      a *= norm / a.cwiseAbs().colwise().sum().maxCoeff();
      const Eigen::MatrixXd ref = a.exp();
      const double error = (matrix_exponential(a) - ref).norm() / ref.norm();
      EXPECT_LT(error, 10.0 * norm * kEps + 10.0 * kEps) << "k = " << k << ", norm = " << norm;
    }
  }
}

TEST(MatrixExponential, TimesVectorEqualsExponentialTimesVector) {
  // ||A||_1 = 300 at k = 60: 9 halvings, some undone by squarings and the rest by products with
  // the vector; the result must match the full exponential applied to x.
  std::srand(7);
  const Eigen::Index k = 60;
  Eigen::MatrixXd a = Eigen::MatrixXd::Random(k, k) - 1.5 * Eigen::MatrixXd::Identity(k, k);
  a *= 300.0 / a.cwiseAbs().colwise().sum().maxCoeff();
  const Eigen::VectorXd x = Eigen::VectorXd::Random(k);
  const Eigen::VectorXd ref = a.exp() * x;
  const Eigen::VectorXd y = matrix_exponential_times(a, x);
  EXPECT_LT((y - ref).norm() / ref.norm(), 1e3 * kEps);
  EXPECT_LT((y - matrix_exponential(a) * x).norm() / ref.norm(), 1e3 * kEps);
}

TEST(MatrixExponential, NonFiniteGivesNaNAndEmptyIsEmpty) {
  Eigen::Matrix2d m = Eigen::Matrix2d::Identity();
  m(0, 1) = std::numeric_limits<double>::infinity();
  EXPECT_TRUE(matrix_exponential(m).array().isNaN().all());
  EXPECT_TRUE(matrix_exponential_times(m, Eigen::Vector2d(1.0, 0.0)).array().isNaN().all());
  EXPECT_EQ(matrix_exponential(Eigen::MatrixXd(0, 0)).size(), 0);
}

}  // namespace
