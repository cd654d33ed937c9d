# netdyn soc (issue 19): a small published-algorithm run reaches its target with Dale's law, the
# JSON trace, the plots, a W from a file, and bad input. (No ';' in the regexes: CMake splits
# arguments there.)
set(NETDYN_SOC_SMALL --n 40 --radius 3 --density 0.3 --seed 5)
netdyn_cli_test(soc.small 0 "spectral abscissa +[0-9.]+ -> 0\\.1[0-4][0-9]* +\\(target < 0\\.15. reached after [0-9]+ steps\\)"
                soc ${NETDYN_SOC_SMALL})
netdyn_cli_test(soc.json 0 "\"converged\": true,.*\"soc\": \\{.*\"top_evoked_energy\": [0-9.e+]+.*\"stop_reason\": \"target\",.*\"trace\": \\[.*\"epsilon\": [0-9.e+-]+,.*\"inhibitory_norm\""
                soc ${NETDYN_SOC_SMALL} --json)
netdyn_cli_test(soc.from_file 0 "reached after 0 steps"
                soc ${NETDYN_DATA}/mm09_balanced.npy --excitatory 1)
netdyn_cli_test(soc.dale 1 "W\\(0,0\\) = 4\\.28[0-9]* in inhibitory column 0 violates Dale's law"
                soc ${NETDYN_DATA}/mm09_balanced.npy --excitatory 0)
netdyn_cli_test(soc.no_inhibitory 1 "W has no inhibitory columns"
                soc ${NETDYN_DATA}/mm09_balanced.npy --excitatory 2)
netdyn_cli_test(soc.usage.mask 2 "--mask: dense not in" soc --mask dense)
netdyn_cli_test(soc.usage.density 2 "--density" soc --density 1.5)
# Stopped early, the W is still unstable: no variance exists, and the report says so.
netdyn_cli_test(soc.max_steps 0 "not reached: max_steps after 3 steps.*total variance +none: W is unstable"
                soc ${NETDYN_SOC_SMALL} --max-steps 3)
netdyn_plot_test(soc.spectra soc_spectra.png 8000 soc ${NETDYN_SOC_SMALL} --out ${NETDYN_PLOT_DIR}/soc.spectra)
netdyn_plot_test(soc.trace soc_trace.png 8000 soc ${NETDYN_SOC_SMALL} --out ${NETDYN_PLOT_DIR}/soc.trace)
