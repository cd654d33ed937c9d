# netdyn reproduce / demo: every figure rendered headless, valid files, usage errors.
netdyn_cli_test(reproduce.list 0 "rosenbaum-4.2" reproduce --list)
netdyn_cli_test(reproduce.usage.unknown 2 "unknown NAME 'nope'" reproduce nope)
netdyn_cli_test(reproduce.usage.missing 2 "NAME is required" reproduce)
netdyn_plot_test(rosenbaum_4_2 rosenbaum-4.2/spectrum.png 20000 reproduce rosenbaum-4.2 --out ${NETDYN_PLOT_DIR}/rosenbaum_4_2)
netdyn_cli_test(reproduce.json 0 "\"name\": \"rosenbaum-4.2\"" reproduce rosenbaum-4.2 --out ${NETDYN_PLOT_DIR}/reproduce_json --json)
add_test(NAME plot.demo COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/check_demo.sh ${NETDYN_EXE}
                                ${NETDYN_PLOT_DIR}/demo)
set_tests_properties(plot.demo PROPERTIES LABELS plot FIXTURES_SETUP netdyn_demo_page)
# Optional: the page renders in headless Chromium (skipped unless /usr/bin/chromium exists).
add_test(NAME plot.demo_screenshot
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/support/screenshot_demo.sh ${NETDYN_PLOT_DIR}/demo/index.html
                 ${NETDYN_PLOT_DIR}/demo_screenshot.png)
set_tests_properties(plot.demo_screenshot PROPERTIES LABELS plot SKIP_RETURN_CODE 77
                                                    FIXTURES_REQUIRED netdyn_demo_page)

# Every reproduction renders its figures headless (one representative file each, by extension).
netdyn_plot_test(murphy_miller_2009 murphy-miller-2009/balanced_vs_hebbian.png 20000 reproduce murphy-miller-2009 --out ${NETDYN_PLOT_DIR}/murphy_miller_2009)
netdyn_plot_test(rosenbaum_3_4 rosenbaum-3.4/trace_determinant.png 20000 reproduce rosenbaum-3.4 --out ${NETDYN_PLOT_DIR}/rosenbaum_3_4)
netdyn_plot_test(random_rnn random-rnn/spectrum_g1.1.png 20000 reproduce random-rnn --out ${NETDYN_PLOT_DIR}/random_rnn)
netdyn_plot_test(fitzhugh_nagumo fitzhugh-nagumo/phase_plane_I0.4.png 20000 reproduce fitzhugh-nagumo --out ${NETDYN_PLOT_DIR}/fitzhugh_nagumo)
netdyn_plot_test(hennequin_2012 hennequin-2012/schur_T.png 20000 reproduce hennequin-2012 --out ${NETDYN_PLOT_DIR}/hennequin_2012)
netdyn_plot_test(hennequin_2014 hennequin-2014/evoked_energy.png 20000 reproduce hennequin-2014 --out ${NETDYN_PLOT_DIR}/hennequin_2014)
netdyn_plot_test(murphy_miller_2009_svg murphy-miller-2009/patterns.svg 10000 reproduce murphy-miller-2009 --out ${NETDYN_PLOT_DIR}/murphy_miller_2009_svg --format svg)
netdyn_plot_test(hennequin_2012_pdf hennequin-2012/envelope.pdf 5000 reproduce hennequin-2012 --out ${NETDYN_PLOT_DIR}/hennequin_2012_pdf --format pdf)
netdyn_cli_test(reproduce.list.all 0 "murphy-miller-2009.*rosenbaum-3.4.*rosenbaum-4.2.*random-rnn.*fitzhugh-nagumo.*hennequin-2012.*hennequin-2014" reproduce --list)

# The key numbers in the report match science.md's references (closed forms, verified values):
# netdyn_reproduce_numbers(NAME "key|low|high" ...) runs `netdyn reproduce NAME --json`.
function(netdyn_reproduce_numbers name)
  string(REPLACE ";" "@" checks "${ARGN}")
  add_test(NAME reproduce.numbers.${name}
           COMMAND ${CMAKE_COMMAND} -DNETDYN=${NETDYN_EXE} -DNAME=${name}
                   -DOUT=${NETDYN_PLOT_DIR}/numbers_${name} "-DCHECKS=${checks}"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/support/check_numbers.cmake)
  set_tests_properties(reproduce.numbers.${name} PROPERTIES LABELS plot)
endfunction()
netdyn_reproduce_numbers(murphy-miller-2009
  "integral ratio balanced/uncoupled (closed form)|3.999999999|4.000000001"
  "integral ratio balanced/uncoupled (ODE to t = 60)|3.9999999|4.0000001"
  "integral of r_E (closed form)|3.999999999|4.000000001"
  "integral of r_I (closed form)|2.999999999|3.000000001"
  "feedforward weight w(1 + k)|8.999999999|9.000000001"
  "peak r_E|1.793324844|1.793324846"
  "peak time|0.609851115|0.609851117"
  "r_E(1)|1.650163488|1.650163489"
  "Hebbian integral ratio (w = 3/4)|3.999999999|4.000000001"
  "Hebbian time constant (units of tau)|3.999999999|4.000000001"
  "pseudospectral abscissa alpha_0.1(W - I)|-0.236053535|-0.236053534")
netdyn_reproduce_numbers(rosenbaum-3.4
  "fixed point r_E* (Hz)|5.608332948|5.608332950"
  "fixed point r_I* (Hz)|12.504370299|12.504370301"
  "Re eigenvalue, tau_e = 30, tau_i = 15|-0.2883333334|-0.2883333332"
  "Im eigenvalue, tau_e = 30, tau_i = 15|0.3121520284|0.3121520286"
  "Re eigenvalue, tau_e = 15, tau_i = 30|0.0095833332|0.0095833334"
  "Im eigenvalue, tau_e = 15, tau_i = 30|0.4248330962|0.4248330964"
  "determinant (1/ms^2)|0.180574999|0.180575001"
  "Hopf ratio tau_i/tau_e = (1 - g w_ii)/(g w_ee - 1)|1.906504064|1.906504066"
  "converging: r_E at 600 ms (Hz)|5.6083|5.6084"
  "oscillating: min r_E, last 300 ms (Hz)|3.2|3.45"
  "oscillating: max r_E, last 300 ms (Hz)|7.85|8.1")
netdyn_reproduce_numbers(fitzhugh-nagumo
  "v* at I = 0.3|-0.993297475|-0.993297474"
  "w* at I = 0.3|-0.366621844|-0.366621843"
  "Re eigenvalue at I = 0.3|-0.0253199366|-0.0253199364"
  "Im eigenvalue at I = 0.3|0.2801853898|0.2801853900"
  "v* at I = 0.4|-0.906567068|-0.906567067"
  "Re eigenvalue at I = 0.4|0.0570680757|0.0570680759"
  "Hopf current I_H|0.331281337|0.331281338")
netdyn_reproduce_numbers(random-rnn
  "circular-law radius, g = 0.9|0.85|0.95"
  "circular-law radius, g = 1.1|1.05|1.15"
  "max Re lambda(-I + W), g = 0.9|-0.2|-0.01"
  "max Re lambda(-I + W), g = 1.1|0.01|0.2"
  "linear: max relative ODE error, g = 1.1|0|1e-5")
netdyn_reproduce_numbers(hennequin-2012
  "spectral abscissa of W|0.5|0.99"
  "nonnormal amplification tr S / normal|1.05|3")
# Issue 19's acceptance: the SOC is stable (alpha < 0.15) and amplifies more than the initial
# network scaled to the same abscissa (bands around seed 1's 12.27 and 494.2 against 1.29 and 202.3).
netdyn_reproduce_numbers(hennequin-2014
  "SOC spectral abscissa|0.1|0.15"
  "top evoked energy, SOC|8|20"
  "top evoked energy, scaled initial network|1|2"
  "total variance, SOC|350|700"
  "total variance, scaled initial network|150|260")
# Issue 22: every file a reproduction cites as a source can be opened from the repository.
foreach(name murphy-miller-2009 rosenbaum-3.4 fitzhugh-nagumo hennequin-2012 hennequin-2014 random-rnn rosenbaum-4.2)
  add_test(NAME reproduce.sources_exist.${name}
           COMMAND sh -c "cd \"$2\" && out=$(\"$0\" reproduce \"$1\" --json --out \"$3\") || exit 1; for f in $(printf '%s' \"$out\" | grep -o '\"source\": \"[^ \"]*' | sed 's/\"source\": \"//' | sort -u); do case $f in *.md) test -f \"$f\" || { echo \"cited $f is not in the repository\"; exit 1; } ;; esac; done; if printf '%s' \"$out\" | grep -q '\"source\": \"science.md'; then echo 'a source cites science.md outside the repository'; exit 1; fi; echo ok"
                   ${NETDYN_EXE} ${name} ${PROJECT_SOURCE_DIR} ${NETDYN_PLOT_DIR}/sources_${name})
  set_tests_properties(reproduce.sources_exist.${name} PROPERTIES LABELS plot)
endforeach()
