# Output failures (issue 9). A write that fails mid-file exits 1, names the file and leaves no
# partial or temporary file under the output directory. "Disk full" without root or a loop
# mount: tests/support/expect_write_failure.sh runs netdyn under `ulimit -f LIMIT_KB` with SIGXFSZ
# ignored, so writes past the limit fail with EFBIG. (Missing and unwritable --out directories:
# check.bad.out_dir and check.bad.out_unwritable in check.cmake.)
set(NETDYN_WRITE_FAILURE_DIR ${CMAKE_CURRENT_BINARY_DIR}/write_failure)
# netdyn_write_failure_test(NAME LIMIT_KB ARGS...): ARGS write into ${NETDYN_WRITE_FAILURE_DIR}/NAME.
function(netdyn_write_failure_test name limit_kb)
  add_test(NAME cli.write_failure.${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/expect_write_failure.sh ${limit_kb}
                   ${NETDYN_WRITE_FAILURE_DIR}/${name} ${NETDYN_EXE} ${ARGN})
  set_tests_properties(cli.write_failure.${name} PROPERTIES LABELS cli)
endfunction()

# The first file written (200 complex eigenvalues, 3.3 KB) hits a 1 KB limit.
netdyn_write_failure_test(check_npy 1 check ${NETDYN_DATA}/gaussian_n200_rho1.5.npy
                          --out ${NETDYN_WRITE_FAILURE_DIR}/check_npy)
# eigenvalues.npy, spectrum.dat and spectrum.gp fit in 16 KB; the PNG (about 65 KB) does not, and
# gnuplot itself reports nothing: the truncated picture must not be renamed into place.
netdyn_write_failure_test(check_png 16 check ${NETDYN_DATA}/mm09_balanced.npy
                          --out ${NETDYN_WRITE_FAILURE_DIR}/check_png)
netdyn_write_failure_test(check_svg 16 check ${NETDYN_DATA}/mm09_balanced.npy
                          --out ${NETDYN_WRITE_FAILURE_DIR}/check_svg --format svg)
# A 320 KB matrix.
netdyn_write_failure_test(generate 64 generate gaussian --n 200 --seed 1
                          -o ${NETDYN_WRITE_FAILURE_DIR}/generate/W.npy)
# schur --out: U and T of a 200 x 200 matrix, 640 KB each (complex).
netdyn_write_failure_test(schur 64 schur ${NETDYN_DATA}/gaussian_n200_rho1.5.npy
                          --out ${NETDYN_WRITE_FAILURE_DIR}/schur)
