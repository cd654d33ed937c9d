// libFuzzer target for the command line's argument parsing. The input is split at NUL and newline
// bytes into argv words (at most 32) and parsed by the real `netdyn` application (every
// subcommand, option, validator and help text); parsing stops before the subcommand's callback,
// so no file is read or written and no computation runs. Each word also goes through the value
// parsers the callbacks use (vectors, input specs, method and format names). Findings: a crash,
// sanitizer report, hang, exit code outside {0, 1, 2}, or an exception other than the documented
// std::invalid_argument (bad value) and UsageError.
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/app.hpp"
#include "common/cli.hpp"
#include "common/plot.hpp"
#include "common/rate_model_args.hpp"
#include "netdyn/dynamics/simulation.hpp"
#include "netdyn/factorization/schur.hpp"
#include "netdyn/factorization/sparse_spectrum.hpp"
#include "netdyn/models/generators.hpp"

namespace {

template <typename F>
void expect_value_error_only(F&& parse) {
  try {
    parse();
  } catch (const std::invalid_argument&) {
  } catch (const netdyn::cli::UsageError&) {
  }
}

void parse_values(const std::string& word) {
  expect_value_error_only([&] { (void)netdyn::cli::parse_vector(word, 3, "--x"); });
  expect_value_error_only([&] { (void)netdyn::cli::parse_inputs({word, word}, 3); });
  expect_value_error_only([&] { (void)netdyn::cli::parse_plot_format(word); });
  expect_value_error_only([&] { (void)netdyn::parse_ode_method(word); });
  expect_value_error_only([&] { (void)netdyn::parse_schur_order(word); });
  expect_value_error_only([&] { (void)netdyn::parse_sparse_target(word); });
  expect_value_error_only([&] { (void)netdyn::parse_weight_distribution(word); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> words{"netdyn"};
  std::string word;
  for (std::size_t i = 0; i <= size; ++i) {
    if (i == size || data[i] == '\0' || data[i] == '\n') {
      if (!word.empty() || i < size) words.push_back(word);
      word.clear();
      if (words.size() > 33) return 0;
    } else {
      word.push_back(static_cast<char>(data[i]));
    }
  }
  for (std::size_t k = 1; k < words.size(); ++k) parse_values(words[k]);

  // The top-level parse-complete callback runs after every option, validator and requirement
  // of the chosen subcommand has been processed and before the subcommand's own callback (CLI11
  // App::run_callback); a non-std exception from it skips the command and is not caught by run_app.
  struct Parsed {};
  const auto app = netdyn::cli::make_app();
  app->final_callback([] {});  // keeps the parse-complete callback first (no swap)
  app->parse_complete_callback([] { throw Parsed{}; });
  std::vector<const char*> argv;
  for (const std::string& w : words) argv.push_back(w.c_str());
  try {
    const int code = netdyn::cli::run_app(*app, static_cast<int>(argv.size()), argv.data());
    if (code < 0 || code > 2) std::abort();
  } catch (const Parsed&) {
  }
  return 0;
}
