// schur_reorder: the parts of netdyn's ordered real Schur form on the Gaussian W of bench_schur:
// one dgees with vectors (`dgees`), then the reordering to decreasing real part by the blocked
// reorder_real_schur (`reorder`) and, for comparison, by the former unblocked selection sort
// with one dtrexc per move on the whole n x n T and Q (`reorder_unblocked`; skipped when
// NETDYN_BENCH_UNBLOCKED=0). NETDYN_REORDER_WINDOWS="64 96 128" times several windows.
#include <cstdlib>
#include <sstream>

#include "bench_common.hpp"
#include "factorization/schur_reordering.hpp"
#include "lapack/lapack.hpp"

namespace {

// The unblocked reference (schur.cpp before the blocked version): level-1 work, O(n) per swap.
void reorder_unblocked(Eigen::MatrixXd& t, Eigen::MatrixXd& u, netdyn::SchurOrder order) {
  using netdyn::detail::block_size;
  using netdyn::detail::leading_eigenvalue;
  const Eigen::Index n = t.rows();
  Eigen::Index k = 0;
  while (k < n) {
    Eigen::Index best = k;
    std::complex<double> best_value = leading_eigenvalue(t, k);
    for (Eigen::Index i = k + block_size(t, k); i < n; i += block_size(t, i)) {
      const std::complex<double> value = leading_eigenvalue(t, i);
      if (netdyn::detail::goes_before(value, best_value, order)) {
        best = i;
        best_value = value;
      }
    }
    const Eigen::Index landed = best == k ? k : netdyn::lapack::trexc(t, u, best, k);
    k = landed + block_size(t, landed);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto order = netdyn::SchurOrder::kDecreasingRealPart;
  std::vector<Eigen::Index> windows;
  if (const char* env = std::getenv("NETDYN_REORDER_WINDOWS")) {
    std::istringstream in(env);
    for (Eigen::Index w = 0; in >> w;) windows.push_back(w);
  }
  if (windows.empty()) windows.push_back(netdyn::detail::kReorderWindow);
  const char* unblocked = std::getenv("NETDYN_BENCH_UNBLOCKED");
  const bool with_unblocked = unblocked == nullptr || std::string(unblocked) != "0";
  for (const long n : netdyn::bench::sizes(argc, argv, {1000, 2000})) {
    const Eigen::MatrixXd w = netdyn::bench::input("schur_" + std::to_string(n));
    netdyn::lapack::RealSchurFactor factor;
    netdyn::bench::report(
        "dgees", n, netdyn::bench::time_median([&] { factor = netdyn::lapack::gees(w, true); }));
    for (const Eigen::Index nb : windows) {
      Eigen::MatrixXd t;
      Eigen::MatrixXd q;
      const double s = netdyn::bench::time_median([&] {
        t = factor.t;
        q = factor.u;
        netdyn::detail::reorder_real_schur(t, q, order, nb);
      });
      netdyn::bench::report("reorder_nb" + std::to_string(nb), n, s);
    }
    if (with_unblocked) {
      netdyn::bench::report("reorder_unblocked", n, netdyn::bench::time_median([&] {
                              Eigen::MatrixXd t = factor.t;
                              Eigen::MatrixXd q = factor.u;
                              reorder_unblocked(t, q, order);
                            }));
    }
  }
}
