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
netdyn_cli_test(generate.usage.dale_sign 2 "--mean-i: 0.5 is not <= 0" generate dale --n 3 --mean-e 1 --mean-i 0.5 -o ${NETDYN_GEN_DIR}/x.npy)
# Issue 22: --p out of (0, 1] and a negative seed are usage errors naming the option; dale needs
# its population means (without them it wrote the zero matrix).
netdyn_cli_test(generate.usage.dale_p 2 "--p: 1.5 is not in \\(0, 1\\]"
                generate dale --n 3 --mean-e 1 --mean-i -1 --p 1.5 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.seed_negative 2 "--seed: -1 is not in \\[0, 18446744073709551615\\]"
                generate gaussian --n 3 --seed -1 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.seed_octal 2 "--seed: '010': write the integer without leading zeros"
                generate gaussian --n 3 --seed 010 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.n_fraction 2 "--n: '2.5' is not an integer"
                generate gaussian --n 2.5 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.n_huge 2 "--n: 100000 is not in \\[1, 16384\\]"
                generate gaussian --n 100000 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.dale_no_means 2 "KIND dale needs --mean-e"
                generate dale --n 10 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.dale_no_mean_i 2 "KIND dale needs --mean-i"
                generate dale --n 10 --mean-e 0.1 --sd-e 0.02 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.usage.dale_all_zero 2 "are all 0, so every weight would be 0"
                generate dale --n 10 --mean-e 0 --mean-i 0 -o ${NETDYN_GEN_DIR}/x.npy)
netdyn_cli_test(generate.dale_zero_means 0 "wrote .*dale, 10x10"
                generate dale --n 10 --mean-e 0 --mean-i 0 --sd-e 0.1 --sd-i 0.3 -o ${NETDYN_GEN_DIR}/z.npy)
netdyn_cli_test(generate.usage.dale_lognormal_zero_mean 2 "--distribution lognormal with --sd-e > 0 needs --mean-e > 0"
                generate dale --n 10 --mean-e 0 --sd-e 0.1 --mean-i -1 --distribution lognormal -o ${NETDYN_GEN_DIR}/x.npy)
