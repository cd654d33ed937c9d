#include "netdyn/factorization/sparse_spectrum.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <complex>
#include <filesystem>
#include <fstream>
#include <limits>
#include <vector>

#include "netdyn/core/error.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/models/sparse_generators.hpp"
#include "support/matrices.hpp"

namespace {

using testing::AllOf;
using testing::HasSubstr;
using testing::ThrowsMessage;

using netdyn::testing::kPi;

// The wanted eigenvalues from the dense path (LAPACK dgeev), selected as the sparse path does.
Eigen::VectorXcd dense_wanted(const Eigen::SparseMatrix<double>& w,
                              const netdyn::SparseSpectrumOptions& o) {
  const netdyn::Spectrum all = netdyn::compute_spectrum(Eigen::MatrixXd(w));
  std::vector<std::complex<double>> v(all.eigenvalues.data(),
                                      all.eigenvalues.data() + all.eigenvalues.size());
  auto score = [&](const std::complex<double>& z) {
    switch (o.target) {
      case netdyn::SparseTarget::kLargestReal: return z.real();
      case netdyn::SparseTarget::kLargestMagnitude: return std::abs(z);
      case netdyn::SparseTarget::kNearestShift: return -std::abs(z - o.shift);
    }
    return z.real();
  };
  std::stable_sort(v.begin(), v.end(), [&](const auto& a, const auto& b) {
    if (score(a) != score(b)) return score(a) > score(b);
    return a.imag() > b.imag();
  });
  // A conjugate pair cut by the count is kept whole (issue 22).
  const Eigen::VectorXcd ranked =
      Eigen::Map<const Eigen::VectorXcd>(v.data(), all.eigenvalues.size());
  const Eigen::Index keep = netdyn::complete_conjugate_pair(ranked, o.count);
  Eigen::VectorXcd out(keep);
  for (Eigen::Index k = 0; k < keep; ++k) out(k) = v[static_cast<std::size_t>(k)];
  netdyn::sort_eigenvalues(out);
  return out;
}

// Symmetric tridiagonal Toeplitz (a, b, b): lambda_k = a + 2 b cos(k pi / (n + 1)). The top
// eigenvalues are separated by only ~ b (pi / n)^2 k: a clustered edge, as in E-I matrices.
TEST(ComputeSparseSpectrum, TridiagonalToeplitzMatchesClosedForm) {
  const Eigen::Index n = 400;
  const double a = 0.1;
  const double b = 0.5;
  const Eigen::SparseMatrix<double> w =
      netdyn::testing::tridiagonal_toeplitz(n, a, b, b).sparseView();
  netdyn::SparseSpectrumOptions options;
  options.count = 6;
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  ASSERT_EQ(s.eigenvalues.size(), 6);
  for (Eigen::Index k = 1; k <= 6; ++k) {
    const double exact = a + 2.0 * b * std::cos(static_cast<double>(k) * kPi / (n + 1));
    // Normal matrix: eigenvalue error <= residual = tolerance |lambda| = 1e-10; allow 1e-9.
    EXPECT_NEAR(s.eigenvalues(k - 1).real(), exact, 1e-9) << "k = " << k;
    EXPECT_NEAR(s.eigenvalues(k - 1).imag(), 0.0, 1e-9) << "k = " << k;
  }
  // The first run, a screening check (inconclusive here: the edge values are 4e-4 apart) and a
  // check at full tolerance that finds nothing new.
  EXPECT_GE(s.runs, 2);
  EXPECT_EQ(s.verification_difference, 0.0);
  EXPECT_EQ(s.method, "krylov");
}

// Two backends on one question: Arnoldi vs dense dgeev, on a row-balanced sparse E-I matrix
// (the bench's class). Eigenvalue errors are residual x condition; these random matrices have
// well-conditioned edge eigenvalues, so 1e-8 absolute is a wide margin (observed ~1e-12).
// A balanced sparse E-I matrix of n neurons with k inputs each, excitatory weight 0.8 / sqrt(k):
// the class whose clustered rightmost edge is the Krylov trap.
Eigen::SparseMatrix<double> sparse_balanced_ei(Eigen::Index n, Eigen::Index k, std::uint64_t seed) {
  netdyn::SparseEIOptions g;
  g.n = n;
  g.in_degree = k;
  g.excitatory_weight = 0.8 / std::sqrt(static_cast<double>(k));
  g.balance_rows = true;
  g.seed = seed;
  return netdyn::sparse_ei_network(g).w;
}

class SparseVsDense : public testing::TestWithParam<netdyn::SparseTarget> {};

TEST_P(SparseVsDense, AgreesWithComputeSpectrum) {
  const Eigen::SparseMatrix<double> w = sparse_balanced_ei(1200, 40, 11);
  netdyn::SparseSpectrumOptions options;
  options.count = 8;
  options.target = GetParam();
  options.shift = 0.3;
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  const Eigen::VectorXcd expected = dense_wanted(w, options);
  ASSERT_EQ(s.eigenvalues.size(), expected.size());
  for (Eigen::Index k = 0; k < expected.size(); ++k) {
    EXPECT_LT(std::abs(s.eigenvalues(k) - expected(k)), 1e-8)
        << "k = " << k << ": got " << s.eigenvalues(k) << ", dense " << expected(k);
  }
}

INSTANTIATE_TEST_SUITE_P(Targets,
                         SparseVsDense,
                         testing::Values(netdyn::SparseTarget::kLargestReal,
                                         netdyn::SparseTarget::kLargestMagnitude,
                                         netdyn::SparseTarget::kNearestShift),
                         [](const testing::TestParamInfo<netdyn::SparseTarget>& param_info) {
                           std::string name = netdyn::to_string(param_info.param);
                           name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
                           return name;
                         });

// A subspace of 2k + 1 (ARPACK's default) on a clustered edge: the answer is the dense one.
TEST(ComputeSparseSpectrum, SmallSubspaceAgreesWithDense) {
  const Eigen::SparseMatrix<double> w = sparse_balanced_ei(2000, 50, 5);
  netdyn::SparseSpectrumOptions options;
  options.count = 10;
  options.subspace_size = 21;  // ARPACK / SciPy default
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  const Eigen::VectorXcd expected = dense_wanted(w, options);
  for (Eigen::Index k = 0; k < expected.size(); ++k) {
    EXPECT_LT(std::abs(s.eigenvalues(k) - expected(k)), 1e-8)
        << "k = " << k << ": got " << s.eigenvalues(k) << ", dense " << expected(k) << " (runs "
        << s.runs << ", subspace " << s.subspace_size << ")";
  }
  EXPECT_GE(s.runs, 2);
}

// Converged but wrong (issue 20): at n = 5000 with 100 inputs per neuron, a subspace of 21 makes
// the first Krylov-Schur run lock a wrong set (shown with verify = false: genuine eigenvalues,
// tiny residuals, not the rightmost ones). The deflated restarts find what it missed, and the
// answer is that of an independent run with a subspace of 150 and another start.
TEST(ComputeSparseSpectrum, VerificationRepairsAConvergedButWrongRun) {
  const Eigen::SparseMatrix<double> w = sparse_balanced_ei(5000, 100, 1);
  netdyn::SparseSpectrumOptions options;
  options.count = 10;
  options.subspace_size = 21;
  options.verify = false;
  const netdyn::SparseSpectrum wrong = netdyn::compute_sparse_spectrum(w, options);
  options.verify = true;
  const netdyn::SparseSpectrum repaired = netdyn::compute_sparse_spectrum(w, options);
  netdyn::SparseSpectrumOptions reference_options;
  reference_options.count = 10;
  reference_options.subspace_size = 150;
  reference_options.seed = 99;
  const netdyn::SparseSpectrum reference = netdyn::compute_sparse_spectrum(w, reference_options);
  const double error = netdyn::eigenvalue_set_distance(wrong.eigenvalues, reference.eigenvalues);
  ASSERT_GT(error, 1e-4) << "the first run alone was right: this matrix no longer shows the trap";
  EXPECT_LT(wrong.residual, 1e-8);  // converged: residuals cannot see it
  EXPECT_LT(netdyn::eigenvalue_set_distance(repaired.eigenvalues, reference.eigenvalues), 1e-8);
  EXPECT_GE(repaired.runs, 3);  // the first run, the screening check, checks that found more
  EXPECT_NEAR(repaired.verification_difference, error, 1e-8);
}

// Empty rows and columns (silent neurons) give zero eigenvalues and must not upset Arnoldi.
TEST(ComputeSparseSpectrum, EmptyRowsAreFine) {
  const Eigen::Index n = 300;
  Eigen::MatrixXd dense = netdyn::testing::gaussian(n, 1.0, 3);
  for (Eigen::Index i = 0; i < n; i += 3) dense.row(i).setZero();
  const Eigen::SparseMatrix<double> w = dense.sparseView();
  netdyn::SparseSpectrumOptions options;
  options.count = 5;
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  const Eigen::VectorXcd expected = dense_wanted(w, options);
  for (Eigen::Index k = 0; k < expected.size(); ++k) {
    EXPECT_LT(std::abs(s.eigenvalues(k) - expected(k)), 1e-8) << "k = " << k;
  }
}

// Duplicate coordinates in a .mtx are summed by the reader: the spectrum is that of the sum.
TEST(ComputeSparseSpectrum, DuplicateMtxEntriesAreSummed) {
  const auto path = std::filesystem::temp_directory_path() / "netdyn_sparse_dupes.mtx";
  {
    std::ofstream f(path);
    f << "%%MatrixMarket matrix coordinate real general\n5 5 7\n"
      << "1 1 1.0\n1 1 2.0\n2 2 2.0\n3 3 -1.0\n4 4 0.5\n5 5 0.25\n5 5 0.25\n";
  }
  const Eigen::SparseMatrix<double> w = netdyn::read_sparse_matrix(path.string());
  std::filesystem::remove(path);
  netdyn::SparseSpectrumOptions options;
  options.count = 3;
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  EXPECT_NEAR(s.eigenvalues(0).real(), 3.0, 1e-12);
  EXPECT_NEAR(s.eigenvalues(1).real(), 2.0, 1e-12);
  EXPECT_NEAR(s.eigenvalues(2).real(), 0.5, 1e-12);
}

TEST(ComputeSparseSpectrum, RejectsCountOutsideOneToNMinusTwo) {
  const Eigen::SparseMatrix<double> w = Eigen::MatrixXd::Identity(10, 10).sparseView();
  netdyn::SparseSpectrumOptions options;
  options.count = 9;
  EXPECT_THAT([&] { (void)netdyn::compute_sparse_spectrum(w, options); },
              ThrowsMessage<std::invalid_argument>(
                  AllOf(HasSubstr("options.count = 9"), HasSubstr("1 <= count <= n - 2 = 8"))));
  options.count = 0;
  EXPECT_THROW((void)netdyn::compute_sparse_spectrum(w, options), std::invalid_argument);
}

TEST(ComputeSparseSpectrum, RejectsNonSquareAndNonFinite) {
  const Eigen::SparseMatrix<double> rect(10, 12);
  EXPECT_THAT([&] { (void)netdyn::compute_sparse_spectrum(rect); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("W is 10x12")));
  Eigen::SparseMatrix<double> w = Eigen::MatrixXd::Identity(10, 10).sparseView();
  w.coeffRef(3, 4) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT([&] { (void)netdyn::compute_sparse_spectrum(w); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("W(3,4) = nan")));
}

TEST(ComputeSparseSpectrum, RejectsBadSubspaceAndSingularShift) {
  const Eigen::SparseMatrix<double> w =
      netdyn::testing::tridiagonal_toeplitz(50, 0.0, 1.0, 1.0).sparseView();
  netdyn::SparseSpectrumOptions options;
  options.count = 5;
  options.subspace_size = 6;
  EXPECT_THAT([&] { (void)netdyn::compute_sparse_spectrum(w, options); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("subspace_size = 6")));
  Eigen::SparseMatrix<double> z(50, 50);  // rows 2.. empty: W - 0 I is singular
  z.insert(0, 1) = 1.0;
  options.subspace_size = 0;
  options.target = netdyn::SparseTarget::kNearestShift;
  options.shift = 0.0;
  // Triangular up to a permutation: exact, no shift-invert, so no singular shift (issue 22).
  EXPECT_EQ(netdyn::compute_sparse_spectrum(z, options).eigenvalues, Eigen::VectorXcd::Zero(5));
  z.insert(1, 0) = 1.0;  // a cycle: Arnoldi with shift-invert, and sigma = 0 is singular
  EXPECT_THAT([&] { (void)netdyn::compute_sparse_spectrum(z, options); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("singular for sigma = 0")));
}

TEST(ComputeSparseSpectrum, NonConvergenceNamesIterationsAndTolerance) {
  netdyn::SparseEIOptions g;
  g.n = 1000;
  g.in_degree = 30;
  g.balance_rows = true;
  const Eigen::SparseMatrix<double> w = netdyn::sparse_ei_network(g).w;
  netdyn::SparseSpectrumOptions options;
  options.count = 10;
  options.subspace_size = 22;
  options.max_iterations = 1;
  options.tolerance = 1e-14;
  EXPECT_THAT(
      [&] { (void)netdyn::compute_sparse_spectrum(w, options); },
      ThrowsMessage<netdyn::NumericalError>(AllOf(
          HasSubstr("did not converge"), HasSubstr("iterations"), HasSubstr("tolerance = 1e-14"))));
}

TEST(SparseTarget, RoundTripsThroughStrings) {
  for (const auto t : {netdyn::SparseTarget::kLargestReal,
                       netdyn::SparseTarget::kLargestMagnitude,
                       netdyn::SparseTarget::kNearestShift}) {
    EXPECT_EQ(netdyn::parse_sparse_target(netdyn::to_string(t)), t);
  }
  EXPECT_EQ(netdyn::parse_sparse_target("LR"), netdyn::SparseTarget::kLargestReal);
  EXPECT_THROW((void)netdyn::parse_sparse_target("SR"), std::invalid_argument);
}

// W = c I: mean c / n, E[w^2] = c^2 / n, so sqrt(n var) = c sqrt(1 - 1/n).
TEST(CircularLawRadius, ScaledIdentityMatchesClosedForm) {
  const Eigen::Index n = 100;
  const double c = 2.0;
  const Eigen::SparseMatrix<double> w = (c * Eigen::MatrixXd::Identity(n, n)).sparseView();
  EXPECT_NEAR(netdyn::circular_law_radius(w), c * std::sqrt(1.0 - 1.0 / n), 1e-14);
}

// The verification's distance: largest nearest-neighbour distance in either direction, whatever
// the order of the sets.
TEST(EigenvalueSetDistance, IsTheSymmetricNearestNeighbourDistance) {
  using cd = std::complex<double>;
  Eigen::VectorXcd a(3);
  a << cd(1.0, 0.0), cd(2.0, 1.0), cd(2.0, -1.0);
  Eigen::VectorXcd b(3);
  b << cd(2.0, -1.0), cd(1.1, 0.0), cd(2.0, 1.0);
  EXPECT_NEAR(netdyn::eigenvalue_set_distance(a, b), 0.1, 1e-15);
  EXPECT_NEAR(netdyn::eigenvalue_set_distance(b, a), 0.1, 1e-15);
  // One extra far point in c counts even though every point of a has a near partner: 5 is
  // sqrt(3^2 + 1^2) from its nearest, 2 +- i.
  Eigen::VectorXcd c(4);
  c << b, cd(5.0, 0.0);
  EXPECT_NEAR(netdyn::eigenvalue_set_distance(a, c), std::sqrt(10.0), 1e-15);
  EXPECT_EQ(netdyn::eigenvalue_set_distance(Eigen::VectorXcd(), Eigen::VectorXcd()), 0.0);
  EXPECT_EQ(netdyn::eigenvalue_set_distance(a, Eigen::VectorXcd()),
            std::numeric_limits<double>::infinity());
}

// ---------------------------------------------------------------------------------------------
// Issue 22: defective and degenerate W on the sparse path.

// The feed-forward chain W(i+1, i) = 1: nilpotent, every eigenvalue is 0.
Eigen::SparseMatrix<double> chain(Eigen::Index n) {
  std::vector<Eigen::Triplet<double>> t;
  for (Eigen::Index i = 1; i < n; ++i) t.emplace_back(i, i - 1, 1.0);
  Eigen::SparseMatrix<double> w(n, n);
  w.setFromTriplets(t.begin(), t.end());
  return w;
}

bool has_code(const netdyn::SparseSpectrum& s, const std::string& code) {
  return std::any_of(s.warnings.begin(), s.warnings.end(), [&](const netdyn::ReportWarning& w) {
    return w.code == code;
  });
}

// W = 0: Spectra's Arnoldi breaks down at once ("Schur decomposition failed"); the answer is
// count zeros.
TEST(ComputeSparseSpectrum, ZeroMatrixHasZeroEigenvalues) {
  Eigen::SparseMatrix<double> w(30, 30);
  w.insert(3, 4) = 0.0;  // a stored zero is still W = 0
  netdyn::SparseSpectrumOptions options;
  options.count = 3;
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  EXPECT_EQ(s.eigenvalues, Eigen::VectorXcd::Zero(3));
  EXPECT_TRUE(s.warnings.empty());
}

// A feed-forward chain is triangular up to a permutation: Arnoldi reported radius 0.934 at
// n = 50 (true 0) and ran 403 s at n = 1000. The eigenvalues are the diagonal, exactly and fast.
TEST(ComputeSparseSpectrum, FeedForwardChainIsExactAndFast) {
  netdyn::SparseSpectrumOptions options;
  options.count = 3;
  options.target = netdyn::SparseTarget::kLargestMagnitude;
  for (const Eigen::Index n : {50, 1000}) {
    const auto start = std::chrono::steady_clock::now();
    const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(chain(n), options);
    EXPECT_EQ(s.eigenvalues, Eigen::VectorXcd::Zero(3)) << n;
    EXPECT_EQ(s.method, "triangular");
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
  }
  // Triangular up to a permutation with a nonzero diagonal: the diagonal, selected by the target.
  Eigen::SparseMatrix<double> w = chain(40);
  w.insert(7, 7) = 0.9;
  w.insert(30, 30) = -2.0;
  w.insert(20, 3) = 5.0;  // 20 -> 3 runs along the chain's direction: still no cycle
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  EXPECT_EQ(s.method, "triangular");
  EXPECT_EQ(s.eigenvalues, Eigen::Vector3cd(0.9, 0.0, -2.0));
  // Closing a cycle (3 -> 20 against the chain 20 -> ... -> 3) sends it to Arnoldi.
  w.insert(3, 20) = 1e-3;
  EXPECT_EQ(netdyn::compute_sparse_spectrum(w, options).method, "krylov");
}

// Nearly defective and strongly connected: the chain closed by W(0, n-1) = 1e-30 (eigenvalues
// 1e-30^(1/50) = 0.25 times the 50th roots of unity, each with condition ~1e30). Arnoldi
// (subspace = n) "converges"; the result must carry the warning.
TEST(ComputeSparseSpectrum, NearlyDefectiveIsFlaggedWhenConverged) {
  Eigen::SparseMatrix<double> w = chain(50);
  w.insert(0, 49) = 1e-30;
  netdyn::SparseSpectrumOptions options;
  options.count = 3;
  options.target = netdyn::SparseTarget::kLargestMagnitude;
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  EXPECT_EQ(s.method, "krylov");
  EXPECT_GT(s.eigenvalue_condition, netdyn::kEigenvectorConditionLimit);
  ASSERT_TRUE(has_code(s, "ill_conditioned_eigenvectors"));
  EXPECT_THAT(s.warnings.back().message, HasSubstr("(nearly) defective"));
}

// A normal matrix with well-separated eigenvalues raises no flag, and its explicit residual is
// within the tolerance.
TEST(ComputeSparseSpectrum, ResidualsAndConditionOfAGoodProblem) {
  const Eigen::Index n = 300;
  std::vector<Eigen::Triplet<double>> t;
  for (Eigen::Index i = 0; i < n; ++i) t.emplace_back(i, i, static_cast<double>(i) / n);
  Eigen::SparseMatrix<double> w(n, n);
  w.setFromTriplets(t.begin(), t.end());
  netdyn::SparseSpectrumOptions options;
  options.count = 4;
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  EXPECT_TRUE(s.warnings.empty());
  EXPECT_LT(s.residual, 1e-9);
  EXPECT_LT(s.eigenvalue_condition, 10.0);
}

// A rotation block [[a, -b], [b, a]] at the boundary of --count: its conjugate is returned too.
TEST(ComputeSparseSpectrum, ConjugatePairIsNotSplitByTheCount) {
  const Eigen::Index n = 200;
  std::vector<Eigen::Triplet<double>> t;
  for (Eigen::Index i = 2; i < n; ++i) t.emplace_back(i, i, -static_cast<double>(i) / n);
  t.emplace_back(0, 0, 0.5);
  t.emplace_back(0, 1, -0.25);
  t.emplace_back(1, 0, 0.25);
  t.emplace_back(1, 1, 0.5);
  Eigen::SparseMatrix<double> w(n, n);
  w.setFromTriplets(t.begin(), t.end());
  netdyn::SparseSpectrumOptions options;
  options.count = 1;
  const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
  ASSERT_EQ(s.eigenvalues.size(), 2);
  EXPECT_NEAR(std::abs(s.eigenvalues(0) - std::complex<double>(0.5, 0.25)), 0.0, 1e-9);
  EXPECT_NEAR(std::abs(s.eigenvalues(1) - std::complex<double>(0.5, -0.25)), 0.0, 1e-9);
  // The dense path's count does the same.
  netdyn::SpectrumOptions dense;
  dense.count = 1;
  EXPECT_EQ(netdyn::compute_spectrum(Eigen::MatrixXd(w), dense).eigenvalues.size(), 2);
}

}  // namespace
