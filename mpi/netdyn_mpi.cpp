// netdyn-mpi: the optional distributed backend on PETSc/SLEPc (issue #7, docs/large-networks.md).
// Run under MPI:  mpirun -n P netdyn-mpi COMMAND FILE.mtx [options] [PETSc/SLEPc -options]
//   eigs  FILE [--count K] [--subspace M] [--tolerance T] [--no-verify] [--compare]
//         rightmost K eigenvalues of W, EPS Krylov-Schur, verified by a second run with a 1.5x
//         larger subspace (the trap of sparse_spectrum.hpp applies to SLEPc too);
//         --compare also runs the Spectra path on rank 0 and prints the difference.
//   expv  FILE [--t T] [--tau TAU]     x = exp(t A) b, A = (W - I)/tau, b = 1/sqrt(n) (MFN)
//   lyap  FILE [--tau TAU] [--seed S]  low-rank X = X1 X1^T with A X + X A^T + b b^T = 0 for a
//         seeded random unit b (LME Krylov); prints trace X = int_0^inf ||exp(tA) b||^2 dt
// Every rank reads the .mtx (netdyn::read_sparse_matrix, duplicates summed) and inserts only the
// rows it owns, so no matrix data is communicated; memory per rank is the whole file (fine to
// ~10^8 nonzeros; beyond that convert once to PETSc binary). The diagonal is always stored
// (explicit zeros) because a distributed MatShift needs it.
// Output: `key value` lines on rank 0; exit 0 success, 1 bad input or numerical failure, 2 usage.
#include <slepceps.h>
#include <slepclme.h>
#include <slepcmfn.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "netdyn/core/random.hpp"
#include "netdyn/factorization/sparse_spectrum.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/io.hpp"

namespace {

using RowMajorSparse = Eigen::SparseMatrix<double, Eigen::RowMajor>;

constexpr const char* kUsage =
    "usage: mpirun -n P netdyn-mpi eigs FILE.mtx [--count K] [--subspace M] [--tolerance T]\n"
    "                               [--no-verify] [--compare]\n"
    "       mpirun -n P netdyn-mpi expv FILE.mtx [--t T] [--tau TAU]\n"
    "       mpirun -n P netdyn-mpi lyap FILE.mtx [--tau TAU] [--seed S]\n";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A PETSc error code turned into an exception (the PETSc traceback is already on stderr).
void check(PetscErrorCode code, const char* what) {
  if (code != 0)
    throw std::runtime_error(std::string(what) + " failed (PETSc error " +
                             std::to_string(static_cast<int>(code)) + ")");
}

struct Args {
  std::string command;
  std::string file;
  std::map<std::string, std::string> values;
  bool has(const std::string& k) const { return values.count(k) > 0; }
  double number(const std::string& k, double fallback) const {
    if (!has(k)) return fallback;
    try {
      std::size_t used = 0;
      const double v = std::stod(values.at(k), &used);
      if (used != values.at(k).size()) throw std::invalid_argument("trailing characters");
      return v;
    } catch (const std::exception&) {
      throw UsageError(k + " " + values.at(k) + ": not a number");
    }
  }
};

// netdyn's own options; anything starting with a single '-' is left to PETSc's options database.
Args parse(int argc, char** argv) {
  Args a;
  if (argc < 3) throw UsageError("need a COMMAND and a FILE");
  a.command = argv[1];
  a.file = argv[2];
  if (a.command != "eigs" && a.command != "expv" && a.command != "lyap") {
    throw UsageError("unknown command '" + a.command + "'");
  }
  const std::map<std::string, bool> known = {{"--count", true},
                                             {"--subspace", true},
                                             {"--tolerance", true},
                                             {"--no-verify", false},
                                             {"--compare", false},
                                             {"--t", true},
                                             {"--tau", true},
                                             {"--seed", true}};
  for (int i = 3; i < argc; ++i) {
    const std::string k = argv[i];
    if (k.rfind("--", 0) != 0) {
      if (!k.empty() && k[0] == '-' && i + 1 < argc && argv[i + 1][0] != '-') ++i;  // PETSc
      continue;
    }
    const auto it = known.find(k);
    if (it == known.end()) throw UsageError("unknown option " + k);
    if (it->second) {
      if (i + 1 >= argc) throw UsageError(k + " needs a value");
      a.values[k] = argv[++i];
    } else {
      a.values[k] = "1";
    }
  }
  return a;
}

// Distributed AIJ copy of W (rows split as PETSC_DECIDE would), diagonal always present.
Mat assemble(const RowMajorSparse& w) {
  const PetscInt n = static_cast<PetscInt>(w.rows());
  PetscInt local = PETSC_DECIDE;
  PetscInt global = n;
  check(PetscSplitOwnership(PETSC_COMM_WORLD, &local, &global), "PetscSplitOwnership");
  PetscInt end = 0;
  MPI_Scan(&local, &end, 1, MPIU_INT, MPI_SUM, PETSC_COMM_WORLD);
  const PetscInt start = end - local;
  std::vector<PetscInt> d_nnz(static_cast<std::size_t>(local), 0);
  std::vector<PetscInt> o_nnz(static_cast<std::size_t>(local), 0);
  for (PetscInt i = start; i < end; ++i) {
    bool diagonal = false;
    for (RowMajorSparse::InnerIterator it(w, i); it; ++it) {
      const PetscInt j = static_cast<PetscInt>(it.col());
      diagonal = diagonal || j == i;
      ++(j >= start && j < end ? d_nnz : o_nnz)[static_cast<std::size_t>(i - start)];
    }
    if (!diagonal) ++d_nnz[static_cast<std::size_t>(i - start)];
  }
  Mat a = nullptr;
  check(MatCreate(PETSC_COMM_WORLD, &a), "MatCreate");
  check(MatSetSizes(a, local, local, n, n), "MatSetSizes");
  check(MatSetType(a, MATAIJ), "MatSetType");
  check(MatSeqAIJSetPreallocation(a, 0, d_nnz.data()), "MatSeqAIJSetPreallocation");
  check(MatMPIAIJSetPreallocation(a, 0, d_nnz.data(), 0, o_nnz.data()),
        "MatMPIAIJSetPreallocation");
  std::vector<PetscInt> cols;
  std::vector<PetscScalar> vals;
  for (PetscInt i = start; i < end; ++i) {
    cols.clear();
    vals.clear();
    bool diagonal = false;
    for (RowMajorSparse::InnerIterator it(w, i); it; ++it) {
      cols.push_back(static_cast<PetscInt>(it.col()));
      vals.push_back(it.value());
      diagonal = diagonal || it.col() == i;
    }
    if (!diagonal) {
      cols.push_back(i);
      vals.push_back(0.0);
    }
    check(
        MatSetValues(
            a, 1, &i, static_cast<PetscInt>(cols.size()), cols.data(), vals.data(), INSERT_VALUES),
        "MatSetValues");
  }
  check(MatAssemblyBegin(a, MAT_FINAL_ASSEMBLY), "MatAssemblyBegin");
  check(MatAssemblyEnd(a, MAT_FINAL_ASSEMBLY), "MatAssemblyEnd");
  return a;
}

int rank() {
  int r = 0;
  MPI_Comm_rank(PETSC_COMM_WORLD, &r);
  return r;
}

double now() {
  MPI_Barrier(PETSC_COMM_WORLD);
  return MPI_Wtime();
}

struct EpsRun {
  Eigen::VectorXcd eigenvalues;
  PetscInt iterations = 0;
};

// One Krylov-Schur run for the `count` rightmost eigenvalues with subspace ncv and a seeded
// random start vector.
EpsRun eps_run(Mat w, PetscInt count, PetscInt ncv, double tol, unsigned long seed) {
  PetscInt n = 0;
  check(MatGetSize(w, &n, nullptr), "MatGetSize");
  const PetscInt nev = std::min(count + 1, ncv - 2);  // see a boundary conjugate pair whole
  EPS eps = nullptr;
  check(EPSCreate(PETSC_COMM_WORLD, &eps), "EPSCreate");
  check(EPSSetOperators(eps, w, nullptr), "EPSSetOperators");
  check(EPSSetProblemType(eps, EPS_NHEP), "EPSSetProblemType");
  check(EPSSetType(eps, EPSKRYLOVSCHUR), "EPSSetType");
  check(EPSSetWhichEigenpairs(eps, EPS_LARGEST_REAL), "EPSSetWhichEigenpairs");
  check(EPSSetDimensions(eps, nev, ncv, PETSC_DEFAULT), "EPSSetDimensions");
  check(EPSSetTolerances(eps, tol, 1000), "EPSSetTolerances");
  Vec v0 = nullptr;
  check(MatCreateVecs(w, &v0, nullptr), "MatCreateVecs");
  PetscRandom rng = nullptr;
  check(PetscRandomCreate(PETSC_COMM_WORLD, &rng), "PetscRandomCreate");
  check(PetscRandomSetSeed(rng, seed), "PetscRandomSetSeed");
  check(PetscRandomSeed(rng), "PetscRandomSeed");
  check(VecSetRandom(v0, rng), "VecSetRandom");
  check(EPSSetInitialSpace(eps, 1, &v0), "EPSSetInitialSpace");
  check(EPSSetFromOptions(eps), "EPSSetFromOptions");
  check(EPSSolve(eps), "EPSSolve");
  PetscInt converged = 0;
  EpsRun r;
  check(EPSGetConverged(eps, &converged), "EPSGetConverged");
  check(EPSGetIterationNumber(eps, &r.iterations), "EPSGetIterationNumber");
  if (converged < nev) {
    throw std::runtime_error("EPS Krylov-Schur did not converge: " + std::to_string(converged) +
                             " of " + std::to_string(nev) + " eigenvalues after " +
                             std::to_string(r.iterations) + " iterations (tolerance " +
                             std::to_string(tol) + ", subspace " + std::to_string(ncv) + ")");
  }
  Eigen::VectorXcd all(converged);
  for (PetscInt i = 0; i < converged; ++i) {
    PetscScalar re = 0.0;
    PetscScalar im = 0.0;
    check(EPSGetEigenvalue(eps, i, &re, &im), "EPSGetEigenvalue");
    all(i) = {re, im};
  }
  netdyn::sort_eigenvalues(all);
  r.eigenvalues = all.head(count);
  PetscRandomDestroy(&rng);
  VecDestroy(&v0);
  EPSDestroy(&eps);
  return r;
}

int command_eigs(const Args& a, const RowMajorSparse& w_rows, Mat w) {
  const PetscInt n = static_cast<PetscInt>(w_rows.rows());
  const auto count = static_cast<PetscInt>(a.number("--count", 10));
  if (count < 1 || count > n - 2) {
    throw std::invalid_argument("--count " + std::to_string(count) + " but W is " +
                                std::to_string(n) + "x" + std::to_string(n) +
                                "; need 1 <= count <= n - 2");
  }
  const double tol = a.number("--tolerance", 1e-10);
  PetscInt ncv = static_cast<PetscInt>(a.number("--subspace", 0));
  if (ncv == 0) ncv = std::min(n, std::max<PetscInt>(2 * count + 1, 100));
  if (ncv < count + 2 || ncv > n) throw std::invalid_argument("--subspace out of [count + 2, n]");
  const PetscInt max_ncv = std::min(n, 8 * ncv);
  const double t0 = now();
  unsigned long seed = 1;
  EpsRun current = eps_run(w, count, ncv, tol, seed);
  PetscInt iterations = current.iterations;
  int runs = 1;
  double difference = -1.0;
  if (!a.has("--no-verify") && ncv < n) {
    for (;;) {
      const PetscInt larger = std::min({n, max_ncv, std::max(ncv + 20, 3 * ncv / 2)});
      EpsRun check_run = eps_run(w, count, larger, tol, ++seed);
      iterations += check_run.iterations;
      ++runs;
      const double scale = std::max(1.0, check_run.eigenvalues.cwiseAbs().maxCoeff());
      difference = netdyn::eigenvalue_set_distance(current.eigenvalues, check_run.eigenvalues);
      ncv = larger;
      current = std::move(check_run);
      if (difference <= 1e-8 * scale) break;
      if (larger >= max_ncv) {
        throw std::runtime_error("EPS runs disagree by " + std::to_string(difference) +
                                 " up to subspace " + std::to_string(larger));
      }
    }
  }
  const double seconds = now() - t0;
  int size = 1;
  MPI_Comm_size(PETSC_COMM_WORLD, &size);
  if (rank() == 0) {
    std::printf("n %d\nranks %d\nsubspace %d\nruns %d\niterations %d\n",
                static_cast<int>(n),
                size,
                static_cast<int>(ncv),
                runs,
                static_cast<int>(iterations));
    std::printf("verification_difference %.3g\nsolve_seconds %.4f\n", difference, seconds);
    for (Eigen::Index k = 0; k < current.eigenvalues.size(); ++k) {
      std::printf(
          "eigenvalue %.17g %.17g\n", current.eigenvalues(k).real(), current.eigenvalues(k).imag());
    }
    if (a.has("--compare")) {
      netdyn::SparseSpectrumOptions o;
      o.count = count;
      o.tolerance = tol;
      const netdyn::SparseSpectrum s =
          netdyn::compute_sparse_spectrum(Eigen::SparseMatrix<double>(w_rows), o);
      const double d = netdyn::eigenvalue_set_distance(current.eigenvalues, s.eigenvalues);
      std::printf(
          "spectra_difference %.3g\n%s\n", d, d <= 1e-8 ? "spectra_agree yes" : "spectra_agree NO");
    }
    std::fflush(stdout);
  }
  return 0;
}

// A = (W - I) / tau in place (the diagonal is stored, so MatShift is local).
void to_drift(Mat w, double tau) {
  check(MatShift(w, -1.0), "MatShift");
  check(MatScale(w, 1.0 / tau), "MatScale");
}

int command_expv(const Args& a, Mat w) {
  const double t = a.number("--t", 1.0);
  const double tau = a.number("--tau", 1.0);
  if (!(tau > 0.0)) throw std::invalid_argument("--tau must be > 0");
  to_drift(w, tau);
  PetscInt n = 0;
  check(MatGetSize(w, &n, nullptr), "MatGetSize");
  Vec b = nullptr;
  Vec x = nullptr;
  check(MatCreateVecs(w, &b, &x), "MatCreateVecs");
  check(VecSet(b, 1.0 / std::sqrt(static_cast<double>(n))), "VecSet");
  const double t0 = now();
  MFN mfn = nullptr;
  FN f = nullptr;
  check(MFNCreate(PETSC_COMM_WORLD, &mfn), "MFNCreate");
  check(MFNSetOperator(mfn, w), "MFNSetOperator");
  check(MFNGetFN(mfn, &f), "MFNGetFN");
  check(FNSetType(f, FNEXP), "FNSetType");
  check(FNSetScale(f, t, 1.0), "FNSetScale");
  check(MFNSetTolerances(mfn, 1e-10, PETSC_DEFAULT), "MFNSetTolerances");
  check(MFNSetErrorIfNotConverged(mfn, PETSC_TRUE), "MFNSetErrorIfNotConverged");
  check(MFNSetFromOptions(mfn), "MFNSetFromOptions");
  check(MFNSolve(mfn, b, x), "MFNSolve");
  PetscInt its = 0;
  check(MFNGetIterationNumber(mfn, &its), "MFNGetIterationNumber");
  PetscReal norm = 0.0;
  check(VecNorm(x, NORM_2, &norm), "VecNorm");
  const double seconds = now() - t0;
  if (rank() == 0) {
    std::printf(
        "n %d\nt %.17g\ntau %.17g\niterations %d\nnorm_exp_tA_b %.17g\nsolve_seconds %.4f\n",
        static_cast<int>(n),
        t,
        tau,
        static_cast<int>(its),
        static_cast<double>(norm),
        seconds);
  }
  MFNDestroy(&mfn);
  VecDestroy(&b);
  VecDestroy(&x);
  return 0;
}

int command_lyap(const Args& a, Mat w) {
  const double tau = a.number("--tau", 1.0);
  if (!(tau > 0.0)) throw std::invalid_argument("--tau must be > 0");
  to_drift(w, tau);
  PetscInt n = 0;
  check(MatGetSize(w, &n, nullptr), "MatGetSize");
  // b: seeded N(0,1)/sqrt(n) from netdyn's portable RandomSource, identical on every rank count.
  netdyn::RandomSource random(static_cast<std::uint64_t>(a.number("--seed", 1)));
  Eigen::VectorXd b(n);
  for (PetscInt i = 0; i < n; ++i) b(i) = random.normal();
  b /= b.norm();
  Mat c1 = nullptr;
  Mat c = nullptr;
  check(MatCreateDense(PETSC_COMM_WORLD, PETSC_DECIDE, PETSC_DECIDE, n, 1, nullptr, &c1),
        "MatCreateDense");
  PetscInt start = 0;
  PetscInt end = 0;
  check(MatGetOwnershipRange(c1, &start, &end), "MatGetOwnershipRange");
  PetscScalar* u = nullptr;
  check(MatDenseGetArray(c1, &u), "MatDenseGetArray");
  for (PetscInt i = start; i < end; ++i) u[i - start] = b(i);
  check(MatDenseRestoreArray(c1, &u), "MatDenseRestoreArray");
  check(MatAssemblyBegin(c1, MAT_FINAL_ASSEMBLY), "MatAssemblyBegin");
  check(MatAssemblyEnd(c1, MAT_FINAL_ASSEMBLY), "MatAssemblyEnd");
  check(MatCreateLRC(nullptr, c1, nullptr, nullptr, &c), "MatCreateLRC");
  const double t0 = now();
  LME lme = nullptr;
  check(LMECreate(PETSC_COMM_WORLD, &lme), "LMECreate");
  check(LMESetProblemType(lme, LME_LYAPUNOV), "LMESetProblemType");
  check(LMESetCoefficients(lme, w, nullptr, nullptr, nullptr), "LMESetCoefficients");
  check(LMESetRHS(lme, c), "LMESetRHS");
  check(LMESetTolerances(lme, 1e-8, PETSC_DEFAULT), "LMESetTolerances");
  check(LMESetFromOptions(lme), "LMESetFromOptions");
  if (LMESolve(lme) != 0) {
    throw std::runtime_error(
        "LMESolve failed; the Lyapunov equation needs A = (W - I)/tau Hurwitz (every eigenvalue "
        "of W with real part < 1: check with `netdyn-mpi eigs`)");
  }
  LMEConvergedReason reason;
  check(LMEGetConvergedReason(lme, &reason), "LMEGetConvergedReason");
  PetscInt its = 0;
  check(LMEGetIterationNumber(lme, &its), "LMEGetIterationNumber");
  if (reason < 0) {
    throw std::runtime_error("LME did not converge after " + std::to_string(its) +
                             " iterations (tolerance 1e-8); is A = (W - I)/tau Hurwitz?");
  }
  Mat x = nullptr;
  Mat x1 = nullptr;
  check(LMEGetSolution(lme, &x), "LMEGetSolution");
  check(MatLRCGetMats(x, nullptr, &x1, nullptr, nullptr), "MatLRCGetMats");
  PetscInt solution_rank = 0;
  check(MatGetSize(x1, nullptr, &solution_rank), "MatGetSize");
  PetscReal frobenius = 0.0;
  check(MatNorm(x1, NORM_FROBENIUS, &frobenius), "MatNorm");
  PetscReal estimate = 0.0;
  check(LMEGetErrorEstimate(lme, &estimate), "LMEGetErrorEstimate");
  const double seconds = now() - t0;
  if (rank() == 0) {
    std::printf(
        "n %d\ntau %.17g\niterations %d\nsolution_rank %d\ntrace_X %.17g\n"
        "error_estimate %.3g\nsolve_seconds %.4f\n",
        static_cast<int>(n),
        tau,
        static_cast<int>(its),
        static_cast<int>(solution_rank),
        static_cast<double>(frobenius * frobenius),
        static_cast<double>(estimate),
        seconds);
  }
  LMEDestroy(&lme);
  MatDestroy(&c);
  MatDestroy(&c1);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (SlepcInitialize(&argc, &argv, nullptr, nullptr) != 0) return 1;
  int status = 0;
  try {
    const Args args = parse(argc, argv);
    double t0 = now();
    const RowMajorSparse w_rows = netdyn::read_sparse_matrix(args.file);
    if (w_rows.rows() != w_rows.cols() || w_rows.rows() < 3) {
      throw std::invalid_argument(args.file + ": matrix is " + std::to_string(w_rows.rows()) + "x" +
                                  std::to_string(w_rows.cols()) +
                                  "; need a square connectivity W with n >= 3");
    }
    const double read_seconds = now() - t0;
    t0 = now();
    Mat w = assemble(w_rows);
    const double assemble_seconds = now() - t0;
    if (rank() == 0) {
      std::printf("command %s\nfile %s\nread_seconds %.4f\nassemble_seconds %.4f\n",
                  args.command.c_str(),
                  args.file.c_str(),
                  read_seconds,
                  assemble_seconds);
    }
    if (args.command == "eigs") status = command_eigs(args, w_rows, w);
    if (args.command == "expv") status = command_expv(args, w);
    if (args.command == "lyap") status = command_lyap(args, w);
    MatDestroy(&w);
  } catch (const UsageError& e) {
    if (rank() == 0) std::fprintf(stderr, "netdyn-mpi: %s\n%s", e.what(), kUsage);
    status = 2;
  } catch (const std::exception& e) {
    if (rank() == 0) std::fprintf(stderr, "netdyn-mpi: error: %s\n", e.what());
    status = 1;
  }
  SlepcFinalize();
  return status;
}
