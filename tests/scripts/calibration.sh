# SPDX-License-Identifier: GPL-3.0-or-later
# Calibration: for every question under tests/calib/<rubric>/<question>/,
# the four graded answers must rank as a person would rank them:
#   strong > good > weak, off < good, strong >= 75, weak <= 45, off <= 40.
# Adding a folder with strong/good/weak/off.txt adds a case.
. "$ROOT/tests/scripts/lib.sh"
cd "$ROOT" || exit 70
bad=0 n=0
score() {
	"$PM" score --question "$1" --json "$2" 2>/dev/null |
		sed -n 's/^{"score":\([0-9.]*\),.*/\1/p'
}
for d in tests/calib/*/*/; do
	[ -f "$d/strong.txt" ] || continue
	q=$(basename "$d")
	s=$(score "$q" "$d/strong.txt")
	g=$(score "$q" "$d/good.txt")
	w=$(score "$q" "$d/weak.txt")
	o=$(score "$q" "$d/off.txt")
	n=$((n + 1))
	verdict=$(awk -v s="$s" -v g="$g" -v w="$w" -v o="$o" 'BEGIN {
		if (s == "" || g == "" || w == "" || o == "") { print "no score"; exit }
		m = ""
		if (!(s > g)) m = m " strong<=good"
		if (!(g > w)) m = m " good<=weak"
		if (!(o < g)) m = m " off>=good"
		if (!(s >= 75)) m = m " strong<75"
		if (!(w <= 45)) m = m " weak>45"
		if (!(o <= 40)) m = m " off>40"
		print (m == "" ? "ok" : m)
	}')
	printf '%-40s strong %5s  good %5s  weak %5s  off %5s  %s\n' "$q" "$s" "$g" "$w" "$o" "$verdict"
	[ "$verdict" = ok ] || bad=$((bad + 1))
done
[ "$n" -ge 36 ] || fail "only $n calibration questions (every rubric needs 3)"
[ "$bad" = 0 ] || fail "$bad of $n calibration questions out of order"
echo "calibration: $n questions ok"
