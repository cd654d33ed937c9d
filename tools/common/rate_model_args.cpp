#include "common/rate_model_args.hpp"

#include <cmath>
#include <filesystem>
#include <sstream>
#include <system_error>

#include "common/cli.hpp"
#include "common/validators.hpp"
#include "netdyn/io/io.hpp"

namespace netdyn::cli {

namespace {

double parse_number(const std::string& text, const std::string& what) {
  std::size_t used = 0;
  double v = 0.0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size()) {
    throw UsageError(what + ": '" + text + "' is not a number");
  }
  if (!std::isfinite(v)) throw UsageError(what + ": '" + text + "' is not a finite number");
  return v;
}

std::vector<std::string> split(const std::string& s, char sep) {
  return split_list(s, sep);
}

// The first of `names` given on `sub`, or nullptr.
const CLI::Option* first_given(const CLI::App& sub, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const CLI::Option* opt = sub.get_option_no_throw(name);
    if (opt != nullptr && opt->count() > 0) return opt;
  }
  return nullptr;
}

}  // namespace

void add_rate_model_options(CLI::App& sub, RateModelArgs& args, bool with_fitzhugh_nagumo) {
  const std::string tau_help =
      with_fitzhugh_nagumo
          ? "time constant(s) (> 0): --model rate: one value or a comma list per unit (default "
            "1); --model fitzhugh-nagumo: the one time constant of w (default " +
                [] {
                  std::ostringstream os;
                  os << FitzHughNagumo{}.tau;
                  return os.str();
                }() +
                ")"
          : "time constant(s) (> 0): one value or a comma list per unit (default 1)";
  sub.add_option("--tau", args.tau, tau_help)->check(comma_list(number_above(0.0)));
  sub.add_option("--f", args.f, "transfer function f(x) = phi(gain (x - threshold))")
      ->check(CLI::IsMember({"linear", "tanh", "relu", "threshold-linear", "sigmoid"}))
      ->capture_default_str();
  sub.add_option("--gain", args.gain, "gain g of f")->check(finite_number())->capture_default_str();
  sub.add_option("--threshold", args.threshold, "threshold theta of f")
      ->check(finite_number())
      ->capture_default_str();
  sub.add_option(
         "--form", args.form, "rate: tau r' = -r + f(W r + X); current: tau I' = -I + W f(I + X)")
      ->check(CLI::IsMember({"rate", "current"}))
      ->capture_default_str();
}

RateNetwork make_rate_network(const Eigen::MatrixXd& w, const RateModelArgs& args) {
  RateNetwork net;
  net.w = w;
  const std::vector<std::string> parts = split(args.tau.empty() ? "1" : args.tau, ',');
  const auto n = static_cast<std::size_t>(w.rows());
  if (parts.size() != 1 && parts.size() != n) {
    throw std::invalid_argument("--tau has " + std::to_string(parts.size()) + " entries but W is " +
                                std::to_string(n) + "x" + std::to_string(n) +
                                "; give one value or " + std::to_string(n));
  }
  net.tau.resize(static_cast<Eigen::Index>(parts.size()));
  for (std::size_t i = 0; i < parts.size(); ++i) {
    net.tau(static_cast<Eigen::Index>(i)) = parse_number(parts[i], "--tau");
  }
  net.f.kind = parse_transfer_kind(args.f);
  net.f.gain = args.gain;
  net.f.threshold = args.threshold;
  net.form = parse_rate_form(args.form);
  // W itself (finite, square); the options are checked
  naming_options({{"gain", "--gain"}}, [&net] { validate_rate_network("netdyn", net); });
  return net;
}

void add_fitzhugh_nagumo_options(CLI::App& sub, FitzHughNagumo& model) {
  sub.add_option("--current", model.current, "FitzHugh-Nagumo input current I")
      ->check(finite_number())
      ->capture_default_str();
  sub.add_option("--a", model.a, "FitzHugh-Nagumo a")
      ->check(finite_number())
      ->capture_default_str();
  sub.add_option("--b", model.b, "FitzHugh-Nagumo b")
      ->check(finite_number())
      ->capture_default_str();
}

FitzHughNagumo make_fitzhugh_nagumo(FitzHughNagumo model, const RateModelArgs& args) {
  if (args.tau.empty()) return model;  // FitzHughNagumo{}.tau
  const std::vector<std::string> parts = split(args.tau, ',');
  if (parts.size() != 1) {
    throw UsageError("--tau " + args.tau +
                     ": --model fitzhugh-nagumo has one time constant; give one value");
  }
  model.tau = parse_number(parts[0], "--tau");
  return model;
}

void require_model_options(const CLI::App& sub,
                           const std::string& model,
                           const std::vector<std::string>& extra_rate,
                           const std::vector<std::string>& extra_fitzhugh_nagumo) {
  const bool fhn = model == "fitzhugh-nagumo";
  if (fhn) {
    const CLI::Option* file = sub.get_option_no_throw("FILE");
    if (file != nullptr && file->count() > 0) {
      throw UsageError("--model fitzhugh-nagumo takes no FILE (got '" + file->as<std::string>() +
                       "'); give --model rate for a connectivity W");
    }
  }
  std::vector<std::string> names =
      fhn ? std::vector<std::string>{"--f", "--gain", "--threshold", "--form"}
          : std::vector<std::string>{"--current", "--a", "--b"};
  const std::vector<std::string>& extra = fhn ? extra_rate : extra_fitzhugh_nagumo;
  names.insert(names.end(), extra.begin(), extra.end());
  if (const CLI::Option* opt = first_given(sub, names)) {
    throw UsageError(opt->get_name() + " does not apply to --model " + model);
  }
}

Eigen::VectorXd parse_vector(const std::string& spec, Eigen::Index n, const std::string& what) {
  // The non-throwing form: a long LIST is no file name (exists() would throw "File name too
  // long" beyond NAME_MAX characters).
  std::error_code no_file;
  if (std::filesystem::exists(spec, no_file)) {
    const Eigen::MatrixXd m = read_matrix(spec);
    if (m.size() != n) {
      throw std::invalid_argument(what + ": " + spec + " has " + std::to_string(m.size()) +
                                  " entries but W is " + std::to_string(n) + "x" +
                                  std::to_string(n) + "; sizes must match");
    }
    return m.reshaped();
  }
  const std::vector<std::string> parts = split(spec, ',');
  if (parts.size() == 1) return Eigen::VectorXd::Constant(n, parse_number(parts[0], what));
  if (static_cast<Eigen::Index>(parts.size()) != n) {
    throw std::invalid_argument(what + " has " + std::to_string(parts.size()) +
                                " entries but W is " + std::to_string(n) + "x" + std::to_string(n) +
                                "; sizes must match");
  }
  Eigen::VectorXd v(n);
  for (Eigen::Index i = 0; i < n; ++i)
    v(i) = parse_number(parts[static_cast<std::size_t>(i)], what);
  return v;
}

Input parse_inputs(const std::vector<std::string>& specs, Eigen::Index n) {
  Input in;
  for (const std::string& s : specs) {
    const std::size_t colon = s.find(':');
    const std::string kind = colon == std::string::npos ? "" : s.substr(0, colon);
    if (kind != "step" && kind != "pulse" && kind != "impulse") {
      const Eigen::VectorXd x = parse_vector(s, n, "--input");
      in.constant = in.constant.size() == 0 ? x : Eigen::VectorXd(in.constant + x);
      continue;
    }
    const std::string rest = s.substr(colon + 1);
    const std::size_t at = rest.rfind('@');
    if (at == std::string::npos) {
      throw UsageError("--input " + s + ": expected " + kind + ":X@T0" +
                       (kind == "pulse" ? ":T1" : ""));
    }
    const Eigen::VectorXd x = parse_vector(rest.substr(0, at), n, "--input " + kind);
    const std::vector<std::string> times = split(rest.substr(at + 1), ':');
    if (kind == "impulse") {
      if (times.size() != 1) throw UsageError("--input " + s + ": expected impulse:X@T0");
      in.impulses.push_back({parse_number(times[0], "--input impulse time"), x});
    } else {
      if (in.pulse.size() != 0) throw UsageError("--input: at most one step or pulse");
      if (times.size() != (kind == "pulse" ? 2U : 1U)) {
        throw UsageError("--input " + s + ": expected " + kind + ":X@T0" +
                         (kind == "pulse" ? ":T1" : ""));
      }
      in.pulse = x;
      in.pulse_start = parse_number(times[0], "--input start time");
      if (kind == "pulse") in.pulse_end = parse_number(times[1], "--input end time");
    }
  }
  return in;
}

}  // namespace netdyn::cli
