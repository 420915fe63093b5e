#!/usr/bin/env python3
"""Reference values for BootstrapIntervals and OrderStatistics (independent of the Java code).

Regenerate (from the repository root):

    python3 validation/src/test/resources/reference/stats/make_intervals_reference.py \
        > validation/src/test/resources/reference/stats/intervals_reference.json

Made with Debian's python3-scipy / python3-numpy (versions are written into the JSON). Inputs are
drawn here from a fixed seed and written into the JSON; floats are written with repr().
"""
import json

import numpy as np
import scipy
from scipy import stats
from scipy.special import ndtr, ndtri

rng = np.random.default_rng(20261203)
out = {"numpy": np.__version__, "scipy": scipy.__version__}

# replicate-based intervals
rep = rng.gamma(2.0, 1.0, size=999)
est = 1.9
x = rng.exponential(1.0, size=40)
u = x - x.mean()
a = float((u ** 3).sum() / (6 * (u ** 2).sum() ** 1.5))
z0 = ndtri((np.sum(rep < est) + 0.5 * np.sum(rep == est)) / rep.size)
def adj(p):
    z = z0 + ndtri(p)
    return ndtr(z0 + z / (1 - a * z))
out["replicates"] = [float(v) for v in rep]
out["estimate"] = est
out["influence"] = [float(v) for v in u]
out["acceleration"] = a
out["percentile"] = [float(np.quantile(rep, 0.025)), float(np.quantile(rep, 0.975))]
out["bca"] = [float(np.quantile(rep, adj(0.025))), float(np.quantile(rep, adj(0.975)))]
tr = rng.standard_t(5, size=499)
out["t_replicates"] = [float(v) for v in tr]
out["studentized"] = [float(1.5 - 0.2 * np.quantile(tr, 0.975)), float(1.5 - 0.2 * np.quantile(tr, 0.025))]

# order-statistic intervals: ranks, coverage and end points on a fixed sample
cases = []
sample = rng.normal(size=37)
out["sample"] = [float(v) for v in sample]
s = np.sort(sample)
for n, q in [(10, 0.5), (20, 0.5), (37, 0.5), (37, 0.1), (37, 0.9), (100, 0.25), (5, 0.5), (8, 0.05)]:
    half = 0.025
    b = stats.binom(n, q)
    l = max([r for r in range(0, n + 1) if r == 0 or b.cdf(r - 1) <= half])
    u_ = min([r for r in range(1, n + 2) if r == n + 1 or 1 - b.cdf(r - 1) <= half])
    cov = (1.0 if u_ > n else b.cdf(u_ - 1)) - (0.0 if l < 1 else b.cdf(l - 1))
    case = {"n": n, "q": q, "l": l, "u": u_, "coverage": float(cov)}
    if n == 37:
        lo = s[l - 1] if l >= 1 else float("-inf")
        hi = s[u_ - 1] if u_ <= n else float("inf")
        case["exact"] = [float(lo), float(hi)]
        # Hettmansperger-Sheather weights, d counted from each end's side
        def lam(d, m0, m1):
            i = (half - m0) / (m1 - m0)
            return (n - d) * i / (d + (n - 2 * d) * i)
        w = lam(l, b.cdf(l - 1), b.cdf(l))
        ilo = (1 - w) * s[l - 1] + w * s[l]
        w = lam(n + 1 - u_, 1 - b.cdf(u_ - 1), 1 - b.cdf(u_ - 2))
        ihi = (1 - w) * s[u_ - 1] + w * s[u_ - 2]
        case["interpolated"] = [float(ilo), float(ihi)]
    cases.append(case)
out["order_statistics"] = cases

# Newcombe (1998) method 10, paired difference of proportions, from scipy's Wilson ingredients
def wilson(k, n, z=stats.norm.ppf(0.975)):
    p = k / n
    t = 1 + z * z / n
    c = (p + z * z / (2 * n)) / t
    h = z * np.sqrt(n * p * (1 - p) + z * z / 4) / (n * t)
    return max(0.0, c - h), min(1.0, c + h)
paired = []
for a, b, c, d in [(36, 12, 2, 0), (12, 2, 1, 1), (30, 6, 4, 10), (0, 0, 0, 20), (5, 5, 5, 5)]:
    n = a + b + c + d
    p1, p2 = (a + b) / n, (a + c) / n
    l1, u1 = wilson(a + b, n)
    l2, u2 = wilson(a + c, n)
    den = np.sqrt(float((a + b) * (c + d) * (a + c) * (b + d)))
    phi = 0.0 if den == 0 else (a * d - b * c) / den
    dl = np.sqrt(max(0.0, (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2))
    eu = np.sqrt(max(0.0, (u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2))
    paired.append({"counts": [a, b, c, d], "ci": [float(max(-1, p1 - p2 - dl)), float(min(1, p1 - p2 + eu))]})
out["newcombe"] = paired
print(json.dumps(out, indent=1))
