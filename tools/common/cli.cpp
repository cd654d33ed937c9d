#include "common/cli.hpp"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "common/validators.hpp"

namespace netdyn::cli {

CLI::Option* add_tau_option(CLI::App& sub, double& tau) {
  return sub.add_option("--tau", tau, "time constant tau (> 0); times are reported in its unit")
      ->check(number_above(0.0))
      ->capture_default_str();
}

CLI::Option* add_plot_format_option(CLI::App& sub, std::string& format) {
  return sub.add_option("--format", format, "plot format for --out")
      ->check(CLI::IsMember({"png", "svg", "pdf"}))
      ->capture_default_str();
}

nlohmann::json to_json(const Eigen::Ref<const Eigen::VectorXcd>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (Eigen::Index k = 0; k < values.size(); ++k) {
    out.push_back({number(values(k).real()), number(values(k).imag())});
  }
  return out;
}

nlohmann::json to_json(const Eigen::Ref<const Eigen::MatrixXd>& m) {
  nlohmann::json out = nlohmann::json::array();
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(number(m(i, j)));
    out.push_back(row);
  }
  return out;
}

nlohmann::json number(double v) {
  if (std::isnan(v)) throw std::logic_error("internal error: NaN reached the JSON output");
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return v;
}

std::string show_complex(const std::complex<double>& z, int digits, double error) {
  const double re = std::abs(z.real()) <= error ? 0.0 : z.real();
  const double im = std::abs(z.imag()) <= error ? 0.0 : z.imag();
  std::ostringstream s;
  s << std::setprecision(digits) << re;
  if (im != 0.0) s << (im > 0 ? " + " : " - ") << std::abs(im) << "i";
  return s.str();
}

nlohmann::json number(const std::optional<double>& v) {
  return v ? number(*v) : nlohmann::json(nullptr);
}

nlohmann::json numbers(const Eigen::Ref<const Eigen::VectorXd>& v) {
  nlohmann::json out = nlohmann::json::array();
  for (Eigen::Index k = 0; k < v.size(); ++k) out.push_back(number(v(k)));
  return out;
}

void print_json(const nlohmann::json& j) {
  if (j.is_object() && !j.contains("provenance")) {
    nlohmann::json with = j;
    with["provenance"] = provenance_json();
    std::cout << with.dump(2) << '\n';
    return;
  }
  std::cout << j.dump(2) << '\n';
}

void ensure_parent_dir(const std::string& file) {
  const std::filesystem::path dir = std::filesystem::path(file).parent_path();
  if (dir.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    throw std::invalid_argument(file + ": cannot create the folder " + dir.string() +
                                (ec ? ": " + ec.message() : std::string(": a file is in the way")));
  }
}

void report_written(const std::vector<std::string>& files) {
  std::string line = "wrote ";
  for (std::size_t k = 0; k < files.size(); ++k) {
    if (k) line += k + 1 == files.size() ? " and " : ", ";
    line += files[k];
  }
  if (!files.empty()) std::cerr << line << "\n";
}

void rethrow_with_option_name(const ParameterRangeError& e,
                              std::initializer_list<OptionName> names) {
  for (const auto& [parameter, option] : names) {
    if (e.parameter() != parameter) continue;
    std::ostringstream msg;
    msg.precision(6);
    msg << option << " " << e.value() << ": " << e.reason();
    throw std::invalid_argument(msg.str());
  }
  throw e;
}

}  // namespace netdyn::cli
