// envelope: max over t in linspace(0, 10, 50) of ||exp(tA)||_2, A = -I + W, W Gaussian rho = 0.95
// (peer: a scipy.linalg.expm + numpy.linalg.norm(., 2) loop). netdyn also refines the maximum.
#include "bench_common.hpp"
#include "netdyn/amplification/transient_envelope.hpp"

int main(int argc, char** argv) {
  for (const long n : netdyn::bench::sizes(argc, argv, {200, 500})) {
    const Eigen::MatrixXd a = netdyn::bench::input("envelope_" + std::to_string(n));
    const Eigen::MatrixXd w = a + Eigen::MatrixXd::Identity(n, n);
    netdyn::TransientEnvelopeOptions options;
    options.t_max = 10.0;
    options.points = 50;
    netdyn::TransientEnvelope env;
    const double s =
        netdyn::bench::time_median([&] { env = netdyn::transient_envelope(w, options); }, 3);
    netdyn::bench::report("envelope", n, s);
    std::fprintf(stderr,
                 "envelope %ld grid max %.12g, refined max %.12g at t = %.10g\n",
                 n,
                 env.norms.maxCoeff(),
                 env.max_gain,
                 env.max_time);
  }
}
