#include "matrix_exponential.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include "lapack/lapack.hpp"

namespace netdyn::detail {

namespace {

// c = a b through BLAS (c must not alias a or b).
void product(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, Eigen::MatrixXd& c) {
  lapack::gemm('N', 'N', 1.0, a, b, 0.0, c);
}

}  // namespace

ScaledExponential scaled_exponential(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  // theta_18 for unit roundoff 2^-53 (Al-Mohy & Higham 2009; recomputed from the backward-error
  // series log(e^{-x} T_18(x)) = sum_k c_k x^k as the root of sum |c_k| x^(k-1) = 2^-53).
  constexpr double kTheta18 = 1.090863719290036;
  // Bader, Blanes & Casas (2019), the degree-18 scheme: with B = a / 2^s,
  //   q91 = q31 q64 + q63,  T18 = q61 + (q62 + q91) q91,
  // each q a combination of I, B, B^2, B^3, B^6 with the coefficients of its row below. In exact
  // rational arithmetic T18 reproduces the Taylor coefficients 1/k!, k <= 18, to 1e-30.
  // Rows q31, q61, q62, q63, q64; in each, the coefficients of I, B, B^2, B^3, B^6.
  constexpr double kQ[5][5] = {{0.0,
                                -0.100365581030144620014614939405,
                                -0.00802924648241156960116919515244,
                                -0.000892138498045729955685466128049,
                                0.0},
                               {0.0,
                                0.397849749499645076145196127710,
                                1.36783778460411719922523706878,
                                0.498289622525382677556858817262,
                                -0.000637898194594723309241550056492},
                               {-10.9676396052962062593517462675,
                                1.68015813878906197182785401725,
                                0.0571779846478865512702871713225,
                                -0.00698210122488052084290466483802,
                                0.0000334975017086070538313367340668},
                               {-0.0904316832390810561971468877018,
                                -0.0676404519071381907560079900380,
                                0.0675961301770459646082799195079,
                                0.0295552570429315527426069182242,
                                -0.0000139180257516060701124739979344},
                               {0.0,
                                0.0,
                                -0.0923364619367118592764570775143,
                                -0.0169364939002081717191385115723,
                                -0.0000140086798182036159794363205726}};
  enum Row { kQ31, kQ61, kQ62, kQ63, kQ64 };

  const Eigen::Index k = a.rows();
  ScaledExponential out;
  const double norm = k == 0 ? 0.0 : a.cwiseAbs().colwise().sum().maxCoeff();
  if (!std::isfinite(norm)) {
    out.e = Eigen::MatrixXd::Constant(k, k, std::numeric_limits<double>::quiet_NaN());
    return out;
  }
  if (norm > kTheta18) out.squarings = static_cast<int>(std::ceil(std::log2(norm / kTheta18)));
  const Eigen::MatrixXd b1 = std::ldexp(1.0, -out.squarings) * a;
  Eigen::MatrixXd b2(k, k), b3(k, k), b6(k, k);
  product(b1, b1, b2);
  product(b1, b2, b3);
  product(b3, b3, b6);
  const auto q = [&](Row r) {
    Eigen::MatrixXd m = kQ[r][1] * b1 + kQ[r][2] * b2 + kQ[r][3] * b3 + kQ[r][4] * b6;
    m.diagonal().array() += kQ[r][0];
    return m;
  };
  Eigen::MatrixXd q91 = q(kQ63);
  lapack::gemm('N', 'N', 1.0, q(kQ31), q(kQ64), 1.0, q91);
  out.e = q(kQ61);
  lapack::gemm('N', 'N', 1.0, q(kQ62) + q91, q91, 1.0, out.e);
  return out;
}

Eigen::MatrixXd matrix_exponential(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  ScaledExponential scaled = scaled_exponential(a);
  Eigen::MatrixXd e = std::move(scaled.e);
  Eigen::MatrixXd next(e.rows(), e.cols());
  for (int i = 0; i < scaled.squarings; ++i) {
    product(e, e, next);
    e.swap(next);
  }
  return e;
}

Eigen::VectorXd matrix_exponential_times(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                         const Eigen::Ref<const Eigen::VectorXd>& x) {
  ScaledExponential scaled = scaled_exponential(a);
  Eigen::MatrixXd e = std::move(scaled.e);
  int left = scaled.squarings;
  // A squaring takes about as long as k / 3 matrix-vector products (BLAS runs 89 x 89 products
  // at ~3x the flop rate of matrix-vector products) and saves 2^(left - 1) of them.
  const double squaring_cost = static_cast<double>(e.rows()) / 3.0;
  Eigen::MatrixXd next(e.rows(), e.cols());
  while (left > 0 && std::ldexp(1.0, left - 1) > squaring_cost) {
    product(e, e, next);
    e.swap(next);
    --left;
  }
  Eigen::VectorXd y = x;
  Eigen::VectorXd z(y.size());
  for (long r = 0; r < (1L << left); ++r) {
    lapack::gemv('N', 1.0, e, y, 0.0, z);
    y.swap(z);
  }
  return y;
}

}  // namespace netdyn::detail
