#pragma once
// The only place netdyn talks to LAPACK/BLAS (house style 8.7). Every wrapper takes and returns
// Eigen types, runs the `lwork = -1` workspace query where the routine has one, and maps `info`
// to the errors of error.hpp. Callers validate their inputs (finite, square) before calling.

#include <Eigen/Core>
#include <complex>
#include <functional>

namespace netdyn::lapack {

/// The dense decompositions and solves of this backend, counted per call (n > 0) since program
/// start or the last reset_call_counts(), so that tests can prove how often a job factorises W
/// (issue 16: one report of W is one dgees).
enum class Routine {
  kGeev,         ///< dgeev
  kGeesReal,     ///< dgees
  kGeesComplex,  ///< zgees
  kGesdd,        ///< dgesdd and zgesdd (SVD, with or without vectors)
  kSyevr,        ///< dsyevr (symmetric eigenproblem, O(n^3) tridiagonalisation)
  kGesv,         ///< dgesv (LU)
  kTrsyl3,       ///< dtrsyl3 (triangular Sylvester, O(n^3) but no decomposition)
  kTrevc3,       ///< dtrevc3 (eigenvectors of a quasi-triangular T, O(n^3))
  kTrsna,        ///< dtrsna (condition numbers of T's eigenvalues, O(n^2) from its eigenvectors)
  kHseqr,        ///< dgehrd + dhseqr (eigenvalues only; the Hamiltonians of stability_radius)
  kCount
};
/// Calls of `routine` so far (atomic: OpenMP threads may call the backend concurrently).
[[nodiscard]] long call_count(Routine routine);
/// Set every counter to 0.
void reset_call_counts();

/// Eigenvalues (and right eigenvectors, complex, unit 2-norm columns) of a real general matrix:
/// dgeev.
struct EigenDecomposition {
  Eigen::VectorXcd values;
  Eigen::MatrixXcd vectors;  ///< empty unless requested
};
[[nodiscard]] EigenDecomposition geev(const Eigen::Ref<const Eigen::MatrixXd>& a, bool vectors);

/// Eigenvalues of a real general matrix, overwriting it: Hessenberg reduction (dgehrd), then the
/// multishift QR algorithm without Schur form or vectors (dhseqr, job 'E'). dgeev without vectors
/// minus the balancing, so the backward error is eps ||a|| of a itself. Cost about 10/3 n^3 +
/// 10 n^3 flops (Golub & Van Loan 7.5.6) against dgees' ~25 n^3 with vectors.
[[nodiscard]] Eigen::VectorXcd eigenvalues_in_place(Eigen::MatrixXd&& a);

/// Real Schur form a = u t u^T (t quasi-triangular, 2x2 blocks standardised): dgees, unsorted.
struct RealSchurFactor {
  Eigen::MatrixXd t;
  Eigen::MatrixXd u;  ///< empty unless requested
  Eigen::VectorXcd values;
};
[[nodiscard]] RealSchurFactor gees(const Eigen::Ref<const Eigen::MatrixXd>& a, bool vectors);
/// As gees, but `a`'s storage becomes `t` (no n x n copy; first touches of fresh buffers are a
/// visible cost at n ~ 500).
[[nodiscard]] RealSchurFactor gees_in_place(Eigen::MatrixXd&& a, bool vectors);

/// Complex Schur form a = u t u^* (t upper triangular): zgees, unsorted.
struct ComplexSchurFactor {
  Eigen::MatrixXcd t;
  Eigen::MatrixXcd u;  ///< empty unless requested
};
[[nodiscard]] ComplexSchurFactor gees(const Eigen::Ref<const Eigen::MatrixXcd>& a, bool vectors);

/// Right eigenvectors of an upper quasi-triangular t (a real Schur factor with standardised 2x2
/// blocks): dtrevc3 with side 'R', howmny 'A' (no back-transformation). Column k is the
/// eigenvector of the diagonal entry k; a complex pair at k, k+1 (+i first) gives its real part
/// in column k and imaginary part in column k+1. Upper quasi-triangular with t's block pattern;
/// not normalised. Cost about n^3/3 flops (dlaln2 solves, level 2).
[[nodiscard]] Eigen::MatrixXd trevc3_right(const Eigen::Ref<const Eigen::MatrixXd>& t);
/// Left eigenvectors of the same t: dtrevc3 with side 'L', howmny 'A'. Column k is y_k with
/// `y_k^* t = lambda_k y_k^*` (for a pair at k, k+1: real part in column k, imaginary part in
/// column k+1, for the +i eigenvalue); block lower triangular with t's pattern transposed (y_k is
/// zero above row k); not normalised. Counted as kTrevc3.
[[nodiscard]] Eigen::MatrixXd trevc3_left(const Eigen::Ref<const Eigen::MatrixXd>& t);

/// Reciprocal condition numbers `s_k = |y_k^* x_k| / (||x_k||_2 ||y_k||_2)` of the eigenvalues of
/// an upper quasi-triangular t (T's diagonal order; the two members of a pair get the same
/// value) from its left and right eigenvectors in dtrevc3's storage (trevc3_left, trevc3_right;
/// any column scaling): dtrsna with job 'E', howmny 'A'. O(n^2): one inner product per
/// eigenvalue. s_k is about 0 (at rounding level) for a numerically defective eigenvalue.
[[nodiscard]] Eigen::VectorXd trsna_eigenvalues(const Eigen::Ref<const Eigen::MatrixXd>& t,
                                                const Eigen::Ref<const Eigen::MatrixXd>& vl,
                                                const Eigen::Ref<const Eigen::MatrixXd>& vr);

/// Move the diagonal entry (1x1 or 2x2 block) at 0-based row `from` to row `to` of a real Schur
/// form, updating u (if non-empty): dtrexc. Returns the final 0-based position (blocks may shift
/// it).
Eigen::Index trexc(Eigen::MatrixXd& t, Eigen::MatrixXd& u, Eigen::Index from, Eigen::Index to);
/// Complex counterpart: ztrexc.
void trexc(Eigen::MatrixXcd& t, Eigen::MatrixXcd& u, Eigen::Index from, Eigen::Index to);

/// Solve op(a) x + isgn x op(b) = scale c for quasi-triangular a, b (real Schur forms):
/// dtrsyl3 (blocked, level-3). Overwrites c with x and returns the scale factor (<= 1).
double trsyl3(char trana,
              char tranb,
              int isgn,
              const Eigen::Ref<const Eigen::MatrixXd>& a,
              const Eigen::Ref<const Eigen::MatrixXd>& b,
              Eigen::Ref<Eigen::MatrixXd> c);

/// Singular values (descending) of a real matrix: dgesdd, no vectors.
[[nodiscard]] Eigen::VectorXd singular_values(const Eigen::Ref<const Eigen::MatrixXd>& a);
/// Thin SVD a = u diag(s) v^T: dgesdd.
struct SingularValueDecomposition {
  Eigen::VectorXd s;  ///< descending
  Eigen::MatrixXd u;
  Eigen::MatrixXd v;
};
[[nodiscard]] SingularValueDecomposition svd(const Eigen::Ref<const Eigen::MatrixXd>& a);
/// Singular values (descending) of a complex matrix: zgesdd, no vectors.
[[nodiscard]] Eigen::VectorXd singular_values(const Eigen::Ref<const Eigen::MatrixXcd>& a);

/// Eigenvalues (ascending) and optionally orthonormal eigenvectors of a real symmetric matrix
/// (lower triangle read): dsyevr. `first`/`last` (0-based, inclusive) select a range of indices;
/// the default takes all.
struct SymmetricEigen {
  Eigen::VectorXd values;
  Eigen::MatrixXd vectors;  ///< empty unless requested
};
[[nodiscard]] SymmetricEigen syevr(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                   bool vectors,
                                   Eigen::Index first = 0,
                                   Eigen::Index last = -1);

/// Largest eigenvalue and its unit eigenvector of the symmetric tridiagonal matrix with diagonal
/// d and off-diagonal e: dstevr for the one index (bisection and inverse iteration, O(k) work,
/// where a full tridiagonal QR with vectors is O(k^3)). The workspace is owned, for loops that
/// call it once per Lanczos step.
class TridiagonalTopEigen {
 public:
  explicit TridiagonalTopEigen(Eigen::Index max_size);
  /// Returns the eigenvalue; vector() holds the eigenvector (d.size() entries).
  double compute(const Eigen::Ref<const Eigen::VectorXd>& d,
                 const Eigen::Ref<const Eigen::VectorXd>& e);
  [[nodiscard]] Eigen::Ref<const Eigen::VectorXd> vector() const { return vector_.head(size_); }

 private:
  Eigen::Index size_ = 0;
  Eigen::VectorXd d_;
  Eigen::VectorXd e_;
  Eigen::VectorXd vector_;
  Eigen::VectorXd work_;
  Eigen::VectorXi iwork_;
};

/// Solve a x = b by LU with partial pivoting: dgesv. Throws NumericalError if a is singular.
[[nodiscard]] Eigen::MatrixXd gesv(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                   const Eigen::Ref<const Eigen::MatrixXd>& b);

/// c = alpha op(a) op(b) + beta c through BLAS (multithreaded OpenBLAS): dgemm / zgemm.
void gemm(char transa,
          char transb,
          double alpha,
          const Eigen::Ref<const Eigen::MatrixXd>& a,
          const Eigen::Ref<const Eigen::MatrixXd>& b,
          double beta,
          Eigen::Ref<Eigen::MatrixXd> c);
void gemm(char transa,
          char transb,
          std::complex<double> alpha,
          const Eigen::Ref<const Eigen::MatrixXcd>& a,
          const Eigen::Ref<const Eigen::MatrixXcd>& b,
          std::complex<double> beta,
          Eigen::Ref<Eigen::MatrixXcd> c);

/// y = alpha op(a) x + beta y through BLAS (multithreaded OpenBLAS): dgemv / zgemv, trans 'N',
/// 'T' or 'C'. x and y must not alias.
void gemv(char trans,
          double alpha,
          const Eigen::Ref<const Eigen::MatrixXd>& a,
          const Eigen::Ref<const Eigen::VectorXd>& x,
          double beta,
          Eigen::Ref<Eigen::VectorXd> y);
void gemv(char trans,
          std::complex<double> alpha,
          const Eigen::Ref<const Eigen::MatrixXcd>& a,
          const Eigen::Ref<const Eigen::VectorXcd>& x,
          std::complex<double> beta,
          Eigen::Ref<Eigen::VectorXcd> y);

/// y = a x for symmetric a (only the upper triangle is read): dsymv with uplo 'U'. One pass over
/// the triangle, as a triangular matrix-vector product. x and y must not alias. Below n = 400
/// (as dtrmv below) on the calling thread only: OpenBLAS threads both at every size, which is
/// slower there even on an idle machine and far slower on a busy one.
void symv_upper(const Eigen::Ref<const Eigen::MatrixXd>& a,
                const Eigen::Ref<const Eigen::VectorXd>& x,
                Eigen::Ref<Eigen::VectorXd> y);

/// b = alpha op(a) b for upper triangular a (only the upper triangle is read): dtrmm with
/// side 'L', uplo 'U', diag 'N' (multithreaded OpenBLAS, n^3 flops against gemm's 2 n^3).
void trmm_upper_left(char transa,
                     double alpha,
                     const Eigen::Ref<const Eigen::MatrixXd>& a,
                     Eigen::Ref<Eigen::MatrixXd> b);

/// b = alpha b op(a) for upper triangular complex a (only its upper triangle is read): ztrmm
/// with side 'R', uplo 'U', diag 'N' (4 n^3 real flops against zgemm's 8 n^3).
void trmm_upper_right(char transa,
                      std::complex<double> alpha,
                      const Eigen::Ref<const Eigen::MatrixXcd>& a,
                      Eigen::Ref<Eigen::MatrixXcd> b);

/// Upper triangle of c = alpha a^* a + beta c (c Hermitian; its strictly lower part is neither
/// read nor written): zherk with uplo 'U', trans 'C' (half the flops of zgemm).
void herk_upper(double alpha,
                const Eigen::Ref<const Eigen::MatrixXcd>& a,
                double beta,
                Eigen::Ref<Eigen::MatrixXcd> c);

/// x = op(a) x for upper triangular a (only the upper triangle is read): dtrmv with uplo 'U',
/// diag 'N', trans 'N' or 'T'. OpenBLAS's kernel is picked for the CPU at run time (AVX2/AVX-512),
/// about twice Eigen's SSE2 product in this build. Below n = 400 on the calling thread only.
void trmv_upper(char trans,
                const Eigen::Ref<const Eigen::MatrixXd>& a,
                Eigen::Ref<Eigen::VectorXd> x);

/// x = op(a)^{-1} x for upper triangular complex a (only the upper triangle is read): ztrsv with
/// uplo 'U', diag 'N', trans 'N' or 'C'. Single-threaded in OpenBLAS, so safe to call from
/// several OpenMP threads at once.
void trsv_upper(char trans,
                const Eigen::Ref<const Eigen::MatrixXcd>& a,
                Eigen::Ref<Eigen::VectorXcd> x);

/// While alive, BLAS/LAPACK calls run on the calling thread only (OpenBLAS:
/// openblas_set_num_threads(1); the previous count is restored on destruction; no effect with a
/// BLAS that lacks the call). For a call that is followed by the caller's own OpenMP threads:
/// an OpenBLAS worker woken by a multithreaded call spins (sched_yield) for about 2^28 cycles,
/// ~0.1 s, after it, taking a core from them. The setting is process-wide.
class SingleThreadedBlas {
 public:
  SingleThreadedBlas();
  ~SingleThreadedBlas();
  SingleThreadedBlas(const SingleThreadedBlas&) = delete;
  SingleThreadedBlas& operator=(const SingleThreadedBlas&) = delete;

 private:
  int saved_ = 0;
};

}  // namespace netdyn::lapack
