# SPDX-License-Identifier: GPL-3.0-or-later
# Calibration figures from lines: set base qid label grade fu path score.
function rank(a, n, r,    i, j, k, t, idx) {
	for (i = 1; i <= n; i++) idx[i] = i
	for (i = 2; i <= n; i++) { t = idx[i]; for (j = i - 1; j >= 1 && a[idx[j]] > a[t]; j--) idx[j + 1] = idx[j]; idx[j + 1] = t }
	for (i = 1; i <= n; ) { j = i; while (j < n && a[idx[j + 1]] == a[idx[i]]) j++
		for (k = i; k <= j; k++) r[idx[k]] = (i + j) / 2; i = j + 1 }
}
function spearman(x, y, n,    rx, ry, i, mx, my, sxy, sxx, syy) {
	if (n < 3) return 0
	rank(x, n, rx); rank(y, n, ry)
	for (i = 1; i <= n; i++) { mx += rx[i]; my += ry[i] }
	mx /= n; my /= n
	for (i = 1; i <= n; i++) { sxy += (rx[i] - mx) * (ry[i] - my); sxx += (rx[i] - mx) ^ 2; syy += (ry[i] - my) ^ 2 }
	return (sxx > 0 && syy > 0) ? sxy / sqrt(sxx * syy) : 0
}
function median(list,    n, a, i, j, t) {
	n = split(list, a, " ")
	for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function band(label, s) {
	if (label == "strong" || label == "concise-strong") return s >= 78
	if (label == "good") return s >= 55 && s <= 75
	if (label == "weak") return s <= 45
	if (label == "long-waffle" || label == "framework-dump") return s <= 35
	if (label == "off") return s <= 20
	if (label == "followup-good") return s >= 65
	return 1
}
{
	n++; q[n] = $1 "/" $2; lab[n] = $4; g[n] = $5 + 0; s[n] = ($8 == "NA" ? -1 : $8 + 0)
	all_g[n] = g[n]; all_s[n] = s[n]
	meds[$4] = meds[$4] " " s[n]
	if (!band($4, s[n])) { bad++; miss = miss sprintf("  %-34s %-15s grade %3d score %5.1f\n", q[n], $4, g[n], s[n]) }
}
END {
	# pairs within a question, main-question answers only (a follow-up
	# answer is scored against another prompt)
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) {
		if (q[i] != q[j] || g[i] == g[j] || lab[i] == "followup-good" || lab[j] == "followup-good") continue
		pairs++
		if ((g[i] - g[j]) * (s[i] - s[j]) > 0) right++
		else if (s[i] == s[j]) right += 0.5
	}
	nq = 0
	for (i = 1; i <= n; i++) if (!(q[i] in seen)) { seen[q[i]] = 1; order[++nq] = q[i] }
	for (k = 1; k <= nq; k++) { m = 0; delete xs; delete ys
		for (i = 1; i <= n; i++) if (q[i] == order[k] && lab[i] != "followup-good") { m++; xs[m] = g[i]; ys[m] = s[i] }
		rho_sum += spearman(xs, ys, m) }
	m = 0; delete xs; delete ys
	for (i = 1; i <= n; i++) if (lab[i] != "followup-good") { m++; xs[m] = g[i]; ys[m] = s[i] }
	printf "answers %d, questions %d\n", n, nq
	printf "pairwise accuracy %.3f (%d pairs)\n", pairs ? right / pairs : 0, pairs
	printf "spearman overall %.3f, mean per question %.3f\n", spearman(xs, ys, m), nq ? rho_sum / nq : 0
	split("strong concise-strong good weak off long-waffle framework-dump followup-good", L, " ")
	for (k = 1; k <= 8; k++) if (L[k] in meds) printf "median %-15s %5.1f\n", L[k], median(meds[L[k]])
	printf "outside band: %d\n%s", bad, miss
}
