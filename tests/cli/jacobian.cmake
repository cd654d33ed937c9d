# netdyn jacobian: rate model and FitzHugh-Nagumo; analytic vs finite differences vs AutoDiff.
netdyn_cli_test(jacobian.rate_tanh 0 "\"autodiff_error\": [0-9.e-]+.*\"finite_difference_error\""
                jacobian ${NETDYN_DATA}/mm09_balanced.npy --f tanh --at 0.1,0.2 --input 0.3 --tau 10,5 --json)
netdyn_cli_test(jacobian.fhn 0 "stable spiral"
                jacobian --model fitzhugh-nagumo --at -0.993297474550,-0.366621843187)
netdyn_cli_test(jacobian.bad.at_size 1 "--at has 3 entries" jacobian ${NETDYN_DATA}/mm09_balanced.npy --at 1,2,3)
netdyn_cli_test(jacobian.usage.no_at 2 "--at R is required" jacobian ${NETDYN_DATA}/mm09_balanced.npy)
