// The only file that declares Fortran symbols (house style 8.7). Hidden CHARACTER length
// arguments are declared (GCC bug 90329), workspace sizes come from `lwork = -1` queries, and
// `info` is mapped onto netdyn's error types by check_info.
#include "lapack/lapack.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "netdyn/core/error.hpp"

using dcomplex = std::complex<double>;

// NOLINTBEGIN(readability-identifier-naming): Fortran symbol names
extern "C" {
// OpenBLAS's thread control; weak so that another BLAS still links (then the calls are skipped).
__attribute__((weak)) void openblas_set_num_threads(int);
__attribute__((weak)) int openblas_get_num_threads(void);
void dgeev_(const char* jobvl,
            const char* jobvr,
            const int* n,
            double* a,
            const int* lda,
            double* wr,
            double* wi,
            double* vl,
            const int* ldvl,
            double* vr,
            const int* ldvr,
            double* work,
            const int* lwork,
            int* info,
            std::size_t,
            std::size_t);
void dgehrd_(const int* n,
             const int* ilo,
             const int* ihi,
             double* a,
             const int* lda,
             double* tau,
             double* work,
             const int* lwork,
             int* info);
void dhseqr_(const char* job,
             const char* compz,
             const int* n,
             const int* ilo,
             const int* ihi,
             double* h,
             const int* ldh,
             double* wr,
             double* wi,
             double* z,
             const int* ldz,
             double* work,
             const int* lwork,
             int* info,
             std::size_t,
             std::size_t);
void dgees_(const char* jobvs,
            const char* sort,
            int (*select)(const double*, const double*),
            const int* n,
            double* a,
            const int* lda,
            int* sdim,
            double* wr,
            double* wi,
            double* vs,
            const int* ldvs,
            double* work,
            const int* lwork,
            int* bwork,
            int* info,
            std::size_t,
            std::size_t);
void zgees_(const char* jobvs,
            const char* sort,
            int (*select)(const dcomplex*),
            const int* n,
            dcomplex* a,
            const int* lda,
            int* sdim,
            dcomplex* w,
            dcomplex* vs,
            const int* ldvs,
            dcomplex* work,
            const int* lwork,
            double* rwork,
            int* bwork,
            int* info,
            std::size_t,
            std::size_t);
void dtrevc3_(const char* side,
              const char* howmny,
              int* select,
              const int* n,
              const double* t,
              const int* ldt,
              double* vl,
              const int* ldvl,
              double* vr,
              const int* ldvr,
              const int* mm,
              int* m,
              double* work,
              const int* lwork,
              int* info,
              std::size_t,
              std::size_t);
void dtrsna_(const char* job,
             const char* howmny,
             const int* select,
             const int* n,
             const double* t,
             const int* ldt,
             const double* vl,
             const int* ldvl,
             const double* vr,
             const int* ldvr,
             double* s,
             double* sep,
             const int* mm,
             int* m,
             double* work,
             const int* ldwork,
             int* iwork,
             int* info,
             std::size_t,
             std::size_t);
void dtrexc_(const char* compq,
             const int* n,
             double* t,
             const int* ldt,
             double* q,
             const int* ldq,
             int* ifst,
             int* ilst,
             double* work,
             int* info,
             std::size_t);
void ztrexc_(const char* compq,
             const int* n,
             dcomplex* t,
             const int* ldt,
             dcomplex* q,
             const int* ldq,
             const int* ifst,
             const int* ilst,
             int* info,
             std::size_t);
void dtrsyl3_(const char* trana,
              const char* tranb,
              const int* isgn,
              const int* m,
              const int* n,
              const double* a,
              const int* lda,
              const double* b,
              const int* ldb,
              double* c,
              const int* ldc,
              double* scale,
              int* iwork,
              const int* liwork,
              double* swork,
              const int* ldswork,
              int* info,
              std::size_t,
              std::size_t);
void dgesdd_(const char* jobz,
             const int* m,
             const int* n,
             double* a,
             const int* lda,
             double* s,
             double* u,
             const int* ldu,
             double* vt,
             const int* ldvt,
             double* work,
             const int* lwork,
             int* iwork,
             int* info,
             std::size_t);
void zgesdd_(const char* jobz,
             const int* m,
             const int* n,
             dcomplex* a,
             const int* lda,
             double* s,
             dcomplex* u,
             const int* ldu,
             dcomplex* vt,
             const int* ldvt,
             dcomplex* work,
             const int* lwork,
             double* rwork,
             int* iwork,
             int* info,
             std::size_t);
void dstevr_(const char* jobz,
             const char* range,
             const int* n,
             double* d,
             double* e,
             const double* vl,
             const double* vu,
             const int* il,
             const int* iu,
             const double* abstol,
             int* m,
             double* w,
             double* z,
             const int* ldz,
             int* isuppz,
             double* work,
             const int* lwork,
             int* iwork,
             const int* liwork,
             int* info,
             std::size_t,
             std::size_t);
void dsyevr_(const char* jobz,
             const char* range,
             const char* uplo,
             const int* n,
             double* a,
             const int* lda,
             const double* vl,
             const double* vu,
             const int* il,
             const int* iu,
             const double* abstol,
             int* m,
             double* w,
             double* z,
             const int* ldz,
             int* isuppz,
             double* work,
             const int* lwork,
             int* iwork,
             const int* liwork,
             int* info,
             std::size_t,
             std::size_t,
             std::size_t);
void dgesv_(const int* n,
            const int* nrhs,
            double* a,
            const int* lda,
            int* ipiv,
            double* b,
            const int* ldb,
            int* info);
void dgemm_(const char* transa,
            const char* transb,
            const int* m,
            const int* n,
            const int* k,
            const double* alpha,
            const double* a,
            const int* lda,
            const double* b,
            const int* ldb,
            const double* beta,
            double* c,
            const int* ldc,
            std::size_t,
            std::size_t);
void zgemm_(const char* transa,
            const char* transb,
            const int* m,
            const int* n,
            const int* k,
            const dcomplex* alpha,
            const dcomplex* a,
            const int* lda,
            const dcomplex* b,
            const int* ldb,
            const dcomplex* beta,
            dcomplex* c,
            const int* ldc,
            std::size_t,
            std::size_t);
}
// NOLINTEND(readability-identifier-naming)

namespace netdyn::lapack {

namespace {

// OpenBLAS (0.3.21) threads dtrmv and dsymv at every size. Below n = 400 one thread is faster
// even on an idle machine (measured here: 2.1 against 5.7 us at n = 100, 8.2 against 11.2 at
// n = 300, 21.6 against 17.0 at n = 500), and on a busy one each threaded call waits for a
// worker that has no core: a 20 x 20 `netdyn check` took 1.9-8 s beside a build instead of
// 0.03 s. So small calls run on the calling thread. Inside an OpenMP region the caller has
// already made BLAS single-threaded (SingleThreadedBlas), and toggling the process-wide count
// there would race, so nothing is changed.
constexpr Eigen::Index kThreadedLevel2Min = 400;

// Whether a level-2 call of order n runs on the calling thread (SingleThreadedBlas around it).
bool serial_level2(Eigen::Index n) {
#ifdef _OPENMP
  if (omp_in_parallel() != 0) return false;
#endif
  return n < kThreadedLevel2Min;
}

std::atomic<long> g_calls[static_cast<int>(Routine::kCount)];

void count(Routine routine) {
  g_calls[static_cast<int>(routine)].fetch_add(1, std::memory_order_relaxed);
}

void check_info(const char* routine, int info, Eigen::Index n) {
  if (info < 0) {
    throw std::logic_error(std::string(routine) + ": argument " + std::to_string(-info) +
                           " had an illegal value (internal error in netdyn)");
  }
  if (info > 0) {
    throw NumericalError(std::string(routine) + " failed to converge, info = " +
                         std::to_string(info) + ", n = " + std::to_string(n));
  }
}

int to_int(Eigen::Index v, const char* routine) {
  if (v > std::numeric_limits<int>::max() || v < 0) {
    throw std::invalid_argument(std::string(routine) + ": dimension " + std::to_string(v) +
                                " exceeds LAPACK's 32-bit integer range");
  }
  return static_cast<int>(v);
}

int workspace_size(double query) {
  return std::max(1, static_cast<int>(query));
}
int workspace_size(dcomplex query) {
  return std::max(1, static_cast<int>(query.real()));
}

// Real eigenvector pairs from dgeev/dtrevc's packed storage into complex unit columns.
Eigen::MatrixXcd unpack_eigenvectors(const Eigen::MatrixXd& v, const std::vector<double>& wi) {
  const Eigen::Index n = v.rows();
  Eigen::MatrixXcd out(n, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    if (wi[j] == 0.0) {
      out.col(j) = v.col(j).cast<dcomplex>();
    } else {
      out.col(j).real() = v.col(j);
      out.col(j).imag() = v.col(j + 1);
      out.col(j + 1) = out.col(j).conjugate();
      ++j;
    }
  }
  for (Eigen::Index j = 0; j < n; ++j) out.col(j).normalize();
  return out;
}

}  // namespace

long call_count(Routine routine) {
  return g_calls[static_cast<int>(routine)].load(std::memory_order_relaxed);
}

void reset_call_counts() {
  for (std::atomic<long>& c : g_calls) c.store(0, std::memory_order_relaxed);
}

EigenDecomposition geev(const Eigen::Ref<const Eigen::MatrixXd>& a, bool vectors) {
  count(Routine::kGeev);
  const int n = to_int(a.rows(), "dgeev");
  EigenDecomposition out;
  if (n == 0) return out;
  Eigen::MatrixXd work_a = a;
  std::vector<double> wr(n), wi(n);
  Eigen::MatrixXd vr(vectors ? n : 1, vectors ? n : 1);
  double vl_dummy = 0.0;
  const int ldvl = 1;
  const int ldvr = vectors ? n : 1;
  const char jobvl = 'N';
  const char jobvr = vectors ? 'V' : 'N';
  int info = 0;
  int lwork = -1;
  double query = 0.0;
  dgeev_(&jobvl,
         &jobvr,
         &n,
         work_a.data(),
         &n,
         wr.data(),
         wi.data(),
         &vl_dummy,
         &ldvl,
         vr.data(),
         &ldvr,
         &query,
         &lwork,
         &info,
         1,
         1);
  check_info("dgeev", info, n);
  lwork = workspace_size(query);
  std::vector<double> work(lwork);
  dgeev_(&jobvl,
         &jobvr,
         &n,
         work_a.data(),
         &n,
         wr.data(),
         wi.data(),
         &vl_dummy,
         &ldvl,
         vr.data(),
         &ldvr,
         work.data(),
         &lwork,
         &info,
         1,
         1);
  check_info("dgeev", info, n);
  out.values.resize(n);
  for (int i = 0; i < n; ++i) out.values(i) = dcomplex(wr[i], wi[i]);
  if (vectors) out.vectors = unpack_eigenvectors(vr, wi);
  return out;
}

Eigen::VectorXcd eigenvalues_in_place(Eigen::MatrixXd&& a) {
  count(Routine::kHseqr);
  const int n = to_int(a.rows(), "dhseqr");
  Eigen::VectorXcd values(n);
  if (n == 0) return values;
  Eigen::MatrixXd m = std::move(a);
  const int one = 1;
  std::vector<double> tau(static_cast<std::size_t>(std::max(1, n - 1)));
  int info = 0;
  double query = 0.0;
  int lwork = -1;
  dgehrd_(&n, &one, &n, m.data(), &n, tau.data(), &query, &lwork, &info);
  check_info("dgehrd", info, n);
  lwork = workspace_size(query);
  std::vector<double> work(static_cast<std::size_t>(lwork));
  dgehrd_(&n, &one, &n, m.data(), &n, tau.data(), work.data(), &lwork, &info);
  check_info("dgehrd", info, n);
  // The reflectors below the subdiagonal are not part of the Hessenberg matrix.
  if (n > 2) m.bottomLeftCorner(n - 2, n - 2).triangularView<Eigen::Lower>().setZero();
  std::vector<double> wr(static_cast<std::size_t>(n)), wi(static_cast<std::size_t>(n));
  const char job = 'E';
  const char compz = 'N';
  double z_dummy = 0.0;
  lwork = -1;
  dhseqr_(&job,
          &compz,
          &n,
          &one,
          &n,
          m.data(),
          &n,
          wr.data(),
          wi.data(),
          &z_dummy,
          &one,
          &query,
          &lwork,
          &info,
          1,
          1);
  check_info("dhseqr", info, n);
  lwork = std::max(workspace_size(query), n);
  work.assign(static_cast<std::size_t>(lwork), 0.0);
  dhseqr_(&job,
          &compz,
          &n,
          &one,
          &n,
          m.data(),
          &n,
          wr.data(),
          wi.data(),
          &z_dummy,
          &one,
          work.data(),
          &lwork,
          &info,
          1,
          1);
  check_info("dhseqr", info, n);
  for (int i = 0; i < n; ++i) values(i) = dcomplex(wr[i], wi[i]);
  return values;
}

RealSchurFactor gees(const Eigen::Ref<const Eigen::MatrixXd>& a, bool vectors) {
  return gees_in_place(Eigen::MatrixXd(a), vectors);
}

RealSchurFactor gees_in_place(Eigen::MatrixXd&& a, bool vectors) {
  count(Routine::kGeesReal);
  const int n = to_int(a.rows(), "dgees");
  RealSchurFactor out;
  out.t = std::move(a);
  if (n == 0) return out;
  std::vector<double> wr(n), wi(n);
  if (vectors) out.u.resize(n, n);
  double vs_dummy = 0.0;
  double* vs = vectors ? out.u.data() : &vs_dummy;
  const int ldvs = vectors ? n : 1;
  const char jobvs = vectors ? 'V' : 'N';
  const char sort = 'N';
  int sdim = 0;
  int info = 0;
  int lwork = -1;
  double query = 0.0;
  dgees_(&jobvs,
         &sort,
         nullptr,
         &n,
         out.t.data(),
         &n,
         &sdim,
         wr.data(),
         wi.data(),
         vs,
         &ldvs,
         &query,
         &lwork,
         nullptr,
         &info,
         1,
         1);
  check_info("dgees", info, n);
  lwork = workspace_size(query);
  std::vector<double> work(lwork);
  dgees_(&jobvs,
         &sort,
         nullptr,
         &n,
         out.t.data(),
         &n,
         &sdim,
         wr.data(),
         wi.data(),
         vs,
         &ldvs,
         work.data(),
         &lwork,
         nullptr,
         &info,
         1,
         1);
  check_info("dgees", info, n);
  out.values.resize(n);
  for (int i = 0; i < n; ++i) out.values(i) = dcomplex(wr[i], wi[i]);
  return out;
}

ComplexSchurFactor gees(const Eigen::Ref<const Eigen::MatrixXcd>& a, bool vectors) {
  count(Routine::kGeesComplex);
  const int n = to_int(a.rows(), "zgees");
  ComplexSchurFactor out;
  out.t = a;
  if (n == 0) return out;
  std::vector<dcomplex> w(n);
  std::vector<double> rwork(n);
  if (vectors) out.u.resize(n, n);
  dcomplex vs_dummy;
  dcomplex* vs = vectors ? out.u.data() : &vs_dummy;
  const int ldvs = vectors ? n : 1;
  const char jobvs = vectors ? 'V' : 'N';
  const char sort = 'N';
  int sdim = 0;
  int info = 0;
  int lwork = -1;
  dcomplex query;
  zgees_(&jobvs,
         &sort,
         nullptr,
         &n,
         out.t.data(),
         &n,
         &sdim,
         w.data(),
         vs,
         &ldvs,
         &query,
         &lwork,
         rwork.data(),
         nullptr,
         &info,
         1,
         1);
  check_info("zgees", info, n);
  lwork = workspace_size(query);
  std::vector<dcomplex> work(lwork);
  zgees_(&jobvs,
         &sort,
         nullptr,
         &n,
         out.t.data(),
         &n,
         &sdim,
         w.data(),
         vs,
         &ldvs,
         work.data(),
         &lwork,
         rwork.data(),
         nullptr,
         &info,
         1,
         1);
  check_info("zgees", info, n);
  return out;
}

namespace {

// dtrevc3 with howmny 'A' for one side ('R': right eigenvectors into vr, 'L': left ones into vl):
// one call site for the workspace query and the call.
Eigen::MatrixXd trevc3(char side, const Eigen::Ref<const Eigen::MatrixXd>& t) {
  count(Routine::kTrevc3);
  const int n = to_int(t.rows(), "dtrevc3");
  Eigen::MatrixXd v(n, n);
  if (n == 0) return v;
  // dtrevc3 only reads t: its own storage (a Ref has unit inner stride), no copy.
  const int ldt = to_int(t.outerStride(), "dtrevc3");
  const char howmny = 'A';
  double other_dummy = 0.0;
  double* vl = side == 'L' ? v.data() : &other_dummy;
  double* vr = side == 'R' ? v.data() : &other_dummy;
  const int ldvl = side == 'L' ? n : 1;
  const int ldvr = side == 'R' ? n : 1;
  int m = 0;
  int info = 0;
  // Workspace query (lwork = -1), then the call.
  const auto run = [&](double* work, int lwork) {
    dtrevc3_(&side,
             &howmny,
             nullptr,
             &n,
             t.data(),
             &ldt,
             vl,
             &ldvl,
             vr,
             &ldvr,
             &n,
             &m,
             work,
             &lwork,
             &info,
             1,
             1);
    check_info("dtrevc3", info, n);
  };
  double query = 0.0;
  run(&query, -1);
  const int lwork = std::max(workspace_size(query), 3 * n);
  std::vector<double> work(static_cast<std::size_t>(lwork));
  run(work.data(), lwork);
  return v;
}

}  // namespace

Eigen::MatrixXd trevc3_right(const Eigen::Ref<const Eigen::MatrixXd>& t) {
  return trevc3('R', t);
}

Eigen::MatrixXd trevc3_left(const Eigen::Ref<const Eigen::MatrixXd>& t) {
  return trevc3('L', t);
}

Eigen::VectorXd trsna_eigenvalues(const Eigen::Ref<const Eigen::MatrixXd>& t,
                                  const Eigen::Ref<const Eigen::MatrixXd>& vl,
                                  const Eigen::Ref<const Eigen::MatrixXd>& vr) {
  count(Routine::kTrsna);
  const int n = to_int(t.rows(), "dtrsna");
  Eigen::VectorXd s(n);
  if (n == 0) return s;
  if (vl.rows() != n || vl.cols() != n || vr.rows() != n || vr.cols() != n) {
    throw std::logic_error("dtrsna: the eigenvector matrices do not match T's size n = " +
                           std::to_string(n) + " (internal error in netdyn)");
  }
  // All three are only read: their own storage (unit inner stride), no copies.
  const int ldt = to_int(t.outerStride(), "dtrsna");
  const int ldvl = to_int(vl.outerStride(), "dtrsna");
  const int ldvr = to_int(vr.outerStride(), "dtrsna");
  const char job = 'E';
  const char howmny = 'A';
  // JOB 'E' references neither SEP, WORK nor IWORK (LDWORK >= 1); SEP gets room anyway.
  std::vector<double> sep(static_cast<std::size_t>(n));
  double work_dummy = 0.0;
  const int ldwork = 1;
  int iwork_dummy = 0;
  int m = 0;
  int info = 0;
  dtrsna_(&job,
          &howmny,
          nullptr,
          &n,
          t.data(),
          &ldt,
          vl.data(),
          &ldvl,
          vr.data(),
          &ldvr,
          s.data(),
          sep.data(),
          &n,
          &m,
          &work_dummy,
          &ldwork,
          &iwork_dummy,
          &info,
          1,
          1);
  check_info("dtrsna", info, n);
  return s;
}

Eigen::Index trexc(Eigen::MatrixXd& t, Eigen::MatrixXd& u, Eigen::Index from, Eigen::Index to) {
  const int n = to_int(t.rows(), "dtrexc");
  const bool with_u = u.size() != 0;
  const char compq = with_u ? 'V' : 'N';
  int ifst = to_int(from, "dtrexc") + 1;
  int ilst = to_int(to, "dtrexc") + 1;
  std::vector<double> work(std::max(1, n));
  double q_dummy = 0.0;
  const int ldq = with_u ? n : 1;
  int info = 0;
  dtrexc_(&compq,
          &n,
          t.data(),
          &n,
          with_u ? u.data() : &q_dummy,
          &ldq,
          &ifst,
          &ilst,
          work.data(),
          &info,
          1);
  if (info == 1) {
    throw NumericalError(
        "dtrexc: two adjacent blocks were too close to swap (ill-conditioned "
        "eigenvalues), n = " +
        std::to_string(n));
  }
  check_info("dtrexc", info, n);
  return ilst - 1;
}

void trexc(Eigen::MatrixXcd& t, Eigen::MatrixXcd& u, Eigen::Index from, Eigen::Index to) {
  const int n = to_int(t.rows(), "ztrexc");
  const bool with_u = u.size() != 0;
  const char compq = with_u ? 'V' : 'N';
  const int ifst = to_int(from, "ztrexc") + 1;
  const int ilst = to_int(to, "ztrexc") + 1;
  dcomplex q_dummy;
  const int ldq = with_u ? n : 1;
  int info = 0;
  ztrexc_(&compq, &n, t.data(), &n, with_u ? u.data() : &q_dummy, &ldq, &ifst, &ilst, &info, 1);
  check_info("ztrexc", info, n);
}

double trsyl3(char trana,
              char tranb,
              int isgn,
              const Eigen::Ref<const Eigen::MatrixXd>& a,
              const Eigen::Ref<const Eigen::MatrixXd>& b,
              Eigen::Ref<Eigen::MatrixXd> c) {
  count(Routine::kTrsyl3);
  const int m = to_int(a.rows(), "dtrsyl3");
  const int n = to_int(b.rows(), "dtrsyl3");
  if (m == 0 || n == 0) return 1.0;
  const int lda = to_int(a.outerStride(), "dtrsyl3");
  const int ldb = to_int(b.outerStride(), "dtrsyl3");
  const int ldc = to_int(c.outerStride(), "dtrsyl3");
  double scale = 1.0;
  int info = 0;
  int iwork_query = 0;
  double swork_query[2] = {0.0, 0.0};
  int liwork = -1;
  int ldswork = -1;
  dtrsyl3_(&trana,
           &tranb,
           &isgn,
           &m,
           &n,
           a.data(),
           &lda,
           b.data(),
           &ldb,
           c.data(),
           &ldc,
           &scale,
           &iwork_query,
           &liwork,
           swork_query,
           &ldswork,
           &info,
           1,
           1);
  check_info("dtrsyl3", info, m);
  liwork = std::max(1, iwork_query);
  ldswork = std::max(2, static_cast<int>(swork_query[0]));
  const int swork_cols = std::max(1, static_cast<int>(swork_query[1]));
  std::vector<int> iwork(liwork);
  std::vector<double> swork(static_cast<std::size_t>(ldswork) * swork_cols);
  dtrsyl3_(&trana,
           &tranb,
           &isgn,
           &m,
           &n,
           a.data(),
           &lda,
           b.data(),
           &ldb,
           c.data(),
           &ldc,
           &scale,
           iwork.data(),
           &liwork,
           swork.data(),
           &ldswork,
           &info,
           1,
           1);
  if (info == 1) {
    throw NumericalError(
        "dtrsyl3: op(A) and -isgn op(B) have common or very close eigenvalues; "
        "the Sylvester equation is (nearly) singular, m = " +
        std::to_string(m) + ", n = " + std::to_string(n));
  }
  check_info("dtrsyl3", info, m);
  return scale;
}

Eigen::VectorXd singular_values(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  count(Routine::kGesdd);
  const int m = to_int(a.rows(), "dgesdd");
  const int n = to_int(a.cols(), "dgesdd");
  const int k = std::min(m, n);
  Eigen::VectorXd s(k);
  if (k == 0) return s;
  Eigen::MatrixXd work_a = a;
  const char jobz = 'N';
  double dummy = 0.0;
  const int one = 1;
  std::vector<int> iwork(8 * static_cast<std::size_t>(k));
  int info = 0;
  int lwork = -1;
  double query = 0.0;
  dgesdd_(&jobz,
          &m,
          &n,
          work_a.data(),
          &m,
          s.data(),
          &dummy,
          &one,
          &dummy,
          &one,
          &query,
          &lwork,
          iwork.data(),
          &info,
          1);
  check_info("dgesdd", info, k);
  lwork = workspace_size(query);
  std::vector<double> work(lwork);
  dgesdd_(&jobz,
          &m,
          &n,
          work_a.data(),
          &m,
          s.data(),
          &dummy,
          &one,
          &dummy,
          &one,
          work.data(),
          &lwork,
          iwork.data(),
          &info,
          1);
  check_info("dgesdd", info, k);
  return s;
}

SingularValueDecomposition svd(const Eigen::Ref<const Eigen::MatrixXd>& a) {
  count(Routine::kGesdd);
  const int m = to_int(a.rows(), "dgesdd");
  const int n = to_int(a.cols(), "dgesdd");
  const int k = std::min(m, n);
  SingularValueDecomposition out;
  out.s.resize(k);
  out.u.resize(m, k);
  Eigen::MatrixXd vt(k, n);
  if (k == 0) return out;
  Eigen::MatrixXd work_a = a;
  const char jobz = 'S';
  std::vector<int> iwork(8 * static_cast<std::size_t>(k));
  int info = 0;
  int lwork = -1;
  double query = 0.0;
  dgesdd_(&jobz,
          &m,
          &n,
          work_a.data(),
          &m,
          out.s.data(),
          out.u.data(),
          &m,
          vt.data(),
          &k,
          &query,
          &lwork,
          iwork.data(),
          &info,
          1);
  check_info("dgesdd", info, k);
  lwork = workspace_size(query);
  std::vector<double> work(lwork);
  dgesdd_(&jobz,
          &m,
          &n,
          work_a.data(),
          &m,
          out.s.data(),
          out.u.data(),
          &m,
          vt.data(),
          &k,
          work.data(),
          &lwork,
          iwork.data(),
          &info,
          1);
  check_info("dgesdd", info, k);
  out.v = vt.transpose();
  return out;
}

Eigen::VectorXd singular_values(const Eigen::Ref<const Eigen::MatrixXcd>& a) {
  count(Routine::kGesdd);
  const int m = to_int(a.rows(), "zgesdd");
  const int n = to_int(a.cols(), "zgesdd");
  const int k = std::min(m, n);
  Eigen::VectorXd s(k);
  if (k == 0) return s;
  Eigen::MatrixXcd work_a = a;
  const char jobz = 'N';
  dcomplex dummy;
  const int one = 1;
  std::vector<double> rwork(7 * static_cast<std::size_t>(k));
  std::vector<int> iwork(8 * static_cast<std::size_t>(k));
  int info = 0;
  int lwork = -1;
  dcomplex query;
  zgesdd_(&jobz,
          &m,
          &n,
          work_a.data(),
          &m,
          s.data(),
          &dummy,
          &one,
          &dummy,
          &one,
          &query,
          &lwork,
          rwork.data(),
          iwork.data(),
          &info,
          1);
  check_info("zgesdd", info, k);
  lwork = workspace_size(query);
  std::vector<dcomplex> work(lwork);
  zgesdd_(&jobz,
          &m,
          &n,
          work_a.data(),
          &m,
          s.data(),
          &dummy,
          &one,
          &dummy,
          &one,
          work.data(),
          &lwork,
          rwork.data(),
          iwork.data(),
          &info,
          1);
  check_info("zgesdd", info, k);
  return s;
}

TridiagonalTopEigen::TridiagonalTopEigen(Eigen::Index max_size)
    : d_(max_size),
      e_(max_size),
      vector_(max_size),
      work_(20 * std::max<Eigen::Index>(1, max_size)),
      iwork_(10 * std::max<Eigen::Index>(1, max_size)) {}

double TridiagonalTopEigen::compute(const Eigen::Ref<const Eigen::VectorXd>& d,
                                    const Eigen::Ref<const Eigen::VectorXd>& e) {
  const int n = to_int(d.size(), "dstevr");
  if (n == 0 || d.size() > d_.size() || e.size() + 1 < d.size()) {
    throw std::logic_error("dstevr: tridiagonal of size " + std::to_string(d.size()) +
                           " with workspace for " + std::to_string(d_.size()));
  }
  d_.head(n) = d;
  e_.head(n - 1) = e.head(n - 1);
  const double bound = 0.0;
  const int index = n;
  const double abstol = 0.0;
  const int lwork = static_cast<int>(work_.size());
  const int liwork = static_cast<int>(iwork_.size());
  int m = 0;
  double value = 0.0;
  int isuppz[2] = {0, 0};
  int info = 0;
  dstevr_("V",
          "I",
          &n,
          d_.data(),
          e_.data(),
          &bound,
          &bound,
          &index,
          &index,
          &abstol,
          &m,
          &value,
          vector_.data(),
          &n,
          isuppz,
          work_.data(),
          &lwork,
          iwork_.data(),
          &liwork,
          &info,
          1,
          1);
  check_info("dstevr", info, n);
  size_ = n;
  return value;
}

SymmetricEigen syevr(const Eigen::Ref<const Eigen::MatrixXd>& a,
                     bool vectors,
                     Eigen::Index first,
                     Eigen::Index last) {
  count(Routine::kSyevr);
  const int n = to_int(a.rows(), "dsyevr");
  SymmetricEigen out;
  if (n == 0) return out;
  if (last < 0) last = n - 1;
  if (first < 0 || first > last || last >= n) {
    throw std::logic_error("dsyevr: index range [" + std::to_string(first) + ", " +
                           std::to_string(last) + "] outside 0.." + std::to_string(n - 1));
  }
  const bool all = first == 0 && last == n - 1;
  Eigen::MatrixXd work_a = a;
  const char jobz = vectors ? 'V' : 'N';
  const char range = all ? 'A' : 'I';
  const char uplo = 'L';
  const double vl = 0.0;
  const double vu = 0.0;
  const int il = static_cast<int>(first) + 1;
  const int iu = static_cast<int>(last) + 1;
  const double abstol = 0.0;
  int m = 0;
  std::vector<double> w(n);
  const int count = iu - il + 1;
  if (vectors) out.vectors.resize(n, count);
  double z_dummy = 0.0;
  double* z = vectors ? out.vectors.data() : &z_dummy;
  const int ldz = vectors ? n : 1;
  std::vector<int> isuppz(2 * static_cast<std::size_t>(n));
  int info = 0;
  int lwork = -1;
  int liwork = -1;
  double query = 0.0;
  int iquery = 0;
  dsyevr_(&jobz,
          &range,
          &uplo,
          &n,
          work_a.data(),
          &n,
          &vl,
          &vu,
          &il,
          &iu,
          &abstol,
          &m,
          w.data(),
          z,
          &ldz,
          isuppz.data(),
          &query,
          &lwork,
          &iquery,
          &liwork,
          &info,
          1,
          1,
          1);
  check_info("dsyevr", info, n);
  lwork = workspace_size(query);
  liwork = std::max(1, iquery);
  std::vector<double> work(lwork);
  std::vector<int> iwork(liwork);
  dsyevr_(&jobz,
          &range,
          &uplo,
          &n,
          work_a.data(),
          &n,
          &vl,
          &vu,
          &il,
          &iu,
          &abstol,
          &m,
          w.data(),
          z,
          &ldz,
          isuppz.data(),
          work.data(),
          &lwork,
          iwork.data(),
          &liwork,
          &info,
          1,
          1,
          1);
  check_info("dsyevr", info, n);
  out.values = Eigen::Map<Eigen::VectorXd>(w.data(), m);
  if (vectors) out.vectors.conservativeResize(n, m);
  return out;
}

Eigen::MatrixXd gesv(const Eigen::Ref<const Eigen::MatrixXd>& a,
                     const Eigen::Ref<const Eigen::MatrixXd>& b) {
  count(Routine::kGesv);
  const int n = to_int(a.rows(), "dgesv");
  const int nrhs = to_int(b.cols(), "dgesv");
  Eigen::MatrixXd x = b;
  if (n == 0) return x;
  Eigen::MatrixXd lu = a;
  std::vector<int> ipiv(n);
  int info = 0;
  dgesv_(&n, &nrhs, lu.data(), &n, ipiv.data(), x.data(), &n, &info);
  if (info > 0) {
    throw NumericalError("dgesv: matrix is exactly singular (U(" + std::to_string(info) + ", " +
                         std::to_string(info) + ") = 0), n = " + std::to_string(n));
  }
  check_info("dgesv", info, n);
  return x;
}

namespace {

template <typename Scalar, typename Blas>
void gemm_with(Blas blas,
               const char* name,
               char transa,
               char transb,
               Scalar alpha,
               const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>>& a,
               const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>>& b,
               Scalar beta,
               Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> c) {
  const int m = to_int(c.rows(), name);
  const int n = to_int(c.cols(), name);
  const int k = to_int(transa == 'N' ? a.cols() : a.rows(), name);
  if (m == 0 || n == 0) return;
  const int lda = std::max(1, to_int(a.outerStride(), name));
  const int ldb = std::max(1, to_int(b.outerStride(), name));
  const int ldc = std::max(1, to_int(c.outerStride(), name));
  blas(&transa,
       &transb,
       &m,
       &n,
       &k,
       &alpha,
       a.data(),
       &lda,
       b.data(),
       &ldb,
       &beta,
       c.data(),
       &ldc,
       1,
       1);
}

}  // namespace

void gemm(char transa,
          char transb,
          double alpha,
          const Eigen::Ref<const Eigen::MatrixXd>& a,
          const Eigen::Ref<const Eigen::MatrixXd>& b,
          double beta,
          Eigen::Ref<Eigen::MatrixXd> c) {
  gemm_with(dgemm_, "dgemm", transa, transb, alpha, a, b, beta, c);
}

void gemm(char transa,
          char transb,
          dcomplex alpha,
          const Eigen::Ref<const Eigen::MatrixXcd>& a,
          const Eigen::Ref<const Eigen::MatrixXcd>& b,
          dcomplex beta,
          Eigen::Ref<Eigen::MatrixXcd> c) {
  gemm_with(zgemm_, "zgemm", transa, transb, alpha, a, b, beta, c);
}

}  // namespace netdyn::lapack

// ---- dgemv / zgemv (the ODE right-hand sides; Lanczos's Gram-Schmidt) ----
// NOLINTBEGIN(readability-identifier-naming): Fortran symbol names
extern "C" void dgemv_(const char* trans,
                       const int* m,
                       const int* n,
                       const double* alpha,
                       const double* a,
                       const int* lda,
                       const double* x,
                       const int* incx,
                       const double* beta,
                       double* y,
                       const int* incy,
                       std::size_t);
extern "C" void zgemv_(const char* trans,
                       const int* m,
                       const int* n,
                       const dcomplex* alpha,
                       const dcomplex* a,
                       const int* lda,
                       const dcomplex* x,
                       const int* incx,
                       const dcomplex* beta,
                       dcomplex* y,
                       const int* incy,
                       std::size_t);
extern "C" void dsymv_(const char* uplo,
                       const int* n,
                       const double* alpha,
                       const double* a,
                       const int* lda,
                       const double* x,
                       const int* incx,
                       const double* beta,
                       double* y,
                       const int* incy,
                       std::size_t);
// NOLINTEND(readability-identifier-naming)

namespace netdyn::lapack {
namespace {

template <typename Scalar, typename Blas>
void gemv_with(Blas blas,
               const char* name,
               char trans,
               Scalar alpha,
               const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>>& a,
               const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>>& x,
               Scalar beta,
               Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>> y) {
  const int m = to_int(a.rows(), name);
  const int n = to_int(a.cols(), name);
  if (m == 0 || n == 0) {
    // BLAS semantics: beta = 0 means y is not read.
    if (beta == Scalar(0)) {
      y.setZero();
    } else {
      y *= beta;
    }
    return;
  }
  const int lda = std::max(1, to_int(a.outerStride(), name));
  const int incx = to_int(x.innerStride(), name);
  const int incy = to_int(y.innerStride(), name);
  blas(&trans, &m, &n, &alpha, a.data(), &lda, x.data(), &incx, &beta, y.data(), &incy, 1);
}

}  // namespace

void gemv(char trans,
          double alpha,
          const Eigen::Ref<const Eigen::MatrixXd>& a,
          const Eigen::Ref<const Eigen::VectorXd>& x,
          double beta,
          Eigen::Ref<Eigen::VectorXd> y) {
  gemv_with(dgemv_, "dgemv", trans, alpha, a, x, beta, y);
}

void gemv(char trans,
          dcomplex alpha,
          const Eigen::Ref<const Eigen::MatrixXcd>& a,
          const Eigen::Ref<const Eigen::VectorXcd>& x,
          dcomplex beta,
          Eigen::Ref<Eigen::VectorXcd> y) {
  gemv_with(zgemv_, "zgemv", trans, alpha, a, x, beta, y);
}

void symv_upper(const Eigen::Ref<const Eigen::MatrixXd>& a,
                const Eigen::Ref<const Eigen::VectorXd>& x,
                Eigen::Ref<Eigen::VectorXd> y) {
  const int n = to_int(a.rows(), "dsymv");
  if (n == 0) return;
  const int lda = std::max(1, to_int(a.outerStride(), "dsymv"));
  const int incx = to_int(x.innerStride(), "dsymv");
  const int incy = to_int(y.innerStride(), "dsymv");
  const double one = 1.0;
  const double zero = 0.0;
  std::optional<SingleThreadedBlas> serial;
  if (serial_level2(n)) serial.emplace();
  dsymv_("U", &n, &one, a.data(), &lda, x.data(), &incx, &zero, y.data(), &incy, 1);
}

}  // namespace netdyn::lapack

// ---- dtrmm (issue 4: products with quasi-triangular Schur factors in the transient envelope) ----
// NOLINTBEGIN(readability-identifier-naming): Fortran symbol names
extern "C" void dtrmm_(const char* side,
                       const char* uplo,
                       const char* transa,
                       const char* diag,
                       const int* m,
                       const int* n,
                       const double* alpha,
                       const double* a,
                       const int* lda,
                       double* b,
                       const int* ldb,
                       std::size_t,
                       std::size_t,
                       std::size_t,
                       std::size_t);
// NOLINTEND(readability-identifier-naming)

namespace netdyn::lapack {

namespace {

// b = alpha op(a) b (side 'L') or alpha b op(a) (side 'R'), a upper triangular, diag 'N'.
template <typename Scalar, typename Blas>
void trmm_upper_with(
    Blas blas,
    const char* name,
    char side,
    char transa,
    Scalar alpha,
    const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>>& a,
    Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>> b) {
  const int m = to_int(b.rows(), name);
  const int n = to_int(b.cols(), name);
  if (m == 0 || n == 0) return;
  const char uplo = 'U';
  const char diag = 'N';
  const int lda = std::max(1, to_int(a.outerStride(), name));
  const int ldb = std::max(1, to_int(b.outerStride(), name));
  blas(&side, &uplo, &transa, &diag, &m, &n, &alpha, a.data(), &lda, b.data(), &ldb, 1, 1, 1, 1);
}

}  // namespace

void trmm_upper_left(char transa,
                     double alpha,
                     const Eigen::Ref<const Eigen::MatrixXd>& a,
                     Eigen::Ref<Eigen::MatrixXd> b) {
  trmm_upper_with(dtrmm_, "dtrmm", 'L', transa, alpha, a, b);
}

}  // namespace netdyn::lapack

// ---- ztrmm, zherk (issue 3: residual and orthogonality checks of the complex Schur form) ----
// NOLINTBEGIN(readability-identifier-naming): Fortran symbol names
extern "C" void ztrmm_(const char* side,
                       const char* uplo,
                       const char* transa,
                       const char* diag,
                       const int* m,
                       const int* n,
                       const std::complex<double>* alpha,
                       const std::complex<double>* a,
                       const int* lda,
                       std::complex<double>* b,
                       const int* ldb,
                       std::size_t,
                       std::size_t,
                       std::size_t,
                       std::size_t);
extern "C" void zherk_(const char* uplo,
                       const char* trans,
                       const int* n,
                       const int* k,
                       const double* alpha,
                       const std::complex<double>* a,
                       const int* lda,
                       const double* beta,
                       std::complex<double>* c,
                       const int* ldc,
                       std::size_t,
                       std::size_t);
// NOLINTEND(readability-identifier-naming)

namespace netdyn::lapack {

void trmm_upper_right(char transa,
                      std::complex<double> alpha,
                      const Eigen::Ref<const Eigen::MatrixXcd>& a,
                      Eigen::Ref<Eigen::MatrixXcd> b) {
  trmm_upper_with(ztrmm_, "ztrmm", 'R', transa, alpha, a, b);
}

void herk_upper(double alpha,
                const Eigen::Ref<const Eigen::MatrixXcd>& a,
                double beta,
                Eigen::Ref<Eigen::MatrixXcd> c) {
  const int n = to_int(a.cols(), "zherk");
  const int k = to_int(a.rows(), "zherk");
  if (n == 0) return;
  const char uplo = 'U';
  const char trans = 'C';
  const int lda = std::max(1, to_int(a.outerStride(), "zherk"));
  const int ldc = std::max(1, to_int(c.outerStride(), "zherk"));
  zherk_(&uplo, &trans, &n, &k, &alpha, a.data(), &lda, &beta, c.data(), &ldc, 1, 1);
}

}  // namespace netdyn::lapack

// ---- dtrmv, ztrsv (issue 4: envelope norms by Lanczos, resolvent norms for pseudospectra) ----
// NOLINTBEGIN(readability-identifier-naming): Fortran symbol names
extern "C" void dtrmv_(const char* uplo,
                       const char* trans,
                       const char* diag,
                       const int* n,
                       const double* a,
                       const int* lda,
                       double* x,
                       const int* incx,
                       std::size_t,
                       std::size_t,
                       std::size_t);
extern "C" void ztrsv_(const char* uplo,
                       const char* trans,
                       const char* diag,
                       const int* n,
                       const std::complex<double>* a,
                       const int* lda,
                       std::complex<double>* x,
                       const int* incx,
                       std::size_t,
                       std::size_t,
                       std::size_t);
// NOLINTEND(readability-identifier-naming)

namespace netdyn::lapack {

namespace {

// dtrmv/ztrsv-shaped level-2 calls with uplo 'U', diag 'N' on a contiguous vector.
template <typename Scalar, typename Blas>
void upper_triangular_vector_with(
    Blas blas,
    const char* name,
    char trans,
    const Eigen::Ref<const Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>>& a,
    Eigen::Ref<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>> x) {
  const int n = to_int(x.size(), name);
  if (n == 0) return;
  const char uplo = 'U';
  const char diag = 'N';
  const int lda = std::max(1, to_int(a.outerStride(), name));
  const int incx = 1;
  blas(&uplo, &trans, &diag, &n, a.data(), &lda, x.data(), &incx, 1, 1, 1);
}

}  // namespace

void trmv_upper(char trans,
                const Eigen::Ref<const Eigen::MatrixXd>& a,
                Eigen::Ref<Eigen::VectorXd> x) {
  std::optional<SingleThreadedBlas> serial;
  if (serial_level2(x.size())) serial.emplace();
  upper_triangular_vector_with(dtrmv_, "dtrmv", trans, a, x);
}

void trsv_upper(char trans,
                const Eigen::Ref<const Eigen::MatrixXcd>& a,
                Eigen::Ref<Eigen::VectorXcd> x) {
  upper_triangular_vector_with(ztrsv_, "ztrsv", trans, a, x);
}

SingleThreadedBlas::SingleThreadedBlas() {
  if (openblas_get_num_threads != nullptr && openblas_set_num_threads != nullptr) {
    saved_ = openblas_get_num_threads();
    openblas_set_num_threads(1);
  }
}

SingleThreadedBlas::~SingleThreadedBlas() {
  if (saved_ > 0 && openblas_set_num_threads != nullptr) openblas_set_num_threads(saved_);
}

}  // namespace netdyn::lapack
