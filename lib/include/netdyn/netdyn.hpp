#pragma once
/// \file netdyn.hpp
/// Every public header of netdyn, by layer (docs/decisions/layout.md): I/O feeds the factorisation,
/// the factorisation feeds the analyses, the analyses feed the report; dynamics integrate what
/// the analyses predict; models generate W.

#include "netdyn/core/error.hpp"
#include "netdyn/core/linear_operator.hpp"
#include "netdyn/core/random.hpp"

#include "netdyn/io/atomic_file.hpp"
#include "netdyn/io/edge_list.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/output_directory.hpp"
#include "netdyn/io/provenance.hpp"

#include "netdyn/factorization/eigenvalue_sensitivity.hpp"
#include "netdyn/factorization/schur.hpp"
#include "netdyn/factorization/schur_factorization.hpp"
#include "netdyn/factorization/sparse_spectrum.hpp"
#include "netdyn/factorization/spectrum.hpp"

#include "netdyn/amplification/covariance.hpp"
#include "netdyn/amplification/kreiss_constant.hpp"
#include "netdyn/amplification/lyapunov.hpp"
#include "netdyn/amplification/nonnormality.hpp"
#include "netdyn/amplification/pseudospectrum.hpp"
#include "netdyn/amplification/smoothed_spectral_abscissa.hpp"
#include "netdyn/amplification/stability_radius.hpp"
#include "netdyn/amplification/steady_state.hpp"
#include "netdyn/amplification/transient_envelope.hpp"

#include "netdyn/dynamics/fixed_point.hpp"
#include "netdyn/dynamics/jacobian.hpp"
#include "netdyn/dynamics/krylov_exponential.hpp"
#include "netdyn/dynamics/linear_solution.hpp"
#include "netdyn/dynamics/nullclines.hpp"
#include "netdyn/dynamics/ode_check.hpp"
#include "netdyn/dynamics/rate_network.hpp"
#include "netdyn/dynamics/sde.hpp"
#include "netdyn/dynamics/simulation.hpp"

#include "netdyn/models/ei_network.hpp"
#include "netdyn/models/fitzhugh_nagumo.hpp"
#include "netdyn/models/generators.hpp"
#include "netdyn/models/sparse_generators.hpp"
#include "netdyn/models/stability_optimised_circuit.hpp"

#include "netdyn/report/guards.hpp"
#include "netdyn/report/parameter_sweep.hpp"
#include "netdyn/report/report.hpp"
#include "netdyn/report/report_fields.hpp"
