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
