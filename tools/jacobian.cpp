// netdyn jacobian (FILE --at R | --model fitzhugh-nagumo --at V,W) [--input X] [--json]: the
// Jacobian of the rate network (or of the FitzHugh-Nagumo model) at a point, its eigenvalues,
// and its agreement with central differences and AutoDiff.
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/cli.hpp"
#include "common/rate_model_args.hpp"
#include "netdyn/dynamics/jacobian.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/models/fitzhugh_nagumo.hpp"

namespace netdyn::cli {
namespace {

struct JacobianArgs {
  std::string model = "rate";
  std::string input_file;
  RateModelArgs rate;
  std::string at;
  std::string input = "0";
  FitzHughNagumo fitzhugh_nagumo;  // --current, --a, --b (tau from rate.tau)
  bool json = false;
};

void run(const JacobianArgs& args) {
  JacobianCheck check;
  if (args.model == "fitzhugh-nagumo") {
    const FitzHughNagumo m = make_fitzhugh_nagumo(args.fitzhugh_nagumo, args.rate);
    const Eigen::VectorXd x = parse_vector(args.at.empty() ? "0,0" : args.at, 2, "--at");
    check = check_fitzhugh_nagumo_jacobian(m, Eigen::Vector2d(x(0), x(1)));
  } else {
    if (args.input_file.empty()) throw UsageError("--model rate needs FILE (the connectivity W)");
    if (args.at.empty()) throw UsageError("--at R is required (the state at which to linearise)");
    const RateNetwork net = make_rate_network(read_connectivity(args.input_file), args.rate);
    const Eigen::Index n = net.size();
    check = check_rate_jacobian(
        net, parse_vector(args.at, n, "--at"), parse_vector(args.input, n, "--input"));
  }
  const Eigen::MatrixXd& jac = check.jacobian;
  const Eigen::VectorXcd& eig = check.eigenvalues;
  const double alpha = eig.real().maxCoeff();
  const double fd_err = check.finite_difference_error;
  const std::optional<double> ad_err = check.autodiff_error;
  const bool planar = jac.rows() == 2;
  if (args.json) {
    nlohmann::json j;
    j["n"] = jac.rows();
    j["jacobian"] = to_json(jac);
    j["eigenvalues"] = to_json(eig);
    j["spectral_abscissa"] = number(alpha);
    j["stable"] = alpha < 0.0;
    j["classification"] =
        planar ? nlohmann::json(to_string(classify_planar(jac))) : nlohmann::json(nullptr);
    j["finite_difference_error"] = number(fd_err);
    j["autodiff_error"] = number(ad_err);
    print_json(j);
    return;
  }
  std::ostringstream s;
  s << std::setprecision(10);
  s << "netdyn jacobian (" << args.model << "): n = " << jac.rows() << "\n";
  if (jac.rows() <= 6) s << jac.format(Eigen::IOFormat(10, 0, "  ", "\n", "  [", "]")) << "\n";
  s << "  rightmost eigenvalue " << eig(0).real() << (eig(0).imag() >= 0 ? " + " : " - ")
    << std::abs(eig(0).imag()) << "i: " << (alpha < 0.0 ? "stable" : "unstable");
  if (planar) s << " (" << to_string(classify_planar(jac)) << ")";
  s << "\n  max |J - J_fd| " << std::setprecision(3) << fd_err;
  if (ad_err) s << ", max |J - J_autodiff| " << *ad_err;
  s << "\n";
  std::cout << s.str();
}

}  // namespace

void add_jacobian_command(CLI::App& app) {
  auto args = std::make_shared<JacobianArgs>();
  CLI::App* sub = app.add_subcommand(
      "jacobian",
      "Jacobian of a rate network at a state, J = (1/tau) o (-I + G W), or of FitzHugh-Nagumo\n"
      "Examples:\n"
      "  netdyn jacobian W.csv --f tanh --at 0.1,0.2 --input 0.5\n"
      "  netdyn jacobian --model fitzhugh-nagumo --at -0.99,-0.37 --json");
  sub->add_option("FILE", args->input_file, "connectivity W (rate model); formats as for check");
  add_convention_option(*sub);
  sub->add_option("--model", args->model, "rate or fitzhugh-nagumo")
      ->check(CLI::IsMember({"rate", "fitzhugh-nagumo"}))
      ->capture_default_str();
  add_rate_model_options(*sub, args->rate, true);
  sub->add_option("--at", args->at, "state: VALUE, LIST or FILE");
  sub->add_option("--input", args->input, "constant input X (rate model)")->capture_default_str();
  add_fitzhugh_nagumo_options(*sub, args->fitzhugh_nagumo);
  sub->add_flag("--json", args->json, "print one JSON object on stdout");
  sub->callback([args, sub]() {
    require_model_options(*sub, args->model, {"--input"});
    run(*args);
  });
}

}  // namespace netdyn::cli
