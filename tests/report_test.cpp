#include "netdyn/report/report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <Eigen/LU>  // Matrix2d::inverse
#include <Eigen/QR>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "netdyn/io/io.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

// MM09 balanced network (science.md 1.1, T2c): eigenvalues {0, -3/7}, departure 9.
TEST(AnalyseNetwork, BalancedNetworkReferenceValues) {
  const netdyn::NetworkReport r = netdyn::analyse_network(
      netdyn::read_connectivity(std::string(NETDYN_DATA_DIR) + "/mm09_balanced.npy"));
  EXPECT_EQ(r.n, 2);
  EXPECT_TRUE(r.stable);
  EXPECT_NEAR(r.eigenvalues(0).real(), 0.0, 1e-13);
  EXPECT_NEAR(r.eigenvalues(1).real(), -3.0 / 7.0, 1e-13);
  EXPECT_NEAR(r.spectral_radius, 3.0 / 7.0, 1e-13);
  EXPECT_NEAR(r.growth_rate, -1.0, 1e-13);
  ASSERT_TRUE(r.slowest_timescale.has_value());
  EXPECT_NEAR(*r.slowest_timescale, 1.0, 1e-13);
  EXPECT_NEAR(r.henrici_departure, 9.0, 1e-12);
  EXPECT_NEAR(r.henrici_relative, 9.0 / std::sqrt(2 * (900.0 + 1089.0) / 49.0), 1e-12);
  EXPECT_NEAR(r.eigenvector_condition, 42.023796, 1e-6);
  EXPECT_NEAR(r.numerical_abscissa, 3.290813437, 1e-9);
  ASSERT_TRUE(r.steady_state_gain.has_value());
  EXPECT_NEAR(*r.steady_state_gain, 6.416237026, 1e-8);
  // A = W - I: trace = (wE - wI) - 2 = -17/7, determinant = det(W) - tr(W) + 1 = 0 + 3/7 + 1.
  EXPECT_NEAR(*r.jacobian_trace, -17.0 / 7.0, 1e-13);
  EXPECT_NEAR(*r.jacobian_determinant, 10.0 / 7.0, 1e-13);
  EXPECT_EQ(*r.fixed_point_type, netdyn::FixedPointType::kStableNode);
}

// tau rescales rates and times but not the dimensionless figures.
TEST(AnalyseNetwork, TauScalesRatesAndTimes) {
  const Eigen::MatrixXd w = netdyn::testing::balanced_ei(30.0 / 7.0, 1.1);
  netdyn::ReportOptions options;
  options.tau = 20.0;
  const netdyn::NetworkReport r1 = netdyn::analyse_network(w);
  const netdyn::NetworkReport r20 = netdyn::analyse_network(w, options);
  EXPECT_NEAR(r20.growth_rate, r1.growth_rate / 20.0, 1e-15);
  EXPECT_NEAR(*r20.slowest_timescale, *r1.slowest_timescale * 20.0, 1e-12);
  EXPECT_NEAR(r20.numerical_abscissa, r1.numerical_abscissa / 20.0, 1e-14);
  EXPECT_DOUBLE_EQ(*r20.steady_state_gain, *r1.steady_state_gain);
  EXPECT_DOUBLE_EQ(r20.henrici_departure, r1.henrici_departure);
}

// Unstable W: steady-state quantities do not exist and stay empty (JSON null).
TEST(AnalyseNetwork, UnstableNetworkHasNoSteadyState) {
  const netdyn::NetworkReport r = netdyn::analyse_network(
      netdyn::read_connectivity(std::string(NETDYN_DATA_DIR) + "/gaussian_n200_rho1.5.npy"));
  EXPECT_EQ(r.n, 200);
  EXPECT_FALSE(r.stable);
  EXPECT_GT(r.spectral_abscissa, 1.0);
  EXPECT_FALSE(r.slowest_timescale.has_value());
  EXPECT_FALSE(r.steady_state_gain.has_value());
  EXPECT_FALSE(r.transient_gain.has_value());
  EXPECT_FALSE(r.total_variance.has_value());
  EXPECT_FALSE(r.fixed_point_type.has_value());
  // Circular law (science.md 5.1): radius about rho = 1.5; max |lambda| within [1.0, 1.06] rho.
  EXPECT_GT(r.spectral_radius, 1.5 * 0.95);
  EXPECT_LT(r.spectral_radius, 1.5 * 1.06);
}

TEST(AnalyseNetwork, RejectsBadTau) {
  netdyn::ReportOptions options;
  options.tau = 0.0;
  EXPECT_THAT([&] { (void)netdyn::analyse_network(Eigen::MatrixXd::Zero(2, 2), options); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("tau = 0")));
}

// ---------------------------------------------------------------------------------------------
// Numerical guards (issue 9).

bool has_warning(const netdyn::NetworkReport& r, const std::string& code) {
  return std::any_of(r.warnings.begin(), r.warnings.end(), [&](const netdyn::ReportWarning& w) {
    return w.code == code;
  });
}

// s N, N the nilpotent Jordan block of size n (ones on the superdiagonal), optionally rotated by
// a seeded random orthogonal Q (Householder QR of a Gaussian matrix): Q (s N) Q^T.
Eigen::MatrixXd jordan_block(Eigen::Index n, double s, bool rotated) {
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  w.diagonal(1).setConstant(s);
  if (!rotated) return w;
  const Eigen::MatrixXd q =
      Eigen::HouseholderQR<Eigen::MatrixXd>(netdyn::testing::gaussian(n, 1.0, 9)).householderQ();
  return q * w * q.transpose();
}

// exp(t (s N - I)) = e^{-t} sum_k (s t)^k / k! N^k: Toeplitz upper triangular, positive entries
// (no cancellation), independent of any Schur form or Pade/Taylor code in the library.
Eigen::MatrixXd jordan_exponential(Eigen::Index n, double s, double t) {
  Eigen::MatrixXd e = Eigen::MatrixXd::Zero(n, n);
  double term = std::exp(-t);  // e^{-t} (s t)^k / k!
  for (Eigen::Index k = 0; k < n; ++k) {
    e.diagonal(k).setConstant(term);
    term *= s * t / static_cast<double>(k + 1);
  }
  return e;
}

double norm2(const Eigen::MatrixXd& m) {
  return Eigen::JacobiSVD<Eigen::MatrixXd>(m).singularValues()(0);
}

// max_t ||exp(t A)||_2 of the closed form: a grid of step 0.1 on [0, 100] (the envelope of
// these blocks, s <= 1.1, peaks before t = 45 and is below 1e-6 by t = 100), then golden-section
// search on the best bracket down to a width of 1e-9 (the maximum is smooth, so its value is then
// exact to rounding).
double jordan_transient_gain(Eigen::Index n, double s) {
  const auto f = [&](double t) { return norm2(jordan_exponential(n, s, t)); };
  double best_t = 0.0;
  double best = f(0.0);
  for (double t = 0.1; t <= 100.0; t += 0.1) {
    const double v = f(t);
    if (v > best) {
      best = v;
      best_t = t;
    }
  }
  double lo = std::max(0.0, best_t - 0.1);
  double hi = best_t + 0.1;
  const double golden = (std::sqrt(5.0) - 1.0) / 2.0;
  while (hi - lo > 1e-9) {
    const double a = hi - golden * (hi - lo);
    const double b = lo + golden * (hi - lo);
    if (f(a) < f(b)) {
      lo = a;
    } else {
      hi = b;
    }
  }
  return std::max(best, f(0.5 * (lo + hi)));
}

// tr S = 2 int_0^inf ||exp(tA)||_F^2 dt with ||exp(tA)||_F^2 = e^{-2t} sum_k (n - k) (s
// t)^{2k}/k!^2 and int_0^inf e^{-2t} t^{2k} dt = (2k)!/2^{2k+1}: tr S = sum_k (n - k) s^{2k} C(2k,
// k)/4^k.
double jordan_total_variance(Eigen::Index n, double s) {
  double sum = 0.0;
  double c = 1.0;  // s^{2k} C(2k, k) / 4^k
  for (Eigen::Index k = 0; k < n; ++k) {
    sum += static_cast<double>(n - k) * c;
    c *= s * s * static_cast<double>(2 * k + 1) / static_cast<double>(2 * k + 2);
  }
  return sum;
}

struct JordanCase {
  double s;
  bool rotated;
};

class JordanBlock50 : public ::testing::TestWithParam<JordanCase> {};

// A defective W of size 50: the warning fires, and the Schur/singular-value figures match
// closed forms while the eigenvalues are only as good as the warning says.
TEST_P(JordanBlock50, WarnsAndSchurFiguresHold) {
  const Eigen::Index n = 50;
  const auto [s, rotated] = GetParam();
  const Eigen::MatrixXd w = jordan_block(n, s, rotated);
  const netdyn::NetworkReport r = netdyn::analyse_network(w);
  const double eps = std::numeric_limits<double>::epsilon();

  ASSERT_TRUE(has_warning(r, "ill_conditioned_eigenvectors"));
  EXPECT_FALSE(has_warning(r, "near_critical"));
  EXPECT_FALSE(has_warning(r, "lyapunov_residual"));
  EXPECT_GT(r.eigenvector_condition, netdyn::kEigenvectorConditionLimit);
  const std::string& message = r.warnings.front().message;
  EXPECT_THAT(message, HasSubstr("for m = n = 50"));
  // Stable in truth. Where the computed abscissa is within the error estimate of 1 (s = 1.1
  // rotated: 0.53 against 0.535), the Schur-based envelope must settle the verdict instead.
  EXPECT_THAT(message,
              ::testing::AnyOf(HasSubstr("The stability verdict holds"),
                               HasSubstr("the Schur-based transient envelope does")));

  // The eigenvalue error estimate is eps^(1/50) ||W||_2 = 0.486 s (kappa(V) is huge), and the
  // true eigenvalues are all 0. Unrotated, dgeev deflates the triangular W exactly; rotated, the
  // computed eigenvalues scatter on a circle whose radius the estimate must get right to within
  // a factor 2 (it is an order-of-magnitude estimate, not a bound).
  EXPECT_NEAR(r.eigenvalue_error_estimate, std::pow(eps, 1.0 / 50.0) * s, 1e-12);
  const double worst = r.eigenvalues.cwiseAbs().maxCoeff();
  if (rotated) {
    EXPECT_GT(worst, 0.5 * r.eigenvalue_error_estimate);
    EXPECT_LT(worst, 2.0 * r.eigenvalue_error_estimate);
  } else {
    EXPECT_EQ(worst, 0.0);
  }
  EXPECT_TRUE(r.stable);

  // Henrici departure: ||s N||_F = 7 s. Exact for the triangular W; for the rotated one it is
  // the departure of a matrix within rounding of W, and dep^2 = ||W||_F^2 - sum |lambda|^2 moves
  // with the computed eigenvalues: by sum |lambda_i|^2 <= n (estimated error)^2 here.
  if (rotated) {
    const double moved = 50.0 * r.eigenvalue_error_estimate * r.eigenvalue_error_estimate;
    EXPECT_NEAR(r.henrici_departure * r.henrici_departure, 49.0 * s * s, moved);
    EXPECT_THAT(message, HasSubstr("henrici_departure"));
  } else {
    EXPECT_NEAR(r.henrici_departure, 7.0 * s, 1e-13 * 7.0 * s);
  }

  // Numerical abscissa: lambda_max((W + W^T)/2) - 1 = s cos(pi/51) - 1 (eigenvalues of the
  // tridiagonal Toeplitz matrix with s/2 off the diagonal). Weyl: error <= eps-level ||W||.
  EXPECT_NEAR(r.numerical_abscissa, s * std::cos(std::acos(-1.0) / 51.0) - 1.0, 1e-13);

  // Steady-state gain: (I - s N)^{-1} = sum_k s^k N^k exactly; singular values move by at most
  // the backward error (n eps ||W||), so the gain's relative error is below n eps ||W|| G.
  Eigen::MatrixXd inverse = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index k = 0; k < n; ++k) inverse.diagonal(k).setConstant(std::pow(s, k));
  const double gain = norm2(inverse);
  ASSERT_TRUE(r.steady_state_gain.has_value());
  EXPECT_NEAR(*r.steady_state_gain, gain, 50.0 * eps * s * gain * gain);

  // Transient gain against the closed-form exponential. The envelope is that of a matrix within
  // n eps ||W|| of W; ||exp(t(A + E)) - exp(tA)|| <= t ||E|| G^2 (t <= 60 at the peak) is below
  // 1e-9 G here; the library's own Lanczos tolerance and refinement stay below that too.
  const double reference_gain = jordan_transient_gain(n, s);
  ASSERT_TRUE(r.transient_gain.has_value());
  EXPECT_NEAR(*r.transient_gain, reference_gain, 1e-9 * reference_gain);
  EXPECT_NEAR(norm2(jordan_exponential(n, s, *r.transient_gain_time)),
              reference_gain,
              1e-9 * reference_gain);

  // Total variance against the closed form. A perturbation E of A changes S = L^{-1}(2I) by
  // L^{-1}(E S + S E^T), and ||L^{-1}|| <= int ||e^{tA}||^2 dt <= tr S / 2, so the relative
  // error of tr S is at most about sqrt(n) ||E|| tr S with ||E|| = n eps ||W||_2.
  const double tv = jordan_total_variance(n, s);
  ASSERT_TRUE(r.total_variance.has_value());
  EXPECT_NEAR(*r.total_variance, tv, std::sqrt(50.0) * 50.0 * eps * s * tv * tv);
  ASSERT_TRUE(r.lyapunov_residual.has_value());
  EXPECT_LT(*r.lyapunov_residual, 1e-13);
}

INSTANTIATE_TEST_SUITE_P(Guards,
                         JordanBlock50,
                         ::testing::Values(JordanCase{1.0, false},
                                           JordanCase{1.0, true},
                                           JordanCase{1.1, false},
                                           JordanCase{1.1, true}),
                         [](const ::testing::TestParamInfo<JordanCase>& case_info) {
                           return std::string(case_info.param.s == 1.0 ? "s1" : "s1_1") +
                                  (case_info.param.rotated ? "_rotated" : "_triangular");
                         });

// W = L T L^{-1}, T = [[l1, 2], [0, 1/2]], L = [[1, 0], [1, 1]], l1 = 1 - 9008 * 2^-53: every
// entry is exact in binary64, so the stored W has eigenvalues exactly l1 and 1/2 and
// 1 - spectral_abscissa = delta = 9008 * 2^-53 = 1.00009e-12
// (tests/data/guards/near_critical_2x2.csv).
Eigen::MatrixXd near_critical_2x2() {
  const double l1 = 1.0 - 9008.0 * 0x1.0p-53;
  Eigen::MatrixXd w(2, 2);
  w << l1 - 2.0, 2.0, l1 - 2.5, 2.5;
  return w;
}

TEST(AnalyseNetwork, NearCriticalIsFiniteAndFlagged) {
  const Eigen::MatrixXd w = near_critical_2x2();
  const double delta = 9008.0 * 0x1.0p-53;
  const netdyn::NetworkReport r = netdyn::analyse_network(w);
  ASSERT_TRUE(r.stable);
  ASSERT_TRUE(has_warning(r, "near_critical"));
  EXPECT_FALSE(has_warning(r, "ill_conditioned_eigenvectors"));
  EXPECT_FALSE(has_warning(r, "lyapunov_residual"));
  // Every promised number is there and finite.
  for (const auto* v : {&r.slowest_timescale,
                        &r.steady_state_gain,
                        &r.transient_gain,
                        &r.transient_gain_time,
                        &r.total_variance,
                        &r.normal_total_variance,
                        &r.nonnormal_amplification,
                        &r.lyapunov_residual}) {
    ASSERT_TRUE(v->has_value());
    EXPECT_TRUE(std::isfinite(**v));
  }
  EXPECT_TRUE(std::isfinite(r.eigenvector_condition));
  EXPECT_TRUE(r.eigenvalues.allFinite());

  // Slowest time scale 1/delta = 9.9991e11. If the computed abscissa is within b (the estimated
  // eigenvalue error) of l1, then |tau_hat - 1/delta| <= b / ((delta - b) delta).
  const double b = r.eigenvalue_error_estimate;
  ASSERT_LT(b, 0.1 * delta);
  ASSERT_TRUE(r.slowest_timescale.has_value());
  EXPECT_NEAR(*r.slowest_timescale * delta, 1.0, b / (delta - b));

  // Steady-state gain: I - W is exact, det(I - W) = (1 - l1)(1 - 1/2) = delta/2, and for a 2x2
  // matrix G = sigma_max/|det| with sigma_max from ||.||_F and det (no cancellation). Computed
  // singular values move by eps-level sigma_max, i.e. relatively by eps sigma_max G.
  const Eigen::Matrix2d i_minus_w = Eigen::Matrix2d::Identity() - w;
  const double f2 = i_minus_w.squaredNorm();
  const double det = delta / 2.0;
  const double sigma_max = std::sqrt(0.5 * (f2 + std::sqrt(f2 * f2 - 4.0 * det * det)));
  const double gain = sigma_max / det;
  EXPECT_NEAR(*r.steady_state_gain / gain, 1.0, 4.0 * 0x1.0p-52 * sigma_max * gain);

  // Total variance in the eigenbasis, where nothing cancels: A = W - I = V diag(mu) V^{-1} with
  // mu = (-delta, -1/2), V = L [[1, 2], [0, 1/2 - l1]] = [[1, 2], [1, 3/2 + delta]] (exact), so
  // S = V Y V^T with Y_ij = M_ij / -(mu_i + mu_j), M = V^{-1} (2I) V^{-T}, and
  // tr S = sum_ij Y_ij (V^T V)_ij. The dominant term Y_11 (V^T V)_11 ~ 1e13 is a product of
  // positive numbers, so the reference is good to a few eps. The library's value is that of
  // W + E and moves with the eigenvalue: relative b/(delta - b), as for the time scale.
  const double v22 = 1.5 + delta;
  const double det_v = v22 - 2.0;
  const double scale = 2.0 / (det_v * det_v);
  const double m11 = scale * (v22 * v22 + 4.0);
  const double m12 = -scale * (v22 + 2.0);
  const double m22 = scale * 2.0;
  const double tv = m11 / (2.0 * delta) * 2.0 + 2.0 * m12 / (delta + 0.5) * (2.0 + v22) +
                    m22 / 1.0 * (4.0 + v22 * v22);
  EXPECT_NEAR(*r.total_variance / tv, 1.0, b / (delta - b));
  EXPECT_GT(tv, 1e13);

  // Transient gain: exp(tA) = V diag(e^{-delta t}, e^{-t/2}) V^{-1}. The envelope rises to a
  // plateau near ||P_1|| (the spectral projector of l1) by t ~ 50 and then decays on the time
  // scale 1/delta, so its maximum lies in [0, 200] although the automatic horizon is ~1e13.
  Eigen::Matrix2d v;
  v << 1.0, 2.0, 1.0, v22;
  const Eigen::Matrix2d v_inverse = v.inverse();
  const auto envelope = [&](double t) {
    const Eigen::Vector2d decay(std::exp(-delta * t), std::exp(-0.5 * t));
    return norm2(v * decay.asDiagonal() * v_inverse);
  };
  double reference_gain = 1.0;
  for (double t = 0.0; t <= 200.0; t += 0.01)
    reference_gain = std::max(reference_gain, envelope(t));
  ASSERT_TRUE(r.transient_gain.has_value());
  EXPECT_NEAR(*r.transient_gain, reference_gain, 1e-9 * reference_gain);

  const std::string& message = r.warnings.front().message;
  EXPECT_THAT(message, HasSubstr("1 - spectral_abscissa = 1e-12"));
}

// The stable side of exactly critical: 1 - spectral_abscissa = 2^-53 and I - W singular to
// working precision. The report must not throw; what cannot be computed is null, with the reason
// in the warning.
TEST(AnalyseNetwork, CriticalToRoundingGivesNullsWithReasons) {
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(3, 3);
  w.diagonal() << 1.0 - 0x1.0p-53, -10.0, 0.5;
  w(0, 1) = 3.0;
  const netdyn::NetworkReport r = netdyn::analyse_network(w);
  ASSERT_TRUE(r.stable);
  ASSERT_TRUE(has_warning(r, "near_critical"));
  EXPECT_NEAR(*r.slowest_timescale, 0x1.0p53, 1.0);
  EXPECT_FALSE(r.steady_state_gain.has_value());
  const auto it =
      std::find_if(r.warnings.begin(), r.warnings.end(), [](const netdyn::ReportWarning& x) {
        return x.code == "near_critical";
      });
  EXPECT_THAT(it->message, HasSubstr("steady_state_gain is null: "));
  EXPECT_THAT(it->message, HasSubstr("singular"));
}

TEST(AnalyseNetwork, UnstableByRoundingIsFlagged) {
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(2, 2);
  w.diagonal() << 1.0 + 0x1.0p-52, 0.0;
  const netdyn::NetworkReport r = netdyn::analyse_network(w);
  EXPECT_FALSE(r.stable);
  ASSERT_TRUE(has_warning(r, "near_critical"));
  EXPECT_THAT(r.warnings.front().message, HasSubstr("spectral_abscissa - 1 = 2.22e-16"));
}

// No false alarms on the reference matrices.
TEST(AnalyseNetwork, ReferenceMatricesHaveNoWarnings) {
  for (const char* file : {"mm09_balanced.npy", "gaussian_n200_rho1.5.npy"}) {
    const netdyn::NetworkReport r = netdyn::analyse_network(
        netdyn::read_connectivity(std::string(NETDYN_DATA_DIR) + "/" + file));
    EXPECT_TRUE(r.warnings.empty()) << file << ": " << r.warnings.front().message;
    EXPECT_LT(r.eigenvalue_error_estimate, 1e-12) << file;
  }
}

TEST(LyapunovResidualWarning, FiresAboveTheLimitOnly) {
  EXPECT_FALSE(netdyn::lyapunov_residual_warning(1e-15, 10).has_value());
  EXPECT_FALSE(netdyn::lyapunov_residual_warning(netdyn::kLyapunovResidualLimit, 10).has_value());
  const auto w = netdyn::lyapunov_residual_warning(3e-6, 10);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->code, "lyapunov_residual");
  EXPECT_THAT(w->message, HasSubstr("= 3e-06 > 1e-8"));
}

}  // namespace
