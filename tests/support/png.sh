# png.sh: sourced by the test scripts. complete_png FILE: FILE starts with the PNG signature and
# ends with the IEND chunk (gnuplot does not report a cut write, so a truncated picture would
# otherwise pass for a PNG).
complete_png() {
  [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] &&
    [ "$(tail -c 12 "$1" | od -An -tx1 | tr -d ' \n')" = "0000000049454e44ae426082" ]
}
