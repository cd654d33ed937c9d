# netdyn simulate: the MM09 impulse response checked against the exact solution, a nonlinear run,
# JSON keys, bad input (exit 1) and bad usage (exit 2).
netdyn_cli_test(simulate.mm09_check 0 "max rel error [0-9.e-]+"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --input impulse:1,0@0 --tmax 10 --check)
netdyn_cli_test(simulate.check_json 0 "\"max_abs_error\": [0-9.e-]+,.*\"max_rel_error\": [0-9.e-]+"
                simulate ${NETDYN_DATA}/hebbian_2x2.csv --r0 1,0 --rtol 1e-10 --atol 1e-12 --check --json)
netdyn_cli_test(simulate.tanh_rk78 0 "rk78: [0-9]+ steps"
                simulate ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --f tanh --r0 0.1 --tmax 5 --method rk78)
netdyn_cli_test(simulate.pulse_tau 0 "\"steps\": [0-9]+"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --tau 10,5 --input pulse:1@1:3 --input 0.1 --json)
netdyn_cli_test(simulate.usage.tau 2 "--tau: -1 is not > 0" simulate ${NETDYN_DATA}/mm09_balanced.npy --tau -1)
netdyn_cli_test(simulate.usage.tau_zero 2 "--tau: 0 is not > 0 \\(entry 2 of 1,0\\)" simulate ${NETDYN_DATA}/mm09_balanced.npy --tau 1,0)
netdyn_cli_test(simulate.usage.tmax 2 "--tmax: 0 is not > 0" simulate ${NETDYN_DATA}/mm09_balanced.npy --tmax 0)
netdyn_cli_test(simulate.bad.r0_size 1 "--r0 has 3 entries but W is 2x2"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --r0 1,2,3)
netdyn_cli_test(simulate.bad.input_size 1 "--input has 3 entries but W is 2x2"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --input 1,2,3)
netdyn_cli_test(simulate.bad.diverges 1 "diverged at t = [0-9.]+"
                simulate ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --r0 1 --tmax 200)
netdyn_cli_test(simulate.bad.check_nonlinear 1 "needs f linear"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --f tanh --check)
netdyn_cli_test(simulate.usage.f 2 "--f" simulate ${NETDYN_DATA}/mm09_balanced.npy --f cubic)
netdyn_cli_test(simulate.usage.r0 2 "not a number" simulate ${NETDYN_DATA}/mm09_balanced.npy --r0 abc)
netdyn_cli_test(simulate.usage.input 2 "expected pulse:X@T0:T1"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --input pulse:1@2)
# --method krylov: the Krylov exponential integrator (linear networks only), checked against the
# Schur-based exact solution; a nonlinear f is refused naming the method and f.
netdyn_cli_test(simulate.krylov_check 0 "krylov: 1 steps.*max rel error [0-9.]+e-(1[0-9]|09)"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --input impulse:1,0@0 --tmax 10 --check --method krylov)
netdyn_cli_test(simulate.krylov_json 0 "\"method\": \"krylov\".*\"rhs_evaluations\": [0-9]+"
                simulate ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --f linear --gain 0.5 --input 1 --tmax 20 --method krylov --json)
netdyn_cli_test(simulate.bad.krylov_nonlinear 1 "krylov.*f is tanh"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --f tanh --method krylov)
# Issue 22: option values are checked at the command line (exit 2, the option and the value
# named), not deep in the library under its own names (options.t_end, tau(0)).
netdyn_cli_test(simulate.usage.tmax_negative 2 "--tmax: -1 is not > 0[[:space:]]+Run with"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --tmax -1)
netdyn_cli_test(simulate.usage.tau_trailing_comma 2 "--tau: '' is not a number \\(entry 2 of 1,\\)"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --tau 1,)
netdyn_cli_test(simulate.usage.r0_trailing_comma 2 "--r0: '' is not a number"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --r0 1,)
netdyn_cli_test(simulate.bad.tau_count 1 "--tau has 3 entries but W is 2x2"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --tau 1,2,3)
netdyn_cli_test(simulate.usage.rtol_nan 2 "--rtol: nan is not a finite number"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --rtol nan)
netdyn_cli_test(simulate.usage.atol_inf 2 "--atol: inf is not a finite number"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --atol inf)
netdyn_cli_test(simulate.usage.samples 2 "--samples: 1 is not in \\[2, 100000000\\]"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --samples 1)
netdyn_cli_test(simulate.usage.samples_huge 2 "--samples: 99999999999999999999 is not in"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --samples 99999999999999999999)
netdyn_cli_test(simulate.usage.threshold_inf 2 "--threshold: -inf is not a finite number"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --f relu --threshold -inf)
# Issue 22: once the exact solution underflows (t ~ 740 here) the relative error is floored at
# atol (it printed "max rel error inf").
netdyn_cli_test(simulate.check_underflow 0
                "max rel error [0-9.]+(e-[0-9]+)? \\(at t = [0-9.]+. relative to max\\(\\|exact\\|, atol\\)\\)"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --input impulse:1,0@0 --tmax 800 --check)
# Issue 22: Krylov on a stable W to t = 1e50 decays to 0 (it reported a false divergence: the
# augmented matrix's eigenvalue 0, held to rounding, times tau = 1e50 overflowed).
netdyn_cli_test(simulate.krylov_huge_horizon 0 "final state max \\|r\\| ([0-9.]+e-(1[0-9]|[2-9][0-9])|0);"
                simulate ${NETDYN_DATA}/mm09_balanced.npy --r0 1,0 --tmax 1e50 --method krylov)
