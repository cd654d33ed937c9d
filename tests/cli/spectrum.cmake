# netdyn spectrum (dense and Krylov paths) and netdyn generate-sparse: smoke runs, the JSON
# contract, closed forms, bad input (exit 1) and bad usage (exit 2).
set(NETDYN_SPARSE ${CMAKE_CURRENT_SOURCE_DIR}/data/sparse)
set(NETDYN_SPARSE_OUT ${CMAKE_CURRENT_BINARY_DIR}/sparse_cli)
file(MAKE_DIRECTORY ${NETDYN_SPARSE_OUT})

netdyn_cli_test(spectrum.dense 0 "\"method\": \"dense\".*\"n\": 2"
                spectrum ${NETDYN_DATA}/mm09_balanced.npy --json)
# Symmetric tridiagonal Toeplitz: lambda_1 = 0.1 + cos(pi/201) = 1.0998778569...
netdyn_cli_test(spectrum.krylov_closed_form 0 "krylov.*rightmost first\\): 1\\.099877857, 1\\.099511458"
                spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --count 3)
netdyn_cli_test(spectrum.krylov_json 0
                "\"circular_law_radius\".*\"method\": \"krylov\".*\"runs\": [23].*\"spectral_abscissa\": 1\\.09987785"
                spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --count 3 --json)
netdyn_cli_test(spectrum.shift_invert 0 "nearest-shift"
                spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --count 4 --target nearest-shift --shift 0.33)
netdyn_cli_test(spectrum.duplicates_summed 0 "rightmost first\\): 3, 2[[:space:]]+spectral abscissa +3 "
                spectrum ${NETDYN_SPARSE}/duplicates.mtx --count 2)
netdyn_cli_test(spectrum.out 0 "wrote .*spectrum_eigenvalues\\.npy"
                spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --count 3 --out ${NETDYN_SPARSE_OUT})

netdyn_cli_test(spectrum.bad.count 1 "toeplitz_200.mtx: --count 199 but W is 200x200. the Krylov path needs count <= n - 2"
                spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --count 199)
netdyn_cli_test(spectrum.bad.nonsquare 1 "nonsquare.mtx: matrix is 3x4"
                spectrum ${NETDYN_SPARSE}/nonsquare.mtx --count 1)
netdyn_cli_test(spectrum.bad.missing 1 "does_not_exist.mtx"
                spectrum ${NETDYN_SPARSE}/does_not_exist.mtx --count 2)
netdyn_cli_test(spectrum.usage.target_needs_krylov 2 "needs the Krylov path"
                spectrum ${NETDYN_DATA}/mm09_balanced.npy --target largest-magnitude)
netdyn_cli_test(spectrum.usage.method 2 "--method" spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --method qr)
netdyn_cli_test(spectrum.usage.no_file 2 "FILE is required" spectrum)

# generate-sparse writes a balanced E-I matrix; the Krylov path then finds its eigenvalue 0
# (W 1 = 0) among the spectrum and the bulk radius.
netdyn_cli_test(generate_sparse.smoke 0 "wrote .*ei_500.mtx  \\(n = 500, 10000 nonzeros, 400 excitatory"
                generate-sparse --n 500 --k 20 --balance-rows -o ${NETDYN_SPARSE_OUT}/ei_500.mtx)
set_tests_properties(cli.generate_sparse.smoke PROPERTIES FIXTURES_SETUP sparse_ei_500)
netdyn_cli_test(generate_sparse.spectrum 0 "\"method\": \"krylov\""
                spectrum ${NETDYN_SPARSE_OUT}/ei_500.mtx --count 5 --json)
set_tests_properties(cli.generate_sparse.spectrum PROPERTIES FIXTURES_REQUIRED sparse_ei_500)
netdyn_cli_test(generate_sparse.json 0 "\"nonzeros\": 2500.*\"predicted_outlier\": "
                generate-sparse --n 100 --k 25 --gamma 2 -o ${NETDYN_SPARSE_OUT}/ei_100.mtx --json)
netdyn_cli_test(generate_sparse.bad.extension 1 "\\.mtx"
                generate-sparse --n 100 --k 10 -o ${NETDYN_SPARSE_OUT}/w.npy)
netdyn_cli_test(generate_sparse.usage.degree 2 "--k 200 is more than n = 100"
                generate-sparse --n 100 --k 200 -o ${NETDYN_SPARSE_OUT}/w.mtx)
netdyn_cli_test(generate_sparse.usage.k_and_p 2 "excludes"
                generate-sparse --n 100 --k 10 --p 0.1 -o ${NETDYN_SPARSE_OUT}/w.mtx)
netdyn_plot_test(spectrum_plot spectrum.png 10000 spectrum ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --out ${NETDYN_PLOT_DIR}/spectrum_plot)
# Issue 22: options the chosen path does not read are usage errors, not silently ignored; counts
# are integers >= 0 with a readable bound; --k against --n and the result's size are checked
# before anything is allocated.
netdyn_cli_test(spectrum.usage.shift_without_target 2 "--shift applies to --target nearest-shift"
                spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --count 4 --shift 0.5)
netdyn_cli_test(spectrum.usage.tolerance_dense 2 "--tolerance needs the Krylov path"
                spectrum ${NETDYN_DATA}/mm09_balanced.npy --tolerance 1e-8)
netdyn_cli_test(spectrum.usage.count_negative 2 "--count: -1 is not >= 0[[:space:]]+Run with"
                spectrum ${NETDYN_DATA}/mm09_balanced.npy --count -1)
netdyn_cli_test(spectrum.usage.shift_nan 2 "--shift: nan is not a finite number"
                spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --count 4 --target nearest-shift --shift nan)
netdyn_cli_test(spectrum.bad.subspace 1 "--subspace 5 with --count 4 and n = 200. need count \\+ 2 <= subspace <= n"
                spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --count 4 --subspace 5)
netdyn_cli_test(generate_sparse.usage.default_degree 2 "--k 100 \\(the default\\) is more than n = 50"
                generate-sparse --n 50 -o ${NETDYN_SPARSE_OUT}/w.mtx)
netdyn_cli_test(generate_sparse.usage.huge 2 "--n 100000000 with --k 100 .* the limit is 268435456"
                generate-sparse --n 100000000 -o ${NETDYN_SPARSE_OUT}/w.mtx)
netdyn_cli_test(generate_sparse.usage.seed_negative 2 "--seed: -1 is not in"
                generate-sparse --n 100 --k 10 --seed -1 -o ${NETDYN_SPARSE_OUT}/w.mtx)
netdyn_cli_test(generate_sparse.usage.cv_nan 2 "--cv: nan is not a finite number"
                generate-sparse --n 100 --k 10 --cv nan -o ${NETDYN_SPARSE_OUT}/w.mtx)
# Issue 22: a CV whose second moment overflows is refused naming it (the file held nan/inf that
# netdyn's own reader rejects).
netdyn_cli_test(generate_sparse.bad.huge_cv 1 "--cv 1e\\+308 with --we 0\\.08.*overflows"
                generate-sparse --n 20 --k 5 --cv 1e308 -o ${NETDYN_SPARSE_OUT}/huge_cv.mtx)

# Issue 22: the sparse path on defective and degenerate W, and absurd sizes.
netdyn_cli_test(spectrum.zero_matrix 0 "rightmost first\\): 0, 0, 0"
                spectrum ${NETDYN_SPARSE}/zero_30.mtx --count 3)
# A feed-forward chain is triangular up to a permutation: exact zeros at once (was: radius 0.934
# at n = 50; 403 s and an error at n = 1000).
netdyn_cli_test(spectrum.feedforward_chain 0 "triangular\\).*the eigenvalues are its diagonal, exactly.*rightmost first\\): 0, 0, 0[[:space:]]+spectral radius +0[[:space:]]"
                spectrum ${NETDYN_SPARSE}/chain_1000.mtx --count 3 --target largest-magnitude)
netdyn_cli_test(spectrum.nearly_defective_flagged 0
                "\"code\": \"ill_conditioned_eigenvectors\".*netdyn spectrum: warning: ill_conditioned_eigenvectors: .*defective"
                spectrum ${NETDYN_SPARSE}/cycle_50_tiny.mtx --count 3 --target largest-magnitude --json)
netdyn_cli_test(spectrum.absurd_size 1
                "absurd_size.mtx: size line declares a 100000000x100000000 matrix with only 1 entries"
                spectrum ${NETDYN_SPARSE}/absurd_size.mtx --count 3)
# Item 5: the dense path carries the eigenvalue guard of netdyn check (shared code, guards.hpp).
netdyn_cli_test(spectrum.guard.defective 0
                "netdyn spectrum: warning: ill_conditioned_eigenvectors: eigenvector condition kappa\\(V\\) = inf.*unreliable are: eigenvalues, spectral_abscissa, spectral_radius"
                spectrum ${NETDYN_GUARDS}/jordan50.npy)
netdyn_cli_test(spectrum.guard.json 0 "\"warnings\": \\[[^]]*\"code\": \"ill_conditioned_eigenvectors\""
                spectrum ${NETDYN_GUARDS}/jordan50.npy --json)
netdyn_cli_test(spectrum.guard.none 0 "\"warnings\": \\[\\]" spectrum ${NETDYN_DATA}/mm09_balanced.npy --json)
# Issue 17: per-eigenvalue condition numbers on the dense path, one per eigenvalue (mm09: both
# sqrt(2 (a^2 + b^2)) / |a - b| = sqrt(3978) / 3 = 21.0237...), null on the Krylov path; the text
# names the worst.
netdyn_cli_test(spectrum.eigenvalue_conditions 0
                "\"eigenvalue_conditions\": \\[[[:space:]]*21\\.0237[0-9]*,[[:space:]]*21\\.0237[0-9]*[[:space:]]*\\],"
                spectrum ${NETDYN_DATA}/mm09_balanced.npy --json)
netdyn_cli_test(spectrum.eigenvalue_conditions_count 0
                "\"eigenvalue_conditions\": \\[[^],]*\\]"
                spectrum ${NETDYN_DATA}/mm09_balanced.npy --count 1 --json)
netdyn_cli_test(spectrum.eigenvalue_conditions_krylov 0 "\"eigenvalue_conditions\": null"
                spectrum ${NETDYN_SPARSE}/toeplitz_200.mtx --count 3 --json)
netdyn_cli_test(spectrum.eigenvalue_conditions_text 0
                "eigenvalue condition 21\\.0238  \\(largest 1/\\|y\\^\\* x\\|, of "
                spectrum ${NETDYN_DATA}/mm09_balanced.npy)
