# netdyn covariance: MM09 closed form (science.md T3a), JSON keys, unstable W, usage.
netdyn_cli_test(covariance.balanced 0 "total variance +25\\.04705" covariance ${NETDYN_DATA}/mm09_balanced.npy)
netdyn_cli_test(covariance.json 0 "\"nonnormal_amplification\": 14\\.7335640"
                covariance ${NETDYN_DATA}/mm09_balanced.csv --json)
netdyn_cli_test(covariance.simulate 0 "\"relative_discrepancy\": 0\\.[01]"
                covariance ${NETDYN_DATA}/mm09_balanced.csv --json --simulate 3000 --seed 7)
netdyn_cli_test(covariance.unstable 1 "W is unstable: eigenvalue .* no stationary covariance exists"
                covariance ${NETDYN_DATA}/gaussian_n200_rho1.5.npy)
netdyn_cli_test(covariance.usage.sigma 2 "--sigma" covariance ${NETDYN_DATA}/mm09_balanced.npy --sigma -1)
netdyn_cli_test(covariance.usage.no_file 2 "FILE is required" covariance)
netdyn_cli_test(covariance.json_warnings 0 "\"lyapunov_residual\": [0-9.e-]+,.*\"warnings\": \\[\\]"
                covariance ${NETDYN_DATA}/mm09_balanced.npy --json)
# Issue 22: --seed -1 wrapped to 2^64 - 1.
netdyn_cli_test(covariance.usage.seed_negative 2 "--seed: -1 is not in \\[0, 18446744073709551615\\]"
                covariance ${NETDYN_DATA}/mm09_balanced.npy --simulate 10 --seed -1)
# Issue 22: sigma whose covariance sigma^2 S1 leaves the double range, and a --simulate whose step
# count cannot be counted (it was "cannot create std::vector larger than max_size()"), are refused
# naming the option, the value and the limit.
netdyn_cli_test(covariance.sigma_overflow 1
                "^netdyn covariance: error: --sigma 1e\\+308: the covariance is sigma\\^2 times that of unit noise.*sigma must be <= 2\\.35e\\+153$"
                covariance ${NETDYN_DATA}/mm09_balanced.npy --sigma 1e308)
netdyn_cli_test(covariance.sigma_large 0 "total variance +2\\.5047059e\\+301"
                covariance ${NETDYN_DATA}/mm09_balanced.npy --sigma 1e150)
netdyn_cli_test(covariance.simulate_steps 1
                "^netdyn covariance: error: --simulate 1e\\+308: the run would take duration/dt = 1e\\+308/0\\.01 time steps.*at most 9\\.22e\\+18 can be counted.*years$"
                covariance ${NETDYN_DATA}/mm09_balanced.npy --simulate 1e308)
# Issue 22 item 5: the guards of netdyn check that apply to the covariance figures.
netdyn_cli_test(covariance.guard.defective 0
                "netdyn covariance: warning: ill_conditioned_eigenvectors: .*unreliable are: normal_total_variance, nonnormal_amplification.*Reliable.*total_variance"
                covariance ${NETDYN_GUARDS}/jordan50.npy)
netdyn_cli_test(covariance.guard.near_critical 0 "\"code\": \"near_critical\".*1 - spectral_abscissa = 1e-12"
                covariance ${NETDYN_GUARDS}/near_critical_2x2.csv --json)
