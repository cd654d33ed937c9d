#include "netdyn/models/sparse_generators.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "netdyn/factorization/sparse_spectrum.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/io.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

using RowMajor = Eigen::SparseMatrix<double, Eigen::RowMajor>;

TEST(SparseEINetwork, FixedInDegreeGivesKDistinctInputsPerRowAndDalesLaw) {
  netdyn::SparseEIOptions o;
  o.n = 500;
  o.in_degree = 37;
  o.self_connections = false;
  o.weight_cv = 0.5;
  const netdyn::SparseNetwork net = netdyn::sparse_ei_network(o);
  EXPECT_EQ(net.n_excitatory, 400);
  const RowMajor w = net.w;
  for (Eigen::Index i = 0; i < w.rows(); ++i) {
    std::set<Eigen::Index> cols;
    for (RowMajor::InnerIterator it(w, i); it; ++it) {
      cols.insert(it.col());
      EXPECT_NE(it.col(), i) << "self-connection in row " << i;
    }
    ASSERT_EQ(static_cast<Eigen::Index>(cols.size()), 37) << "row " << i;
  }
  EXPECT_TRUE(netdyn::satisfies_dale(net.w, net.n_excitatory));
}

// Balanced rows: W 1 = 0 exactly up to rounding (K = 100 inputs of size <= 0.32: 1e-14).
TEST(SparseEINetwork, BalancedRowsSumToZero) {
  netdyn::SparseEIOptions o;
  o.n = 2000;
  o.balance_rows = true;
  o.weight_cv = 0.3;
  const netdyn::SparseNetwork net = netdyn::sparse_ei_network(o);
  EXPECT_EQ(net.unbalanced_rows, 0);
  const Eigen::VectorXd row_sums = net.w * Eigen::VectorXd::Ones(o.n);
  EXPECT_LT(row_sums.cwiseAbs().maxCoeff(), 1e-14);
  EXPECT_TRUE(netdyn::satisfies_dale(net.w, net.n_excitatory));
}

TEST(SparseEINetwork, SameSeedSameMatrixOtherSeedOther) {
  netdyn::SparseEIOptions o;
  o.n = 300;
  o.in_degree = 20;
  const Eigen::SparseMatrix<double> a = netdyn::sparse_ei_network(o).w;
  const Eigen::SparseMatrix<double> b = netdyn::sparse_ei_network(o).w;
  o.seed = 2;
  const Eigen::SparseMatrix<double> c = netdyn::sparse_ei_network(o).w;
  EXPECT_EQ((a - b).norm(), 0.0);
  EXPECT_GT((a - c).norm(), 0.0);
}

// Erdős–Rényi: nnz ~ Binomial(n^2, p); 5 standard deviations.
TEST(SparseEINetwork, BernoulliDensityMatchesP) {
  netdyn::SparseEIOptions o;
  o.n = 1000;
  o.in_degree = -1;
  o.connection_probability = 0.02;
  const Eigen::SparseMatrix<double> w = netdyn::sparse_ei_network(o).w;
  const double mean = 0.02 * 1e6;
  const double sd = std::sqrt(1e6 * 0.02 * 0.98);
  EXPECT_NEAR(static_cast<double>(w.nonZeros()), mean, 5.0 * sd);
}

// science.md 5.2: outlier n [f mu_E + (1 - f) mu_I], bulk radius sqrt(n [f s_E^2 + (1-f) s_I^2])
// (tolerance 10 % on the outlier, as verified there; bulk: >= 95 % inside 1.05 R).
TEST(SparseEINetwork, SpectrumMatchesRandomMatrixPrediction) {
  netdyn::SparseEIOptions o;
  o.n = 1000;
  o.in_degree = 100;
  o.inhibition_ratio = 2.0;  // excitation dominates: outlier 100 * 0.08 * (0.8 - 0.4) = 3.2
  o.seed = 4;
  const netdyn::SparseEIPrediction p = netdyn::predict_sparse_ei_spectrum(o);
  EXPECT_NEAR(p.outlier, 3.2, 1e-12);
  const Eigen::SparseMatrix<double> w = netdyn::sparse_ei_network(o).w;
  const netdyn::Spectrum s = netdyn::compute_spectrum(Eigen::MatrixXd(w));
  EXPECT_NEAR(s.eigenvalues(0).real(), p.outlier, 0.1 * p.outlier);
  Eigen::Index inside = 0;
  for (Eigen::Index k = 1; k < s.eigenvalues.size(); ++k) {
    if (std::abs(s.eigenvalues(k)) <= 1.05 * p.bulk_radius) ++inside;
  }
  EXPECT_GE(static_cast<double>(inside), 0.95 * static_cast<double>(o.n - 1))
      << "bulk radius " << p.bulk_radius;
  // The same outlier through the Krylov path.
  netdyn::SparseSpectrumOptions k;
  k.count = 1;
  EXPECT_NEAR(
      netdyn::compute_sparse_spectrum(w, k).eigenvalues(0).real(), s.eigenvalues(0).real(), 1e-9);
}

TEST(SparseEINetwork, WritesAndReadsMatrixMarket) {
  netdyn::SparseEIOptions o;
  o.n = 200;
  o.in_degree = 10;
  const Eigen::SparseMatrix<double> w = netdyn::sparse_ei_network(o).w;
  const auto path = std::filesystem::temp_directory_path() / "netdyn_sparse_ei.mtx";
  netdyn::write_sparse_matrix(path.string(), w);
  const Eigen::SparseMatrix<double> back = netdyn::read_sparse_matrix(path.string());
  std::filesystem::remove(path);
  EXPECT_EQ((w - back).norm(), 0.0);
}

TEST(SparseEINetwork, RejectsOptionsOutOfRange) {
  netdyn::SparseEIOptions o;
  o.n = 50;
  o.in_degree = 60;
  EXPECT_THAT([&] { (void)netdyn::sparse_ei_network(o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("options.in_degree = 60")));
  o.in_degree = 50;
  o.self_connections = false;
  EXPECT_THAT([&] { (void)netdyn::sparse_ei_network(o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("n - 1 without self-connections")));
  o = {};
  o.excitatory_fraction = 1.5;
  EXPECT_THAT([&] { (void)netdyn::sparse_ei_network(o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("excitatory_fraction = 1.5")));
  o = {};
  o.in_degree = -1;
  o.connection_probability = -0.1;
  EXPECT_THROW((void)netdyn::sparse_ei_network(o), std::invalid_argument);
  o = {};
  o.weight_cv = std::nan("");
  EXPECT_THROW((void)netdyn::sparse_ei_network(o), std::invalid_argument);
  o = {};
  o.n = 5000000;  // K = 100: 5e8 nonzeros, refused before any allocation
  EXPECT_THAT([&] { (void)netdyn::sparse_ei_network(o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("nonzeros; the limit is 268435456")));
}

}  // namespace
