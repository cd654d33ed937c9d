# netdyn modes (issue 19): MM09's energy matrix (science.md T3c: top energy 24.628292694), the
# ODE check of each mode, a readout, bad input.
netdyn_cli_test(modes.mm09 0 "mean energy, random unit a +12\\.523529.*1 +24\\.628293.*2 +0\\.41876613"
                modes ${NETDYN_DATA}/mm09_balanced.npy --count 2)
netdyn_cli_test(modes.check 0 "\"relative_discrepancy\": [0-9.]+e-(09|1[0-9])"
                modes ${NETDYN_DATA}/mm09_balanced.npy --count 2 --check --json)
netdyn_cli_test(modes.readout 0 "1 +[0-9.]+ +[0-9.]+ +[0-9.]+e-(09|1[0-9])"
                modes ${NETDYN_DATA}/mm09_balanced.npy --count 1 --readout ${NETDYN_DATA}/hebbian_2x2.csv --check)
netdyn_cli_test(modes.unstable 1 "unstable" modes ${NETDYN_DATA}/gaussian_n200_rho1.5.npy)
netdyn_cli_test(modes.count 1 "--count 3 but W is 2x2" modes ${NETDYN_DATA}/mm09_balanced.npy --count 3)
netdyn_plot_test(modes.plot modes_energies.png 8000 modes ${NETDYN_DATA}/mm09_balanced.npy --count 2 --out ${NETDYN_PLOT_DIR}/modes.plot)
