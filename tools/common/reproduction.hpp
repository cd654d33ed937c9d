#pragma once
// Reproductions of published figures (`netdyn reproduce NAME`, `netdyn demo`): each lives in
// tools/reproductions/<name>.cpp, computes with lib/ only, draws with plot.hpp, and returns what
// the report page shows: figures with captions and the key numbers next to their references.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/plot.hpp"

namespace netdyn::cli {

struct FigureRecord {
  std::string file;     ///< path relative to the reproduction's folder
  std::string caption;  ///< one or two sentences a reader needs to read the figure
};

struct KeyNumber {
  std::string name;                ///< e.g. "integral ratio r_E balanced/uncoupled"
  double value = 0.0;              ///< what netdyn computed
  std::optional<double> expected;  ///< the reference value (science.md), if there is one
  std::string source;              ///< where the reference comes from
};

struct ReproductionResult {
  std::string title;    ///< e.g. "Murphy & Miller 2009: balanced amplification"
  std::string summary;  ///< a paragraph: what the figures show
  std::vector<FigureRecord> figures;
  std::vector<KeyNumber> numbers;
};

struct Reproduction {
  std::string name;         ///< command-line name, e.g. "murphy-miller-2009"
  std::string description;  ///< one line for --help / --list
  std::function<ReproductionResult(const std::string& dir, PlotFormat format)> run;
};

/// Every reproduction, in the order the demo page shows them (tools/reproduce.cpp).
const std::vector<Reproduction>& reproductions();

// One function per tools/reproductions/<name>.cpp.
ReproductionResult reproduce_rosenbaum_4_2(const std::string& dir, PlotFormat format);
ReproductionResult reproduce_murphy_miller_2009(const std::string& dir, PlotFormat format);
ReproductionResult reproduce_rosenbaum_3_4(const std::string& dir, PlotFormat format);
ReproductionResult reproduce_random_rnn(const std::string& dir, PlotFormat format);
ReproductionResult reproduce_fitzhugh_nagumo(const std::string& dir, PlotFormat format);
ReproductionResult reproduce_hennequin_2012(const std::string& dir, PlotFormat format);
ReproductionResult reproduce_hennequin_2014(const std::string& dir, PlotFormat format);

}  // namespace netdyn::cli
