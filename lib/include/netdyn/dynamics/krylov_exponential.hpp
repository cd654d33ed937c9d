#pragma once
/// \file krylov_exponential.hpp
/// Krylov exponential integrator for the affine system `dx/dt = A x + b`, b constant (Saad 1992;
/// Hochbruck & Lubich 1997; Sidje 1998, Expokit's `expv` error estimate and step control).
///
/// **Method.** The augmented matrix `Aa = [[A, b], [0, 0]]` acting on `[x; 1]` turns the affine
/// flow into one exponential, `e^{s Aa} [x; 1] = [e^{sA} x + s phi_1(sA) b; 1]` (Aa is never
/// formed: a product is one `A x` plus a multiple of b). A step of length tau from x builds the
/// Arnoldi relation `Aa V_m = V_m H_m + h_{m+1,m} v_{m+1} e_m^T` of the Krylov space
/// `K_m(Aa, [x; 1])`, beta = ||[x; 1]||, and returns Expokit's corrected approximation
///
///     [x(t + s); 1] ~ beta V_{m+1} (e^{s Hh} e_1)(1..m+1),
///
/// where Hh, of size m + 2, holds the (m+1) x m Arnoldi matrix in its first m columns and a 1 at
/// (m+2, m+1), and zeros elsewhere,
/// for every s in [0, tau]: one basis gives all output times inside the step (dense output). The
/// local error estimate is Sidje's (1998; from the next term of the series, which
/// uses `Aa v_{m+1}`), measured in the weighted max norm of the other integrators
/// (simulation.hpp): `max_i |err_i| / (atol + rtol |x_i(t + tau)|)`; a step is accepted when it is
/// <= 1. This is a per-step tolerance, as in the Runge-Kutta codes: with k steps the global error
/// is at most about k times it (less when A is stable, as earlier errors decay).
///
/// **Step control** (Expokit's `expv` with an adaptive Krylov dimension): every step first tries
/// the whole remaining interval, and the basis grows until the estimate at that tau is <= 1. The
/// estimate (an O(m^3) exponential of Hh) is evaluated at m = 12, then where a model predicts
/// success with a margin of 10: the Taylor remainder `e^{tau c} sum_{k>m} (tau rho)^k / k!` of a
/// disk (c, rho) around the Ritz values, scaled by beta and the tolerance (if even
/// `max_dimension` would not do by the model, tau is shortened at once); after a failed check the
/// model is re-anchored on the measured estimate, or m grows by half. At `max_dimension` tau is
/// reduced Expokit's way, `tau min(0.9, gamma err^{-1/m})`, gamma = 0.9, without new products. The
/// model only decides where to look: acceptance is always by the estimate. The next step starts
/// from Expokit's proposal `gamma tau err^{-1/m}` if the basis hit max_dimension, and from the
/// whole remaining interval otherwise.
///
/// **Happy breakdown.** If the new Arnoldi vector is at the rounding level of the
/// orthogonalisation (`h_{j+1,j} <= 64 eps sqrt(n + 1) ||Aa v_j||`), `K_j` is invariant (A = 0 and
/// b = 0; x an eigenvector with b = 0; a nilpotent A after n steps) and `beta V_j e^{tau H_j} e_1`
/// is exact for every tau: the step takes the whole remaining interval.
///
/// **Cost** per step of dimension m: m + 1 products with A; orthogonalisation O(n m^2) by
/// classical Gram-Schmidt as two BLAS matrix-vector products with the basis block, repeated once
/// when the norm drops below 1/sqrt(2) of its value ("twice is enough": Daniel, Gragg, Kaufman &
/// Stewart 1976; Giraud, Langou & Rozloznik 2005); one exponential of an (m+2) x (m+2) matrix per
/// check (Taylor degree 18 in 5 BLAS products with scaling, Bader, Blanes & Casas 2019; only its
/// first column: the squarings that pay off, the rest as matrix-vector products); dense output
/// O(m^3) per new output spacing, O(m^2 + n m) per output. Memory: (n + 1)(max_dimension + 1)
/// doubles for the basis. Products with A dominate when A is dense and n >= ~500.
///
/// Arnoldi works with `Aa - shift I` (LinearOperator::shift; the Krylov spaces are the same, and
/// the shift is added back to H), which removes the cancellation a large common diagonal such as
/// the `-I / tau` of a rate network would cause.
///
/// References: Y. Saad, SIAM J. Numer. Anal. 29 (1992) 209-228; M. Hochbruck & C. Lubich, SIAM J.
/// Numer. Anal. 34 (1997) 1911-1925; R. B. Sidje, ACM TOMS 24 (1998) 130-156 (Expokit).

#include <Eigen/Core>
#include <cstddef>

#include "netdyn/core/linear_operator.hpp"

namespace netdyn {

struct KrylovOptions {
  double rtol = 1e-8;   ///< relative tolerance per step (> 0)
  double atol = 1e-10;  ///< absolute tolerance per step (> 0)
  /// Largest Krylov dimension m of a step (>= 1); the basis holds (n + 1)(m + 1) doubles. Larger m
  /// means fewer, longer steps and fewer products in all, but O(n m^2) orthogonalisation.
  Eigen::Index max_dimension = 100;
  /// Step-size reductions allowed inside one step before NumericalError (>= 1).
  std::size_t max_rejections = 30;
};

/// Stepper for `dx/dt = A x + b` with piecewise-constant b: reset() at each jump of b or x,
/// step() towards a limit, state_at() inside the last step.
class KrylovExponential {
 public:
  /// \throws std::invalid_argument a.apply empty, a.size < 1, shift not finite, options out of
  ///         range
  explicit KrylovExponential(LinearOperator a, const KrylovOptions& options = {});

  /// Start (or restart after a jump) at time t from x with inhomogeneity b (size n, or empty for
  /// b = 0). O(n).
  /// \throws std::invalid_argument sizes differ from n, t, x or b not finite
  void reset(double t,
             const Eigen::Ref<const Eigen::VectorXd>& x,
             const Eigen::Ref<const Eigen::VectorXd>& b);

  /// One accepted step from time() towards `limit` (> time()); afterwards time() <= limit, and
  /// time() == limit exactly when the step reached it.
  /// \throws std::invalid_argument limit <= time() or not finite; reset() was never called
  /// \throws NumericalError no accurate step after options.max_rejections reductions
  void step(double limit);

  [[nodiscard]] double time() const { return t_; }
  [[nodiscard]] const Eigen::VectorXd& state() const { return x_; }
  [[nodiscard]] double previous_time() const { return t_prev_; }  ///< start of the last step

  /// x(s) for previous_time() <= s <= time(), from the last step's basis (no product with A).
  /// Equally spaced s reuse one small exponential. Accuracy: the estimate controls the error at
  /// the step end; inside it the error is normally smaller (it grows with s like the Taylor
  /// remainder), but that is not checked.
  /// \throws std::invalid_argument s outside the last step, or no step taken since reset()
  void state_at(double s, Eigen::Ref<Eigen::VectorXd> out);

  [[nodiscard]] Eigen::Index size() const { return n_; }
  [[nodiscard]] std::size_t products() const { return products_; }      ///< products with A
  [[nodiscard]] std::size_t steps() const { return steps_; }            ///< accepted steps
  [[nodiscard]] std::size_t rejections() const { return rejections_; }  ///< tau reductions
  [[nodiscard]] Eigen::Index dimension() const { return dimension_; }   ///< m of the last step
  [[nodiscard]] double error_estimate() const { return error_; }        ///< weighted, last step

 private:
  void product(Eigen::Index j);  // p_ = (Aa - shift I) v_j
  // Expokit's estimate for dimension m at tau; fills w_ and f_. Returns the weighted error.
  double estimate(Eigen::Index m, double tau);
  // Weighted deviation from 1 of the last component of w_ (exactly 1 in exact arithmetic).
  [[nodiscard]] double constant_drift() const;
  // Take the step of length tau with dimension m (estimate err) from w_, hhat_.
  void accept(Eigen::Index m, double tau, double err, double limit);

  LinearOperator a_;
  KrylovOptions options_;
  Eigen::Index n_ = 0;
  Eigen::Index mmax_ = 0;
  bool ready_ = false;
  double t_ = 0.0;
  double t_prev_ = 0.0;
  double tau_next_ = 0.0;  // proposed step; infinity = the whole remaining interval
  Eigen::VectorXd x_, b_;
  Eigen::MatrixXd v_;      // (n + 1) x (mmax + 1) Arnoldi basis
  Eigen::MatrixXd h_;      // (mmax + 1) x mmax Hessenberg matrix of Aa - shift I
  Eigen::VectorXd p_;      // next Arnoldi vector
  Eigen::VectorXd coef_;   // orthogonalisation coefficients
  Eigen::VectorXd coef2_;  // second-pass coefficients (reorthogonalisation)
  Eigen::MatrixXd hhat_;   // Hh of the last evaluation (of Aa, shift added back)
  Eigen::VectorXd f_;      // e^{tau Hh} e_1 of the last evaluation
  Eigen::VectorXd w_;      // candidate [x; 1] of the last evaluation
  double beta_ = 0.0;
  // Dense output of the last accepted step.
  Eigen::MatrixXd step_hhat_;
  Eigen::Index step_basis_ = 0;
  double step_beta_ = 0.0;
  Eigen::VectorXd u_;  // e^{(s_ - t_prev_) Hh} e_1
  double s_ = 0.0;
  double cached_ds_ = -1.0;
  Eigen::MatrixXd cached_exp_;  // e^{cached_ds_ Hh}, applied cached_count_ times since cached_from_
  double cached_from_ = 0.0;
  long cached_count_ = 0;
  bool have_step_ = false;
  std::size_t products_ = 0, steps_ = 0, rejections_ = 0;
  Eigen::Index dimension_ = 0;
  double error_ = 0.0;
};

/// The solution of a run from one reset(): states and counters.
struct KrylovSolution {
  Eigen::MatrixXd states;      ///< n x times.size(); column k is x(times(k))
  std::size_t products = 0;    ///< products with A
  std::size_t steps = 0;       ///< accepted steps
  std::size_t rejections = 0;  ///< step-size reductions
  Eigen::Index max_dimension_used = 0;
};

/// x(t) at `times` for `dx/dt = A x + b`, x(0) = x0 (b empty = 0), by KrylovExponential: steps
/// towards the last time, outputs from the dense output.
/// \throws std::invalid_argument as KrylovExponential; times not finite, negative or decreasing
/// \throws NumericalError as step(); a non-finite result (overflow)
[[nodiscard]] KrylovSolution krylov_propagate(const LinearOperator& a,
                                              const Eigen::Ref<const Eigen::VectorXd>& x0,
                                              const Eigen::Ref<const Eigen::VectorXd>& b,
                                              const Eigen::Ref<const Eigen::VectorXd>& times,
                                              const KrylovOptions& options = {});

}  // namespace netdyn
