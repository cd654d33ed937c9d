# netdyn itself (issue 22): a mistyped subcommand is named, with the list and the nearest one
# (CLI11 said "A subcommand is required"); `netdyn --help` and every `netdyn SUB --help` show
# examples of that subcommand (the brief's "--help with examples").
netdyn_cli_test(usage.unknown_subcommand 2
                "netdyn: unknown subcommand 'chek'. did you mean 'check'\\?.*subcommands: check, spectrum, "
                chek ${NETDYN_DATA}/mm09_balanced.npy)
netdyn_cli_test(usage.unknown_subcommand_far 2 "unknown subcommand 'frobnicate'[[:space:]]+subcommands: "
                frobnicate)
foreach(sub check spectrum generate-sparse schur ei2 generate reproduce demo simulate jacobian
            fixedpoint amplify covariance pseudospectra soc modes sweep)
  netdyn_cli_test(help.${sub} 0 "Examples:[[:space:]]+netdyn ${sub}[[:space:]]" ${sub} --help)
endforeach()
# <netdyn/netdyn.hpp> includes every public header (it is the one include for users who do not
# want to learn the layers; a new header once went missing from it).
add_test(NAME lib.umbrella_header_complete
         COMMAND sh -c "cd \"$0/lib/include\" && missing=0; for h in netdyn/*/*.hpp; do grep -q \"#include \\\"$h\\\"\" netdyn/netdyn.hpp || { echo \"netdyn/netdyn.hpp does not include $h\"; missing=1; }; done; exit $missing"
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(lib.umbrella_header_complete PROPERTIES LABELS cli)
