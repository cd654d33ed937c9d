// netdyn amplify FILE [--tau T] [--tmax T] [--points N] [--json] [--out DIR]: steady-state and
// transient amplification (lib: steady_state.hpp, transient_envelope.hpp, nonnormality.hpp) and
// the distance to instability (stability_radius.hpp) and the Kreiss interval (kreiss_constant.hpp).
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/figures.hpp"
#include "common/validators.hpp"
#include "netdyn/amplification/kreiss_constant.hpp"
#include "netdyn/amplification/nonnormality.hpp"
#include "netdyn/amplification/stability_radius.hpp"
#include "netdyn/amplification/steady_state.hpp"
#include "netdyn/amplification/transient_envelope.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"

namespace netdyn::cli {
namespace {

struct AmplifyArgs {
  std::string input;
  double tau = 1.0;
  double tmax = 0.0;
  Eigen::Index points = 101;
  std::string out_dir;
  std::string format = "png";
  bool json = false;
};

void run_amplify(const AmplifyArgs& args) {
  const Eigen::MatrixXd w = read_connectivity(args.input);
  // One factorisation (with Q: the most amplified input is mapped back from the Schur basis).
  const SchurFactorization factorization(w);
  const Eigen::VectorXcd& lambda = factorization.eigenvalues();
  const bool stable = is_stable(lambda);
  if (!stable && args.tmax == 0.0) {
    std::cerr << "netdyn amplify: W is unstable (spectral abscissa " << spectral_abscissa(lambda)
              << " >= 1): no steady state and unbounded transients; the envelope needs --tmax\n";
  }
  std::optional<double> gain;
  Eigen::VectorXd pattern;
  if (stable) {
    SteadyStateOptions so;
    so.compute_patterns = true;
    const SteadyStateGain g = steady_state_gain(factorization, so);
    gain = g.gain;
    pattern = g.input_pattern;
  }
  std::optional<TransientEnvelope> env;
  if (stable || args.tmax > 0.0) {
    TransientEnvelopeOptions eo;
    eo.tau = args.tau;
    eo.t_max = args.tmax;
    eo.points = args.points;
    env = transient_envelope(factorization, eo);
  }
  // The envelope's certified gain is the Kreiss constant's upper bound (K <= sup_t ||e^{tA}||).
  std::optional<KreissConstant> kreiss;
  if (stable) {
    KreissOptions ko;
    ko.tau = args.tau;
    kreiss = kreiss_constant(factorization, *env, ko);
  }
  std::optional<StabilityRadius> radius;
  if (stable) {
    StabilityRadiusOptions ro;
    ro.tau = args.tau;
    radius = distance_to_instability(factorization, ro);
  }
  const double omega = env ? env->numerical_abscissa : numerical_abscissa(factorization, args.tau);
  if (!args.out_dir.empty() && env) {
    OutputDirectory out(args.out_dir);
    Eigen::MatrixXd table(env->times.size(), 2);
    table << env->times, env->norms;
    write_matrix(out.stage("envelope.npy"), table);
    render(envelope_figure(env->times,
                           env->norms,
                           env->max_gain,
                           env->max_time,
                           (spectral_abscissa(lambda) - 1.0) / args.tau,
                           "Transient envelope of " + args.input),
           out.staging(),
           "envelope",
           parse_plot_format(args.format));
    commit_outputs(out);
  }
  if (args.json) {
    nlohmann::json j;
    j["n"] = w.rows();
    j["tau"] = number(args.tau);
    j["stable"] = stable;
    j["steady_state_gain"] = number(gain);
    j["most_amplified_input"] =
        stable ? to_json(Eigen::MatrixXd(pattern.transpose())).at(0) : nlohmann::json(nullptr);
    // Transient gain over t >= 0 exists only for stable W; with --tmax it is over [0, tmax].
    j["transient_gain"] = env ? number(env->max_gain) : nlohmann::json(nullptr);
    j["transient_gain_time"] = env ? number(env->max_time) : nlohmann::json(nullptr);
    // Certified: transient_gain <= max ||exp(tA)||_2 <= transient_gain_upper_bound (issue 17).
    j["transient_gain_upper_bound"] = env && std::isfinite(env->max_gain_upper_bound)
                                          ? number(env->max_gain_upper_bound)
                                          : nlohmann::json(nullptr);
    j["transient_gain_tolerance_met"] =
        env ? nlohmann::json(env->gain_tolerance_met) : nlohmann::json(nullptr);
    j["numerical_abscissa"] = number(omega);
    // K(A) in [kreiss_lower_bound, kreiss_constant_upper_bound] (issue 17): the best
    // Re z / sigma_min(zI - A) found on the right half plane (at kreiss_point), 1 or
    // transient_gain / (e n), whichever is largest; the upper bound is the certified gain.
    j["kreiss_lower_bound"] = kreiss ? number(kreiss->lower_bound) : nlohmann::json(nullptr);
    j["kreiss_constant_upper_bound"] = kreiss && std::isfinite(kreiss->upper_bound)
                                           ? number(kreiss->upper_bound)
                                           : nlohmann::json(nullptr);
    j["kreiss_point"] =
        kreiss ? nlohmann::json::array({number(kreiss->point.real()), number(kreiss->point.imag())})
               : nlohmann::json(nullptr);
    j["distance_to_instability"] = radius ? number(radius->radius) : nlohmann::json(nullptr);
    j["distance_to_instability_frequency"] =
        radius ? number(radius->frequency) : nlohmann::json(nullptr);
    nlohmann::json e = nlohmann::json::array();
    if (env) {
      for (Eigen::Index k = 0; k < env->times.size(); ++k) {
        e.push_back({number(env->times(k)), number(env->norms(k))});
      }
    }
    j["envelope"] = env ? e : nlohmann::json(nullptr);
    print_json(j);
    return;
  }
  std::ostringstream out;
  out << std::setprecision(8);
  out << "netdyn amplify " << args.input << "  (n = " << w.rows() << ", tau = " << args.tau
      << ", A = (W - I)/tau)\n";
  const auto show = [&out](const char* name, const std::optional<double>& v, const char* note) {
    out << "  " << std::left << std::setw(26) << name;
    if (v) {
      out << *v;
    } else {
      out << "n/a";
    }
    out << note << "\n";
  };
  show("steady-state gain", gain, "  ||(I - W)^-1||_2");
  show("transient gain",
       env ? std::optional<double>(env->max_gain) : std::nullopt,
       "  max_t ||exp(tA)||_2");
  show("  at time", env ? std::optional<double>(env->max_time) : std::nullopt, "");
  show("  certified upper bound",
       env && std::isfinite(env->max_gain_upper_bound)
           ? std::optional<double>(env->max_gain_upper_bound)
           : std::nullopt,
       env && !env->gain_tolerance_met ? "  (search stopped before 1e-8: an interval)" : "");
  show("numerical abscissa", omega, omega > 0 ? "  (> 0: transient growth)" : "  (<= 0: none)");
  show("Kreiss lower bound",
       kreiss ? std::optional<double>(kreiss->lower_bound) : std::nullopt,
       "  max Re z/sigma_min(zI - A) found, Re z > 0");
  if (kreiss) {
    out << "  " << std::left << std::setw(26) << "  at z" << kreiss->point.real() << " + "
        << kreiss->point.imag() << "i\n";
  }
  show("  upper bound",
       kreiss && std::isfinite(kreiss->upper_bound) ? std::optional<double>(kreiss->upper_bound)
                                                    : std::nullopt,
       "  certified transient gain (K <= max_t ||exp(tA)||_2)");
  show("distance to instability",
       radius ? std::optional<double>(radius->radius) : std::nullopt,
       "  min_omega sigma_min(A - i omega I)");
  show("  at omega", radius ? std::optional<double>(radius->frequency) : std::nullopt, "");
  if (env) {
    out << "  envelope on [0, " << env->times(env->times.size() - 1) << "] with "
        << env->times.size() << " points (--json prints it)\n";
  }
  std::cout << out.str();
}

}  // namespace

void add_amplify_command(CLI::App& app) {
  auto args = std::make_shared<AmplifyArgs>();
  CLI::App* sub = app.add_subcommand(
      "amplify",
      "Steady-state gain, transient envelope ||exp(tA)||_2 and its maximum, Kreiss constant\n"
      "Examples:\n"
      "  netdyn amplify data/mm09_balanced.npy\n"
      "  netdyn amplify data/mm09_balanced.npy --tau 10 --tmax 50 --json");
  sub->add_option("FILE", args->input, kConnectivityFileHelp)->required();
  add_convention_option(*sub);
  add_tau_option(*sub, args->tau);
  sub->add_option(
         "--tmax", args->tmax, "end of the envelope grid (0 = automatic: until ||exp(tA)|| <= 0.1)")
      ->check(number_at_least(0.0));
  sub->add_option("--points", args->points, "envelope grid points (>= 2)")
      ->check(integer_in(2, kMaxEnvelopePoints));
  sub->add_option("--out",
                  args->out_dir,
                  "write envelope.npy ([t, ||exp(tA)||] rows) and the plot envelope.<format>");
  add_plot_format_option(*sub, args->format);
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args]() {
    naming_options({{"tau", "--tau"}, {"t_max", "--tmax"}}, [&args] { run_amplify(*args); });
  });
}

}  // namespace netdyn::cli
