// pseudo: sigma_min(zI - A) on a 40 x 40 grid over [-2.5, 0.5] x [-1.5, 1.5], A = -I + W, W
// Gaussian rho = 0.9 (peer: a scipy.linalg.svdvals loop).
#include "bench_common.hpp"
#include "netdyn/amplification/pseudospectrum.hpp"

int main(int argc, char** argv) {
  for (const long n : netdyn::bench::sizes(argc, argv, {100, 200})) {
    const Eigen::MatrixXd a = netdyn::bench::input("pseudo_" + std::to_string(n));
    netdyn::PseudospectrumOptions options;
    options.nx = 40;
    options.ny = 40;
    options.box = std::array<double, 4>{-2.5, 0.5, -1.5, 1.5};
    netdyn::Pseudospectrum ps;
    const double s =
        netdyn::bench::time_median([&] { ps = netdyn::compute_pseudospectrum(a, options); }, 3);
    netdyn::bench::report("pseudo", n, s);
    std::fprintf(
        stderr,
        "pseudo %ld: %.1f Lanczos steps per computed point, %ld of 40 rows mirrored, "
        "min sigma %.6g\n",
        n,
        static_cast<double>(ps.iterations) / static_cast<double>((40 - ps.mirrored_rows) * 40),
        static_cast<long>(ps.mirrored_rows),
        ps.sigma_min.minCoeff());
  }
}
