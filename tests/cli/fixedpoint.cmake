# netdyn fixedpoint: FitzHugh-Nagumo (science.md 6.4) and the threshold-linear toy (6.3).
netdyn_cli_test(fixedpoint.fhn 0 "-0\\.99329747455.*stable spiral.*Hopf current 0\\.33128133"
                fixedpoint --model fitzhugh-nagumo --hopf)
netdyn_cli_test(fixedpoint.fhn_json 0 "\"classification\": \"unstable spiral\".*\"fixed_point\": \\[\n *-0\\.9065670"
                fixedpoint --model fitzhugh-nagumo --current 0.4 --json)
netdyn_cli_test(fixedpoint.rate_relu 0 "\"closed_form_valid\": true.*\"fixed_point\": \\[\n *0\\.25"
                fixedpoint --model rate ${CMAKE_CURRENT_LIST_DIR}/../data/threshold_linear_toy.csv --f relu --input 1,0.5 --tau 10,5 --json)
netdyn_cli_test(fixedpoint.bad.tau 1 "tau = -1" fixedpoint --model fitzhugh-nagumo --tau -1)
netdyn_cli_test(fixedpoint.usage.model 2 "--model" fixedpoint --model lorenz)
