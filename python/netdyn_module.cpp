// `import netdyn`: the library for NumPy users (pybind11). Every function takes and returns NumPy
// arrays; errors become Python exceptions with the library's message (std::invalid_argument ->
// ValueError, netdyn::NumericalError -> RuntimeError; pybind11's standard translation).
//
// Copies: matrix arguments bind to `Eigen::Ref<const Eigen::MatrixXd>`. A float64 array in
// Fortran order (np.asfortranarray) is used in place; any other array (NumPy's default C order,
// float32, a strided view) is converted once into a temporary column-major copy. Results are
// returned as new arrays. docs/python.md lists this per function.
#include <pybind11/complex.h>
#include <pybind11/eigen.h>
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>
#include <Eigen/Sparse>

#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>

#include "lapack/lapack.hpp"
#include "netdyn/amplification/covariance.hpp"
#include "netdyn/amplification/kreiss_constant.hpp"
#include "netdyn/amplification/lyapunov.hpp"
#include "netdyn/amplification/nonnormality.hpp"
#include "netdyn/amplification/pseudospectrum.hpp"
#include "netdyn/amplification/smoothed_spectral_abscissa.hpp"
#include "netdyn/amplification/stability_radius.hpp"
#include "netdyn/amplification/steady_state.hpp"
#include "netdyn/amplification/transient_envelope.hpp"
#include "netdyn/dynamics/fixed_point.hpp"
#include "netdyn/dynamics/jacobian.hpp"
#include "netdyn/dynamics/ode_check.hpp"
#include "netdyn/dynamics/rate_network.hpp"
#include "netdyn/dynamics/sde.hpp"
#include "netdyn/dynamics/simulation.hpp"
#include "netdyn/factorization/eigenvalue_sensitivity.hpp"
#include "netdyn/factorization/schur.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/sparse_spectrum.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/edge_list.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/provenance.hpp"
#include "netdyn/models/ei_network.hpp"
#include "netdyn/models/fitzhugh_nagumo.hpp"
#include "netdyn/models/generators.hpp"
#include "netdyn/models/sparse_generators.hpp"
#include "netdyn/models/stability_optimised_circuit.hpp"
#include "netdyn/report/parameter_sweep.hpp"
#include "netdyn/report/report.hpp"
#include "netdyn/report/report_fields.hpp"

#include "docstrings.hpp"

namespace py = pybind11;
using namespace netdyn_doc;  // the k...Doc docstrings
using MatrixRef = Eigen::Ref<const Eigen::MatrixXd>;
using VectorRef = Eigen::Ref<const Eigen::VectorXd>;

// A real array argument that refuses complex input by name. pybind11's Eigen conversion goes
// through NumPy's casting, which drops imaginary parts with only a ComplexWarning (issue 22:
// check([[0.5, 2j], [0, 0.1]]) reported Henrici departure 0); the CLI refuses complex .npy.
template <typename RefType, const char* Name>
struct Real {
  RefType* ref = nullptr;
  [[nodiscard]] const RefType& get() const { return *ref; }
};
constexpr char kW[] = "W";
constexpr char kA[] = "A";
constexpr char kQ[] = "Q";
constexpr char kB[] = "B";
constexpr char kC[] = "C";
constexpr char kR0[] = "r0";
constexpr char kR[] = "r";
constexpr char kT[] = "t";
constexpr char kState[] = "state";
constexpr char kMatrix[] = "matrix";
constexpr char kGains[] = "gains";
constexpr char kValues[] = "values";
using RealW = Real<MatrixRef, kW>;

namespace pybind11::detail {
template <typename RefType, const char* Name>
struct type_caster<Real<RefType, Name>> {
  type_caster<RefType> inner;
  Real<RefType, Name> value;
  static constexpr auto name = type_caster<RefType>::name;
  bool load(handle src, bool convert) {
    // An array's (or a scipy.sparse matrix's) own dtype; otherwise np.asarray's, free for an
    // array and the dtype NumPy would convert a list to.
    const py::object dtype = py::hasattr(src, "dtype") && !py::isinstance<py::str>(src)
                                 ? src.attr("dtype")
                                 : py::module_::import("numpy").attr("asarray")(src).attr("dtype");
    if (dtype.attr("kind").cast<std::string>() == "c") {
      throw py::value_error(std::string(Name) + " has complex dtype " +
                            py::str(dtype).cast<std::string>() +
                            "; netdyn needs a real array (pass " + Name +
                            ".real if the imaginary parts are meant to be dropped)");
    }
    if (!inner.load(src, convert)) return false;
    value.ref = static_cast<RefType*>(inner);
    return true;
  }
  template <typename T>
  using cast_op_type = Real<RefType, Name>&;
  operator Real<RefType, Name>&() { return value; }
};
}  // namespace pybind11::detail

namespace {

// [{"code": ..., "message": ...}, ...], as the command line's JSON.
py::list warnings_list(const std::vector<netdyn::ReportWarning>& warnings) {
  py::list out;
  for (const netdyn::ReportWarning& w : warnings) {
    py::dict item;
    item["code"] = w.code;
    item["message"] = w.message;
    out.append(item);
  }
  return out;
}

// The report as a dict with the keys of `netdyn check --json` (netdyn::report_fields, the list
// both share): absent quantities None, infinite ones float('inf') (the JSON writes "inf"), the
// eigenvalues a complex array, the warnings a list of {"code", "message"} dicts.
py::dict report_dict(const netdyn::NetworkReport& report) {
  py::dict out;
  for (const netdyn::ReportField& field : netdyn::report_fields(report)) {
    out[field.key] = std::visit(
        [](const auto& v) -> py::object {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::monostate>) {
            return py::none();
          } else if constexpr (std::is_same_v<V, std::vector<netdyn::ReportWarning>>) {
            return warnings_list(v);
          } else {
            return py::cast(v);  // bool, int, float, str, complex ndarray
          }
        },
        field.value);
  }
  return out;
}

py::object optional_value(const std::optional<double>& v) {
  return v ? py::cast(*v) : py::none();
}

// A bound that may be infinite (none certified): None then, as the CLI's null.
std::optional<double> finite_or_none(double x) {
  return std::isfinite(x) ? std::optional<double>(x) : std::nullopt;
}

// The fixed-point type of a 2 x 2 Jacobian (classify_planar), None for any other size.
py::object planar_classification(const Eigen::MatrixXd& jacobian) {
  if (jacobian.rows() != 2) return py::none();
  return py::str(netdyn::to_string(netdyn::classify_planar(jacobian)));
}

// `amplify` (the module function and Network.amplify): the envelope, the distance to instability
// and the Kreiss interval, from one factorisation, with the keys of `netdyn amplify --json`.
py::dict amplify_dict(const netdyn::SchurFactorization& factorization,
                      double tau,
                      double tmax,
                      Eigen::Index points) {
  if (points < 2 || points > netdyn::kMaxEnvelopePoints) {
    throw std::invalid_argument(
        "amplify: points = " + std::to_string(points) + "; need 2 <= points <= " +
        std::to_string(netdyn::kMaxEnvelopePoints) + " (the cap of netdyn amplify --points)");
  }
  netdyn::TransientEnvelopeOptions options;
  options.tau = tau;
  options.t_max = tmax;
  options.points = points;
  const netdyn::TransientEnvelope e = netdyn::transient_envelope(factorization, options);
  py::dict d;
  d["times"] = e.times;
  d["envelope"] = e.norms;
  d["transient_gain"] = e.max_gain;
  d["transient_gain_time"] = e.max_time;
  // Certified: transient_gain <= max ||exp(tA)||_2 <= transient_gain_upper_bound.
  d["transient_gain_upper_bound"] = finite_or_none(e.max_gain_upper_bound);
  d["transient_gain_tolerance_met"] = e.gain_tolerance_met;
  d["numerical_abscissa"] = e.numerical_abscissa;
  // As `netdyn amplify --json`: None for unstable W (then only an explicit tmax gets here).
  d["distance_to_instability"] = py::none();
  d["distance_to_instability_frequency"] = py::none();
  d["kreiss_lower_bound"] = py::none();
  d["kreiss_constant_upper_bound"] = py::none();
  d["kreiss_point"] = py::none();
  if (netdyn::is_stable(factorization.eigenvalues())) {
    netdyn::StabilityRadiusOptions radius_options;
    radius_options.tau = tau;
    const netdyn::StabilityRadius radius =
        netdyn::distance_to_instability(factorization, radius_options);
    d["distance_to_instability"] = radius.radius;
    d["distance_to_instability_frequency"] = radius.frequency;
    // K(A) in [kreiss_lower_bound, kreiss_constant_upper_bound], the upper bound the
    // envelope's certified gain (None if it has none for every t).
    netdyn::KreissOptions kreiss_options;
    kreiss_options.tau = tau;
    const netdyn::KreissConstant k = netdyn::kreiss_constant(factorization, e, kreiss_options);
    d["kreiss_lower_bound"] = k.lower_bound;
    d["kreiss_constant_upper_bound"] = finite_or_none(k.upper_bound);
    py::list point;  // [re, im], as `netdyn amplify --json`
    point.append(k.point.real());
    point.append(k.point.imag());
    d["kreiss_point"] = point;
  }
  return d;
}

py::dict covariance_dict(const netdyn::StationaryCovariance& c) {
  py::dict d;
  d["covariance"] = c.covariance;
  d["total_variance"] = c.total_variance;
  d["normal_total_variance"] = c.normal_total_variance;
  d["nonnormal_amplification"] = c.nonnormal_amplification;
  d["lyapunov_residual"] = c.residual;
  return d;
}

py::dict steady_state_dict(const netdyn::SteadyStateGain& g) {
  py::dict d;
  d["gain"] = g.gain;
  d["input_pattern"] = g.input_pattern;
  d["response"] = g.response;
  return d;
}

// An optional real matrix argument (None: absent), refusing complex input by name as Real does.
Eigen::MatrixXd optional_real_matrix(const py::object& o, const char* name) {
  if (o.is_none()) return {};
  const py::object dtype = py::module_::import("numpy").attr("asarray")(o).attr("dtype");
  if (dtype.attr("kind").cast<std::string>() == "c") {
    throw py::value_error(std::string(name) + " has complex dtype " +
                          py::str(dtype).cast<std::string>() + "; netdyn needs a real array");
  }
  return o.cast<Eigen::MatrixXd>();
}

py::dict sweep_dict(const netdyn::ParameterSweep& s) {
  const auto k = static_cast<Eigen::Index>(s.points.size());
  Eigen::VectorXd parameter(k), alpha(k), gain(k), variance(k);
  Eigen::Matrix<bool, Eigen::Dynamic, 1> stable(k);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (Eigen::Index i = 0; i < k; ++i) {
    const netdyn::SweepPoint& p = s.points[static_cast<std::size_t>(i)];
    parameter(i) = p.parameter;
    alpha(i) = p.spectral_abscissa;
    stable(i) = p.stable;
    gain(i) = p.transient_gain.value_or(nan);
    variance(i) = p.total_variance.value_or(nan);
  }
  py::dict out;
  out["threshold"] = s.threshold;
  out["parameter"] = parameter;
  out["spectral_abscissa"] = alpha;
  out["stable"] = stable;
  out["transient_gain"] = gain;
  out["total_variance"] = variance;
  py::list boundaries;
  for (const netdyn::StabilityCrossing& c : s.boundaries) {
    py::dict b;
    b["parameter"] = c.parameter;
    b["bracket_width"] = c.bracket_width;
    b["alpha_minus_threshold"] = c.alpha_minus_threshold;
    b["evaluations"] = c.iterations;
    b["destabilising"] = c.destabilising;
    boundaries.append(b);
  }
  out["boundaries"] = boundaries;
  return out;
}

py::dict modes_dict(const netdyn::EvokedEnergyModes& modes) {
  py::dict out;
  out["energies"] = modes.energies;
  out["patterns"] = modes.patterns;
  out["energy_matrix"] = modes.energy_matrix;
  out["mean_energy"] = modes.mean_energy;
  out["lyapunov_residual"] = modes.residual;
  return out;
}

// netdyn.Network: W's one factorisation (with its Schur vectors, for the covariance matrix, the
// eigenvectors and the evoked energy) and tau.
struct Network {
  std::shared_ptr<const netdyn::SchurFactorization> f;
  double tau = 1.0;
};

void detail_require_tau(double tau) {
  if (!(tau > 0.0) || !std::isfinite(tau)) {
    throw std::invalid_argument("Network: tau = " + py::repr(py::float_(tau)).cast<std::string>() +
                                "; need a finite time constant > 0");
  }
}

// (X, relative residual), the return of lyapunov and the Gramians.
py::tuple solution_and_residual(const netdyn::LyapunovResult& r) {
  return py::make_tuple(r.solution, r.residual);
}

// X(t) of simulate and ode_check, as the CLI's repeatable --input: a constant, at most one step
// (X, t0) or pulse (X, t0, t1), and state jumps (X, t).
using Step = std::tuple<Eigen::VectorXd, double>;
using Pulse = std::tuple<Eigen::VectorXd, double, double>;
netdyn::Input make_input(const char* function,
                         const std::optional<Eigen::VectorXd>& constant,
                         const std::optional<Step>& step,
                         const std::optional<Pulse>& pulse,
                         const std::vector<Step>& impulses) {
  netdyn::Input in;
  if (constant) in.constant = *constant;
  if (step && pulse) {
    throw std::invalid_argument(std::string(function) +
                                ": give step or pulse, not both (lib's input has one pulse)");
  }
  if (step) {
    in.pulse = std::get<0>(*step);
    in.pulse_start = std::get<1>(*step);
  }
  if (pulse) {
    in.pulse = std::get<0>(*pulse);
    in.pulse_start = std::get<1>(*pulse);
    in.pulse_end = std::get<2>(*pulse);
  }
  for (const auto& [jump, time] : impulses) in.impulses.push_back({time, jump});
  return in;
}

netdyn::SimulationOptions simulation_options(
    double t_end, Eigen::Index samples, const std::string& method, double rtol, double atol) {
  netdyn::SimulationOptions options;
  options.t_end = t_end;
  options.samples = samples;
  options.method = netdyn::parse_ode_method(method);
  options.rtol = rtol;
  options.atol = atol;
  return options;
}

// jacobian_check and fitzhugh_nagumo_jacobian: the keys of netdyn jacobian --json.
py::dict jacobian_check_dict(const netdyn::JacobianCheck& c) {
  py::dict out;
  out["n"] = c.jacobian.rows();
  out["jacobian"] = c.jacobian;
  out["eigenvalues"] = c.eigenvalues;
  const double alpha = c.eigenvalues.real().maxCoeff();
  out["spectral_abscissa"] = alpha;
  out["stable"] = alpha < 0.0;
  out["classification"] = planar_classification(c.jacobian);
  out["finite_difference_error"] = c.finite_difference_error;
  out["autodiff_error"] = c.autodiff_error;  // None above kAutodiffMaxOrder
  return out;
}

netdyn::FitzHughNagumo fitzhugh_nagumo_model(double current, double tau, double a, double b) {
  netdyn::FitzHughNagumo model;
  model.current = current;
  model.tau = tau;
  model.a = a;
  model.b = b;
  return model;
}

// sparse_ei and sparse_ei_prediction: the options of netdyn generate-sparse.
netdyn::SparseEIOptions sparse_ei_options(Eigen::Index n,
                                          std::optional<Eigen::Index> k,
                                          std::optional<double> p,
                                          double f,
                                          double we,
                                          double gamma,
                                          double cv,
                                          bool balance_rows,
                                          bool self_connections,
                                          std::uint64_t seed) {
  netdyn::SparseEIOptions o;
  o.n = n;
  if (k && p) throw std::invalid_argument("sparse_ei: give k (in-degree) or p, not both");
  if (p) {
    o.in_degree = -1;
    o.connection_probability = *p;
  } else if (k) {
    o.in_degree = *k;
  }
  o.excitatory_fraction = f;
  o.excitatory_weight = we;
  o.inhibition_ratio = gamma;
  o.weight_cv = cv;
  o.balance_rows = balance_rows;
  o.self_connections = self_connections;
  o.seed = seed;
  return o;
}

// tau of the rate-network functions: one shared time constant, or one per unit (the CLI's
// --tau VALUE|LIST); lib's validate_rate_network checks the size and the values.
using Tau = std::variant<double, Eigen::VectorXd>;

netdyn::RateNetwork make_network(const MatrixRef& w,
                                 const Tau& tau,
                                 const std::string& f,
                                 double gain,
                                 double threshold,
                                 const std::string& form) {
  netdyn::RateNetwork net;
  net.w = w;
  net.tau = std::holds_alternative<double>(tau)
                ? Eigen::VectorXd::Constant(1, std::get<double>(tau))
                : std::get<Eigen::VectorXd>(tau);
  net.f.kind = netdyn::parse_transfer_kind(f);
  net.f.gain = gain;
  net.f.threshold = threshold;
  net.form = netdyn::parse_rate_form(form);
  return net;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = kModuleDoc;
  m.attr("__version__") = NETDYN_VERSION;

  // --- the shared factorisation ---------------------------------------------------------------
  py::class_<Network>(m, "Network", kNetworkDoc)
      .def(py::init([](const RealW& w, double tau) {
             detail_require_tau(tau);
             return Network{std::make_shared<const netdyn::SchurFactorization>(w.get()), tau};
           }),
           py::arg("W"),
           py::arg("tau") = 1.0,
           kNetworkInitDoc)
      .def_property_readonly(
          "W", [](const Network& n) { return n.f->matrix(); }, kNetworkWDoc)
      .def_readonly("tau", &Network::tau, kNetworkTauDoc)
      .def_property_readonly(
          "eigenvalues",
          [](const Network& n) { return n.f->eigenvalues(); },
          kNetworkEigenvaluesDoc)
      .def(
          "eigenvectors",
          [](const Network& n) { return n.f->eigenvectors(); },
          kNetworkEigenvectorsDoc)
      .def(
          "eigenvalue_conditions",
          [](const Network& n) { return n.f->eigenvalue_conditions(); },
          kNetworkEigenvalueConditionsDoc)
      .def(
          "eigenvector_condition",
          [](const Network& n) { return n.f->eigenvector_condition(); },
          kNetworkEigenvectorConditionDoc)
      .def(
          "henrici_departure",
          [](const Network& n) { return netdyn::henrici_departure(*n.f); },
          kNetworkHenriciDoc)
      .def(
          "numerical_abscissa",
          [](const Network& n) { return netdyn::numerical_abscissa(*n.f, n.tau); },
          kNetworkNumericalAbscissaDoc)
      .def(
          "steady_state_gain",
          [](const Network& n) {
            netdyn::SteadyStateOptions options;
            options.compute_patterns = true;
            return steady_state_dict(netdyn::steady_state_gain(*n.f, options));
          },
          kNetworkSteadyStateDoc)
      .def(
          "check",
          [](const Network& n) {
            netdyn::ReportOptions options;
            options.tau = n.tau;
            return report_dict(netdyn::analyse_network(*n.f, options));
          },
          kNetworkCheckDoc)
      .def(
          "amplify",
          [](const Network& n, double tmax, Eigen::Index points) {
            return amplify_dict(*n.f, n.tau, tmax, points);
          },
          py::arg("tmax") = 0.0,
          py::arg("points") = 101,
          kNetworkAmplifyDoc)
      .def(
          "covariance",
          [](const Network& n, double sigma) {
            netdyn::CovarianceOptions options;
            options.sigma = sigma;
            return covariance_dict(netdyn::stationary_covariance(*n.f, options));
          },
          py::arg("sigma") = 1.0,
          kNetworkCovarianceDoc)
      .def(
          "evoked_energy",
          [](const Network& n, const Real<VectorRef, kR0>& r0) {
            return netdyn::evoked_energy(*n.f, r0.get());
          },
          py::arg("r0"),
          kNetworkEvokedEnergyDoc)
      .def(
          "amplified_modes",
          [](const Network& n, Eigen::Index count) {
            netdyn::EvokedEnergyOptions options;
            options.count = count;
            return modes_dict(netdyn::most_amplified_initial_conditions(*n.f, options));
          },
          py::arg("count") = 1,
          kNetworkAmplifiedModesDoc)
      .def("__repr__", [](const Network& n) {
        return "netdyn.Network(n=" + std::to_string(n.f->size()) +
               ", tau=" + py::repr(py::float_(n.tau)).cast<std::string>() + ")";
      });
  // Tests and bench/python_overhead.py: the address of the data a W argument binds to, to show
  // that a float64 Fortran-order array is used in place (the same address as its NumPy buffer)
  // and any other array is converted once into a temporary. Not part of the API.
  m.def("_argument_address",
        [](const RealW& w) { return reinterpret_cast<std::uintptr_t>(w.get().data()); });
  // Tests: the backend's decomposition counters (lib/src/lapack), to prove that a Network
  // decomposes W once. Not part of the API.
  m.def("_lapack_calls", []() {
    py::dict out;
    out["dgees"] = netdyn::lapack::call_count(netdyn::lapack::Routine::kGeesReal);
    out["zgees"] = netdyn::lapack::call_count(netdyn::lapack::Routine::kGeesComplex);
    out["dgeev"] = netdyn::lapack::call_count(netdyn::lapack::Routine::kGeev);
    out["gesdd"] = netdyn::lapack::call_count(netdyn::lapack::Routine::kGesdd);
    return out;
  });

  // --- I/O ------------------------------------------------------------------------------------
  // `convention`: None, "post-pre" or "pre-post" (the CLI's --convention).
  const auto read_options = [](const std::optional<std::string>& convention) {
    netdyn::ReadOptions options;
    if (convention) options.convention = netdyn::parse_convention(*convention);
    return options;
  };
  m.def(
      "read_matrix",
      [read_options](const std::filesystem::path& path,
                     const std::optional<std::string>& convention) {
        return netdyn::read_matrix(path.string(), read_options(convention));
      },
      py::arg("path"),
      py::kw_only(),
      py::arg("convention") = py::none(),
      kReadMatrixDoc);
  m.def(
      "matrix_provenance",
      [read_options](const std::filesystem::path& path,
                     const std::optional<std::string>& convention) {
        netdyn::MatrixFileInfo info;
        (void)netdyn::read_matrix(path.string(), read_options(convention), &info);
        py::dict out;
        out["path"] = info.path;
        out["variable"] = info.variable.empty() ? py::object(py::none()) : py::str(info.variable);
        out["format"] = info.format;
        out["dtype"] = info.dtype.empty() ? py::object(py::none()) : py::str(info.dtype);
        out["shape"] = py::make_tuple(info.rows, info.cols);
        out["sha256"] = netdyn::sha256_file(info.path);
        out["convention"] = netdyn::to_string(info.convention);
        out["edge_list"] = info.edge_list;
        out["netdyn_version"] = netdyn::netdyn_version();
        return out;
      },
      py::arg("path"),
      py::kw_only(),
      py::arg("convention") = py::none(),
      kMatrixProvenanceDoc);
  m.def(
      "write_edge_list",
      [](const std::filesystem::path& path,
         const Eigen::SparseMatrix<double>& matrix,
         const std::string& convention) {
        netdyn::write_edge_list(path.string(), matrix, netdyn::parse_convention(convention));
      },
      py::arg("path"),
      py::arg("matrix"),
      py::kw_only(),
      py::arg("convention"),
      kWriteEdgeListDoc);
  m.def(
      "write_matrix",
      [](const std::filesystem::path& path, const Real<MatrixRef, kMatrix>& matrix) {
        netdyn::write_matrix(path.string(), matrix.get());
      },
      py::arg("path"),
      py::arg("matrix"),
      kWriteMatrixDoc);
  m.def(
      "read_sparse_matrix",
      [read_options](const std::filesystem::path& path,
                     const std::optional<std::string>& convention) {
        return netdyn::read_sparse_matrix(path.string(), read_options(convention));
      },
      py::arg("path"),
      py::kw_only(),
      py::arg("convention") = py::none(),
      kReadSparseMatrixDoc);
  m.def(
      "write_sparse_matrix",
      [](const std::filesystem::path& path, const Eigen::SparseMatrix<double>& matrix) {
        netdyn::write_sparse_matrix(path.string(), matrix);
      },
      py::arg("path"),
      py::arg("matrix"),
      kWriteSparseMatrixDoc);

  // --- spectrum and nonnormality --------------------------------------------------------------
  m.def(
      "spectrum",
      [](const RealW& w_in, bool vectors) -> py::object {
        const MatrixRef& w = w_in.get();
        netdyn::SpectrumOptions options;
        options.compute_eigenvectors = vectors;
        const netdyn::Spectrum s = netdyn::compute_spectrum(w, options);
        if (!vectors) return py::cast(s.eigenvalues);
        return py::make_tuple(s.eigenvalues, s.eigenvectors);
      },
      py::arg("W"),
      py::arg("vectors") = false,
      kSpectrumDoc);
  m.def(
      "eigenvalue_conditions",
      [](const RealW& w) {
        netdyn::SpectrumOptions options;
        options.compute_eigenvalue_conditions = true;
        return netdyn::compute_spectrum(w.get(), options).eigenvalue_conditions;
      },
      py::arg("W"),
      kEigenvalueConditionsDoc);
  m.def(
      "eigenvector_condition",
      py::overload_cast<const Eigen::Ref<const Eigen::MatrixXcd>&>(&netdyn::eigenvector_condition),
      py::arg("V"),
      kEigenvectorConditionDoc);
  m.def(
      "henrici_departure",
      [](const RealW& w) { return netdyn::henrici_departure(w.get()); },
      py::arg("W"),
      kHenriciDepartureDoc);
  m.def(
      "numerical_abscissa",
      [](const RealW& w, double tau) { return netdyn::numerical_abscissa(w.get(), tau); },
      py::arg("W"),
      py::arg("tau") = 1.0,
      kNumericalAbscissaDoc);
  m.def(
      "steady_state_gain",
      [](const RealW& w_in) {
        const MatrixRef& w = w_in.get();
        netdyn::SteadyStateOptions options;
        options.compute_patterns = true;
        return steady_state_dict(netdyn::steady_state_gain(w, options));
      },
      py::arg("W"),
      kSteadyStateGainDoc);

  m.def(
      "schur",
      [](const RealW& w_in, bool real, const std::string& order) {
        // As `netdyn schur`: one factorisation, then the ordered form, so that both report the
        // same figures (feedforward_norm is the Henrici departure in either form).
        const netdyn::SchurFactorization factorization(w_in.get());
        netdyn::SchurOptions options;
        options.order = netdyn::parse_schur_order(order);
        const double w_norm = factorization.frobenius_norm();
        py::dict d;
        const auto record = [&](const auto& s, double departure) {
          d["U"] = s.u;
          d["T"] = s.t;
          d["eigenvalues"] = s.eigenvalues;
          d["feedforward_norm"] = departure;
          d["feedforward_relative"] = w_norm > 0.0 ? departure / w_norm : 0.0;
          d["backward_error"] = s.backward_error;
          d["orthogonality_error"] = s.orthogonality_error;
        };
        if (real) {
          const netdyn::RealSchurForm s = netdyn::real_schur(factorization, options);
          record(s, s.henrici_departure);
          d["real_feedforward_norm"] = s.feedforward_norm;  // outside the 2x2 blocks
        } else {
          const netdyn::ComplexSchurForm s = netdyn::complex_schur(factorization, options);
          record(s, s.feedforward_norm);
        }
        return d;
      },
      py::arg("W"),
      py::arg("real") = false,
      py::arg("order") = "decreasing-real",
      kSchurDoc);

  m.def(
      "check",
      [](const RealW& w_in, double tau) {
        const MatrixRef& w = w_in.get();
        netdyn::ReportOptions options;
        options.tau = tau;
        return report_dict(netdyn::analyse_network(w, options));
      },
      py::arg("W"),
      py::arg("tau") = 1.0,
      kCheckDoc);

  m.def(
      "sparse_spectrum",
      [](const Real<Eigen::SparseMatrix<double>, kW>& w_in,
         Eigen::Index count,
         const std::string& target,
         double shift,
         Eigen::Index subspace,
         double tolerance,
         bool verify) {
        netdyn::SparseSpectrumOptions options;
        options.count = count;
        options.target = netdyn::parse_sparse_target(target);
        options.shift = shift;
        options.subspace_size = subspace;
        options.tolerance = tolerance;
        options.verify = verify;
        const Eigen::SparseMatrix<double>& w = w_in.get();
        const netdyn::SparseSpectrum s = netdyn::compute_sparse_spectrum(w, options);
        py::dict out;
        out["eigenvalues"] = s.eigenvalues;
        out["circular_law_radius"] = netdyn::circular_law_radius(w);
        out["method"] = s.method;
        out["subspace_size"] = s.subspace_size;
        out["iterations"] = s.iterations;
        out["operations"] = s.operations;
        out["runs"] = s.runs;
        out["residual"] = s.residual;
        out["eigenvalue_condition"] = s.eigenvalue_condition;
        out["verification_difference"] = s.verification_difference >= 0.0
                                             ? py::object(py::float_(s.verification_difference))
                                             : py::object(py::none());
        out["warnings"] = warnings_list(s.warnings);
        return out;
      },
      py::arg("W"),
      py::arg("count") = 6,
      py::arg("target") = "largest-real",
      py::arg("shift") = 0.0,
      py::arg("subspace") = 0,
      py::arg("tolerance") = 1e-10,
      py::arg("verify") = true,
      kSparseSpectrumDoc);

  // --- E-I closed forms -----------------------------------------------------------------------
  m.def(
      "ei2",
      [](std::optional<double> w,
         std::optional<double> k,
         std::optional<double> we,
         std::optional<double> wi,
         double tau,
         const Eigen::Vector2d& r0) {
        netdyn::EiNetwork net;
        if (w && k && !we && !wi) {
          net = netdyn::EiNetwork::from_gain(*w, *k, tau);
        } else if (we && wi && !w && !k) {
          net = {*we, *wi, tau};
        } else {
          throw std::invalid_argument("ei2: give either w and k, or we and wi");
        }
        const netdyn::EiPulseResponse p = netdyn::ei_pulse_response(net, r0);
        const netdyn::EiSchurForm s = netdyn::ei_schur(net);
        // Eigenvalues {wE - wI, 0} in netdyn's order, complex, as everywhere else.
        Eigen::VectorXcd eigenvalues = s.eigenvalues.cast<std::complex<double>>();
        netdyn::sort_eigenvalues(eigenvalues);
        py::dict d;
        d["W"] = netdyn::ei_connectivity(net);
        d["eigenvalues"] = eigenvalues;
        d["schur_T"] = Eigen::MatrixXd(s.t);
        d["feedforward_weight"] = p.feedforward_weight;
        d["sum_decay_rate"] = p.sum_decay_rate;
        d["integral_rE"] = optional_value(p.integral_r_e);
        d["integral_rI"] = optional_value(p.integral_r_i);
        d["integral_rE_uncoupled"] = p.integral_r_e_uncoupled;
        d["amplification"] = optional_value(p.amplification);
        d["peak_rE"] = optional_value(p.peak_r_e);
        d["peak_time"] = optional_value(p.peak_time);
        // The normal (Hebbian) pair with the same amplification (science.md 1.6), as netdyn ei2.
        const bool hebbian = p.amplification && *p.amplification > 0.0;
        d["hebbian_weight"] =
            hebbian
                ? py::object(py::float_(netdyn::hebbian_weight_for_amplification(*p.amplification)))
                : py::object(py::none());
        d["hebbian_time_constant"] =
            hebbian ? py::object(py::float_(tau * *p.amplification)) : py::object(py::none());
        return d;
      },
      py::arg("w") = py::none(),
      py::arg("k") = py::none(),
      py::arg("we") = py::none(),
      py::arg("wi") = py::none(),
      py::arg("tau") = 1.0,
      py::arg("r0") = Eigen::Vector2d(1.0, 0.0),
      kEi2Doc);
  m.def(
      "ei_response",
      [](double we,
         double wi,
         double tau,
         const Eigen::Vector2d& r0,
         const Real<VectorRef, kT>& t_in) {
        const VectorRef& t = t_in.get();
        const netdyn::EiNetwork net{we, wi, tau};
        Eigen::MatrixXd out(t.size(), 2);
        for (Eigen::Index k = 0; k < t.size(); ++k) out.row(k) = netdyn::ei_response(net, r0, t(k));
        return out;
      },
      py::arg("we"),
      py::arg("wi"),
      py::arg("tau"),
      py::arg("r0"),
      py::arg("t"),
      kEiResponseDoc);

  // --- Lyapunov and covariance ----------------------------------------------------------------
  m.def(
      "lyapunov",
      [](const Real<MatrixRef, kA>& a_in, const Real<MatrixRef, kQ>& q_in) {
        const MatrixRef& a = a_in.get();
        const MatrixRef& q = q_in.get();
        return solution_and_residual(netdyn::LyapunovSolver(a).solve(q));
      },
      py::arg("A"),
      py::arg("Q"),
      kLyapunovDoc);
  m.def(
      "controllability_gramian",
      [](const Real<MatrixRef, kA>& a, const Real<MatrixRef, kB>& b) {
        return solution_and_residual(netdyn::controllability_gramian(a.get(), b.get()));
      },
      py::arg("A"),
      py::arg("B"),
      kControllabilityGramianDoc);
  m.def(
      "observability_gramian",
      [](const Real<MatrixRef, kA>& a, const Real<MatrixRef, kC>& c) {
        return solution_and_residual(netdyn::observability_gramian(a.get(), c.get()));
      },
      py::arg("A"),
      py::arg("C"),
      kObservabilityGramianDoc);
  m.def(
      "evoked_energy",
      [](const RealW& w, const Real<VectorRef, kR0>& a) {
        return netdyn::evoked_energy(w.get(), a.get());
      },
      py::arg("W"),
      py::arg("r0"),
      kEvokedEnergyDoc);
  m.def(
      "amplified_modes",
      [](const RealW& w, Eigen::Index count, const py::object& readout) {
        netdyn::EvokedEnergyOptions options;
        options.count = count;
        options.readout = optional_real_matrix(readout, "readout");
        return modes_dict(netdyn::most_amplified_initial_conditions(w.get(), options));
      },
      py::arg("W"),
      py::arg("count") = 1,
      py::arg("readout") = py::none(),
      kAmplifiedModesDoc);
  m.def(
      "evoked_energy_integral",
      [](const RealW& w, const Real<VectorRef, kR0>& a, const py::object& readout) {
        const auto r = netdyn::integrate_evoked_energy(
            w.get(), a.get(), optional_real_matrix(readout, "readout"));
        py::dict out;
        out["energy"] = r.energy;
        out["horizon"] = r.horizon;
        out["steps"] = r.steps;
        return out;
      },
      py::arg("W"),
      py::arg("r0"),
      py::arg("readout") = py::none(),
      kEvokedEnergyIntegralDoc);
  m.def(
      "eigenvalue_sensitivity",
      [](const RealW& w, Eigen::Index k) {
        return netdyn::eigenvalue_sensitivity(netdyn::SchurFactorization(w.get()), k);
      },
      py::arg("W"),
      py::arg("k"),
      kEigenvalueSensitivityDoc);
  m.def(
      "sweep_gain",
      [](const RealW& w, const Real<VectorRef, kGains>& gains, double tolerance) {
        netdyn::SweepOptions o;
        o.tolerance = tolerance;
        return sweep_dict(netdyn::sweep_gain(w.get(), gains.get(), o));
      },
      py::arg("W"),
      py::arg("gains"),
      py::arg("tolerance") = 1e-10,
      kSweepGainDoc);
  m.def(
      "sweep_ei2",
      [](const std::string& parameter,
         const Real<VectorRef, kValues>& values,
         double w,
         double k,
         double tolerance) {
        if (parameter != "w" && parameter != "k") {
          throw std::invalid_argument("sweep_ei2: parameter \"" + parameter + "\"; need w or k");
        }
        netdyn::SweepOptions o;
        o.tolerance = tolerance;
        const bool sweep_w = parameter == "w";
        return sweep_dict(netdyn::sweep_rate_network(
            [&](double p) {
              return Eigen::MatrixXd(netdyn::ei_connectivity(
                  netdyn::EiNetwork::from_gain(sweep_w ? p : w, sweep_w ? k : p)));
            },
            values.get(),
            o));
      },
      py::arg("parameter"),
      py::arg("values"),
      py::arg("w") = 30.0 / 7.0,
      py::arg("k") = 1.1,
      py::arg("tolerance") = 1e-10,
      kSweepEi2Doc);
  m.def(
      "sweep_fitzhugh_nagumo",
      [](const std::string& parameter,
         const Real<VectorRef, kValues>& values,
         double current,
         double tau,
         double a,
         double b,
         double tolerance) {
        netdyn::FitzHughNagumo m;
        m.current = current;
        m.tau = tau;
        m.a = a;
        m.b = b;
        netdyn::SweepOptions o;
        o.tolerance = tolerance;
        return sweep_dict(netdyn::sweep_fitzhugh_nagumo(m, parameter, values.get(), o));
      },
      py::arg("parameter"),
      py::arg("values"),
      py::arg("current") = 0.3,
      py::arg("tau") = 12.5,
      py::arg("a") = 0.7,
      py::arg("b") = 0.8,
      py::arg("tolerance") = 1e-10,
      kSweepFitzHughNagumoDoc);
  m.def(
      "smoothed_spectral_abscissa",
      [](const RealW& w, double epsilon, bool gradient) {
        netdyn::SmoothedSpectralAbscissaOptions options;
        options.gradient = gradient;
        const auto r = netdyn::smoothed_spectral_abscissa(w.get(), epsilon, options);
        py::dict out;
        out["value"] = r.value;
        out["epsilon"] = r.epsilon;
        out["spectral_abscissa"] = r.spectral_abscissa;
        out["trace_p"] = r.gramians.trace_p;
        out["trace_qp"] = r.gramians.trace_qp;
        out["iterations"] = r.iterations;
        out["gradient"] = gradient ? py::cast(r.gradient) : py::none();
        return out;
      },
      py::arg("W"),
      py::arg("epsilon"),
      py::arg("gradient") = false,
      kSmoothedSpectralAbscissaDoc);
  m.def(
      "soc_initial_network",
      [](Eigen::Index n,
         double excitatory_fraction,
         double density,
         double radius,
         double gamma,
         std::uint64_t seed) {
        netdyn::SocNetworkOptions o;
        o.n = n;
        o.excitatory_fraction = excitatory_fraction;
        o.density = density;
        o.radius = radius;
        o.gamma = gamma;
        o.seed = seed;
        return netdyn::soc_initial_network(o);
      },
      py::kw_only(),
      py::arg("n") = 200,
      py::arg("excitatory_fraction") = 0.5,
      py::arg("density") = 0.1,
      py::arg("radius") = 10.0,
      py::arg("gamma") = 3.0,
      py::arg("seed") = 1,
      kSocInitialNetworkDoc);
  m.def(
      "optimise_stability",
      [](const RealW& w,
         std::optional<Eigen::Index> excitatory,
         double learning_rate,
         double target,
         int max_steps,
         const std::string& shift,
         double epsilon,
         const std::string& mask,
         double density_cap,
         const std::string& renormalisation,
         double gamma,
         bool zero_diagonal) {
        netdyn::SocOptions o;
        o.excitatory = excitatory.value_or(-1);
        o.learning_rate = learning_rate;
        o.target_abscissa = target;
        o.max_steps = max_steps;
        o.shift = netdyn::parse_soc_shift(shift);
        o.epsilon = epsilon;
        o.mask = netdyn::parse_soc_mask(mask);
        o.density_cap = density_cap;
        o.renormalisation = netdyn::parse_soc_renormalisation(renormalisation);
        o.gamma = gamma;
        o.zero_diagonal = zero_diagonal;
        const netdyn::SocResult r = netdyn::optimise_stability(w.get(), o);
        const auto k = static_cast<Eigen::Index>(r.trace.size());
        Eigen::VectorXi step(k);
        Eigen::VectorXd alpha(k), ssa(k), eps(k), norm(k);
        for (Eigen::Index i = 0; i < k; ++i) {
          const netdyn::SocStep& line = r.trace[static_cast<std::size_t>(i)];
          step(i) = line.step;
          alpha(i) = line.spectral_abscissa;
          ssa(i) = line.shift;
          eps(i) = line.epsilon;
          norm(i) = line.inhibitory_norm;
        }
        py::dict trace;
        trace["step"] = step;
        trace["spectral_abscissa"] = alpha;
        trace["smoothed_spectral_abscissa"] = ssa;
        trace["epsilon"] = eps;
        trace["inhibitory_norm"] = norm;
        py::dict out;
        out["W"] = r.w;
        out["converged"] = r.converged;
        out["stop_reason"] = r.stop_reason;
        out["steps"] = r.steps;
        out["trace"] = trace;
        return out;
      },
      py::arg("W"),
      py::kw_only(),
      py::arg("excitatory") = py::none(),
      py::arg("learning_rate") = 10.0,
      py::arg("target") = 0.15,
      py::arg("max_steps") = 10000,
      py::arg("shift") = "published",
      py::arg("epsilon") = 0.01,
      py::arg("mask") = "free",
      py::arg("density_cap") = 0.4,
      py::arg("renormalisation") = "none",
      py::arg("gamma") = 3.0,
      py::arg("zero_diagonal") = true,
      kOptimiseStabilityDoc);
  m.def(
      "covariance",
      [](const RealW& w_in, double sigma) {
        const MatrixRef& w = w_in.get();
        netdyn::CovarianceOptions options;
        options.sigma = sigma;
        return covariance_dict(netdyn::stationary_covariance(w, options));
      },
      py::arg("W"),
      py::arg("sigma") = 1.0,
      kCovarianceDoc);

  m.def(
      "amplify",
      [](const RealW& w_in, double tau, double tmax, Eigen::Index points) {
        const MatrixRef& w = w_in.get();
        return amplify_dict(
            netdyn::SchurFactorization(w, netdyn::kWithoutSchurVectors), tau, tmax, points);
      },
      py::arg("W"),
      py::arg("tau") = 1.0,
      py::arg("tmax") = 0.0,
      py::arg("points") = 101,
      kAmplifyDoc);

  m.def(
      "sde",
      [](const RealW& w,
         double tau,
         double sigma,
         double duration,
         double dt,
         const std::string& method,
         std::uint64_t seed,
         std::optional<double> burn_in,
         Eigen::Index batches,
         std::optional<Eigen::VectorXd> input,
         std::optional<Eigen::VectorXd> x0) {
        netdyn::SdeOptions options;
        options.tau = tau;
        options.sigma = sigma;
        options.duration = duration;
        options.dt = dt;
        options.method = netdyn::parse_sde_method(method);
        options.seed = seed;
        if (burn_in) options.burn_in = *burn_in;
        options.batches = batches;
        if (input) options.input = *input;
        if (x0) options.x0 = *x0;
        const netdyn::SdeRun run = netdyn::simulate_sde(w.get(), options);
        py::dict out;
        out["mean"] = run.mean;
        out["covariance"] = run.covariance;
        out["total_variance"] = run.total_variance;
        out["total_variance_standard_error"] = run.total_variance_standard_error;
        out["steps"] = run.steps;
        out["samples"] = run.samples;
        out["final_state"] = run.final_state;
        return out;
      },
      py::arg("W"),
      py::arg("tau") = 1.0,
      py::arg("sigma") = 1.0,
      py::arg("duration") = 1000.0,
      py::arg("dt") = 0.01,
      py::arg("method") = "exact",
      py::arg("seed") = 1,
      py::arg("burn_in") = py::none(),
      py::arg("batches") = 20,
      py::arg("input") = py::none(),
      py::arg("x0") = py::none(),
      kSdeDoc);

  // --- pseudospectra --------------------------------------------------------------------------
  m.def(
      "pseudospectra",
      [](const RealW& w,
         std::array<Eigen::Index, 2> grid,
         std::optional<std::array<double, 4>> box,
         double tolerance) {
        netdyn::PseudospectrumOptions options;
        options.nx = grid[0];
        options.ny = grid[1];
        options.box = box;
        options.tolerance = tolerance;
        const netdyn::Pseudospectrum ps = netdyn::compute_pseudospectrum(w.get(), options);
        py::dict out;
        out["x"] = ps.x;
        out["y"] = ps.y;
        out["sigma_min"] = ps.sigma_min;
        out["eigenvalues"] = ps.eigenvalues;
        out["lanczos_steps"] = ps.iterations;
        out["unconverged_points"] = ps.unconverged;
        out["mirrored_rows"] = ps.mirrored_rows;
        return out;
      },
      py::arg("W"),
      py::arg("grid") = std::array<Eigen::Index, 2>{40, 40},
      py::arg("box") = py::none(),
      py::arg("tolerance") = 1e-5,
      kPseudospectraDoc);
  m.def(
      "pseudospectral_abscissa",
      [](const RealW& w, double eps) {
        const netdyn::PseudospectralAbscissa a = netdyn::pseudospectral_abscissa(w.get(), eps);
        py::dict out;
        out["abscissa"] = a.abscissa;
        out["y"] = a.y;
        out["iterations"] = a.iterations;
        return out;
      },
      py::arg("W"),
      py::arg("eps"),
      kPseudospectralAbscissaDoc);

  // --- simulation and Jacobians ---------------------------------------------------------------
  m.def(
      "simulate",
      [](const RealW& w_in,
         const Real<VectorRef, kR0>& r0_in,
         double t_end,
         const Tau& tau,
         const std::string& f,
         std::optional<Eigen::VectorXd> input,
         Eigen::Index samples,
         const std::string& method,
         double rtol,
         double atol,
         double gain,
         double threshold,
         const std::string& form,
         std::optional<Step> step,
         std::optional<Pulse> pulse,
         const std::vector<Step>& impulses) {
        const MatrixRef& w = w_in.get();
        const VectorRef& r0 = r0_in.get();
        const netdyn::RateNetwork net = make_network(w, tau, f, gain, threshold, form);
        const netdyn::Input in = make_input("simulate", input, step, pulse, impulses);
        const netdyn::SimulationOptions options =
            simulation_options(t_end, samples, method, rtol, atol);
        const netdyn::Trajectory tr = netdyn::simulate(net, r0, in, options);
        return py::make_tuple(tr.times, Eigen::MatrixXd(tr.states.transpose()));
      },
      py::arg("W"),
      py::arg("r0"),
      py::arg("t_end"),
      py::arg("tau") = 1.0,
      py::arg("f") = "linear",
      py::arg("input") = py::none(),
      py::arg("samples") = 101,
      py::arg("method") = "dopri5",
      py::arg("rtol") = 1e-8,
      py::arg("atol") = 1e-10,
      py::arg("gain") = 1.0,
      py::arg("threshold") = 0.0,
      py::arg("form") = "rate",
      py::arg("step") = py::none(),
      py::arg("pulse") = py::none(),
      py::arg("impulses") = std::vector<Step>{},
      kSimulateDoc);
  m.def(
      "ode_check",
      [](const RealW& w,
         const Real<VectorRef, kR0>& r0,
         double t_end,
         const Tau& tau,
         std::optional<Eigen::VectorXd> input,
         Eigen::Index samples,
         const std::string& method,
         double rtol,
         double atol,
         std::optional<Step> step,
         std::optional<Pulse> pulse,
         const std::vector<Step>& impulses) {
        const netdyn::RateNetwork net = make_network(w.get(), tau, "linear", 1.0, 0.0, "rate");
        const netdyn::Input in = make_input("ode_check", input, step, pulse, impulses);
        const netdyn::SimulationOptions options =
            simulation_options(t_end, samples, method, rtol, atol);
        const netdyn::OdeCheck c = netdyn::check_ode_against_exact(net, r0.get(), in, options);
        py::dict out;
        out["t"] = c.ode.times;
        out["R"] = Eigen::MatrixXd(c.ode.states.transpose());
        out["exact"] = Eigen::MatrixXd(c.exact.transpose());
        out["max_abs_error"] = c.max_abs_error;
        out["max_rel_error"] = c.max_rel_error;
        out["worst_time"] = c.worst_time;
        out["steps"] = c.ode.steps;
        out["rejected_steps"] = c.ode.rejected_steps;
        out["rhs_evaluations"] = c.ode.rhs_evaluations;
        return out;
      },
      py::arg("W"),
      py::arg("r0"),
      py::arg("t_end"),
      py::arg("tau") = 1.0,
      py::arg("input") = py::none(),
      py::arg("samples") = 101,
      py::arg("method") = "dopri5",
      py::arg("rtol") = 1e-8,
      py::arg("atol") = 1e-10,
      py::arg("step") = py::none(),
      py::arg("pulse") = py::none(),
      py::arg("impulses") = std::vector<Step>{},
      kOdeCheckDoc);
  m.def(
      "jacobian",
      [](const RealW& w_in,
         const Real<VectorRef, kR>& r_in,
         std::optional<Eigen::VectorXd> input,
         const std::string& f,
         const Tau& tau,
         double gain,
         double threshold,
         const std::string& form) {
        const MatrixRef& w = w_in.get();
        const VectorRef& r = r_in.get();
        const netdyn::RateNetwork net = make_network(w, tau, f, gain, threshold, form);
        const Eigen::VectorXd x_in = input ? *input : Eigen::VectorXd::Zero(w.rows());
        return netdyn::rate_jacobian(net, r, x_in);
      },
      py::arg("W"),
      py::arg("r"),
      py::arg("input") = py::none(),
      py::arg("f") = "linear",
      py::arg("tau") = 1.0,
      py::arg("gain") = 1.0,
      py::arg("threshold") = 0.0,
      py::arg("form") = "rate",
      kJacobianDoc);
  m.def(
      "jacobian_check",
      [](const RealW& w_in,
         const Real<VectorRef, kR>& r_in,
         std::optional<Eigen::VectorXd> input,
         const std::string& f,
         const Tau& tau,
         double gain,
         double threshold,
         const std::string& form) {
        const MatrixRef& w = w_in.get();
        const netdyn::RateNetwork net = make_network(w, tau, f, gain, threshold, form);
        const Eigen::VectorXd x_in = input ? *input : Eigen::VectorXd::Zero(w.rows());
        return jacobian_check_dict(netdyn::check_rate_jacobian(net, r_in.get(), x_in));
      },
      py::arg("W"),
      py::arg("r"),
      py::arg("input") = py::none(),
      py::arg("f") = "linear",
      py::arg("tau") = 1.0,
      py::arg("gain") = 1.0,
      py::arg("threshold") = 0.0,
      py::arg("form") = "rate",
      kJacobianCheckDoc);
  m.def(
      "fitzhugh_nagumo_jacobian",
      [](const Real<VectorRef, kState>& state_in, double current, double tau, double a, double b) {
        const VectorRef& state = state_in.get();
        if (state.size() != 2) {
          throw std::invalid_argument("fitzhugh_nagumo_jacobian: state has " +
                                      std::to_string(state.size()) + " entries; need two, (v, w)");
        }
        return jacobian_check_dict(netdyn::check_fitzhugh_nagumo_jacobian(
            fitzhugh_nagumo_model(current, tau, a, b), Eigen::Vector2d(state(0), state(1))));
      },
      py::arg("state"),
      py::arg("current") = 0.3,
      py::arg("tau") = 12.5,
      py::arg("a") = 0.7,
      py::arg("b") = 0.8,
      kFitzHughNagumoJacobianDoc);

  m.def(
      "fixed_point",
      [](const RealW& w_in,
         std::optional<Eigen::VectorXd> input,
         std::optional<Eigen::VectorXd> r0,
         const std::string& f,
         const Tau& tau,
         double gain,
         double threshold,
         const std::string& form) {
        const MatrixRef& w = w_in.get();
        const Eigen::Index n = w.rows();
        const netdyn::RateNetwork net = make_network(w, tau, f, gain, threshold, form);
        const Eigen::VectorXd x_in = input ? *input : Eigen::VectorXd::Zero(n);
        const Eigen::VectorXd start = r0 ? *r0 : Eigen::VectorXd::Zero(n);
        const netdyn::FixedPoint fp = netdyn::rate_fixed_point(net, x_in, start);
        const Eigen::VectorXcd values = netdyn::compute_spectrum(fp.jacobian).eigenvalues;
        py::dict out;
        out["fixed_point"] = fp.x;
        out["jacobian"] = fp.jacobian;
        out["jacobian_eigenvalues"] = values;
        out["stable"] = values.size() > 0 && values.real().maxCoeff() < 0.0;
        out["classification"] = planar_classification(fp.jacobian);
        out["residual"] = fp.residual;
        out["iterations"] = fp.iterations;
        if (net.f.kind == netdyn::TransferKind::kThresholdLinear &&
            net.form == netdyn::RateForm::kRate) {
          const netdyn::ThresholdLinearFixedPoint tl =
              netdyn::threshold_linear_fixed_point(net.w, x_in, net.f.gain, net.f.threshold);
          out["threshold_linear_closed_form"] = tl.rates;
          out["closed_form_valid"] = tl.all_above_threshold;
        }
        return out;
      },
      py::arg("W"),
      py::arg("input") = py::none(),
      py::arg("r0") = py::none(),
      py::arg("f") = "linear",
      py::arg("tau") = 1.0,
      py::arg("gain") = 1.0,
      py::arg("threshold") = 0.0,
      py::arg("form") = "rate",
      kFixedPointDoc);
  m.def(
      "fitzhugh_nagumo",
      [](double current, double tau, double a, double b, bool hopf) {
        const netdyn::FitzHughNagumo model = fitzhugh_nagumo_model(current, tau, a, b);
        const netdyn::FitzHughNagumoFixedPoint fp = netdyn::fitzhugh_nagumo_fixed_point(model);
        py::dict out;
        out["fixed_point"] = Eigen::VectorXd(fp.state);
        out["jacobian"] = Eigen::MatrixXd(fp.jacobian);
        out["jacobian_eigenvalues"] = Eigen::VectorXcd(fp.eigenvalues);
        out["trace"] = fp.trace;
        out["determinant"] = fp.determinant;
        out["stable"] = fp.stable;
        out["classification"] = netdyn::to_string(fp.classification);
        out["hopf_current"] =
            hopf ? py::object(py::float_(netdyn::fitzhugh_nagumo_hopf(model).current))
                 : py::object(py::none());
        return out;
      },
      py::arg("current") = 0.3,
      py::arg("tau") = 12.5,
      py::arg("a") = 0.7,
      py::arg("b") = 0.8,
      py::arg("hopf") = false,
      kFitzHughNagumoDoc);

  m.def(
      "hebbian2",
      [](double w) { return Eigen::MatrixXd(netdyn::hebbian_connectivity(w)); },
      py::arg("w"),
      kHebbian2Doc);
  m.def(
      "sparse_ei",
      [](Eigen::Index n,
         std::optional<Eigen::Index> k,
         std::optional<double> p,
         double f,
         double we,
         double gamma,
         double cv,
         bool balance_rows,
         bool self_connections,
         std::uint64_t seed) {
        return netdyn::sparse_ei_network(
                   sparse_ei_options(
                       n, k, p, f, we, gamma, cv, balance_rows, self_connections, seed))
            .w;
      },
      py::arg("n"),
      py::arg("k") = py::none(),
      py::arg("p") = py::none(),
      py::arg("f") = 0.8,
      py::arg("we") = 0.08,
      py::arg("gamma") = 4.0,
      py::arg("cv") = 0.0,
      py::arg("balance_rows") = false,
      py::arg("self_connections") = true,
      py::arg("seed") = 1,
      kSparseEiDoc);
  m.def(
      "sparse_ei_prediction",
      [](Eigen::Index n,
         std::optional<Eigen::Index> k,
         std::optional<double> p,
         double f,
         double we,
         double gamma,
         double cv,
         bool balance_rows,
         bool self_connections) {
        const netdyn::SparseEIOptions o =
            sparse_ei_options(n, k, p, f, we, gamma, cv, balance_rows, self_connections, 1);
        const netdyn::SparseEIPrediction pred = netdyn::predict_sparse_ei_spectrum(o);
        py::dict out;  // the keys of netdyn generate-sparse --json
        out["predicted_bulk_radius"] = pred.bulk_radius;
        // Balancing the rows removes the outlier (as the CLI: null).
        out["predicted_outlier"] =
            balance_rows ? py::object(py::none()) : py::object(py::float_(pred.outlier));
        return out;
      },
      py::arg("n"),
      py::arg("k") = py::none(),
      py::arg("p") = py::none(),
      py::arg("f") = 0.8,
      py::arg("we") = 0.08,
      py::arg("gamma") = 4.0,
      py::arg("cv") = 0.0,
      py::arg("balance_rows") = false,
      py::arg("self_connections") = true,
      kSparseEiPredictionDoc);

  // --- generators -----------------------------------------------------------------------------
  m.def(
      "gaussian",
      [](Eigen::Index n, double rho, std::uint64_t seed) {
        netdyn::GaussianOptions options;
        options.n = n;
        options.rho = rho;
        options.seed = seed;
        return netdyn::gaussian_connectivity(options);
      },
      py::arg("n"),
      py::arg("rho") = 1.0,
      py::arg("seed") = 0,
      kGaussianDoc);
  m.def(
      "dale",
      [](Eigen::Index n,
         double f,
         double mean_e,
         double sd_e,
         double mean_i,
         double sd_i,
         double p,
         bool zero_row_sums,
         const std::string& distribution,
         std::uint64_t seed) {
        netdyn::DaleOptions options;
        options.n = n;
        options.excitatory_fraction = f;
        options.mean_e = mean_e;
        options.sd_e = sd_e;
        options.mean_i = mean_i;
        options.sd_i = sd_i;
        options.connection_probability = p;
        options.zero_row_sums = zero_row_sums;
        options.distribution = netdyn::parse_weight_distribution(distribution);
        options.seed = seed;
        return netdyn::dale_connectivity(options);
      },
      py::arg("n"),
      py::arg("f") = 0.8,
      py::arg("mean_e") = 0.0,
      py::arg("sd_e") = 0.0,
      py::arg("mean_i") = 0.0,
      py::arg("sd_i") = 0.0,
      py::arg("p") = 1.0,
      py::arg("zero_row_sums") = false,
      py::arg("distribution") = "gaussian",
      py::arg("seed") = 0,
      kDaleDoc);
}
