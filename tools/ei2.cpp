// netdyn ei2 (--w W --k K | --we WE --wi WI) [--tau T] [--r0 RE,RI] [--json]: closed forms of the
// Murphy-Miller two-population network W = [[wE, -wI], [wE, -wI]] (lib: ei_network.hpp).
#include <cmath>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "common/cli.hpp"
#include "common/validators.hpp"
#include "netdyn/models/ei_network.hpp"

namespace netdyn::cli {
namespace {

struct Ei2Args {
  double w = 0.0;
  double k = 0.0;
  double we = 0.0;
  double wi = 0.0;
  double tau = 1.0;
  std::string r0 = "1,0";
  bool json = false;
};

Eigen::Vector2d parse_r0(const std::string& text) {
  std::istringstream in(text);
  Eigen::Vector2d r0;
  char comma = 0;
  std::string rest;
  if (!(in >> r0(0) >> comma >> r0(1)) || comma != ',' || (in >> rest) || !r0.allFinite()) {
    throw UsageError("--r0 = \"" + text + "\"; need two finite numbers RE,RI such as 1,0");
  }
  return r0;
}

nlohmann::json optional_number(const std::optional<double>& v) {
  return number(v);
}

void print_summary(const EiNetwork& net,
                   const Eigen::Vector2d& r0,
                   const EiPulseResponse& p,
                   const EiSchurForm& s) {
  std::ostringstream out;
  out << std::setprecision(8);
  const auto show = [](const std::optional<double>& v) {
    std::ostringstream o;
    if (v) {
      o << std::setprecision(8) << *v;
    } else {
      o << "n/a";
    }
    return o.str();
  };
  out << "netdyn ei2: W = [[wE, -wI], [wE, -wI]], wE = " << net.w_e << ", wI = " << net.w_i
      << ", tau = " << net.tau << ", r(0) = (" << r0(0) << ", " << r0(1) << ")\n";
  out << "  eigenvalues             " << s.eigenvalues(0) << " (sum pattern), 0\n";
  out << "  Schur form T            [[" << s.t(0, 0) << ", " << s.t(0, 1) << "], [0, 0]]"
      << "  (difference -> sum feedforward)\n";
  out << "  feedforward weight      " << p.feedforward_weight << "\n";
  out << "  integral r_E            " << show(p.integral_r_e) << "  (uncoupled "
      << p.integral_r_e_uncoupled << ")\n";
  out << "  amplification           " << show(p.amplification) << "\n";
  out << "  peak r_E                " << show(p.peak_r_e) << " at t = " << show(p.peak_time)
      << "\n";
  std::cout << out.str();
}

// Weights near the largest double overflow the closed forms (wE + wI, the integrals): refuse
// them, naming the values, rather than print inf or nan.
void require_finite(const EiNetwork& net, const char* name, const std::optional<double>& value) {
  if (value && !std::isfinite(*value)) {
    std::ostringstream msg;
    msg << "weights wE = " << net.w_e << ", wI = " << net.w_i << " (tau = " << net.tau
        << ") are too large: " << name << " = " << *value
        << " overflows double precision; use smaller weights";
    throw std::invalid_argument(msg.str());
  }
}

void require_finite(const EiNetwork& net, const EiPulseResponse& p) {
  require_finite(net, "the sum mode's decay rate", p.sum_decay_rate);
  require_finite(net, "integral r_E", p.integral_r_e);
  require_finite(net, "integral r_I", p.integral_r_i);
  require_finite(net, "uncoupled integral r_E", p.integral_r_e_uncoupled);
  require_finite(net, "amplification", p.amplification);
  require_finite(net, "peak r_E", p.peak_r_e);
  // peak_time may be +inf: a supremum approached as t -> inf.
  if (p.peak_time && std::isnan(*p.peak_time)) require_finite(net, "peak time", p.peak_time);
}

}  // namespace

void add_ei2_command(CLI::App& app) {
  auto args = std::make_shared<Ei2Args>();
  CLI::App* sub = app.add_subcommand(
      "ei2",
      "Closed forms for the balanced E-I pair W = [[wE, -wI], [wE, -wI]] (Murphy & Miller 2009)\n"
      "Examples:\n"
      "  netdyn ei2 --w 4.285714285714286 --k 1.1      (wE = w, wI = k w: amplification 4)\n"
      "  netdyn ei2 --we 2 --wi 6 --r0 0.5,0.5 --json");
  const CLI::Validator non_negative = number_at_least(0.0);
  CLI::Option* w = sub->add_option("--w", args->w, "MM09 weight: wE = w")->check(non_negative);
  CLI::Option* k =
      sub->add_option("--k", args->k, "MM09 inhibition ratio: wI = k w")->check(non_negative);
  CLI::Option* we =
      sub->add_option("--we", args->we, "excitatory weight magnitude wE")->check(non_negative);
  CLI::Option* wi =
      sub->add_option("--wi", args->wi, "inhibitory weight magnitude wI")->check(non_negative);
  w->needs(k);
  k->needs(w);
  we->needs(wi);
  wi->needs(we);
  w->excludes(we)->excludes(wi);
  k->excludes(we)->excludes(wi);
  add_tau_option(*sub, args->tau);
  sub->add_option("--r0", args->r0, "initial rates RE,RI (a pulse of input at t = 0)")
      ->capture_default_str();
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args, w, we]() {
    if (w->count() == 0 && we->count() == 0) {
      throw UsageError("give the weights: --w W --k K, or --we WE --wi WI");
    }
    const Eigen::Vector2d r0 = parse_r0(args->r0);
    const EiNetwork net = w->count() > 0 ? EiNetwork::from_gain(args->w, args->k, args->tau)
                                         : EiNetwork{args->we, args->wi, args->tau};
    require_finite(net, "wI = k w", net.w_i);
    const EiSchurForm s = ei_schur(net);
    require_finite(net, "wE + wI", s.feedforward_weight);
    require_finite(net, "wE - wI", s.eigenvalues(0));
    const EiPulseResponse p = ei_pulse_response(net, r0);
    require_finite(net, p);
    if (!args->json) {
      print_summary(net, r0, p, s);
      return;
    }
    // Eigenvalues in netdyn's order (decreasing real part): wE - wI and 0.
    Eigen::VectorXcd eigenvalues(2);
    eigenvalues << std::max(s.eigenvalues(0), 0.0), std::min(s.eigenvalues(0), 0.0);
    nlohmann::json j;
    j["w_e"] = number(net.w_e);
    j["w_i"] = number(net.w_i);
    j["tau"] = number(net.tau);
    j["r0"] = {number(r0(0)), number(r0(1))};
    j["eigenvalues"] = to_json(eigenvalues);
    j["feedforward_weight"] = number(p.feedforward_weight);
    j["schur_T"] = to_json(Eigen::MatrixXd(s.t));
    j["integral_rE"] = optional_number(p.integral_r_e);
    j["integral_rI"] = optional_number(p.integral_r_i);
    j["integral_rE_uncoupled"] = number(p.integral_r_e_uncoupled);
    j["amplification"] = optional_number(p.amplification);
    j["peak_rE"] = optional_number(p.peak_r_e);
    j["peak_time"] = optional_number(p.peak_time);
    j["sum_decay_rate"] = number(p.sum_decay_rate);
    // The normal (Hebbian) network with the same amplification, for comparison: its decay is
    // slowed by the same factor (science.md 1.6).
    if (p.amplification && *p.amplification > 0.0) {
      const double hw = hebbian_weight_for_amplification(*p.amplification);
      j["hebbian_weight"] = number(hw);
      j["hebbian_time_constant"] = number(net.tau * *p.amplification);
    } else {
      j["hebbian_weight"] = nullptr;
      j["hebbian_time_constant"] = nullptr;
    }
    print_json(j);
  });
}

}  // namespace netdyn::cli
