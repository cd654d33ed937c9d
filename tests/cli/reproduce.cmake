# netdyn reproduce / demo: every figure rendered headless, valid files, usage errors.
netdyn_cli_test(reproduce.list 0 "rosenbaum-4.2" reproduce --list)
netdyn_cli_test(reproduce.usage.unknown 2 "unknown NAME 'nope'" reproduce nope)
netdyn_cli_test(reproduce.usage.missing 2 "NAME is required" reproduce)
netdyn_plot_test(rosenbaum_4_2 rosenbaum-4.2/spectrum.png 20000 reproduce rosenbaum-4.2 --out ${NETDYN_PLOT_DIR}/rosenbaum_4_2)
netdyn_cli_test(reproduce.json 0 "\"name\": \"rosenbaum-4.2\"" reproduce rosenbaum-4.2 --out ${NETDYN_PLOT_DIR}/reproduce_json --json)
add_test(NAME plot.demo COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/check_demo.sh ${NETDYN_EXE}
                                ${NETDYN_PLOT_DIR}/demo)
set_tests_properties(plot.demo PROPERTIES LABELS plot)
