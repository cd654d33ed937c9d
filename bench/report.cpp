// report: every key of `netdyn check` for the Gaussian W (rho 0.9), in one process (peer:
// report_keys() in ../shared/bench/peer_scipy.py, the SciPy pipeline with one call per
// quantity). netdyn: one SchurFactorization shared by all of them (analyse_network).
// NETDYN_BENCH_DETAIL=1 also prints the report's parts; NETDYN_BENCH_DGEES=1 prints only `dgees`
// lines: one real Schur decomposition with vectors of the same W, the physical limit the report
// is measured against (issue 16; bench/check_ratio.sh).
#include <cstdlib>

#include "bench_common.hpp"
#include "lapack/lapack.hpp"
#include "netdyn/amplification/covariance.hpp"
#include "netdyn/amplification/nonnormality.hpp"
#include "netdyn/amplification/steady_state.hpp"
#include "netdyn/amplification/transient_envelope.hpp"
#include "netdyn/report/report.hpp"

int main(int argc, char** argv) {
  for (const long n : netdyn::bench::sizes(argc, argv, {500, 1000, 2000})) {
    const Eigen::MatrixXd w = netdyn::bench::input("report_" + std::to_string(n));
    if (std::getenv("NETDYN_BENCH_DGEES") != nullptr) {  // bench/check_ratio.sh: dgees only
      netdyn::bench::report(
          "dgees", n, netdyn::bench::time_median([&] { (void)netdyn::lapack::gees(w, true); }));
      continue;
    }
    const double s = netdyn::bench::time_median([&] { (void)netdyn::analyse_network(w); }, 1);
    netdyn::bench::report("report", n, s);
    if (std::getenv("NETDYN_BENCH_DETAIL") != nullptr) {
      // The report's parts, each on a fresh factorisation without vectors (its caches empty).
      const auto part = [&](const char* name, auto&& job) {
        netdyn::bench::report(
            name,
            n,
            netdyn::bench::time_median(
                [&] {
                  const netdyn::SchurFactorization f(w, netdyn::kWithoutSchurVectors);
                  const auto start = std::chrono::steady_clock::now();
                  job(f);
                  const auto stop = std::chrono::steady_clock::now();
                  std::fprintf(stderr,
                               " [%s %.4f]",
                               name,
                               std::chrono::duration<double>(stop - start).count());
                },
                1));
      };
      part("part_factorization", [](const netdyn::SchurFactorization&) {});
      part("part_kappa", [](const auto& f) { (void)f.eigenvector_condition(); });
      part("part_norm2", [](const auto& f) { (void)f.norm2(); });
      part("part_numerical_abscissa", [](const auto& f) { (void)netdyn::numerical_abscissa(f); });
      part("part_steady_state", [](const auto& f) { (void)netdyn::steady_state_gain(f); });
      part("part_envelope", [](const auto& f) {
        netdyn::TransientEnvelopeOptions o;
        o.points = 41;
        (void)netdyn::transient_envelope(f, o);
      });
      part("part_covariance", [](const auto& f) {
        netdyn::CovarianceOptions o;
        o.compute_matrix = false;
        (void)netdyn::stationary_covariance(f, o);
      });
    }
  }
}
