# netdyn ei2: the MM09 case w = 30/7, k = 1.1 has amplification exactly 4 and feedforward weight
# 9 (science.md 1.3); non-finite or missing parameters are usage errors (exit 2).
netdyn_cli_test(ei2.mm09_json 0 "\"amplification\": (4\\.0,|3\\.9999999999|4\\.0000000000)"
                ei2 --w 4.285714285714286 --k 1.1 --json)
netdyn_cli_test(ei2.mm09_feedforward 0 "\"feedforward_weight\": 9(\\.0)?,"
                ei2 --w 4.285714285714286 --k 1.1 --json)
netdyn_cli_test(ei2.mm09_peak 0 "\"peak_rE\": 1\\.79332484"
                ei2 --w 4.285714285714286 --k 1.1 --json)
netdyn_cli_test(ei2.summary 0 "amplification +1\\.4" ei2 --we 2 --wi 6)
netdyn_cli_test(ei2.unstable_nulls 0 "\"amplification\": null" ei2 --we 5 --wi 1 --json)
netdyn_cli_test(ei2.usage.missing 2 "give the weights" ei2)
netdyn_cli_test(ei2.usage.missing_k 2 "--k" ei2 --w 2)
netdyn_cli_test(ei2.usage.nan 2 "not a finite number" ei2 --w nan --k 1.1)
netdyn_cli_test(ei2.usage.inf 2 "not a finite number" ei2 --we inf --wi 1)
netdyn_cli_test(ei2.usage.negative 2 "--wi" ei2 --we 1 --wi -2)
netdyn_cli_test(ei2.usage.mixed 2 "excludes" ei2 --w 1 --k 1 --we 1 --wi 1)
netdyn_cli_test(ei2.usage.r0 2 "--r0" ei2 --we 1 --wi 2 --r0 1,nan)
netdyn_cli_test(ei2.usage.tau 2 "--tau" ei2 --we 1 --wi 2 --tau 0)
# Issue 22: ei2 shares the one --tau option (and its message) with the other subcommands.
netdyn_cli_test(ei2.usage.tau_zero 2 "--tau: 0 is not > 0" ei2 --w 1 --k 1 --tau 0)
# Issue 22: weights whose sum overflows are refused, naming them (ei2 printed inf and nan).
netdyn_cli_test(ei2.bad.huge 1 "wE = 1e\\+308, wI = 1\\.1e\\+308.*too large: wE \\+ wI = inf"
                ei2 --w 1e308 --k 1.1)
netdyn_cli_test(ei2.bad.huge_product 1 "too large: wI = k w = inf" ei2 --w 1e308 --k 2)
