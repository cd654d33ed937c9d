// envelope: max over t in linspace(0, 10, 50) of ||exp(tA)||_2, A = -I + W, W Gaussian rho = 0.95
// (peer: a scipy.linalg.expm + numpy.linalg.norm(., 2) loop), from W (one Schur decomposition
// included). Two lines per size:
//   envelope            the peer's job: the 50-point grid and its largest value
//                       (refine_maximum = false);
//   envelope+certified  the grid plus the certified supremum over [0, 10] (the default,
//                       docs/decisions/certified-transient-gain.md), work the peer does not do;
//                       bench/compare.sh divides the peer's envelope time by it too.
#include "bench_common.hpp"
#include "netdyn/amplification/transient_envelope.hpp"

int main(int argc, char** argv) {
  for (const long n : netdyn::bench::sizes(argc, argv, {200, 500})) {
    const Eigen::MatrixXd a = netdyn::bench::input("envelope_" + std::to_string(n));
    const Eigen::MatrixXd w = a + Eigen::MatrixXd::Identity(n, n);
    for (const bool certified : {false, true}) {
      netdyn::TransientEnvelopeOptions options;
      options.t_max = 10.0;
      options.points = 50;
      options.refine_maximum = certified;
      netdyn::TransientEnvelope env;
      const double s =
          netdyn::bench::time_median([&] { env = netdyn::transient_envelope(w, options); }, 3);
      netdyn::bench::report(certified ? "envelope+certified" : "envelope", n, s);
      std::fprintf(stderr,
                   "envelope %ld grid max %.12g, max %.12g at t = %.10g, upper bound %.12g\n",
                   n,
                   env.norms.maxCoeff(),
                   env.max_gain,
                   env.max_time,
                   env.max_gain_upper_bound);
    }
  }
}
