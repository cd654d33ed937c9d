#include "netdyn/amplification/transient_envelope.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <random>
#include <sstream>
#include <string>
#include <unsupported/Eigen/MatrixFunctions>

#include "netdyn/core/error.hpp"
#include "netdyn/models/generators.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

using netdyn::testing::jordan_like;

// A = [[-1, w], [0, -1]]: ||e^{tA}||_2 = e^{-t}(w t + sqrt(w^2 t^2 + 4))/2 (house style 8.9).
TEST(TransientEnvelope, JordanBlockMatchesClosedFormOnGrid) {
  for (const double w : {0.5, 4.0, 10.0}) {
    netdyn::TransientEnvelopeOptions options;
    options.t_max = 5.0;
    options.points = 41;
    const netdyn::TransientEnvelope env = netdyn::transient_envelope(jordan_like(w), options);
    ASSERT_EQ(env.times.size(), 41);
    for (Eigen::Index k = 0; k < env.times.size(); ++k) {
      const double t = env.times(k);
      const double exact = std::exp(-t) * (w * t + std::sqrt(w * w * t * t + 4.0)) / 2.0;
      EXPECT_NEAR(env.norms(k), exact, 1e-13 * exact) << "w = " << w << ", t = " << t;
    }
  }
}

// science.md T2a, T2b (Jordan-like w = 10, 4) and T2c (MM09): maximum and its time, 1e-9.
TEST(TransientEnvelope, MaximumMatchesReferenceValues) {
  struct Case {
    Eigen::MatrixXd w;
    double gain;
    double time;
  };
  const Case cases[] = {{jordan_like(10.0), 3.715955228, 0.979795897},
                        {jordan_like(4.0), 1.569775308, 0.866025404},
                        {netdyn::testing::balanced_ei(30.0 / 7.0, 1.1), 2.793279595, 0.801745652}};
  for (const Case& c : cases) {
    const netdyn::TransientEnvelope env = netdyn::transient_envelope(c.w);  // automatic horizon
    EXPECT_NEAR(env.max_gain, c.gain, 1e-9 * c.gain);
    // The reference times come from bounded scalar minimisation, which cannot locate a smooth
    // maximum better than about sqrt(eps) ~ 1.5e-8: for MM09 the derivative root is
    // 0.80174563915 (sign bisection of a central difference), 1.3e-8 below the table's value.
    EXPECT_NEAR(env.max_time, c.time, 3e-8);
  }
  // Closed form t* = sqrt(1 - 4/w^2) for the Jordan-like family, to the refinement tolerance.
  const netdyn::TransientEnvelope j = netdyn::transient_envelope(jordan_like(10.0));
  EXPECT_NEAR(j.max_time, std::sqrt(1.0 - 4.0 / 100.0), 1e-8);
  const double t = j.max_time;
  EXPECT_NEAR(j.max_gain, std::exp(-t) * (10.0 * t + std::sqrt(100.0 * t * t + 4.0)) / 2.0, 1e-14);
  // The refined time is accurate to options.time_tolerance (default 1e-8); ask for 1e-10 to
  // check the derivative root to 1e-9.
  netdyn::TransientEnvelopeOptions fine;
  fine.time_tolerance = 1e-10;
  const netdyn::TransientEnvelope m =
      netdyn::transient_envelope(netdyn::testing::balanced_ei(30.0 / 7.0, 1.1), fine);
  EXPECT_NEAR(m.max_time, 0.80174563915, 1e-9);
}

// Time scales with tau; the gain does not (science.md 2.1).
TEST(TransientEnvelope, TauScalesTimeOnly) {
  netdyn::TransientEnvelopeOptions options;
  options.tau = 2.5;
  const netdyn::TransientEnvelope env = netdyn::transient_envelope(jordan_like(10.0), options);
  EXPECT_NEAR(env.max_gain, 3.715955228, 1e-8);
  EXPECT_NEAR(env.max_time, 2.5 * 0.979795897, 1e-8);
  EXPECT_NEAR(env.numerical_abscissa, 4.0 / 2.5, 1e-14);
}

// Normal W: ||e^{tA}|| = e^{t alpha(A)}, maximum exactly 1 at t = 0.
TEST(TransientEnvelope, NormalNetworkHasMaximumOne) {
  const Eigen::MatrixXd w = 0.45 * netdyn::testing::symmetric(80, 5);
  const netdyn::TransientEnvelope env = netdyn::transient_envelope(w);
  EXPECT_EQ(env.max_gain, 1.0);
  EXPECT_EQ(env.max_time, 0.0);
  const double alpha =
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(w).eigenvalues().maxCoeff() - 1.0;
  for (Eigen::Index k = 0; k < env.times.size(); ++k) {
    EXPECT_NEAR(env.norms(k), std::exp(alpha * env.times(k)), 1e-12);
  }
}

// A random nonnormal network against a dense expm + SVD at the grid points.
TEST(TransientEnvelope, RandomNetworkMatchesDenseExpm) {
  const Eigen::Index n = 60;
  const Eigen::MatrixXd w = netdyn::testing::gaussian(n, 0.95, 77);
  netdyn::TransientEnvelopeOptions options;
  options.t_max = 8.0;
  options.points = 9;
  const netdyn::TransientEnvelope env = netdyn::transient_envelope(w, options);
  const Eigen::MatrixXd a = w - Eigen::MatrixXd::Identity(n, n);
  for (Eigen::Index k = 0; k < env.times.size(); ++k) {
    const Eigen::MatrixXd e = (env.times(k) * a).exp();
    const double exact = Eigen::JacobiSVD<Eigen::MatrixXd>(e).singularValues()(0);
    EXPECT_NEAR(env.norms(k), exact, 1e-11 * exact) << "t = " << env.times(k);
  }
  // The refined maximum is a stationary point at least as high as every grid value.
  EXPECT_GE(env.max_gain, env.norms.maxCoeff());
  const Eigen::MatrixXd e = (env.max_time * a).exp();
  EXPECT_NEAR(env.max_gain, Eigen::JacobiSVD<Eigen::MatrixXd>(e).singularValues()(0), 1e-11);
}

// n >= 100 takes the threaded grid (one thread forms e^{2m dt A}, the others evaluate the points,
// odd ones as e^{dt A} e^{2m dt A} unformed) when more than one thread is available; with one it
// is the serial loop. Either way every grid value must match a dense expm + SVD. Both an odd and
// an even point count (the last matrix read once or twice). Tolerance: Ritz residual 1e-9 bounds
// the value's error by 1e-9 relative, and by ~residual^2 / gap (< 1e-12) unless the top singular
// values cluster, which they do not for this matrix (measured errors <= 1e-14 relative).
TEST(TransientEnvelope, ThreadedGridMatchesDenseExpm) {
  const Eigen::Index n = 120;
  const Eigen::MatrixXd w = netdyn::testing::gaussian(n, 0.9, 31);
  const Eigen::MatrixXd a = w - Eigen::MatrixXd::Identity(n, n);
  for (const Eigen::Index points : {17, 24}) {
    netdyn::TransientEnvelopeOptions options;
    options.t_max = 6.0;
    options.points = points;
    const netdyn::TransientEnvelope env = netdyn::transient_envelope(w, options);
    ASSERT_EQ(env.norms.size(), points);
    for (Eigen::Index k = 0; k < points; ++k) {
      const Eigen::MatrixXd e = (env.times(k) * a).exp();
      const double exact = Eigen::BDCSVD<Eigen::MatrixXd>(e).singularValues()(0);
      EXPECT_NEAR(env.norms(k), exact, 1e-11 * exact) << "points = " << points << ", k = " << k;
    }
  }
}

// Dense reference for the maximisation: ||e^{tA}||_2 by Eigen's expm and SVD on a uniform grid
// of `samples` points over [0, t_end], then golden section on the two grid intervals around the
// best sample (the envelope is smooth, so on a grid this fine the peak is unimodal there).
struct DenseMaximum {
  double gain = 1.0;
  double time = 0.0;
};
double dense_norm(const Eigen::MatrixXd& a, double t) {
  const Eigen::MatrixXd e = (t * a).exp();
  return Eigen::JacobiSVD<Eigen::MatrixXd>(e).singularValues()(0);
}
// Golden section for the maximum on [lo, hi] (unimodal there), to 1e-12 relative in time.
DenseMaximum dense_maximum_on(const Eigen::MatrixXd& a, double lo, double hi) {
  const double t_end = hi;
  const double g = 0.5 * (std::sqrt(5.0) - 1.0);
  double c = hi - g * (hi - lo);
  double d = lo + g * (hi - lo);
  double fc = dense_norm(a, c);
  double fd = dense_norm(a, d);
  while (hi - lo > 1e-12 * std::max(1.0, t_end)) {
    if (fc > fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - g * (hi - lo);
      fc = dense_norm(a, c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + g * (hi - lo);
      fd = dense_norm(a, d);
    }
  }
  const double tm = 0.5 * (lo + hi);
  return {dense_norm(a, tm), tm};
}
DenseMaximum dense_envelope_maximum(const Eigen::MatrixXd& a, double t_end, int samples) {
  const double dt = t_end / (samples - 1);
  DenseMaximum best{dense_norm(a, 0.0), 0.0};
  for (int k = 1; k < samples; ++k) {
    const double t = dt * k;
    const double v = dense_norm(a, t);
    if (v > best.gain) best = {v, t};
  }
  const DenseMaximum local =
      dense_maximum_on(a, std::max(0.0, best.time - dt), std::min(t_end, best.time + dt));
  if (local.gain > best.gain) best = local;
  return best;
}

// What every maximum must satisfy: a time in [0, t_end] at which the envelope is the reported
// gain, and a gain no lower than the dense maximum. Tolerance 1e-9 relative: grid norms come
// from Lanczos with Ritz residual 1e-9 (an error of at most 1e-9 relative, see
// ThreadedGridMatchesDenseExpm), the refined ones with 1e-14; Eigen's expm and the SVD are
// backward stable, their error for these 2x2 and 3x3 matrices is ~1e-15 relative.
void expect_maximum_matches_dense(const netdyn::TransientEnvelope& env,
                                  const Eigen::MatrixXd& a,
                                  int samples,
                                  const std::string& what) {
  const double t_end = env.times(env.times.size() - 1);
  ASSERT_TRUE(std::isfinite(env.max_time)) << what;
  EXPECT_GE(env.max_time, 0.0) << what;
  EXPECT_LE(env.max_time, t_end) << what;
  EXPECT_GE(env.max_gain, 1.0 - 1e-12) << what;
  const DenseMaximum dense = dense_envelope_maximum(a, t_end, samples);
  EXPECT_GE(env.max_gain, dense.gain * (1.0 - 1e-9))
      << what << ": dense maximum " << dense.gain << " at t = " << dense.time << ", reported "
      << env.max_gain << " at t = " << env.max_time;
  const double at_time = dense_norm(a, env.max_time);
  EXPECT_NEAR(env.max_gain, at_time, 1e-9 * at_time)
      << what << ": reported " << env.max_gain << " at t = " << env.max_time;
  // Issue 17: the certified interval contains the dense maximum and is 1e-8 wide.
  EXPECT_TRUE(env.gain_tolerance_met) << what;
  EXPECT_GE(env.max_gain_upper_bound, dense.gain * (1.0 - 1e-12)) << what;
  EXPECT_LE(env.max_gain_upper_bound - env.max_gain, 1e-8 * env.max_gain) << what;
}

// Issue 22: when the grid's largest value is at t = 0 (a peak narrower than the grid step), the
// maximum was bracketed with the element before the grid: a heap read out of bounds and
// arbitrary results ("gain 300 at time 297", a time of 4.9e-322, "gain 1 at t = -21.01").
TEST(TransientEnvelope, MaximumBetweenTheFirstGridPoints) {
  const Eigen::MatrixXd mm09 = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  const Eigen::MatrixXd a_mm09 = mm09 - Eigen::MatrixXd::Identity(2, 2);
  netdyn::TransientEnvelopeOptions o300;
  o300.t_max = 300.0;  // grid step 3, the peak at t = 0.80
  const netdyn::TransientEnvelope e300 = netdyn::transient_envelope(mm09, o300);
  EXPECT_NEAR(e300.max_gain, 2.793279595, 1e-9);
  EXPECT_NEAR(e300.max_time, 0.80174563915, 3e-8);
  expect_maximum_matches_dense(e300, a_mm09, 20001, "MM09, t_max = 300");

  netdyn::TransientEnvelopeOptions o8;
  o8.t_max = 8.0;
  o8.points = 3;
  const netdyn::TransientEnvelope e8 = netdyn::transient_envelope(mm09, o8);
  EXPECT_NEAR(e8.max_gain, 2.793279595, 1e-9);
  EXPECT_NEAR(e8.max_time, 0.80174563915, 3e-8);
  expect_maximum_matches_dense(e8, a_mm09, 2001, "MM09, t_max = 8, 3 points");

  // Nearly normal: omega(A) = 5e-3, peak 1.000005 at t = 9.4e-4; check's 41 points.
  Eigen::MatrixXd w(2, 2);
  w << -21.53, 52.3077, 0.0, -29.34;
  netdyn::TransientEnvelopeOptions o41;
  o41.points = 41;
  const netdyn::TransientEnvelope e41 = netdyn::transient_envelope(w, o41);
  EXPECT_GT(e41.max_gain, 1.0);
  EXPECT_NEAR(e41.max_gain, 1.000005, 1e-6);
  EXPECT_GT(e41.max_time, 0.0);
  EXPECT_NEAR(e41.max_time, 9.4e-4, 1e-4);
  const Eigen::MatrixXd a = w - Eigen::MatrixXd::Identity(2, 2);
  // The peak is ~1e-3 wide on a horizon of ~0.3: 20001 samples put ~60 on it.
  expect_maximum_matches_dense(e41, a, 20001, "nearly normal triangular W");
}

// Issue 22 acceptance: a seeded random search over stable 2x2 and 3x3 W (Gaussian entries of
// random scale, shifted to a random stability margin; some upper triangular, as above) finds no
// transient gain below the dense maximum and no time outside [0, t_end], with the automatic
// horizon and explicit ones, on coarse and default grids.
TEST(TransientEnvelope, RandomSmallNetworksMatchDenseMaximum) {
  std::mt19937_64 rng(2022);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::normal_distribution<double> normal;  // results need not be portable: only the checks are
  const Eigen::Index point_choices[] = {2, 3, 5, 11, 41, 101};
  for (int trial = 0; trial < 120; ++trial) {
    const Eigen::Index n = trial % 2 == 0 ? 2 : 3;
    const double scale = std::pow(10.0, -0.5 + 2.0 * unit(rng));  // 0.3 .. 30
    Eigen::MatrixXd w(n, n);
    for (Eigen::Index k = 0; k < w.size(); ++k) w.data()[k] = scale * normal(rng);
    if (trial % 3 == 0) w.triangularView<Eigen::StrictlyLower>().setZero();
    const double margin = std::pow(10.0, -2.0 + 2.0 * unit(rng));  // 0.01 .. 1
    const double alpha = w.eigenvalues().real().maxCoeff();
    if (alpha > 1.0 - margin) w.diagonal().array() -= alpha - 1.0 + margin;
    netdyn::TransientEnvelopeOptions options;
    options.points = point_choices[trial % 6];
    if (trial % 4 >= 2) options.t_max = std::pow(10.0, -1.0 + 2.0 * unit(rng)) / margin;
    const netdyn::TransientEnvelope env = netdyn::transient_envelope(w, options);
    const Eigen::MatrixXd a = w - Eigen::MatrixXd::Identity(n, n);
    std::ostringstream what;
    what << "trial " << trial << ", points " << options.points << ", t_max " << options.t_max
         << ", W =\n"
         << w;
    expect_maximum_matches_dense(env, a, 2001, what.str());
  }
}

TEST(TransientEnvelope, RejectsBadInput) {
  Eigen::Matrix2d w;
  w << 1.5, 0.0, 0.0, 0.2;
  EXPECT_THAT([&] { (void)netdyn::transient_envelope(w); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("W is unstable: eigenvalue (1.5,0)")));
  netdyn::TransientEnvelopeOptions options;
  options.points = 1;
  EXPECT_THAT([&] { (void)netdyn::transient_envelope(Eigen::Matrix2d::Zero(), options); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("options.points = 1")));
  // An explicit horizon accepts unstable W.
  options.points = 3;
  options.t_max = 1.0;
  EXPECT_NEAR(netdyn::transient_envelope(w, options).norms(2), std::exp(0.5), 1e-13);
}

// Dense brute force on `samples` uniform points: E_{k+1} = E_k e^{dt A} (each step one small
// product, rounding ~1e-15 per step, so <= 1e-10 over 1e5 steps), the norm as the root of the
// top eigenvalue of E^T E (symmetric QR: error ~n eps relative; 1e5 samples of the two 12 x 12
// below take 0.9 s this way and 6.6 s by JacobiSVD), then golden
// section with a fresh expm around the best point (dense_maximum's refinement).
DenseMaximum brute_force_maximum(const Eigen::MatrixXd& a, double t_end, int samples) {
  const double dt = t_end / (samples - 1);
  const Eigen::MatrixXd step = (dt * a).exp();
  Eigen::MatrixXd e = Eigen::MatrixXd::Identity(a.rows(), a.cols());
  DenseMaximum best{1.0, 0.0};
  for (int k = 1; k < samples; ++k) {
    e = e * step;
    const Eigen::MatrixXd gram = e.transpose() * e;
    const double v =
        std::sqrt(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(gram, Eigen::EigenvaluesOnly)
                      .eigenvalues()
                      .maxCoeff());
    if (v > best.gain) best = {v, dt * k};
  }
  // Refine around the best sample with dense_maximum on a 3-point window.
  const double lo = std::max(0.0, best.time - dt);
  const DenseMaximum local = dense_maximum_on(a, lo, std::min(t_end, best.time + dt));
  return local.gain > best.gain ? local : best;
}

// Issue 17: the envelope's default grid brackets a local maximum of this oscillatory matrix and a
// grid search reports a value below the true maximum; the certified search returns the 1e5-point
// brute-force maximum to 1e-8, with an upper bound never below it.
TEST(TransientEnvelope, CertifiedGainFindsTheGlobalMaximumOfAnOscillatoryMatrix) {
  const Eigen::MatrixXd a = netdyn::testing::oscillatory_7x7();
  const Eigen::MatrixXd w = a + Eigen::MatrixXd::Identity(7, 7);
  netdyn::TransientEnvelopeOptions coarse;
  coarse.points = 41;
  coarse.refine_maximum = false;
  const netdyn::TransientEnvelope grid = netdyn::transient_envelope(w, coarse);
  const netdyn::TransientEnvelope env = netdyn::transient_envelope(w);
  const double t_end = env.times(env.times.size() - 1);
  const DenseMaximum brute = brute_force_maximum(a, t_end, 100000);
  EXPECT_LT(grid.max_gain, brute.gain * (1.0 - 1e-3)) << "the coarse grid should miss the peak";
  EXPECT_NEAR(env.max_gain, brute.gain, 1e-8 * brute.gain)
      << "brute force " << brute.gain << " at t = " << brute.time << ", certified " << env.max_gain
      << " at t = " << env.max_time;
  EXPECT_GE(env.max_gain_upper_bound, brute.gain * (1.0 - 1e-12));
  EXPECT_TRUE(env.gain_tolerance_met);
  EXPECT_LE(env.max_gain_upper_bound - env.max_gain, 1e-8 * env.max_gain);
}

// Issue 17 acceptance on a random and an E-I network (n = 12; the oscillatory case is above):
// the certified gain equals the 1e5-point brute-force maximum to 1e-8, the upper bound is never
// below it, and the interval is at most 1e-8 wide. The random network has radius 3 and the E-I
// one is balanced (column means +-1, sd 0.2: a hidden feedforward mode); both are shifted to
// spectral abscissa 0.9 if their draw is less stable, which leaves them amplifying. Larger n
// (to 300) against a NumPy brute force: bench/verify_gain.py.
TEST(TransientEnvelope, CertifiedGainMatchesBruteForceOnRandomAndEINetworks) {
  const Eigen::Index n = 12;
  netdyn::DaleOptions dale;
  dale.n = n;
  dale.excitatory_fraction = 0.5;
  dale.mean_e = 1.0;
  dale.sd_e = 0.2;
  dale.mean_i = -1.0;
  dale.sd_i = 0.2;
  dale.seed = 12;
  const Eigen::MatrixXd networks[] = {netdyn::testing::gaussian(n, 3.0, 1712),
                                      netdyn::dale_connectivity(dale)};
  const char* names[] = {"random", "E-I"};
  for (int k = 0; k < 2; ++k) {
    Eigen::MatrixXd w = networks[k];
    const double alpha = w.eigenvalues().real().maxCoeff();
    if (alpha > 0.9) w.diagonal().array() -= alpha - 0.9;
    const Eigen::MatrixXd a = w - Eigen::MatrixXd::Identity(n, n);
    const netdyn::TransientEnvelope env = netdyn::transient_envelope(w);
    const double t_end = env.times(env.times.size() - 1);
    const DenseMaximum brute = brute_force_maximum(a, t_end, 100000);
    EXPECT_GT(brute.gain, 1.5) << names[k] << ": should amplify transiently";
    EXPECT_NEAR(env.max_gain, brute.gain, 1e-8 * brute.gain)
        << names[k] << ": brute force " << brute.gain << " at t = " << brute.time << ", certified "
        << env.max_gain << " at t = " << env.max_time;
    EXPECT_GE(env.max_gain_upper_bound, brute.gain * (1.0 - 1e-12)) << names[k];
    EXPECT_TRUE(env.gain_tolerance_met) << names[k];
    EXPECT_LE(env.max_gain_upper_bound - env.max_gain, 1e-8 * env.max_gain) << names[k];
  }
}

// The interval is at most 1e-8 wide at n = 300 (issue 17's range) on oscillatory networks,
// whose first node below 1 (the cut) lies far beyond the maximum: with one rounding allowance
// at the cut for every interval it was wider for some of them (1.26e-8 for bench/verify_gain.py's
// n = 300 case). The value itself against brute force: bench/verify_gain.py (n = 300, 1e5 points).
TEST(TransientEnvelope, CertifiedIntervalIsNarrowForOscillatoryNetworksAtN300) {
  for (const std::uint64_t seed : {3u, 4u}) {
    const Eigen::MatrixXd w = netdyn::testing::oscillatory_network(300, seed);
    netdyn::TransientEnvelopeOptions options;
    options.points = 2;  // as `netdyn check`
    const netdyn::TransientEnvelope env = netdyn::transient_envelope(w, options);
    EXPECT_GT(env.max_gain, 1.5) << "seed " << seed;
    EXPECT_TRUE(env.gain_tolerance_met) << "seed " << seed;
    EXPECT_LE(env.max_gain_upper_bound - env.max_gain, 1e-8 * env.max_gain)
        << "seed " << seed << ": [" << env.max_gain << ", " << env.max_gain_upper_bound << "]";
  }
}

// The closed form (Jordan-like 2 x 2) lies in the certified interval, which is 1e-8 wide. The
// attained value is a computed norm: exact to the rounding of its chain of ~30 products of
// entries up to w, a few 1e-14 relative at w = 100.
TEST(TransientEnvelope, CertifiedIntervalContainsTheClosedForm) {
  for (const double w : {0.5, 4.0, 10.0, 100.0}) {
    const netdyn::TransientEnvelope env = netdyn::transient_envelope(jordan_like(w));
    const double ts = std::sqrt(std::max(0.0, 1.0 - 4.0 / (w * w)));
    const double exact = std::exp(-ts) * (w * ts + std::sqrt(w * w * ts * ts + 4.0)) / 2.0;
    EXPECT_LE(env.max_gain, exact * (1.0 + 1e-13)) << "w = " << w;
    EXPECT_GE(env.max_gain_upper_bound, exact * (1.0 - 1e-14)) << "w = " << w;
    EXPECT_TRUE(env.gain_tolerance_met) << "w = " << w;
    EXPECT_LE(env.max_gain_upper_bound - env.max_gain, 1e-8 * env.max_gain) << "w = " << w;
  }
}

}  // namespace

// Issue 22: tau only rescales time, up to where A = (W - I)/tau underflows (eps max|W - I| /
// DBL_MIN); the norm estimate no longer squares tau (it overflowed above 1e154). t_max is
// limited where t_max A overflows.
TEST(TransientEnvelope, LargeTauRescalesTimeAndTheLimitsAreNamed) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  const netdyn::TransientEnvelope unit = netdyn::transient_envelope(w);
  netdyn::TransientEnvelopeOptions o;
  o.tau = 1e200;
  const netdyn::TransientEnvelope slow = netdyn::transient_envelope(w, o);
  EXPECT_NEAR(slow.max_gain, unit.max_gain, 1e-9 * unit.max_gain);
  EXPECT_NEAR(slow.max_time / 1e200, unit.max_time, 1e-6 * unit.max_time);
  const auto parameter_of = [&w](const netdyn::TransientEnvelopeOptions& bad) -> std::string {
    try {
      (void)netdyn::transient_envelope(w, bad);
    } catch (const netdyn::ParameterRangeError& e) {
      return e.parameter();
    }
    return "accepted";
  };
  o.tau = 1e308;
  EXPECT_EQ(parameter_of(o), "tau");
  o.tau = 1.0;
  o.t_max = 1e308;
  EXPECT_EQ(parameter_of(o), "t_max");
}
