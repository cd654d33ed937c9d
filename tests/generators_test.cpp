#include "netdyn/models/generators.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "netdyn/core/random.hpp"
#include "netdyn/factorization/spectrum.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

struct Moments {
  double mean = 0.0;
  double variance = 0.0;
  double count = 0.0;
};

Moments moments(const Eigen::Ref<const Eigen::MatrixXd>& m) {
  Moments out;
  out.count = static_cast<double>(m.size());
  out.mean = m.mean();
  out.variance = (m.array() - out.mean).square().sum() / (out.count - 1.0);
  return out;
}

// Same options, same matrix; and the documented draw order: rho/sqrt(n) times the RandomSource
// normal matrix (whose stream is pinned in random_test.cpp).
TEST(GaussianConnectivity, SeededAndDocumentedDrawOrder) {
  netdyn::GaussianOptions o;
  o.n = 30;
  o.rho = 1.5;
  o.seed = 99;
  const Eigen::MatrixXd a = netdyn::gaussian_connectivity(o);
  EXPECT_EQ(a, netdyn::gaussian_connectivity(o));
  netdyn::RandomSource source(99);
  EXPECT_EQ(a, (1.5 / std::sqrt(30.0)) * source.normal_matrix(30, 30));
  o.seed = 100;
  EXPECT_NE(a, netdyn::gaussian_connectivity(o));
}

// n = 500: 250000 entries of variance rho^2/n. Standard error of the mean sqrt(var/N) and of the
// sample variance var sqrt(2/N) = 0.0028 var; 5 standard errors. Spectrum: science.md 5.1's
// robust thresholds (inside rho >= 0.95, inside 1.05 rho >= 0.99).
TEST(GaussianConnectivity, MomentsAndCircularLaw) {
  netdyn::GaussianOptions o;
  o.n = 500;
  o.rho = 0.9;
  o.seed = 3;
  const Eigen::MatrixXd w = netdyn::gaussian_connectivity(o);
  const Moments m = moments(w);
  const double var = 0.81 / 500.0;
  EXPECT_NEAR(m.mean, 0.0, 5.0 * std::sqrt(var / m.count));
  EXPECT_NEAR(m.variance, var, 5.0 * var * std::sqrt(2.0 / m.count));
  const Eigen::VectorXcd lambda = netdyn::compute_spectrum(w).eigenvalues;
  const double inside = (lambda.array().abs() <= o.rho).cast<double>().mean();
  const double inside_105 = (lambda.array().abs() <= 1.05 * o.rho).cast<double>().mean();
  EXPECT_GE(inside, 0.95);
  EXPECT_GE(inside_105, 0.99);
}

netdyn::DaleOptions dale(Eigen::Index n) {
  netdyn::DaleOptions o;
  o.n = n;
  o.excitatory_fraction = 0.8;
  o.mean_e = 1.0 / std::sqrt(static_cast<double>(n));
  o.sd_e = 0.5 / std::sqrt(static_cast<double>(n));
  o.mean_i = -4.0 / std::sqrt(static_cast<double>(n));
  o.sd_i = 1.5 / std::sqrt(static_cast<double>(n));
  o.seed = 17;
  return o;
}

// Column populations with their own means and variances; 5 standard errors as above (the
// variance of a sample variance of a Gaussian is 2 var^2/(N - 1); for the lognormal the fourth
// moment is larger, so that case uses 10).
TEST(DaleConnectivity, ColumnMomentsAndSignPattern) {
  for (const auto dist :
       {netdyn::WeightDistribution::kGaussian, netdyn::WeightDistribution::kLognormal}) {
    SCOPED_TRACE(netdyn::to_string(dist));
    netdyn::DaleOptions o = dale(400);
    o.distribution = dist;
    const Eigen::MatrixXd w = netdyn::dale_connectivity(o);
    const Eigen::Index n_e = 320;
    const Moments e = moments(w.leftCols(n_e));
    const Moments i = moments(w.rightCols(400 - n_e));
    const double k = dist == netdyn::WeightDistribution::kGaussian ? 5.0 : 10.0;
    EXPECT_NEAR(e.mean, o.mean_e, k * o.sd_e / std::sqrt(e.count));
    EXPECT_NEAR(i.mean, o.mean_i, k * o.sd_i / std::sqrt(i.count));
    EXPECT_NEAR(e.variance, o.sd_e * o.sd_e, k * o.sd_e * o.sd_e * std::sqrt(2.0 / e.count));
    EXPECT_NEAR(i.variance, o.sd_i * o.sd_i, k * o.sd_i * o.sd_i * std::sqrt(2.0 / i.count));
    if (dist == netdyn::WeightDistribution::kLognormal) {
      // Dale's law entry by entry.
      EXPECT_GT(w.leftCols(n_e).minCoeff(), 0.0);
      EXPECT_LT(w.rightCols(400 - n_e).maxCoeff(), 0.0);
    } else {
      // Gaussian: signs follow the means for all but ~Phi(-2) (E) and ~Phi(-2.7) (I) of entries.
      EXPECT_GT((w.leftCols(n_e).array() > 0).cast<double>().mean(), 0.95);
      EXPECT_GT((w.rightCols(400 - n_e).array() < 0).cast<double>().mean(), 0.99);
    }
  }
}

// Sparse draws: fraction connected p (binomial standard error sqrt(p(1-p)/N)); per-entry mean
// p mean_k and variance p sd^2 + p(1-p) mean^2 (science.md 5.2); 5 standard errors (the
// variance uses a generous 10 since sparse entries are far from Gaussian).
TEST(DaleConnectivity, SparsityAndEntryStatistics) {
  netdyn::DaleOptions o = dale(600);
  o.connection_probability = 0.1;
  const Eigen::MatrixXd w = netdyn::dale_connectivity(o);
  const double p = 0.1;
  const double fraction = (w.array() != 0.0).cast<double>().mean();
  EXPECT_NEAR(fraction, p, 5.0 * std::sqrt(p * (1 - p) / static_cast<double>(w.size())));
  const Eigen::Index n_e = 480;
  const Moments e = moments(w.leftCols(n_e));
  const double var_e = p * o.sd_e * o.sd_e + p * (1 - p) * o.mean_e * o.mean_e;
  EXPECT_NEAR(e.mean, p * o.mean_e, 5.0 * std::sqrt(var_e / e.count));
  EXPECT_NEAR(e.variance, var_e, 10.0 * var_e * std::sqrt(2.0 / e.count));
  const Moments i = moments(w.rightCols(600 - n_e));
  const double var_i = p * o.sd_i * o.sd_i + p * (1 - p) * o.mean_i * o.mean_i;
  EXPECT_NEAR(i.mean, p * o.mean_i, 5.0 * std::sqrt(var_i / i.count));
  EXPECT_NEAR(i.variance, var_i, 10.0 * var_i * std::sqrt(2.0 / i.count));
}

// Zero row sums: every row sums to the mean part's row sum p n (f mean_e + (1 - f) mean_i),
// exactly 0 for balanced means (f mean_e + (1 - f) mean_i = 0.8 - 0.8 = 0 here), up to the
// rounding of summing n terms of size ~|mean|: 4 n eps max|W|. The sparsity pattern is kept.
TEST(DaleConnectivity, ZeroRowSumsKeepPattern) {
  for (const double p : {1.0, 0.2}) {
    netdyn::DaleOptions o = dale(300);
    o.connection_probability = p;
    const Eigen::MatrixXd plain = netdyn::dale_connectivity(o);
    o.zero_row_sums = true;
    const Eigen::MatrixXd w = netdyn::dale_connectivity(o);
    const double tol = 4.0 * 300 * std::numeric_limits<double>::epsilon() * w.cwiseAbs().maxCoeff();
    EXPECT_LT(w.rowwise().sum().cwiseAbs().maxCoeff(), tol) << "p = " << p;
    EXPECT_TRUE(((w.array() != 0.0) == (plain.array() != 0.0)).all()) << "p = " << p;
  }
  // Unbalanced means: rows sum to the target, not to 0.
  netdyn::DaleOptions o = dale(200);
  o.mean_i = -2.0 / std::sqrt(200.0);
  o.zero_row_sums = true;
  const Eigen::MatrixXd w = netdyn::dale_connectivity(o);
  const double target = 160 * o.mean_e + 40 * o.mean_i;
  EXPECT_NEAR(w.rowwise().sum().mean(), target, 1e-12);
  EXPECT_LT((w.rowwise().sum().array() - target).abs().maxCoeff(), 1e-12);
}

// Rajan & Abbott: balanced means plus zero row sums remove the local outliers (science.md 5.2:
// "none beyond 1.05 R"); the bulk radius sqrt(n [f sd_e^2 + (1 - f) sd_i^2]).
TEST(DaleConnectivity, BalancedZeroRowSumSpectrumStaysInDisk) {
  netdyn::DaleOptions o = dale(500);
  o.zero_row_sums = true;
  const Eigen::MatrixXd w = netdyn::dale_connectivity(o);
  const double radius = std::sqrt(500 * (0.8 * o.sd_e * o.sd_e + 0.2 * o.sd_i * o.sd_i));
  const Eigen::VectorXcd lambda = netdyn::compute_spectrum(w).eigenvalues;
  EXPECT_GE((lambda.array().abs() <= radius).cast<double>().mean(), 0.95);
  EXPECT_LE(lambda.array().abs().maxCoeff(), 1.1 * radius);
}

TEST(DaleConnectivity, ExcitatoryColumnCountRoundsHalfUp) {
  netdyn::DaleOptions o;
  o.n = 5;
  o.excitatory_fraction = 0.5;  // 2.5 -> 3 excitatory columns
  o.mean_e = 1.0;
  o.mean_i = -1.0;
  const Eigen::MatrixXd w = netdyn::dale_connectivity(o);
  EXPECT_TRUE((w.leftCols(3).array() == 1.0).all());
  EXPECT_TRUE((w.rightCols(2).array() == -1.0).all());
}

TEST(Generators, RejectBadOptions) {
  netdyn::GaussianOptions g;
  g.n = 0;
  EXPECT_THAT([&] { (void)netdyn::gaussian_connectivity(g); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("options.n = 0")));
  g.n = 3;
  g.rho = std::nan("");
  EXPECT_THAT([&] { (void)netdyn::gaussian_connectivity(g); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("options.rho = nan")));
  netdyn::DaleOptions o = dale(10);
  o.mean_i = 0.5;
  EXPECT_THAT([&] { (void)netdyn::dale_connectivity(o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("options.mean_i = 0.5")));
  o = dale(10);
  o.connection_probability = 0.0;
  EXPECT_THAT([&] { (void)netdyn::dale_connectivity(o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("0 < p <= 1")));
  o = dale(10);
  o.excitatory_fraction = 1.5;
  EXPECT_THAT([&] { (void)netdyn::dale_connectivity(o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("excitatory_fraction = 1.5")));
  o = dale(10);
  o.distribution = netdyn::WeightDistribution::kLognormal;
  o.mean_e = 0.0;
  EXPECT_THAT([&] { (void)netdyn::dale_connectivity(o); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("lognormal")));
  EXPECT_THAT([] { (void)netdyn::parse_weight_distribution("cauchy"); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("\"cauchy\"")));
}

}  // namespace
