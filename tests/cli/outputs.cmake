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

# Every subcommand that writes files (issue 15), as a user runs it: once from another working
# directory with relative paths (spaces and a quote in them), once from / with absolute paths;
# into a missing folder (created), then again over its own files (replaced by renames); every
# file complete, nothing temporary left. tests/support/expect_outputs.sh.
set(NETDYN_OUTPUTS_DIR ${CMAKE_CURRENT_BINARY_DIR}/outputs)
# netdyn_output_mode_test(NAME MODE "FILES" ARGS...): one MODE (relative or absolute);
# netdyn_output_test(NAME "FILES" ARGS...): both. @IN=PATH@ and @OUT@ as expect_outputs.sh says.
function(netdyn_output_mode_test name mode files)
  add_test(NAME cli.out.${name}.${mode}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/expect_outputs.sh ${mode} ${NETDYN_EXE}
                   ${NETDYN_OUTPUTS_DIR}/${name}.${mode} "${files}" ${ARGN})
  set_tests_properties(cli.out.${name}.${mode} PROPERTIES LABELS cli)
endfunction()
function(netdyn_output_test name files)
  foreach(mode relative absolute)
    netdyn_output_mode_test(${name} ${mode} "${files}" ${ARGN})
  endforeach()
endfunction()
set(NETDYN_MM09 ${NETDYN_DATA}/mm09_balanced.npy)
set(NETDYN_G200 ${NETDYN_DATA}/gaussian_n200_rho1.5.npy)
netdyn_output_test(check "check_eigenvalues.npy check_spectrum.png check_spectrum.gp check_spectrum.dat"
                   check @IN=${NETDYN_MM09}@ --out @OUT@)
netdyn_output_test(check_csv "check_eigenvalues.npy check_spectrum.png"
                   check @IN=${NETDYN_DATA}/gaussian_n200_rho1.5.csv@ --out @OUT@)
netdyn_output_test(spectrum "spectrum_eigenvalues.npy spectrum.png spectrum.gp"
                   spectrum @IN=${NETDYN_G200}@ --out @OUT@)
netdyn_output_test(spectrum_sparse "spectrum_eigenvalues.npy spectrum.png"
                   spectrum @IN=${CMAKE_CURRENT_SOURCE_DIR}/data/sparse/toeplitz_200.mtx@ --count 4 --out @OUT@)
netdyn_output_test(schur "schur_U.npy schur_T.npy schur_T.png schur_T.gp schur_T_grid.dat"
                   schur @IN=${NETDYN_G200}@ --out @OUT@)
netdyn_output_test(schur_real "schur_U.npy schur_T.npy schur_T.png"
                   schur @IN=${NETDYN_MM09}@ --real --out @OUT@)
netdyn_output_test(amplify "envelope.npy envelope.png" amplify @IN=${NETDYN_MM09}@ --out @OUT@)
netdyn_output_test(pseudospectra "pseudospectra_sigma_min.npy pseudospectra_x.npy pseudospectra_y.npy pseudospectra.png"
                   pseudospectra @IN=${NETDYN_MM09}@ --grid 40 30 --out @OUT@)
netdyn_output_test(simulate "trajectory.npy exact.npy"
                   simulate @IN=${NETDYN_MM09}@ --tmax 5 --check --out @OUT@)
netdyn_output_test(generate "W.npy" generate gaussian --n 20 --seed 1 -o @OUT@/W.npy)
netdyn_output_test(generate_mtx "W.mtx" generate gaussian --n 20 --seed 1 -o @OUT@/W.mtx)
netdyn_output_test(generate_sparse "W.mtx" generate-sparse --n 200 --k 10 --seed 1 -o @OUT@/W.mtx)
netdyn_output_test(reproduce "murphy-miller-2009/balanced_vs_hebbian.png murphy-miller-2009/patterns.png"
                   reproduce murphy-miller-2009 --out @OUT@)
# The demo (about 25 s a run, twice per test) only from another folder with relative paths, the
# case that once broke its every plot; the absolute-path handling it shares with every other
# subcommand is tested above.
netdyn_output_mode_test(demo relative "index.html check/spectrum_mm09_balanced.png" demo --out @OUT@)
# demo's default --out (netdyn-demo, relative to the working directory). Labelled plot, not cli:
# the sanitizer run (-L 'unit|cli') has the demo's code in cli.out.demo.relative already, and each
# demo run there costs about half a minute (CI's time budget).
netdyn_output_mode_test(demo_default relative "netdyn-demo/index.html" demo)
set_tests_properties(cli.out.demo_default.relative PROPERTIES LABELS plot)

# check and spectrum share one --out folder without overwriting each other's files (issue 22).
add_test(NAME cli.out.shared_folder
         COMMAND sh -c "rm -rf \"$1\" && \"$0\" check \"$2\" --out \"$1\" && \"$0\" spectrum \"$2\" --out \"$1\" && test -s \"$1/check_eigenvalues.npy\" && test -s \"$1/check_spectrum.png\" && test -s \"$1/spectrum_eigenvalues.npy\" && test -s \"$1/spectrum.png\" && test \"$(ls \"$1\" | grep -c png)\" = 2"
                 ${NETDYN_EXE} ${NETDYN_OUTPUTS_DIR}/shared_folder ${NETDYN_MM09})
set_tests_properties(cli.out.shared_folder PROPERTIES LABELS cli)
# A wrong --data fails before anything is computed or written (issue 22).
add_test(NAME cli.out.demo_bad_data
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/expect_cli.sh 1
                 "no-such-folder/mm09_balanced.npy: no such file \\(--data"
                 sh -c "rm -rf \"$1\"; \"$0\" demo --data \"$1/no-such-folder\" --out \"$1/out\"; s=$?; test -e \"$1/out\" && exit 9; exit $s"
                 ${NETDYN_EXE} ${NETDYN_OUTPUTS_DIR}/demo_bad_data)
set_tests_properties(cli.out.demo_bad_data PROPERTIES LABELS cli)
