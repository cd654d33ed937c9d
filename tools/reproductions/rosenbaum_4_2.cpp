// rosenbaum-4.2: the circular law (Rosenbaum, Modeling Neural Circuits Made Simple, fig. 4.2C):
// W = rho randn(N, N)/sqrt(N), N = 200, rho = 1.5: eigenvalues fill the disk of radius rho, so the
// network r = 0 is unstable (rho > 1). docs/science.md 5.1.
#include <cmath>

#include "common/figures.hpp"
#include "common/reproduction.hpp"
#include "netdyn/factorization/spectrum.hpp"
#include "netdyn/models/generators.hpp"

namespace netdyn::cli {

ReproductionResult reproduce_rosenbaum_4_2(const std::string& dir, PlotFormat format) {
  GaussianOptions options;
  options.n = 200;
  options.rho = 1.5;
  options.seed = 42;
  const Eigen::MatrixXd w = gaussian_connectivity(options);
  const Spectrum spectrum = compute_spectrum(w);
  const double radius = circular_law_radius(w);
  Eigen::Index inside = 0;
  for (Eigen::Index k = 0; k < spectrum.eigenvalues.size(); ++k) {
    if (std::abs(spectrum.eigenvalues(k)) <= options.rho) ++inside;
  }
  const Figure figure = spectrum_figure(
      spectrum.eigenvalues, radius, "Gaussian network, N = 200, {/Symbol r} = 1.5 (seed 42)");
  const std::string file = render(figure, dir, "spectrum", format);

  ReproductionResult result;
  result.title = "Rosenbaum fig. 4.2C: the circular law";
  result.summary =
      "A random network W = rho randn(N, N)/sqrt(N) has its eigenvalues spread uniformly over the "
      "disk of radius rho (Girko's circular law). With rho = 1.5 many eigenvalues lie right of "
      "the stability line Re lambda = 1, so the silent state r = 0 of the linear network is "
      "unstable.";
  result.figures.push_back(
      {file.substr(dir.size() + 1),
       "Eigenvalues of W (dots), the circular-law circle of radius sqrt(N var W_ij) (grey) and the "
       "stability boundary Re lambda = 1 (dashed)."});
  result.numbers.push_back({"circular-law radius sqrt(N var W_ij)",
                            radius,
                            options.rho,
                            "docs/science.md 5.1 (radius rho)"});
  result.numbers.push_back({"fraction of eigenvalues with |lambda| <= rho",
                            static_cast<double>(inside) / static_cast<double>(options.n),
                            std::nullopt,
                            "docs/science.md 5.1: >= 0.95 at N = 500"});
  result.numbers.push_back({"spectral abscissa",
                            spectral_abscissa(spectrum.eigenvalues),
                            std::nullopt,
                            "> 1: unstable"});
  return result;
}

}  // namespace netdyn::cli
