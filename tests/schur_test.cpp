#include "netdyn/factorization/schur.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <limits>

#include "netdyn/amplification/nonnormality.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/models/ei_network.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

using netdyn::testing::kEps;

// Backward-stable Schur algorithms (QR iteration, dtrexc swaps, Givens splits) give
// ||W U - U T||_F <= p(n) eps ||W||_F with p a modest polynomial; in practice p(n) ~ sqrt(n)..n.
// We allow 10 n eps ||W||_F: a real error (a wrong block, a missing rotation) is O(||W||).
double residual_tolerance(const Eigen::MatrixXd& w) {
  return 10.0 * static_cast<double>(w.rows()) * kEps * w.norm();
}
// Products of O(n^2) rotations/reflections are orthogonal to O(n eps) per column: 10 n eps.
double orthogonality_tolerance(Eigen::Index n) {
  return 10.0 * static_cast<double>(n) * kEps;
}

bool before_or_equal(std::complex<double> x, std::complex<double> y) {
  return x.real() > y.real() || (x.real() == y.real() && x.imag() >= y.imag());
}

void expect_complex_schur_identities(const Eigen::MatrixXd& w, const netdyn::ComplexSchurForm& f) {
  const Eigen::Index n = w.rows();
  const Eigen::MatrixXcd wc = w.cast<std::complex<double>>();
  EXPECT_LT((wc * f.u - f.u * f.t).norm(), residual_tolerance(w));
  EXPECT_LT((f.u.adjoint() * f.u - Eigen::MatrixXcd::Identity(n, n)).norm(),
            orthogonality_tolerance(n));
  EXPECT_EQ(Eigen::MatrixXcd(f.t.triangularView<Eigen::StrictlyLower>()).norm(), 0.0);
  EXPECT_EQ((f.eigenvalues - f.t.diagonal()).norm(), 0.0);
  EXPECT_EQ((f.feedforward + f.normal_part - f.t).norm(), 0.0);
  // The reported diagnostics are the same quantities.
  EXPECT_LT(f.backward_error, residual_tolerance(w) / w.norm());
  EXPECT_LT(f.orthogonality_error, orthogonality_tolerance(n));
}

TEST(ComplexSchur, GaussianSatisfiesSchurIdentitiesAndOrder) {
  for (int seed = 1; seed <= 4; ++seed) {
    const Eigen::Index n = 40 * seed;
    const Eigen::MatrixXd w = netdyn::testing::gaussian(n, 1.3, seed);
    const netdyn::ComplexSchurForm f = netdyn::complex_schur(w);
    SCOPED_TRACE("seed " + std::to_string(seed));
    expect_complex_schur_identities(w, f);
    for (Eigen::Index k = 1; k < n; ++k) {
      EXPECT_TRUE(before_or_equal(f.eigenvalues(k - 1), f.eigenvalues(k)))
          << k << ": " << f.eigenvalues(k - 1) << " before " << f.eigenvalues(k);
    }
  }
}

// The Frobenius norm of the feedforward part is the same for every Schur form (Henrici's
// departure). Independent route: nonnormality.cpp's cancellation-free formula on the unordered
// real Schur form. Both are computed to ~n eps ||W||_F^2 / dep in absolute terms; 1e-10 relative
// leaves orders of magnitude of margin for these well-conditioned random matrices.
TEST(ComplexSchur, FeedforwardNormIsHenriciDeparture) {
  for (int seed = 5; seed <= 7; ++seed) {
    const Eigen::MatrixXd w = netdyn::testing::gaussian(80, 1.0, seed);
    const netdyn::ComplexSchurForm f = netdyn::complex_schur(w);
    const double dep = netdyn::henrici_departure(w);
    EXPECT_NEAR(f.feedforward_norm, dep, 1e-10 * dep);
    // And by definition sqrt(||W||_F^2 - sum |lambda|^2) (cancellation is mild here: dep^2 is
    // about half of ||W||_F^2 for a Gaussian matrix).
    const double direct = std::sqrt(w.squaredNorm() - f.eigenvalues.squaredNorm());
    EXPECT_NEAR(f.feedforward_norm, direct, 1e-10 * dep);
  }
}

// Two routes to one question: the real-Schur route and complexify-then-zgees must give the same
// ordered spectrum and the same feedforward norm (eigenvalues of a random matrix are
// well-conditioned: agreement to 1e-10 absolute has ample margin over the ~1e-14 observed).
TEST(ComplexSchur, RealRouteAgreesWithZgees) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(90, 1.1, 21);
  netdyn::SchurOptions zgees;
  zgees.method = netdyn::ComplexSchurMethod::kZgees;
  const netdyn::ComplexSchurForm a = netdyn::complex_schur(w);
  const netdyn::ComplexSchurForm b = netdyn::complex_schur(w, zgees);
  expect_complex_schur_identities(w, b);
  // zgees computes the two members of a conjugate pair independently, so their real parts differ
  // in the last bits and the pair may come out -i first: compare as sets, and the real parts in
  // order.
  for (Eigen::Index k = 0; k < w.rows(); ++k) {
    EXPECT_LT((a.eigenvalues.array() - b.eigenvalues(k)).abs().minCoeff(), 1e-10) << k;
    EXPECT_NEAR(a.eigenvalues(k).real(), b.eigenvalues(k).real(), 1e-10) << k;
    if (k > 0) {
      EXPECT_GE(b.eigenvalues(k - 1).real(), b.eigenvalues(k).real()) << k;
    }
  }
  EXPECT_NEAR(a.feedforward_norm, b.feedforward_norm, 1e-10 * a.feedforward_norm);
  // The moduli |T_ij| are not invariant in general, but the diagonal is, and so is the spectrum
  // from compute_spectrum (dgeev).
  const netdyn::Spectrum s = netdyn::compute_spectrum(w);
  EXPECT_LT((a.eigenvalues - s.eigenvalues).cwiseAbs().maxCoeff(), 1e-10);
}

TEST(ComplexSchur, IncreasingAndUnorderedOptions) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(60, 1.0, 8);
  netdyn::SchurOptions inc;
  inc.order = netdyn::SchurOrder::kIncreasingRealPart;
  const netdyn::ComplexSchurForm f = netdyn::complex_schur(w, inc);
  expect_complex_schur_identities(w, f);
  for (Eigen::Index k = 1; k < w.rows(); ++k) {
    EXPECT_LE(f.eigenvalues(k - 1).real(), f.eigenvalues(k).real()) << k;
  }
  netdyn::SchurOptions none;
  none.order = netdyn::SchurOrder::kNone;
  none.compute_errors = false;
  const netdyn::ComplexSchurForm g = netdyn::complex_schur(w, none);
  EXPECT_EQ(g.backward_error, -1.0);
  EXPECT_LT((w.cast<std::complex<double>>() * g.u - g.u * g.t).norm(), residual_tolerance(w));
}

// A rotation-scaling block [[a, b], [-b, a]] has eigenvalues a +- i b; the +i one comes first,
// and the matrix is normal, so there is no feedforward part (up to rounding of the rotation).
TEST(ComplexSchur, ConjugatePairPutsPositiveImaginaryFirst) {
  Eigen::MatrixXd w(3, 3);
  w << 0.5, 2.0, 0.0, -2.0, 0.5, 0.0, 0.0, 0.0, 0.9;
  const netdyn::ComplexSchurForm f = netdyn::complex_schur(w);
  expect_complex_schur_identities(w, f);
  EXPECT_NEAR(f.eigenvalues(0).real(), 0.9, 4 * kEps);
  EXPECT_NEAR(f.eigenvalues(1).real(), 0.5, 8 * kEps);
  EXPECT_NEAR(f.eigenvalues(1).imag(), 2.0, 8 * kEps);
  EXPECT_NEAR(f.eigenvalues(2).imag(), -2.0, 8 * kEps);
  EXPECT_LT(f.feedforward_norm, 16 * kEps * w.norm());
}

// Symmetric W is normal: T is diagonal up to rounding.
TEST(ComplexSchur, NormalMatrixHasNoFeedforwardPart) {
  const Eigen::MatrixXd w = netdyn::testing::symmetric(50, 4);
  const netdyn::ComplexSchurForm f = netdyn::complex_schur(w);
  EXPECT_LT(f.feedforward_norm, residual_tolerance(w));
}

// W = [[0, w], [0, 0]] (Jordan-like, defective): already a Schur form; equal eigenvalues are
// never swapped, and the feedforward weight is w.
TEST(ComplexSchur, JordanBlockFeedforwardIsItsWeight) {
  Eigen::MatrixXd w(2, 2);
  w << 0.0, 10.0, 0.0, 0.0;
  const netdyn::ComplexSchurForm f = netdyn::complex_schur(w);
  EXPECT_NEAR(f.feedforward_norm, 10.0, 1e-14);
  EXPECT_NEAR(std::abs(f.t(0, 1)), 10.0, 1e-14);
  EXPECT_EQ(f.eigenvalues.norm(), 0.0);
}

// MM09 (science.md 1.1): with the sum mode first (lambda_1 = wE - wI < 0, so increasing order),
// the numerical Schur form equals the closed form up to a unimodular phase per column:
// U = [s1, s2], T = [[wE - wI, wE + wI], [0, 0]]. Verified value: T = [[-3/7, 9], [0, 0]].
TEST(ComplexSchur, BalancedNetworkMatchesClosedForm) {
  for (const auto& [we, wi] :
       {std::pair{30.0 / 7.0, 33.0 / 7.0}, std::pair{2.0, 6.0}, std::pair{5.0, 1.5}}) {
    const netdyn::EiNetwork network{we, wi, 1.0};
    const Eigen::Matrix2d w = netdyn::ei_connectivity(network);
    const netdyn::EiSchurForm cf = netdyn::ei_schur(network);
    netdyn::SchurOptions options;
    options.order =
        we < wi ? netdyn::SchurOrder::kIncreasingRealPart : netdyn::SchurOrder::kDecreasingRealPart;
    const netdyn::ComplexSchurForm f = netdyn::complex_schur(w, options);
    // 2x2: every quantity is a few roundings of entries of size ~10: 1e-13 absolute.
    const double tol = 1e-13 * (we + wi);
    EXPECT_NEAR(f.t(0, 0).real(), cf.t(0, 0), tol);
    EXPECT_NEAR(std::abs(f.t(1, 1)), 0.0, tol);
    EXPECT_NEAR(std::abs(f.t(0, 1)), cf.feedforward_weight, tol);
    EXPECT_NEAR(f.feedforward_norm, we + wi, tol);
    for (int k = 0; k < 2; ++k) {
      // Same column up to a phase: |<u_k, s_k>| = 1.
      const std::complex<double> overlap = f.u.col(k).dot(cf.u.col(k).cast<std::complex<double>>());
      EXPECT_NEAR(std::abs(overlap), 1.0, 1e-14) << "column " << k;
    }
    // The closed form itself: U^T W U = T exactly up to rounding.
    EXPECT_LT((cf.u.transpose() * w * cf.u - cf.t).norm(), 1e-14 * w.norm());
  }
  // In netdyn's default order (0 first when wE < wI) the Schur form differs, but |T_12| = 9 is
  // invariant for 2x2 (science.md section 0).
  const Eigen::Matrix2d mm09 = netdyn::ei_connectivity(netdyn::EiNetwork::from_gain(30.0 / 7, 1.1));
  const netdyn::ComplexSchurForm f = netdyn::complex_schur(mm09);
  EXPECT_NEAR(f.eigenvalues(0).real(), 0.0, 1e-14);
  EXPECT_NEAR(f.eigenvalues(1).real(), -3.0 / 7.0, 1e-14);
  EXPECT_NEAR(std::abs(f.t(0, 1)), 9.0, 1e-13);
}

void expect_real_schur_structure(const Eigen::MatrixXd& w, const netdyn::RealSchurForm& f) {
  const Eigen::Index n = w.rows();
  EXPECT_LT((w * f.u - f.u * f.t).norm(), residual_tolerance(w));
  EXPECT_LT((f.u.transpose() * f.u - Eigen::MatrixXd::Identity(n, n)).norm(),
            orthogonality_tolerance(n));
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = j + 2; i < n; ++i) EXPECT_EQ(f.t(i, j), 0.0) << i << "," << j;
  }
  for (Eigen::Index k = 0; k + 2 < n; ++k) {
    EXPECT_FALSE(f.t(k + 1, k) != 0.0 && f.t(k + 2, k + 1) != 0.0) << "overlapping blocks at " << k;
  }
  EXPECT_EQ((f.feedforward + f.normal_part - f.t).norm(), 0.0);
}

TEST(RealSchur, GaussianStructureOrderAndDeparture) {
  const Eigen::MatrixXd w = netdyn::testing::gaussian(120, 1.2, 13);
  const netdyn::RealSchurForm f = netdyn::real_schur(w);
  expect_real_schur_structure(w, f);
  for (Eigen::Index k = 1; k < w.rows(); ++k) {
    EXPECT_GE(f.eigenvalues(k - 1).real(), f.eigenvalues(k).real()) << k;
  }
  // Standardised 2x2 blocks [[a, b], [c, a]] with b c < 0.
  for (Eigen::Index k = 0; k + 1 < w.rows(); ++k) {
    if (f.t(k + 1, k) != 0.0) {
      EXPECT_EQ(f.t(k, k), f.t(k + 1, k + 1));
      EXPECT_LT(f.t(k, k + 1) * f.t(k + 1, k), 0.0);
      ++k;
    }
  }
  // Same spectrum and Henrici departure as the complex form (1e-10: see above).
  const netdyn::ComplexSchurForm c = netdyn::complex_schur(w);
  EXPECT_LT((f.eigenvalues - c.eigenvalues).cwiseAbs().maxCoeff(), 1e-10);
  EXPECT_NEAR(f.henrici_departure, c.feedforward_norm, 1e-10 * c.feedforward_norm);
  // The real feedforward part misses the blocks' own non-normality.
  EXPECT_LT(f.feedforward_norm, f.henrici_departure);
  EXPECT_LT(f.backward_error, residual_tolerance(w) / w.norm());
  EXPECT_LT(f.orthogonality_error, orthogonality_tolerance(w.rows()));
}

TEST(Schur, RejectsBadInput) {
  Eigen::MatrixXd w = Eigen::MatrixXd::Identity(3, 3);
  w(1, 0) = std::nan("");
  EXPECT_THAT([&] { (void)netdyn::complex_schur(w); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("complex_schur: W(1,0) = nan")));
  EXPECT_THAT([&] { (void)netdyn::real_schur(Eigen::MatrixXd::Zero(2, 3)); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("2x3")));
  EXPECT_THAT([] { (void)netdyn::parse_schur_order("sideways"); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("\"sideways\"")));
  EXPECT_EQ(netdyn::parse_schur_order(netdyn::to_string(netdyn::SchurOrder::kNone)),
            netdyn::SchurOrder::kNone);
}

TEST(Schur, ZeroAndScalarMatrices) {
  const netdyn::ComplexSchurForm z = netdyn::complex_schur(Eigen::MatrixXd::Zero(4, 4));
  EXPECT_EQ(z.backward_error, 0.0);
  EXPECT_EQ(z.feedforward_norm, 0.0);
  const netdyn::RealSchurForm s = netdyn::real_schur(Eigen::MatrixXd::Constant(1, 1, -2.5));
  EXPECT_EQ(s.eigenvalues(0), std::complex<double>(-2.5, 0.0));
}

}  // namespace
