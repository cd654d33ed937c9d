#include "netdyn/dynamics/jacobian.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>

#include <cmath>

#include "support/matrices.hpp"

namespace {

using netdyn::RateNetwork;
using netdyn::TransferKind;

// House style 8.9: f(x) = -x + W tanh(x) + u has J = -I + W diag(1 - tanh^2 x) (current form).
TEST(RateJacobian, CurrentFormTanhMatchesClosedForm) {
  RateNetwork net;
  net.w = netdyn::testing::gaussian(5, 1.2, 21);
  net.f.kind = TransferKind::kTanh;
  net.form = netdyn::RateForm::kCurrent;
  const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(5, -1.0, 1.5);
  const Eigen::VectorXd u = Eigen::VectorXd::Zero(5);
  const Eigen::VectorXd d = (1.0 - x.array().tanh().square()).matrix();
  const Eigen::MatrixXd expected = -Eigen::MatrixXd::Identity(5, 5) + net.w * d.asDiagonal();
  EXPECT_LT((netdyn::rate_jacobian(net, x, u) - expected).norm(), 1e-14);
}

// Rosenbaum Fig. 3.4 (science.md 6.2): J = diag(1/tau)(-I + g W) at the threshold-linear fixed
// point; tau = (30, 15) gives eig -0.2883333333 +- 0.3121520285 i.
TEST(RateJacobian, RosenbaumRowScaling) {
  RateNetwork net;
  net.w.resize(2, 2);
  net.w << 2000, -2000, 6000, -3000;
  net.f.kind = TransferKind::kThresholdLinear;
  net.f.gain = 0.003575;
  net.f.threshold = 9.639160837867031;
  net.tau = Eigen::Vector2d(30.0, 15.0);
  const Eigen::Vector2d r(0.0056083329, 0.0125043703);
  const Eigen::Vector2d x(25.0, 17.0);
  const Eigen::MatrixXd j = netdyn::rate_jacobian(net, r, x);
  const Eigen::Vector2cd eig = Eigen::Matrix2d(j).eigenvalues();
  EXPECT_NEAR(eig(0).real(), -0.2883333333, 1e-9);
  EXPECT_NEAR(std::abs(eig(0).imag()), 0.3121520285, 1e-9);
  EXPECT_NEAR(j.trace(), -0.5766666667, 1e-9);
}

// Acceptance: finite-difference and AutoDiff Jacobians agree with the analytic one to 1e-6 and
// 1e-12, for every transfer function and both forms, with per-unit tau.
TEST(RateJacobian, FiniteDifferenceAndAutoDiffAgree) {
  for (const TransferKind kind : {TransferKind::kLinear,
                                  TransferKind::kTanh,
                                  TransferKind::kThresholdLinear,
                                  TransferKind::kSigmoid}) {
    for (const netdyn::RateForm form : {netdyn::RateForm::kRate, netdyn::RateForm::kCurrent}) {
      RateNetwork net;
      net.w = netdyn::testing::gaussian(8, 1.5, 31);
      net.tau = Eigen::VectorXd::LinSpaced(8, 0.5, 3.0);
      net.f.kind = kind;
      net.f.gain = 1.3;
      net.f.threshold = 0.05;
      net.form = form;
      const Eigen::VectorXd x = netdyn::testing::gaussian(8, 1.0, 32).col(0);
      const Eigen::VectorXd u = Eigen::VectorXd::LinSpaced(8, -0.2, 0.3);
      const Eigen::MatrixXd analytic = netdyn::rate_jacobian(net, x, u);
      Eigen::VectorXd scratch(8);
      const netdyn::Field field = [&](const Eigen::Ref<const Eigen::VectorXd>& y,
                                      Eigen::Ref<Eigen::VectorXd> fy) {
        netdyn::rate_vector_field(net, y, u, fy, scratch);
      };
      const Eigen::MatrixXd fd = netdyn::finite_difference_jacobian(field, x);
      const Eigen::MatrixXd ad = netdyn::autodiff_rate_jacobian(net, x, u);
      const std::string what = netdyn::to_string(kind) + "/" + netdyn::to_string(form);
      EXPECT_LT((fd - analytic).cwiseAbs().maxCoeff(), 1e-6) << what;
      EXPECT_LT((ad - analytic).cwiseAbs().maxCoeff(), 1e-12) << what;
    }
  }
}

// check_rate_jacobian (netdyn jacobian's numbers): the two independent routes' differences from
// the analytic J, and the eigenvalues of J; AutoDiff only up to kAutodiffMaxOrder.
TEST(CheckRateJacobian, ReportsBothRoutesAndTheSpectrum) {
  RateNetwork net;
  net.w = netdyn::testing::gaussian(6, 1.2, 41);
  net.tau = Eigen::VectorXd::LinSpaced(6, 0.5, 2.0);
  net.f.kind = TransferKind::kTanh;
  const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(6, -0.4, 0.5);
  const Eigen::VectorXd u = Eigen::VectorXd::Constant(6, 0.1);
  const netdyn::JacobianCheck c = netdyn::check_rate_jacobian(net, x, u);
  EXPECT_EQ(c.jacobian, netdyn::rate_jacobian(net, x, u));
  EXPECT_LT(c.finite_difference_error, 1e-8);
  ASSERT_TRUE(c.autodiff_error.has_value());
  EXPECT_LT(*c.autodiff_error, 1e-13);
  const Eigen::VectorXcd dense = Eigen::EigenSolver<Eigen::MatrixXd>(c.jacobian).eigenvalues();
  ASSERT_EQ(c.eigenvalues.size(), 6);
  for (Eigen::Index i = 0; i < 6; ++i) {  // each eigenvalue has a dense counterpart
    EXPECT_LT((dense.array() - c.eigenvalues(i)).abs().minCoeff(), 1e-12) << i;
  }
  for (Eigen::Index i = 1; i < 6; ++i)
    EXPECT_GE(c.eigenvalues(i - 1).real(), c.eigenvalues(i).real());
  RateNetwork big;
  big.w = netdyn::testing::gaussian(netdyn::kAutodiffMaxOrder + 1, 0.5, 42);
  const Eigen::VectorXd zero = Eigen::VectorXd::Zero(big.size());
  EXPECT_FALSE(netdyn::check_rate_jacobian(big, zero, zero).autodiff_error.has_value());
}

// Seed 003: the feed-forward layer r = f(W x) has dr/dx = diag(f'(W x)) W (rectangular W).
TEST(LayerJacobian, MatchesAutoDiffOnRectangularLayer) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(6, 1.0, 41).topRows(4);
  const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(6, -1.0, 1.0);
  netdyn::Transfer f;
  f.kind = TransferKind::kTanh;
  const Eigen::MatrixXd j = netdyn::layer_jacobian(w, x, f);
  const Eigen::MatrixXd ad = netdyn::autodiff_jacobian(
      [&w](const auto& y) {
        using Vec = std::decay_t<decltype(y)>;
        Vec out(w.rows());
        for (Eigen::Index i = 0; i < w.rows(); ++i) {
          typename Vec::Scalar s = w(i, 0) * y(0);
          for (Eigen::Index k = 1; k < w.cols(); ++k) s += w(i, k) * y(k);
          using std::tanh;
          out(i) = tanh(s);
        }
        return out;
      },
      x);
  EXPECT_LT((j - ad).cwiseAbs().maxCoeff(), 1e-13);
  netdyn::FiniteDifferenceOptions o;
  o.output_size = 4;
  const Eigen::MatrixXd fd = netdyn::finite_difference_jacobian(
      [&](const Eigen::Ref<const Eigen::VectorXd>& y, Eigen::Ref<Eigen::VectorXd> fy) {
        fy = (w * y).array().tanh().matrix();
      },
      x,
      o);
  EXPECT_LT((j - fd).cwiseAbs().maxCoeff(), 1e-9);
}

TEST(FiniteDifferenceJacobian, RichardsonImprovesOnPlainCentralDifferences) {
  const netdyn::Field f = [](const Eigen::Ref<const Eigen::VectorXd>& x,
                             Eigen::Ref<Eigen::VectorXd> fx) {
    fx(0) = std::exp(x(0)) * std::sin(x(1));
    fx(1) = x(0) * x(0) * x(0) + std::cos(3.0 * x(1));
  };
  const Eigen::Vector2d x(0.7, -1.1);
  Eigen::Matrix2d exact;
  exact << std::exp(0.7) * std::sin(-1.1), std::exp(0.7) * std::cos(-1.1), 3 * 0.49,
      -3.0 * std::sin(-3.3);
  netdyn::FiniteDifferenceOptions plain;
  plain.richardson = false;
  const double e_plain =
      (netdyn::finite_difference_jacobian(f, x, plain) - exact).cwiseAbs().maxCoeff();
  const double e_rich = (netdyn::finite_difference_jacobian(f, x) - exact).cwiseAbs().maxCoeff();
  EXPECT_LT(e_plain, 1e-9);
  EXPECT_LT(e_rich, 1e-9);
  plain.step = 1e-3;  // large step: truncation dominates, extrapolation removes it
  netdyn::FiniteDifferenceOptions rich = plain;
  rich.richardson = true;
  EXPECT_LT((netdyn::finite_difference_jacobian(f, x, rich) - exact).cwiseAbs().maxCoeff(),
            1e-3 * (netdyn::finite_difference_jacobian(f, x, plain) - exact).cwiseAbs().maxCoeff());
}

TEST(RateJacobian, RejectsMismatchedSizes) {
  RateNetwork net;
  net.w = Eigen::Matrix2d::Identity();
  EXPECT_THROW((void)netdyn::rate_jacobian(net, Eigen::Vector3d::Zero(), Eigen::Vector2d::Zero()),
               std::invalid_argument);
}

}  // namespace
