#pragma once
// Private: the exponential of a small dense matrix (the (m+2) x (m+2) projections of the Krylov
// exponential integrator) by scaling and squaring with the degree-18 Taylor polynomial evaluated
// in 5 matrix products (Bader, Blanes & Casas, Mathematics 7 (2019) 1174), the products by BLAS
// dgemm. Degree 18 has backward error <= unit roundoff for alpha_2(A) <= theta_18 = 1.0909, where
// alpha_2(A) = max(||A^2||_1^(1/2), ||A^3||_1^(1/3)) <= ||A||_1 (Al-Mohy & Higham, SIAM J. Matrix
// Anal. Appl. 31 (2009) 970-989), and, unlike Higham's Pade 13, needs no
// linear solve: OpenBLAS's small LU solves are slow (89 x 89 with 89 right-hand sides ~170 us, as
// much as six products), while its products run AVX2/AVX-512 kernels chosen at run time (89 x 89:
// 26 us against 79 us for Eigen's SSE2 product in this build, which has no -march).
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "core/first_touch.hpp"

namespace netdyn::detail {

/// e^{a / 2^s} and s, the smallest s >= 0 with alpha_2(a) / 2^s <= theta_18 (for normal a the same
/// s as ||a||_1 gives; for nonnormal a often fewer). All entries NaN (and s = 0) when a is not
/// finite. Cost: 5 products of k x k matrices, 10 k^3 flops.
struct ScaledExponential {
  Eigen::MatrixXd e;
  int squarings = 0;
};

/// The k x k buffers of the polynomial. Kept across calls they spare the first touch of fresh
/// memory, which costs here about as much as a product (~1 ms per 2 MB buffer at k = 500).
struct ExponentialWorkspace {
  Eigen::MatrixXd b1, b2, b3, b6, x, q91;
};

/// e^{c a / 2^s} into `out` (resized), returns s: scaled_exponential of c a without forming it,
/// with the buffers of `ws` and every product done by `product(x, y, out)` (out = x y; out is
/// sized k x k and aliases neither). A structured product serves matrices whose products are
/// cheaper than a general one (transient_envelope: quasi-triangular Schur factors, where every
/// polynomial in the matrix keeps the pattern).
template <typename Product>
int scaled_exponential_into(const Eigen::Ref<const Eigen::MatrixXd>& a,
                            double c,
                            Product&& product,
                            ExponentialWorkspace& ws,
                            Eigen::MatrixXd& out);

/// e^{c a} into `out`: scaled_exponential_into, then s squarings (out and ws.x alternate).
template <typename Product>
void matrix_exponential_into(const Eigen::Ref<const Eigen::MatrixXd>& a,
                             double c,
                             Product&& product,
                             ExponentialWorkspace& ws,
                             Eigen::MatrixXd& out);

[[nodiscard]] ScaledExponential scaled_exponential(const Eigen::Ref<const Eigen::MatrixXd>& a);

/// e^a: scaled_exponential squared s times (s more products).
[[nodiscard]] Eigen::MatrixXd matrix_exponential(const Eigen::Ref<const Eigen::MatrixXd>& a);

/// e^a x without all of e^a: from E = e^{a / 2^s}, applying E to x 2^s times costs 2 k^2 flops
/// each, a squaring 2 k^3 and halves the applications left; E is squared while that is cheaper
/// (the trade of Al-Mohy & Higham's expmv, 2011). Rounding as e^a then times x.
[[nodiscard]] Eigen::VectorXd matrix_exponential_times(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                                       const Eigen::Ref<const Eigen::VectorXd>& x);

template <typename Product>
int scaled_exponential_into(const Eigen::Ref<const Eigen::MatrixXd>& a,
                            double c,
                            Product&& product,
                            ExponentialWorkspace& ws,
                            Eigen::MatrixXd& out) {
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
  const double norm = k == 0 ? 0.0 : std::abs(c) * a.cwiseAbs().colwise().sum().maxCoeff();
  if (!std::isfinite(norm)) {
    out = Eigen::MatrixXd::Constant(k, k, std::numeric_limits<double>::quiet_NaN());
    return 0;
  }
  // Scaling: first s0 from ||c a||_1 (so that the powers below cannot overflow), then as many
  // halvings undone as the bound of Al-Mohy & Higham (2009, Thm 4.2) allows: the backward error
  // series starts at x^19 and 19 >= p (p - 1) for p = 2, so ||a||_1 may be replaced by
  // alpha_2 = max(||a^2||_1^(1/2), ||a^3||_1^(1/3)) <= ||a||_1, from powers computed anyway. For
  // nonnormal a (Schur factors, Jordan-like blocks) alpha_2 is far below ||a||_1: fewer
  // squarings, and less of the rounding they amplify ("overscaling").
  int s0 = 0;
  if (norm > kTheta18) s0 = static_cast<int>(std::ceil(std::log2(norm / kTheta18)));
  Eigen::MatrixXd& b1 = ws.b1;
  Eigen::MatrixXd& b2 = ws.b2;
  Eigen::MatrixXd& b3 = ws.b3;
  Eigen::MatrixXd& b6 = ws.b6;
  for (Eigen::MatrixXd* m : {&b1, &b2, &b3, &b6, &ws.x, &ws.q91, &out}) resize_populated(*m, k, k);
  b1.noalias() = (c * std::ldexp(1.0, -s0)) * a;
  product(b1, b1, b2);
  product(b1, b2, b3);
  const auto one_norm = [](const Eigen::MatrixXd& m) {
    return m.cwiseAbs().colwise().sum().maxCoeff();
  };
  const double alpha2 = k == 0 ? 0.0 : std::max(std::sqrt(one_norm(b2)), std::cbrt(one_norm(b3)));
  int undone = s0;  // alpha2 = 0: a nilpotent of index <= 2, no scaling needed at all
  if (alpha2 > 0.0) {
    undone = std::min(s0, static_cast<int>(std::floor(std::log2(kTheta18 / alpha2))));
  }
  product(b3, b3, b6);
  // The powers stay at scale 2^-s0; undoing the halvings multiplies B^p by 2^(p undone), folded
  // into the coefficients (exact: powers of two). m (=|+=) q_r: one pass over the four powers,
  // no temporaries.
  const double up[5] = {1.0,
                        std::ldexp(1.0, undone),
                        std::ldexp(1.0, 2 * undone),
                        std::ldexp(1.0, 3 * undone),
                        std::ldexp(1.0, 6 * undone)};
  const auto coef = [&](Row r, int p) { return kQ[r][p] * up[p]; };
  const auto set_q = [&](Row r, Eigen::MatrixXd& m) {
    m.noalias() = coef(r, 1) * b1 + coef(r, 2) * b2 + coef(r, 3) * b3 + coef(r, 4) * b6;
    m.diagonal().array() += kQ[r][0];
  };
  const auto add_q = [&](Row r, Eigen::MatrixXd& m) {
    m.noalias() += coef(r, 1) * b1 + coef(r, 2) * b2 + coef(r, 3) * b3 + coef(r, 4) * b6;
    m.diagonal().array() += kQ[r][0];
  };
  Eigen::MatrixXd& x = ws.x;
  Eigen::MatrixXd& q91 = ws.q91;
  set_q(kQ31, x);
  set_q(kQ64, out);
  product(x, out, q91);
  add_q(kQ63, q91);
  set_q(kQ62, x);
  x += q91;
  product(x, q91, out);
  add_q(kQ61, out);
  return s0 - undone;
}

template <typename Product>
void matrix_exponential_into(const Eigen::Ref<const Eigen::MatrixXd>& a,
                             double c,
                             Product&& product,
                             ExponentialWorkspace& ws,
                             Eigen::MatrixXd& out) {
  const int squarings = scaled_exponential_into(a, c, product, ws, out);
  for (int i = 0; i < squarings; ++i) {
    product(out, out, ws.x);
    out.swap(ws.x);
  }
}

}  // namespace netdyn::detail
