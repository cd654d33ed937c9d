// netdyn fixedpoint --model fitzhugh-nagumo [--current I] [--tau T] [--a A] [--b B] [--hopf]
// netdyn fixedpoint --model rate FILE [--input X] [--r0 START] [--f ...] [--tau ...]  [--json]
// Fixed point, Jacobian, eigenvalues, stability and (2-D) classification; keys in
// ../shared/docs/cli.md.
#include <Eigen/Eigenvalues>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/rate_model_args.hpp"
#include "netdyn/dynamics/fixed_point.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/models/fitzhugh_nagumo.hpp"

namespace netdyn::cli {
namespace {

struct FixedPointArgs {
  std::string model = "fitzhugh-nagumo";
  std::string input_file;
  RateModelArgs rate;
  std::string input = "0";
  std::string r0 = "0";
  FitzHughNagumo fitzhugh_nagumo;  // --current, --a, --b (tau from rate.tau)
  bool hopf = false;
  bool json = false;
};

void run(const FixedPointArgs& args) {
  Eigen::VectorXd x;
  Eigen::MatrixXd jac;
  std::optional<double> hopf_current, residual;
  std::optional<bool> closed_form_valid;
  Eigen::VectorXd closed_form;
  if (args.model == "fitzhugh-nagumo") {
    const FitzHughNagumo m = make_fitzhugh_nagumo(args.fitzhugh_nagumo, args.rate);
    const FitzHughNagumoFixedPoint fp = fitzhugh_nagumo_fixed_point(m);
    x = fp.state;
    jac = fp.jacobian;
    if (args.hopf) hopf_current = fitzhugh_nagumo_hopf(m).current;
  } else {
    if (args.input_file.empty()) throw UsageError("--model rate needs FILE (the connectivity W)");
    const RateNetwork net = make_rate_network(read_connectivity(args.input_file), args.rate);
    const Eigen::Index n = net.size();
    const Eigen::VectorXd x_in = parse_vector(args.input, n, "--input");
    const Eigen::VectorXd start = parse_vector(args.r0, n, "--r0");
    const FixedPoint fp = rate_fixed_point(net, x_in, start);
    x = fp.x;
    jac = fp.jacobian;
    residual = fp.residual;
    if (net.f.kind == TransferKind::kThresholdLinear && net.form == RateForm::kRate) {
      const ThresholdLinearFixedPoint tl =
          threshold_linear_fixed_point(net.w, x_in, net.f.gain, net.f.threshold);
      closed_form = tl.rates;
      closed_form_valid = tl.all_above_threshold;
    }
  }
  Eigen::VectorXcd eig = Eigen::EigenSolver<Eigen::MatrixXd>(jac, false).eigenvalues();
  sort_eigenvalues(eig);
  const bool stable = eig.real().maxCoeff() < 0.0;
  const bool planar = jac.rows() == 2;
  if (args.json) {
    nlohmann::json j;
    j["model"] = args.model;
    j["fixed_point"] = nlohmann::json::array();
    for (Eigen::Index i = 0; i < x.size(); ++i) j["fixed_point"].push_back(number(x(i)));
    j["jacobian"] = to_json(jac);
    j["jacobian_eigenvalues"] = to_json(eig);
    j["stable"] = stable;
    j["classification"] =
        planar ? nlohmann::json(to_string(classify_planar(jac))) : nlohmann::json(nullptr);
    if (args.hopf) j["hopf_current"] = number(hopf_current);
    if (residual) j["residual"] = number(*residual);
    if (closed_form.size()) {
      j["threshold_linear_closed_form"] = nlohmann::json::array();
      for (Eigen::Index i = 0; i < closed_form.size(); ++i) {
        j["threshold_linear_closed_form"].push_back(number(closed_form(i)));
      }
      j["closed_form_valid"] = *closed_form_valid;
    }
    print_json(j);
    return;
  }
  std::ostringstream s;
  s << std::setprecision(12);
  s << "netdyn fixedpoint (" << args.model << "): fixed point";
  for (Eigen::Index i = 0; i < std::min<Eigen::Index>(x.size(), 6); ++i) s << ' ' << x(i);
  if (x.size() > 6) s << " ...";
  s << "\n  rightmost Jacobian eigenvalue " << eig(0).real() << (eig(0).imag() >= 0 ? " + " : " - ")
    << std::abs(eig(0).imag()) << "i: " << (stable ? "stable" : "unstable");
  if (planar) s << " (" << to_string(classify_planar(jac)) << ")";
  s << "\n";
  if (hopf_current) s << "  Hopf current " << *hopf_current << "\n";
  std::cout << s.str();
}

}  // namespace

void add_fixedpoint_command(CLI::App& app) {
  auto args = std::make_shared<FixedPointArgs>();
  CLI::App* sub = app.add_subcommand(
      "fixedpoint",
      "Fixed point, Jacobian and stability (FitzHugh-Nagumo example or a rate network)\n"
      "Examples:\n"
      "  netdyn fixedpoint --model fitzhugh-nagumo --current 0.3 --hopf\n"
      "  netdyn fixedpoint --model rate W.csv --f relu --input 1,0.5 --tau 10,5 --json");
  sub->add_option("FILE", args->input_file, "connectivity W (--model rate); formats as for check");
  add_convention_option(*sub);
  sub->add_option("--model", args->model, "fitzhugh-nagumo or rate")
      ->check(CLI::IsMember({"rate", "fitzhugh-nagumo"}))
      ->capture_default_str();
  add_rate_model_options(*sub, args->rate, true);
  sub->add_option("--input", args->input, "constant input X (rate model)")->capture_default_str();
  sub->add_option("--r0", args->r0, "Newton start point (rate model)")->capture_default_str();
  add_fitzhugh_nagumo_options(*sub, args->fitzhugh_nagumo);
  sub->add_flag("--hopf", args->hopf, "also find the Hopf current (FitzHugh-Nagumo)");
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args, sub]() {
    require_model_options(*sub, args->model, {"--input", "--r0"}, {"--hopf"});
    naming_options({{"a", "--a"}, {"b", "--b"}, {"current", "--current"}}, [&args] { run(*args); });
  });
}

}  // namespace netdyn::cli
