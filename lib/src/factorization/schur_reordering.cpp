#include "factorization/schur_reordering.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "lapack/lapack.hpp"

namespace netdyn::detail {

using dcomplex = std::complex<double>;

bool goes_before(dcomplex x, dcomplex y, SchurOrder order) {
  if (x.real() != y.real()) {
    return order == SchurOrder::kDecreasingRealPart ? x.real() > y.real() : x.real() < y.real();
  }
  return x.imag() > y.imag();
}

namespace {

// The order is fixed on entry: each block gets its rank in a stable sort of the blocks'
// eigenvalues, stored on each of its rows (a 2x2 block that splits into two real eigenvalues
// during a swap keeps the rank on both rows). Sorting the rows by rank then needs no further
// comparisons of rounded eigenvalues, and a block only ever passes blocks of larger rank, so
// equal eigenvalues (consecutive ranks in their original order) are never swapped.
//
// Scheme (flops): every adjacent swap inside a window of nb rows costs O(nb) on the local copy,
// and every window costs about 4 nb^2 n flops of gemm (T's rows to the right and columns above,
// and Q), whatever it did. Windows are therefore used where they do the most swaps: a
// quicksort on the ranks whose partition step is Kressner's (2006) selection — the next chunk
// of at most nb/2 rows that go first is carried up through windows that each hold the chunk at
// their bottom and nb/2 or more other rows above it, so a window does about (nb/2)^2 swaps.
// A random order has about (n/2)^2 / 2 inversions over all levels, so gemm totals about
// 4 n^3 flops, with windows of up to nb rows sorted whole at the leaves.
class Reorderer {
 public:
  Reorderer(Eigen::MatrixXd& t, Eigen::MatrixXd& q, Eigen::Index window)
      : t_(t), q_(q), n_(t.rows()), nb_(std::max<Eigen::Index>(window, 8)), rank_(n_) {
    chunk_ = nb_ / 2;
    work_.resize(n_, nb_);
    wide_.resize(nb_, n_);
  }

  // Returns the number of blocks.
  Eigen::Index rank_blocks(SchurOrder order) {
    std::vector<Eigen::Index> starts;
    std::vector<dcomplex> values;
    for (Eigen::Index k = 0; k < n_; k += block_size(t_, k)) {
      starts.push_back(k);
      values.push_back(leading_eigenvalue(t_, k));
    }
    std::vector<std::size_t> index(starts.size());
    std::iota(index.begin(), index.end(), std::size_t{0});
    std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
      return goes_before(values[a], values[b], order);
    });
    for (std::size_t r = 0; r < index.size(); ++r) {
      const Eigen::Index k = starts[index[r]];
      const auto rank = static_cast<Eigen::Index>(r);
      rank_[k] = rank;
      if (block_size(t_, k) == 2) rank_[k + 1] = rank;
    }
    return static_cast<Eigen::Index>(index.size());
  }

  // Sort rows [lo, hi) (block boundaries) whose ranks are [rlo, rhi).
  void sort(Eigen::Index lo, Eigen::Index hi, Eigen::Index rlo, Eigen::Index rhi) {
    while (rhi - rlo > 1) {
      if (hi - lo <= nb_) {
        sort_window(lo, hi, [](Eigen::Index r) { return r; });
        return;
      }
      const Eigen::Index pivot = rlo + (rhi - rlo) / 2;
      partition(lo, hi, pivot);
      Eigen::Index mid = lo;
      while (mid < hi && rank_[mid] < pivot) ++mid;
      // Recurse into the smaller part, loop on the larger (bounded stack depth).
      if (mid - lo < hi - mid) {
        sort(lo, mid, rlo, pivot);
        lo = mid;
        rlo = pivot;
      } else {
        sort(mid, hi, pivot, rhi);
        hi = mid;
        rhi = pivot;
      }
    }
  }

 private:
  // Stable partition of rows [lo, hi): rows of rank < pivot to the top.
  void partition(Eigen::Index lo, Eigen::Index hi, Eigen::Index pivot) {
    const auto key = [pivot](Eigen::Index r) -> Eigen::Index { return r < pivot ? 0 : 1; };
    Eigen::Index ilst = lo;  // rows [lo, ilst) are selected and in place
    while (true) {
      while (ilst < hi && rank_[ilst] < pivot) ++ilst;
      // The chunk: the next selected blocks after ilst, at most chunk_ rows (at least one block).
      Eigen::Index rows = 0;
      Eigen::Index end = ilst;
      for (Eigen::Index p = ilst; p < hi;) {
        const Eigen::Index s = block_size(t_, p);
        if (rank_[p] < pivot) {
          if (rows > 0 && rows + s > chunk_) break;
          rows += s;
          end = p + s;
        }
        p += s;
      }
      if (rows == 0) return;
      // Carry the chunk up: each window ends at the gathered chunk's end and holds up to nb_
      // rows; after it, the selected rows of the window are at its top.
      Eigen::Index whi = end;
      while (true) {
        Eigen::Index wlo = std::max(ilst, whi - nb_);
        if (wlo > ilst && t_(wlo, wlo - 1) != 0.0) ++wlo;  // never split a 2x2 block
        Eigen::Index selected = 0;
        for (Eigen::Index i = wlo; i < whi; ++i) selected += rank_[i] < pivot ? 1 : 0;
        sort_window(wlo, whi, key);
        if (wlo == ilst) break;
        whi = wlo + selected;
      }
      ilst += rows;
    }
  }

  // Stable insertion sort of the blocks of rows [lo, hi) by key(rank), on a local copy of the
  // window with accumulated Z, then applied to the rest of t and to q.
  template <class Key>
  void sort_window(Eigen::Index lo, Eigen::Index hi, Key key) {
    bool sorted = true;
    for (Eigen::Index i = lo + 1; i < hi && sorted; ++i)
      sorted = key(rank_[i - 1]) <= key(rank_[i]);
    if (sorted) return;
    const Eigen::Index m = hi - lo;
    local_t_ = t_.block(lo, lo, m, m);
    local_z_.setIdentity(m, m);
    Eigen::Index* const labels = rank_.data() + lo;
    try {
      for (Eigen::Index p = 0; p < m;) {
        const Eigen::Index s = block_size(local_t_, p);
        const Eigen::Index kp = key(labels[p]);
        Eigen::Index j = 0;
        while (j < p && key(labels[j]) <= kp) j += block_size(local_t_, j);
        if (j < p) {
          // Moving up past whole blocks, dtrexc lands exactly on j (a 2x2 block that splits
          // on the way is carried on as its two 1x1 blocks).
          (void)lapack::trexc(local_t_, local_z_, p, j);
          std::rotate(labels + j, labels + p, labels + p + s);
        }
        p += s;
      }
    } catch (...) {
      apply(lo, m);  // dtrexc leaves t and z consistent on failure: keep W = Q T Q^T
      throw;
    }
    apply(lo, m);
  }

  void apply(Eigen::Index lo, Eigen::Index m) {
    const Eigen::Index hi = lo + m;
    t_.block(lo, lo, m, m) = local_t_;
    const Eigen::Index right = n_ - hi;
    if (right > 0) {
      auto panel = wide_.topLeftCorner(m, right);
      lapack::gemm('T', 'N', 1.0, local_z_, t_.block(lo, hi, m, right), 0.0, panel);
      t_.block(lo, hi, m, right) = panel;
    }
    if (lo > 0) {
      auto panel = work_.topLeftCorner(lo, m);
      lapack::gemm('N', 'N', 1.0, t_.block(0, lo, lo, m), local_z_, 0.0, panel);
      t_.block(0, lo, lo, m) = panel;
    }
    if (q_.size() != 0) {
      auto panel = work_.topLeftCorner(n_, m);
      lapack::gemm('N', 'N', 1.0, q_.middleCols(lo, m), local_z_, 0.0, panel);
      q_.middleCols(lo, m) = panel;
    }
  }

  Eigen::MatrixXd& t_;
  Eigen::MatrixXd& q_;
  Eigen::Index n_;
  Eigen::Index nb_;
  Eigen::Index chunk_ = 0;
  std::vector<Eigen::Index> rank_;  // per row: rank of its block in the target order
  Eigen::MatrixXd local_t_;
  Eigen::MatrixXd local_z_;
  Eigen::MatrixXd work_;  // n x nb: T(above, win) Z and Q(:, win) Z
  Eigen::MatrixXd wide_;  // nb x n: Z^T T(win, right)
};

}  // namespace

void reorder_real_schur(Eigen::MatrixXd& t,
                        Eigen::MatrixXd& q,
                        SchurOrder order,
                        Eigen::Index window) {
  if (order == SchurOrder::kNone || t.rows() < 2) return;
  Reorderer reorderer(t, q, window > 0 ? window : kReorderWindow);
  const Eigen::Index blocks = reorderer.rank_blocks(order);
  reorderer.sort(0, t.rows(), 0, blocks);
}

}  // namespace netdyn::detail
