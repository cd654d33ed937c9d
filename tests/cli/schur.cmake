# netdyn schur: MM09's hidden feedforward weight 9, JSON contract, --out files, bad input/usage.
netdyn_cli_test(schur.balanced 0 "feedforward norm \\|\\|N\\|\\|_F +9 " schur ${NETDYN_DATA}/mm09_balanced.npy)
netdyn_cli_test(schur.json 0 "\"feedforward_norm\": (9\\.0,|9\\.00000000|8\\.99999999)"
                schur ${NETDYN_DATA}/mm09_balanced.csv --json)
netdyn_cli_test(schur.json_backward 0 "\"backward_error\": [0-9.]+e-1[5-7],"
                schur ${NETDYN_DATA}/mm09_balanced.csv --json)
netdyn_cli_test(schur.real 0 "\"real_feedforward_norm\": [0-9]"
                schur ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --real --json)
netdyn_cli_test(schur.out 0 "wrote .*schur_U\\.npy"
                schur ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --out ${CMAKE_CURRENT_BINARY_DIR}/cli_out/schur)
netdyn_cli_test(schur.bad.nan 1 "nan.csv:2:1: entry 'nan' is not finite" schur ${NETDYN_BAD}/nan.csv)
netdyn_cli_test(schur.bad.nonsquare 1 "nonsquare.csv: matrix is 2x3" schur ${NETDYN_BAD}/nonsquare.csv)
netdyn_cli_test(schur.usage.no_file 2 "FILE is required" schur)
netdyn_cli_test(schur.usage.order 2 "--order" schur ${NETDYN_DATA}/mm09_balanced.npy --order sideways)
netdyn_plot_test(schur_heatmap schur_T.png 10000 schur ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --out ${NETDYN_PLOT_DIR}/schur_heatmap)
netdyn_plot_test(schur_heatmap_svg schur_T.svg 2000 schur ${NETDYN_DATA}/mm09_balanced.npy --real --out ${NETDYN_PLOT_DIR}/schur_heatmap_svg --format svg)
# Issue 22: entries ~1e300, whose squares overflow: finite norms and errors (were inf and -nan).
netdyn_cli_test(schur.real_huge 0
                "\"backward_error\": [0-9.]+e-1[4-7],.*\"eigenvalues\": \\[[[:space:]]*\\[[[:space:]]*1\\.0496[0-9]*e\\+300,[[:space:]]*2\\.4094[0-9]*e\\+300.*\"feedforward_norm\": [0-9.]+e\\+300,.*\"real_feedforward_norm\": [0-9.]+e\\+(300|299)"
                schur ${CMAKE_CURRENT_SOURCE_DIR}/data/extreme/scaled_1e300.csv --real --json)
netdyn_cli_test(schur.complex_huge 0 "\"backward_error\": [0-9.]+e-1[4-7],.*\"eigenvalues\": \\[[[:space:]]*\\[[[:space:]]*1\\.0496[0-9]*e\\+300,[[:space:]]*2\\.4094[0-9]*e\\+300.*\"feedforward_norm\": [0-9.]+e\\+300,"
                schur ${CMAKE_CURRENT_SOURCE_DIR}/data/extreme/scaled_1e300.csv --json)
# Issue 22 item 5: the eigenvalue guard of netdyn check, naming schur's own figures.
netdyn_cli_test(schur.guard.defective 0
                "netdyn schur: warning: ill_conditioned_eigenvectors: eigenvector condition kappa\\(V\\) = inf.*feedforward_norm.*backward_error"
                schur ${NETDYN_GUARDS}/jordan50.npy)
netdyn_cli_test(schur.guard.json 0 "\"warnings\": \\[[^]]*\"code\": \"ill_conditioned_eigenvectors\""
                schur ${NETDYN_GUARDS}/jordan50.npy --json)
netdyn_cli_test(schur.guard.none 0 "\"warnings\": \\[\\]" schur ${NETDYN_DATA}/mm09_balanced.npy --json)
