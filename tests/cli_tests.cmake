# Command-line cases: netdyn_cli_test(NAME EXIT REGEX ARGS...) runs `netdyn ARGS...` and requires
# exit code EXIT and REGEX in its output (tests/support/expect_cli.sh).
set(NETDYN_EXE $<TARGET_FILE:netdyn_cli>)
set(NETDYN_DATA ${PROJECT_SOURCE_DIR}/data)
set(NETDYN_BAD ${CMAKE_CURRENT_SOURCE_DIR}/data/bad)
set(NETDYN_GUARDS ${CMAKE_CURRENT_SOURCE_DIR}/data/guards)  # issue 9: defective, near-critical W
function(netdyn_cli_test name expected_exit regex)
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/expect_cli.sh ${expected_exit} ${regex}
                   ${NETDYN_EXE} ${ARGN})
  set_tests_properties(cli.${name} PROPERTIES LABELS cli)
endfunction()

# netdyn_plot_test(NAME FILE MIN_BYTES ARGS...): run `netdyn ARGS...` and require FILE (under the
# test's scratch directory ${NETDYN_PLOT_DIR}) to be a valid PNG/SVG/PDF of at least MIN_BYTES.
set(NETDYN_PLOT_DIR ${CMAKE_CURRENT_BINARY_DIR}/plots)
function(netdyn_plot_test name file min_bytes)
  add_test(NAME plot.${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/expect_plot.sh ${NETDYN_PLOT_DIR}/${name}/${file}
                   ${min_bytes} ${NETDYN_EXE} ${ARGN})
  set_tests_properties(plot.${name} PROPERTIES LABELS plot)
endfunction()

file(GLOB NETDYN_CLI_TEST_FILES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cli/*.cmake)
foreach(f ${NETDYN_CLI_TEST_FILES})
  include(${f})
endforeach()

