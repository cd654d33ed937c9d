# netdyn fixedpoint: FitzHugh-Nagumo (science.md 6.4) and the threshold-linear toy (6.3).
netdyn_cli_test(fixedpoint.fhn 0 "-0\\.99329747455.*stable spiral.*Hopf current 0\\.33128133"
                fixedpoint --model fitzhugh-nagumo --hopf)
netdyn_cli_test(fixedpoint.fhn_json 0 "\"classification\": \"unstable spiral\".*\"fixed_point\": \\[\n *-0\\.9065670"
                fixedpoint --model fitzhugh-nagumo --current 0.4 --json)
netdyn_cli_test(fixedpoint.rate_relu 0 "\"closed_form_valid\": true.*\"fixed_point\": \\[\n *0\\.25"
                fixedpoint --model rate ${CMAKE_CURRENT_LIST_DIR}/../data/threshold_linear_toy.csv --f relu --input 1,0.5 --tau 10,5 --json)
netdyn_cli_test(fixedpoint.usage.tau 2 "--tau: -1 is not > 0" fixedpoint --model fitzhugh-nagumo --tau -1)
netdyn_cli_test(fixedpoint.usage.model 2 "--model" fixedpoint --model lorenz)
# Issue 22: --help shows FitzHugh-Nagumo's own tau default (12.5, not the rate model's 1), a tau
# list is refused for the one-time-constant model, and options of the other model or a FILE are
# usage errors rather than silently ignored.
netdyn_cli_test(fixedpoint.help.tau_default 0 "--model fitzhugh-nagumo: the one time constant of w \\(default 12\\.5\\)"
                fixedpoint --help)
netdyn_cli_test(fixedpoint.usage.tau_list 2 "--tau 1,2: --model fitzhugh-nagumo has one time constant"
                fixedpoint --model fitzhugh-nagumo --tau 1,2)
netdyn_cli_test(fixedpoint.usage.tau_garbage 2 "--tau: '2abc' is not a number"
                fixedpoint --model fitzhugh-nagumo --tau 2abc)
netdyn_cli_test(fixedpoint.usage.current_nan 2 "--current: nan is not a finite number"
                fixedpoint --model fitzhugh-nagumo --current nan)
netdyn_cli_test(fixedpoint.usage.rate_option_for_fhn 2 "--f does not apply to --model fitzhugh-nagumo"
                fixedpoint --model fitzhugh-nagumo --f tanh)
netdyn_cli_test(fixedpoint.usage.fhn_option_for_rate 2 "--current does not apply to --model rate"
                fixedpoint --model rate ${CMAKE_CURRENT_LIST_DIR}/../data/threshold_linear_toy.csv --current 0.5)
netdyn_cli_test(fixedpoint.usage.hopf_for_rate 2 "--hopf does not apply to --model rate"
                fixedpoint --model rate ${CMAKE_CURRENT_LIST_DIR}/../data/threshold_linear_toy.csv --hopf)
netdyn_cli_test(fixedpoint.usage.file_for_fhn 2 "--model fitzhugh-nagumo takes no FILE \\(got '.*mm09_balanced.npy'\\)"
                fixedpoint --model fitzhugh-nagumo ${NETDYN_DATA}/mm09_balanced.npy)
netdyn_cli_test(fixedpoint.usage.tau_count 1 "--tau has 3 entries but W is 2x2"
                fixedpoint --model rate ${CMAKE_CURRENT_LIST_DIR}/../data/threshold_linear_toy.csv --tau 1,2,3)
# Issue 22: parameters whose fixed point or Jacobian leaves the double range are refused naming
# the option (they failed in find_fixed_point / classify_planar with a NaN or inf).
netdyn_cli_test(fixedpoint.a_overflow 1
                "^netdyn fixedpoint: error: --a 1e\\+308: the fixed point would have \\|v\\|\\^3 = 3 \\|a - b I\\|/\\|b\\| = inf.*beyond the double range"
                fixedpoint --a 1e308)
netdyn_cli_test(fixedpoint.gain_overflow 1
                "^netdyn fixedpoint: error: --gain 1e\\+308: gain times the largest \\|W_ij\\| \\(4\\.71\\) exceeds the double range.*\\|gain\\| must be < 3\\.81e\\+307"
                fixedpoint --model rate ${NETDYN_DATA}/mm09_balanced.npy --gain 1e308)
netdyn_cli_test(jacobian.gain_overflow 1 "^netdyn jacobian: error: --gain 1e\\+308: gain times"
                jacobian ${NETDYN_DATA}/mm09_balanced.npy --at 0,0 --gain 1e308)
