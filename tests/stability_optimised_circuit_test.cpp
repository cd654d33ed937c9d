#include "netdyn/models/stability_optimised_circuit.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>
#include <cmath>

#include "netdyn/amplification/covariance.hpp"
#include "netdyn/amplification/smoothed_spectral_abscissa.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

double abscissa(const Eigen::MatrixXd& w) {
  return Eigen::EigenSolver<Eigen::MatrixXd>(w, false).eigenvalues().real().maxCoeff();
}

void expect_dale(const Eigen::MatrixXd& w, Eigen::Index ne) {
  EXPECT_GE(w.leftCols(ne).minCoeff(), 0.0);
  EXPECT_LE(w.rightCols(w.cols() - ne).maxCoeff(), 0.0);
}

// The published initial network: two weight values, no self-loops, density p, bulk radius R.
TEST(SocInitialNetwork, PublishedParameters) {
  netdyn::SocNetworkOptions o;
  const Eigen::MatrixXd w = netdyn::soc_initial_network(o);
  ASSERT_EQ(w.rows(), 200);
  const double w0 = std::sqrt(2.0) * 10.0 / std::sqrt(0.1 * 0.9 * 10.0);  // ports' formula
  const double e = w0 / std::sqrt(200.0);
  Eigen::Index connected = 0;
  for (Eigen::Index j = 0; j < 200; ++j) {
    EXPECT_EQ(w(j, j), 0.0);
    for (Eigen::Index i = 0; i < 200; ++i) {
      if (w(i, j) == 0.0) continue;
      ++connected;
      EXPECT_NEAR(w(i, j), j < 100 ? e : -3.0 * e, 1e-14) << i << "," << j;
    }
  }
  // Binomial(39800, 0.1): mean 3980, sd 60.
  EXPECT_NEAR(static_cast<double>(connected), 3980.0, 300.0);
  // Circular law: the bulk of the spectrum within ~R (the mean's outlier is negative here).
  const Eigen::VectorXcd values = Eigen::EigenSolver<Eigen::MatrixXd>(w, false).eigenvalues();
  Eigen::Index inside = 0;
  for (Eigen::Index k = 0; k < values.size(); ++k) inside += std::abs(values(k)) < 1.1 * 10.0;
  EXPECT_GE(inside, 195);
  EXPECT_GT(abscissa(w), 5.0);  // strongly unstable: the point of the optimisation
  EXPECT_EQ(netdyn::soc_initial_network(o), w);
  o.seed = 2;
  EXPECT_NE(netdyn::soc_initial_network(o), w);
}

netdyn::SocNetworkOptions small_network() {
  netdyn::SocNetworkOptions o;
  o.n = 40;
  o.radius = 3.0;
  o.density = 0.3;
  o.seed = 5;
  return o;
}

// The published algorithm on a small network: the target is reached, Dale's law and the zero
// diagonal hold, excitatory weights are untouched, and the trace records each step.
TEST(OptimiseStability, ReachesTargetWithDale) {
  const Eigen::MatrixXd w0 = netdyn::soc_initial_network(small_network());
  ASSERT_GT(abscissa(w0), 0.5);
  const netdyn::SocResult r = netdyn::optimise_stability(w0);
  ASSERT_TRUE(r.converged) << r.stop_reason;
  EXPECT_EQ(r.stop_reason, "target");
  EXPECT_LT(abscissa(r.w), 0.15);
  expect_dale(r.w, 20);
  EXPECT_EQ(r.w.diagonal().cwiseAbs().maxCoeff(), 0.0);
  EXPECT_EQ(r.w.leftCols(20), w0.leftCols(20));
  ASSERT_EQ(static_cast<int>(r.trace.size()), r.steps + 1);
  EXPECT_NEAR(r.trace.front().spectral_abscissa, abscissa(w0), 1e-10);
  EXPECT_NEAR(r.trace.back().spectral_abscissa, abscissa(r.w), 1e-10);
  for (const auto& line : r.trace) {
    EXPECT_DOUBLE_EQ(line.shift,
                     std::max(1.5 * line.spectral_abscissa, line.spectral_abscissa + 0.2));
    EXPECT_GT(line.epsilon, 0.0);
  }
  // The shift is the SSA for the recorded eps (the paper's normalisation).
  const auto& last = r.trace.back();
  EXPECT_NEAR(netdyn::smoothed_spectral_abscissa(r.w, last.epsilon).value,
              last.shift,
              1e-10 * std::max(1.0, std::abs(last.shift)));
}

// The paper's point: the SOC amplifies more than the initial network scaled to the same
// spectral abscissa (total variance and the top mode's evoked energy).
TEST(OptimiseStability, AmplifiesMoreThanScaledInitialNetwork) {
  const Eigen::MatrixXd w0 = netdyn::soc_initial_network(small_network());
  const netdyn::SocResult r = netdyn::optimise_stability(w0);
  ASSERT_TRUE(r.converged);
  const double alpha = abscissa(r.w);
  const Eigen::MatrixXd scaled = w0 * (alpha / abscissa(w0));
  EXPECT_NEAR(abscissa(scaled), alpha, 1e-10);
  const double v_soc = netdyn::stationary_covariance(r.w).total_variance;
  const double v_scaled = netdyn::stationary_covariance(scaled).total_variance;
  EXPECT_GT(v_soc, v_scaled);
  const double e_soc = netdyn::most_amplified_initial_conditions(r.w).energies(0);
  const double e_scaled = netdyn::most_amplified_initial_conditions(scaled).energies(0);
  EXPECT_GT(e_soc, 2.0 * e_scaled);
}

// One step with a small rate moves alpha_eps (at the step's eps) down by about rate ||grad_I||^2
// (first order), which is what a gradient step should do.
TEST(OptimiseStability, OneStepDescendsTheSmoothedAbscissa) {
  const Eigen::MatrixXd w0 = netdyn::soc_initial_network(small_network());
  netdyn::SocOptions o;
  o.max_steps = 1;
  o.learning_rate = 1e-3;
  o.zero_diagonal = false;
  const netdyn::SocResult r = netdyn::optimise_stability(w0, o);
  ASSERT_EQ(r.steps, 1);
  const double eps = r.trace.front().epsilon;
  netdyn::SmoothedSpectralAbscissaOptions g;
  g.gradient = true;
  const auto before = netdyn::smoothed_spectral_abscissa(w0, eps, g);
  EXPECT_NEAR(before.value, r.trace.front().shift, 1e-10 * before.value);
  const auto after = netdyn::smoothed_spectral_abscissa(r.w, eps);
  // Clipping only removes positive parts of the update, so the predicted decrease is over the
  // entries that moved.
  const Eigen::MatrixXd moved = r.w.rightCols(20) - w0.rightCols(20);
  const double predicted = (before.gradient.rightCols(20).cwiseProduct(moved)).sum();
  EXPECT_LT(predicted, 0.0);
  EXPECT_NEAR(after.value - before.value, predicted, 0.05 * std::abs(predicted));
}

TEST(OptimiseStability, ConstraintsHold) {
  const netdyn::SocNetworkOptions n = small_network();
  const Eigen::MatrixXd w0 = netdyn::soc_initial_network(n);
  netdyn::SocOptions o;
  o.max_steps = 30;
  o.mask = netdyn::SocInhibitoryMask::kFixed;
  netdyn::SocResult r = netdyn::optimise_stability(w0, o);
  EXPECT_TRUE(((r.w.rightCols(20).array() != 0.0) <= (w0.rightCols(20).array() != 0.0)).all());
  expect_dale(r.w, 20);

  o.mask = netdyn::SocInhibitoryMask::kDensityCap;
  o.density_cap = 0.4;
  r = netdyn::optimise_stability(w0, o);
  EXPECT_LE((r.w.rightCols(20).array() != 0.0).count(), 320);  // 0.4 * 40 * 20
  expect_dale(r.w, 20);

  o.mask = netdyn::SocInhibitoryMask::kFree;
  o.renormalisation = netdyn::SocRenormalisation::kEIRatio;
  o.zero_diagonal = false;  // the ratio holds exactly only before the diagonal is cleared
  r = netdyn::optimise_stability(w0, o);
  EXPECT_NEAR(r.w.block(0, 20, 20, 20).mean(), -3.0 * r.w.block(0, 0, 20, 20).mean(), 1e-12);
  EXPECT_NEAR(r.w.block(20, 20, 20, 20).mean(), -3.0 * r.w.block(20, 0, 20, 20).mean(), 1e-12);

  o.renormalisation = netdyn::SocRenormalisation::kRowSum;
  r = netdyn::optimise_stability(w0, o);
  EXPECT_LT((r.w.rowwise().sum() - w0.rowwise().sum()).cwiseAbs().maxCoeff(), 1e-12);
}

// The exact-SSA shift: each step's shift is alpha_eps(W) for the fixed eps.
TEST(OptimiseStability, SmoothedAbscissaShift) {
  const Eigen::MatrixXd w0 = netdyn::soc_initial_network(small_network());
  netdyn::SocOptions o;
  o.shift = netdyn::SocShift::kSmoothedAbscissa;
  o.epsilon = 0.05;
  o.max_steps = 5;
  const netdyn::SocResult r = netdyn::optimise_stability(w0, o);
  ASSERT_EQ(r.steps, 5);
  for (const auto& line : r.trace) EXPECT_NEAR(line.epsilon, 0.05, 1e-12);
  EXPECT_LT(r.trace.back().shift, r.trace.front().shift);
}

TEST(OptimiseStability, BadInputIsNamed) {
  Eigen::MatrixXd w = netdyn::soc_initial_network(small_network());
  w(3, 30) = 0.5;
  EXPECT_THAT([&] { (void)netdyn::optimise_stability(w); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("W(3,30) = 0.5")));
  netdyn::SocOptions o;
  o.excitatory = 40;
  EXPECT_THAT(
      [&] { (void)netdyn::optimise_stability(netdyn::soc_initial_network(small_network()), o); },
      ThrowsMessage<std::invalid_argument>(HasSubstr("no inhibitory columns")));
  o.excitatory = -1;
  o.learning_rate = -1.0;
  EXPECT_THAT(
      [&] { (void)netdyn::optimise_stability(netdyn::soc_initial_network(small_network()), o); },
      ThrowsMessage<std::invalid_argument>(HasSubstr("learning_rate")));
  netdyn::SocNetworkOptions n;
  n.density = 1.5;
  EXPECT_THAT([&] { (void)netdyn::soc_initial_network(n); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("density")));
  EXPECT_THROW((void)netdyn::parse_soc_mask("dense"), std::invalid_argument);
  EXPECT_EQ(
      netdyn::parse_soc_renormalisation(netdyn::to_string(netdyn::SocRenormalisation::kRowSum)),
      netdyn::SocRenormalisation::kRowSum);
}

}  // namespace
