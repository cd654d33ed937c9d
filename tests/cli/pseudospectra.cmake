# netdyn pseudospectra: MM09 pseudospectral abscissa (science.md 7.2, shifted by 1 for W), --out,
# bad grids and boxes.
netdyn_cli_test(pseudospectra.json 0 "0\\.76394646"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --grid 20 10 --json)
netdyn_cli_test(pseudospectra.out 0 "wrote .*pseudospectra_sigma_min\\.npy"
                pseudospectra ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --grid 8 6 --eps 0.1
                --out ${CMAKE_CURRENT_BINARY_DIR}/cli_out/pseudospectra)
netdyn_cli_test(pseudospectra.usage.box_inf 2 "not a finite number"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --box 0 inf 0 1)
netdyn_cli_test(pseudospectra.bad.nonsquare 1 "nonsquare.csv: matrix is 2x3"
                pseudospectra ${NETDYN_BAD}/nonsquare.csv)
netdyn_plot_test(pseudospectra_contours pseudospectra.png 10000 pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --out ${NETDYN_PLOT_DIR}/pseudospectra_contours)
netdyn_plot_test(pseudospectra_pdf pseudospectra.pdf 3000 pseudospectra ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --grid 20 20 --out ${NETDYN_PLOT_DIR}/pseudospectra_pdf --format pdf)
netdyn_cli_test(pseudospectra.usage.tolerance 2 "--tolerance"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --tolerance 2)
netdyn_cli_test(pseudospectra.tolerance 0 "sigma_min_min"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --grid 5 5 --tolerance 1e-10 --json)
# Issue 22: CLI11's Range let nan through to the library.
netdyn_cli_test(pseudospectra.usage.tolerance_nan 2 "--tolerance: nan is not a finite number"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --tolerance nan)
netdyn_cli_test(pseudospectra.usage.grid 2 "--grid: 0 is not in \\[1, 100000\\]"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --grid 0 10)
netdyn_cli_test(pseudospectra.usage.box_order 2 "--box 2 1 0 1: need X0 <= X1 and Y0 <= Y1"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --box 2 1 0 1)
netdyn_cli_test(pseudospectra.usage.grid_huge 2 "--grid 100000 100000: more than 268435456 points"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --grid 100000 100000)
# Issue 22: the pseudospectral abscissae (minutes at n = 1000) can be skipped, and progress goes
# to stderr only when it is a terminal (script(1) provides one; a pipe gets none).
netdyn_cli_test(pseudospectra.no_abscissa 0 "eps-pseudospectral abscissa +not computed \\(--no-abscissa\\)"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --grid 5 5 --no-abscissa)
netdyn_cli_test(pseudospectra.no_abscissa_json 0 "\"pseudospectral_abscissa\": \\[\\]"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --grid 5 5 --no-abscissa --json)
netdyn_cli_test(pseudospectra.usage.no_abscissa_eps 2 "--eps excludes --no-abscissa"
                pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --no-abscissa --eps 0.1)
add_test(NAME cli.pseudospectra.no_progress_pipe
         COMMAND ${NETDYN_EXE} pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --grid 5 6)
set_tests_properties(cli.pseudospectra.no_progress_pipe PROPERTIES LABELS cli
                     PASS_REGULAR_EXPRESSION "eps-pseudospectral abscissa" FAIL_REGULAR_EXPRESSION "grid row")
find_program(NETDYN_SCRIPT_EXE script)
if(NETDYN_SCRIPT_EXE)
  # The automatic box is symmetric about the real axis: 3 of the 6 rows are computed.
  add_test(NAME cli.pseudospectra.progress_tty
           COMMAND ${NETDYN_SCRIPT_EXE} -qec "${NETDYN_EXE} pseudospectra ${NETDYN_DATA}/mm09_balanced.npy --grid 5 6" /dev/null)
  set_tests_properties(cli.pseudospectra.progress_tty PROPERTIES LABELS cli
                       PASS_REGULAR_EXPRESSION "grid row 3 of 3.*pseudospectral abscissa for eps = 0\\.1 \\(1 of 2")
endif()
