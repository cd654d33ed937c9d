# Input formats (issue 21): .mat v5/v7.3, .h5, .npz and edge lists give the .npy's report; FILE:NAME;
# --convention; provenance in --json and --out; `netdyn convert`; the bad-input cases of each format.
# Several cases run from the repository root with relative paths, as a user types them.
set(NETDYN_FORMATS ${CMAKE_CURRENT_SOURCE_DIR}/data/formats)
function(netdyn_cli_test_in_root name expected_exit regex)
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/expect_cli.sh ${expected_exit} ${regex}
                   ${NETDYN_EXE} ${ARGN}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(cli.${name} PROPERTIES LABELS cli)
endfunction()

foreach(net mm09_balanced gaussian_n200_rho1.5)
  add_test(NAME cli.formats.same_report.${net}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/same_report.sh ${NETDYN_EXE} data/${net}.npy
                   data/${net}.mat data/${net}_v73.mat data/${net}.h5 data/${net}.npz
                   data/${net}.mat:W data/${net}.h5:/W data/${net}.npz:W data/${net}.csv
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(cli.formats.same_report.${net} PROPERTIES LABELS cli)
endforeach()

netdyn_cli_test_in_root(formats.provenance 0
  "\"provenance\": \\{.*\"format\": \"mat-v7\\.3\".*\"path\": \"data/mm09_balanced_v73\\.mat\".*\"sha256\": \"[0-9a-f]{64}\".*\"shape\": \\[[^]]*2,[^]]*2[^]]*\\],.*\"variable\": \"W\".*\"netdyn_version\": \"[0-9.]+\",.*\"--tau\": 10\\.0"
  check data/mm09_balanced_v73.mat --tau 10 --json)
netdyn_cli_test(formats.sparse_mat_spectrum 0 "3\\.976065394006[0-9]*.*1\\.822702590384"
                spectrum ${NETDYN_FORMATS}/sparse60.mat --count 6 --json)
netdyn_cli_test(formats.edges_pre_post 0 "eigenvalues \\(rightmost first\\) 8\\.27649 \\+ 5\\.42369i"
                check ${NETDYN_FORMATS}/edges_source_target.csv --convention pre-post)
netdyn_cli_test(formats.edges_npz_json 0 "\"convention\": \"pre-post\",.*\"edge_list\": true,.*\"format\": \"npz edge list\""
                check ${NETDYN_FORMATS}/edges.npz --convention pre-post --json)
netdyn_cli_test(formats.matrix_pre_post 0 "\"convention\": \"pre-post\""
                check ${NETDYN_FORMATS}/m.npz --convention pre-post --json)

# Every bad input: exit 1 and a message naming the file, the variable and what is wrong.
foreach(case
    "several.mat|holds 2 matrices. name one as .*several\\.mat:NAME: W \\(3x3 double\\), C \\(1x3 double\\)"
    "several.mat:V|several\\.mat: no variable 'V'. it holds W \\(3x3 double\\), C \\(1x3 double\\), note \\(1x7 char\\)"
    "groups.h5|holds 3 matrices. name one as .*run1/W \\(3x3 float64\\), run2/W"
    "m.h5:/nope|no dataset 'nope'"
    "several.npz:X|no member 'X'"
    "complex.mat|complex\\.mat:W: is complex \\(3x3\\)"
    "cell.mat|cell\\.mat:W: is a MATLAB cell"
    "struct.mat|struct\\.mat:W: is a MATLAB struct"
    "three_d.mat|three_d\\.mat:W: has 3 dimensions \\(2x2x2\\)"
    "nonsquare.mat|nonsquare\\.mat:W: matrix is 2x3"
    "nan.mat|nan\\.mat:W: entry \\(row 2, column 3\\) is nan"
    "empty.mat|empty\\.mat:W: matrix is empty"
    "truncated.mat|truncated\\.mat: truncated: the data element at byte 128 claims 115248 bytes"
    "truncated_v73.mat|truncated_v73\\.mat: no variable found"
    "garbage.mat|garbage\\.mat: not a MATLAB \\.mat file"
    "complex.h5|complex\\.h5:W: holds compound"
    "three_d.h5|three_d\\.h5:W: is 2x2x2"
    "nan.h5|nan\\.h5:W: entry \\(row 2, column 3\\) is nan"
    "truncated.h5|truncated\\.h5: HDF5 cannot open the file \\(truncated or corrupt\\?\\)"
    "complex.npz|complex\\.npz:W: header: unsupported dtype '<c16'"
    "nan.npz|nan\\.npz:W: entry \\(row 2, column 3\\) is nan"
    "truncated.npz|truncated\\.npz: not a readable \\.npz \\(zip\\) archive"
    "corrupt.npz|corrupt\\.npz:W: corrupt member \\(CRC error\\)"
    "edges_ij.csv|edges_ij\\.csv: is an edge list. say which column is presynaptic with --convention")
  string(REPLACE "|" ";" parts "${case}")
  list(GET parts 0 file)
  list(GET parts 1 regex)
  string(MAKE_C_IDENTIFIER "${file}" id)
  netdyn_cli_test(formats.bad.${id} 1 "${regex}" check ${NETDYN_FORMATS}/${file})
endforeach()
netdyn_cli_test(formats.bad.header_convention 1 "header says the first column 'source' is presynaptic, but --convention post-pre"
                check ${NETDYN_FORMATS}/edges_source_target.csv --convention post-pre)
netdyn_cli_test(formats.bad.edge_index 1 "edges_negative\\.csv:3:1: first index -1 is not a non-negative integer"
                check ${NETDYN_FORMATS}/edges_negative.csv --convention pre-post)
netdyn_cli_test(formats.bad.edge_nan 1 "edges_nan\\.csv:2:3: weight 'nan' is not finite"
                check ${NETDYN_FORMATS}/edges_nan.csv --convention pre-post)
netdyn_cli_test(formats.bad.name_on_npy 1 "holds one matrix. a name \\(':W'\\) applies to \\.mat, \\.h5, \\.hdf5 and \\.npz"
                check ${NETDYN_DATA}/mm09_balanced.npy:W)
netdyn_cli_test(formats.usage.bad_convention 2 "--convention"
                check ${NETDYN_DATA}/mm09_balanced.npy --convention rows-first)

# netdyn convert: formats in, edge lists out and back, with a provenance file next to the output.
add_test(NAME cli.formats.convert_roundtrip
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/convert_roundtrip.sh ${NETDYN_EXE}
                 ${CMAKE_CURRENT_BINARY_DIR}/convert_roundtrip
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.formats.convert_roundtrip PROPERTIES LABELS cli)
