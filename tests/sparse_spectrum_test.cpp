#include "netdyn/sparse_spectrum.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <filesystem>
#include <fstream>
#include <limits>
#include <vector>

#include "netdyn/error.hpp"
#include "netdyn/io.hpp"
#include "netdyn/sparse_generators.hpp"
#include "netdyn/spectrum.hpp"
#include "support/matrices.hpp"

namespace {

using testing::AllOf;
using testing::HasSubstr;
using testing::ThrowsMessage;

const double kPi = std::acos(-1.0);

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
  Eigen::VectorXcd out(o.count);
  for (Eigen::Index k = 0; k < o.count; ++k) out(k) = v[static_cast<std::size_t>(k)];
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
  EXPECT_EQ(s.runs, 2);
  EXPECT_GE(s.verification_difference, 0.0);
  EXPECT_EQ(s.method, "krylov");
}

// Two backends on one question: Arnoldi vs dense dgeev, on a row-balanced sparse E-I matrix
// (the bench's class). Eigenvalue errors are residual x condition; these random matrices have
// well-conditioned edge eigenvalues, so 1e-8 absolute is a wide margin (observed ~1e-12).
class SparseVsDense : public testing::TestWithParam<netdyn::SparseTarget> {};

TEST_P(SparseVsDense, AgreesWithComputeSpectrum) {
  netdyn::SparseEIOptions g;
  g.n = 1200;
  g.in_degree = 40;
  g.excitatory_weight = 0.8 / std::sqrt(40.0);
  g.balance_rows = true;
  g.seed = 11;
  const Eigen::SparseMatrix<double> w = netdyn::sparse_ei_network(g).w;
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

// The trap: a subspace of 2k + 1 on a clustered edge. Whatever the first run returns, the
// verification must escalate until two runs agree, and the answer must be the dense one.
TEST(ComputeSparseSpectrum, VerificationRepairsASmallSubspace) {
  netdyn::SparseEIOptions g;
  g.n = 2000;
  g.in_degree = 50;
  g.excitatory_weight = 0.8 / std::sqrt(50.0);
  g.balance_rows = true;
  g.seed = 5;
  const Eigen::SparseMatrix<double> w = netdyn::sparse_ei_network(g).w;
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
  EXPECT_GT(s.subspace_size, 21);
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
  Eigen::SparseMatrix<double> z(50, 50);  // all rows empty: W - 0 I is singular
  z.insert(0, 1) = 1.0;
  options.subspace_size = 0;
  options.target = netdyn::SparseTarget::kNearestShift;
  options.shift = 0.0;
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

}  // namespace
