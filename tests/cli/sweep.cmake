# netdyn sweep (issue 19): the gain, E-I pair and FitzHugh-Nagumo boundaries, JSON, plots, usage.
netdyn_cli_test(sweep.ei2 0 "stability boundary at 2  \\(loses stability"
                sweep --model ei2 --param w --k 0.5 --range 0.1 3 --points 7)
netdyn_cli_test(sweep.fhn 0 "\"parameter\": 0\\.331281337"
                sweep --model fitzhugh-nagumo --param current --range 0 0.5 --points 6 --json)
netdyn_cli_test(sweep.gain 0 "stability boundary at 0\\.[0-9]+"
                sweep ${NETDYN_DATA}/gaussian_n200_rho1.5.npy --range 0.2 1 --points 5)
netdyn_cli_test(sweep.usage.both 2 "give either FILE" sweep ${NETDYN_DATA}/mm09_balanced.npy --model ei2 --param w --range 0 1)
netdyn_cli_test(sweep.usage.range 2 "need LO < HI" sweep --model ei2 --param w --range 2 1)
netdyn_cli_test(sweep.usage.param 2 "needs --param" sweep --model fitzhugh-nagumo --range 0 1)
netdyn_plot_test(sweep.plot sweep_stability.png 8000 sweep --model ei2 --param k --w 4 --range 0 1.2 --points 9 --out ${NETDYN_PLOT_DIR}/sweep.plot)
