# netdyn jacobian: rate model and FitzHugh-Nagumo; analytic vs finite differences vs AutoDiff.
netdyn_cli_test(jacobian.rate_tanh 0 "\"autodiff_error\": [0-9.e-]+.*\"finite_difference_error\""
                jacobian ${NETDYN_DATA}/mm09_balanced.npy --f tanh --at 0.1,0.2 --input 0.3 --tau 10,5 --json)
netdyn_cli_test(jacobian.fhn 0 "stable spiral"
                jacobian --model fitzhugh-nagumo --at -0.993297474550,-0.366621843187)
netdyn_cli_test(jacobian.bad.at_size 1 "--at has 3 entries" jacobian ${NETDYN_DATA}/mm09_balanced.npy --at 1,2,3)
netdyn_cli_test(jacobian.usage.no_at 2 "--at R is required" jacobian ${NETDYN_DATA}/mm09_balanced.npy)
# Issue 22: the FitzHugh-Nagumo branch had no FILE check and read --tau with std::stod
# ("2abc" was 2, "1,2" was 1).
netdyn_cli_test(jacobian.usage.file_for_fhn 2 "--model fitzhugh-nagumo takes no FILE"
                jacobian --model fitzhugh-nagumo ${NETDYN_DATA}/mm09_balanced.npy --at 0,0)
netdyn_cli_test(jacobian.usage.fhn_tau_list 2 "--model fitzhugh-nagumo has one time constant"
                jacobian --model fitzhugh-nagumo --at 0,0 --tau 1,2)
netdyn_cli_test(jacobian.usage.fhn_tau_garbage 2 "--tau: '2abc' is not a number"
                jacobian --model fitzhugh-nagumo --at 0,0 --tau 2abc)
netdyn_cli_test(jacobian.usage.input_for_fhn 2 "--input does not apply to --model fitzhugh-nagumo"
                jacobian --model fitzhugh-nagumo --at 0,0 --input 1)
netdyn_cli_test(jacobian.usage.gain_nan 2 "--gain: nan is not a finite number"
                jacobian ${NETDYN_DATA}/mm09_balanced.npy --at 0 --f tanh --gain nan)
netdyn_cli_test(jacobian.help.tau_default 0 "--model fitzhugh-nagumo: the one time constant of w \\(default 12\\.5\\)"
                jacobian --help)
