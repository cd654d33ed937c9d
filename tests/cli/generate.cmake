# netdyn generate: seeded matrices to .npy/.mtx, read back by netdyn check; bad usage exits 2.
set(NETDYN_GEN_DIR ${CMAKE_CURRENT_BINARY_DIR}/cli_out/generate)
file(MAKE_DIRECTORY ${NETDYN_GEN_DIR})
netdyn_cli_test(generate.gaussian 0 "wrote .*gaussian, 50x50, seed 7"
                generate gaussian --n 50 --rho 0.5 --seed 7 -o ${NETDYN_GEN_DIR}/g.npy)
netdyn_cli_test(generate.dale_mtx 0 "wrote .*dale, 100x100"
                generate dale --n 100 --f 0.8 --mean-e 0.1 --sd-e 0.02 --mean-i -0.4 --sd-i 0.05
                --p 0.2 --zero-row-sums --seed 3 -o ${NETDYN_GEN_DIR}/d.mtx)
netdyn_cli_test(generate.ei2 0 "wrote .*ei2, 2x2"
                generate ei2 --w 4.285714285714286 --k 1.1 -o ${NETDYN_GEN_DIR}/ei2.csv)
netdyn_cli_test(generate.usage.kind 2 "KIND" generate spiral --n 3 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.no_n 2 "needs --n" generate gaussian -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.wrong_option 2 "--p does not apply to KIND gaussian"
                generate gaussian --n 3 --p 0.5 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.rho_nan 2 "not a finite number" generate gaussian --n 3 --rho nan -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.no_output 2 "output" generate gaussian --n 3)
netdyn_cli_test(generate.bad.dale_sign 1 "mean_i = 0.5" generate dale --n 3 --mean-i 0.5 -o ${NETDYN_GEN_DIR}/x.npy)
