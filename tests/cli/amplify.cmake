# netdyn amplify: MM09 reference values (science.md T2c), JSON contract, bad input and usage.
netdyn_cli_test(amplify.balanced 0 "transient gain +2\\.79327" amplify ${NETDYN_DATA}/mm09_balanced.npy)
netdyn_cli_test(amplify.json 0 "\"kreiss_lower_bound\": 2\\.00244052"
                amplify ${NETDYN_DATA}/mm09_balanced.csv --json)
netdyn_cli_test(amplify.json_gain 0 "\"steady_state_gain\": 6\\.41623702"
                amplify ${NETDYN_DATA}/mm09_balanced.csv --json --tau 10 --tmax 40)
netdyn_cli_test(amplify.unstable 0 "\"steady_state_gain\": null"
                amplify ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --json --tmax 1 --points 5)
netdyn_cli_test(amplify.bad.nan 1 "nan.csv:2:1: entry 'nan' is not finite" amplify ${NETDYN_BAD}/nan.csv)
netdyn_cli_test(amplify.usage.tmax 2 "--tmax" amplify ${NETDYN_DATA}/mm09_balanced.npy --tmax nan)
netdyn_plot_test(amplify_envelope envelope.png 10000 amplify ${NETDYN_DATA}/mm09_balanced.npy --out ${NETDYN_PLOT_DIR}/amplify_envelope)
# Issue 22: readable bounds (CLI11's ranges printed DBL_MIN/DBL_MAX in full) and no inf.
netdyn_cli_test(amplify.usage.points 2 "--points: 1 is not in \\[2, 1000000\\]"
                amplify ${NETDYN_DATA}/mm09_balanced.npy --points 1)
netdyn_cli_test(amplify.usage.tau_inf 2 "--tau: inf is not a finite number"
                amplify ${NETDYN_DATA}/mm09_balanced.npy --tau inf)
# Issue 22: --tmax whose t A overflows (t_max n max|A_ij| > DBL_MAX) is refused with the limit.
netdyn_cli_test(amplify.tmax_overflow 1
                "^netdyn amplify: error: --tmax 1e\\+308: the exponentials e\\^\\{tA\\} up to t_max are formed from t A.*t_max must be < 1\\.57e\\+307$"
                amplify ${NETDYN_DATA}/mm09_balanced.npy --tmax 1e308)
netdyn_cli_test(amplify.tau_underflow 1 "^netdyn amplify: error: --tau 1e\\+300: A = \\(W - I\\)/tau underflows"
                amplify ${NETDYN_DATA}/mm09_balanced.npy --tau 1e300)
# Issue 22: the maximum lies between the grid's first two points (the grid step is 3, or 4 with
# 3 points); it was bracketed with the element before the grid (a heap read out of bounds, and
# "transient gain 300 at time 297").
set(NETDYN_EXTREME ${CMAKE_CURRENT_SOURCE_DIR}/data/extreme)
netdyn_cli_test(amplify.peak_in_first_step 0
                "\"transient_gain\": 2\\.7932795[0-9]*,[[:space:]]*\"transient_gain_time\": 0\\.801745[0-9]*"
                amplify ${NETDYN_DATA}/mm09_balanced.npy --tmax 300 --json)
netdyn_cli_test(amplify.peak_in_first_step_3_points 0
                "transient gain +2\\.7932796.*at time +0\\.8017456"
                amplify ${NETDYN_DATA}/mm09_balanced.npy --tmax 8 --points 3)
# Issue 22: W = 1e308 I: the numerical abscissa is 1e308 - 1 (w + w^T overflowed to -nan).
netdyn_cli_test(amplify.huge_identity 0 "numerical abscissa +1e\\+308"
                amplify ${NETDYN_EXTREME}/identity_1e308.csv)
# Distance to instability (issue 17), as in netdyn check; null for an unstable W with --tmax.
netdyn_cli_test(amplify.distance_to_instability 0
                "\"distance_to_instability\": 0\\.15585459[0-9]*,[[:space:]]*\"distance_to_instability_frequency\": 0\\.0"
                amplify ${NETDYN_DATA}/mm09_balanced.npy --json)
netdyn_cli_test(amplify.distance_to_instability_null 0
                "\"distance_to_instability\": null,[[:space:]]*\"distance_to_instability_frequency\": null"
                amplify ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --json --tmax 1 --points 5)
# Kreiss interval (issue 17): K(A) in [kreiss_lower_bound, kreiss_constant_upper_bound], the upper
# bound the certified transient gain; MM09 attains K = 2.002440521125 on the real axis (science.md
# T2c). Keys are printed sorted, so the three are adjacent; null for an unstable W with --tmax.
netdyn_cli_test(amplify.kreiss_interval 0
                "\"kreiss_constant_upper_bound\": 2\\.7932795[0-9]*,[[:space:]]*\"kreiss_lower_bound\": 2\\.00244052[0-9]*,[[:space:]]*\"kreiss_point\": \\[[[:space:]]*1\\.37957[0-9]*,[[:space:]]*0\\.0[[:space:]]*\\]"
                amplify ${NETDYN_DATA}/mm09_balanced.npy --json)
netdyn_cli_test(amplify.kreiss_text 0
                "Kreiss lower bound +2\\.0024405 .*at z +1\\.3795711 \\+ 0i.*upper bound +2\\.7932796 "
                amplify ${NETDYN_DATA}/mm09_balanced.npy)
netdyn_cli_test(amplify.kreiss_null 0
                "\"kreiss_constant_upper_bound\": null,[[:space:]]*\"kreiss_lower_bound\": null,[[:space:]]*\"kreiss_point\": null"
                amplify ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --json --tmax 1 --points 5)
