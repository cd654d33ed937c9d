#include <iostream>
#include <netdyn/netdyn.hpp>

int main() {
  Eigen::MatrixXd w(2, 2);
  w << 1.0, 2.0, 0.0, -1.0;
  std::cout << "spectral abscissa "
            << netdyn::spectral_abscissa(netdyn::compute_spectrum(w).eigenvalues) << '\n';
}
