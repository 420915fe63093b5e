#!/usr/bin/env python3
"""Reference values for org.realitycheck.validation.stats (independent of the Java code).

Regenerate (from the repository root):

    python3 validation/src/test/resources/reference/stats/make_reference.py \
        > validation/src/test/resources/reference/stats/reference.json

Made with Debian's python3-scipy / python3-numpy (versions are written into the JSON).
All inputs are drawn here from fixed seeds and written into the JSON, so the Java tests
read exactly the same numbers. Floats are written with repr(), i.e. round-trip exact.
"""
import itertools
import json
import math
import sys
import warnings

import numpy as np
import scipy
from scipy import stats
from scipy.special import ndtr

rng = np.random.default_rng(20240611)


def arr(x):
    return [float(v) for v in np.asarray(x).ravel()]


def mat(x):
    return [[float(v) for v in row] for row in np.asarray(x)]


out = {"numpy": np.__version__, "scipy": scipy.__version__, "seed": 20240611}

# --- two-sample KS -----------------------------------------------------------------------------
ks = []
cases = [
    ("exact_shift", rng.normal(0, 1, 30), rng.normal(0.5, 1, 40)),
    ("exact_equal_n", rng.normal(0, 1, 50), rng.normal(0.3, 1.2, 50)),
    ("exact_ties", np.round(rng.normal(0, 1, 25), 1), np.round(rng.normal(0.2, 1, 20), 1)),
    ("exact_same", rng.normal(0, 1, 60), rng.normal(0, 1, 80)),
]
for name, a, b in cases:
    r = stats.ks_2samp(a, b, method="exact")
    ks.append({"name": name, "a": arr(a), "b": arr(b), "statistic": float(r.statistic),
               "pvalue": float(r.pvalue), "method": "ks_2samp(method='exact')"})
# large n*m: the Java code uses the Kolmogorov limit law; reference = kstwobign.sf(sqrt(en) d)
for name, a, b in [("asymp_shift", rng.normal(0, 1, 300), rng.normal(0.2, 1, 200)),
                   ("asymp_same", rng.normal(0, 1, 400), rng.normal(0, 1, 250))]:
    r = stats.ks_2samp(a, b, method="exact")
    n, m = len(a), len(b)
    p_limit = stats.kstwobign.sf(math.sqrt(n * m / (n + m)) * r.statistic)
    ks.append({"name": name, "a": arr(a), "b": arr(b), "statistic": float(r.statistic),
               "pvalue": float(p_limit), "pvalue_scipy_auto": float(r.pvalue),
               "method": "kstwobign.sf(sqrt(nm/(n+m)) * ks_2samp(...).statistic)"})
out["ks"] = ks

# --- Anderson-Darling k-sample (midrank) ---------------------------------------------------------
ad = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for name, samples in [
        ("two_shift", [rng.normal(0, 1, 40), rng.normal(0.75, 1, 50)]),
        ("three_mild", [rng.normal(0, 1, 30), rng.normal(0.25, 1, 35), rng.normal(0, 1.3, 25)]),
        ("ties", [np.round(rng.normal(0, 1, 40)), np.round(rng.normal(0.15, 1, 45))]),
        ("capped_high", [rng.normal(0, 1, 50), rng.normal(0, 1, 50)]),
        ("floored_low", [rng.normal(0, 1, 60), rng.normal(2, 1, 60)]),
    ]:
        r = stats.anderson_ksamp(samples, variant="midrank")
        ad.append({"name": name, "samples": [arr(s) for s in samples],
                   "statistic": float(r.statistic), "pvalue": float(r.pvalue)})
out["anderson_ksamp"] = ad

# --- Wasserstein-1 -------------------------------------------------------------------------------
out["wasserstein"] = []
for a, b in [(rng.normal(0, 1, 50), rng.normal(0.4, 1.5, 70)),
             (np.round(rng.exponential(1, 33), 1), np.round(rng.exponential(1.4, 21), 1))]:
    out["wasserstein"].append({"a": arr(a), "b": arr(b), "w1": float(stats.wasserstein_distance(a, b))})

# --- robust widths -------------------------------------------------------------------------------
robust = []
qs = [0.0, 0.01, 0.1, 0.15865525393145707, 0.25, 0.5, 0.75, 0.8413447460685429, 0.9, 0.99, 1.0]
for x in [rng.standard_t(3, 101), rng.normal(2, 3, 100), np.array([4.0])]:
    lo, hi = np.quantile(x, [ndtr(-1.0), ndtr(1.0)])
    robust.append({"x": arr(x), "q": qs, "quantile": arr(np.quantile(x, qs)),
                   "median": float(np.median(x)),
                   "mad": float(stats.median_abs_deviation(x, scale="normal")),
                   "central68": float(0.5 * (hi - lo))})
out["robust"] = robust
out["mad_scale"] = float(1.0 / scipy.special.ndtri(0.75))

# --- pulls ---------------------------------------------------------------------------------------
res = rng.normal(0.1, 1.0, 200) * 0.5
sig = np.full(200, 0.5)
res[::37] = 5.0            # a few tails
res[5] = np.nan            # skipped
sig[7] = 0.0               # skipped
sig[8] = -1.0              # skipped
res[9] = np.inf            # skipped
ok = np.isfinite(res) & np.isfinite(sig) & (sig > 0)
pulls = res[ok] / sig[ok]
out["pulls"] = {"residuals": [float(v) if np.isfinite(v) else str(v) for v in res],
                "sigmas": arr(sig), "n": int(ok.sum()), "skipped": int((~ok).sum()),
                "mean": float(np.mean(pulls)),
                "width": float(stats.median_abs_deviation(pulls, scale="normal")),
                "fractionBeyond3": float(np.mean(np.abs(pulls) > 3))}

# --- binomial intervals --------------------------------------------------------------------------
binom = []
for k, n, level in [(0, 10, 0.95), (3, 10, 0.95), (10, 10, 0.95), (7, 50, 0.6827), (45, 50, 0.99),
                    (500, 1000, 0.95), (1, 3, 0.9), (1, 1, 0.5)]:
    t = stats.binomtest(k, n)
    e = t.proportion_ci(confidence_level=level, method="exact")
    w = t.proportion_ci(confidence_level=level, method="wilson")
    binom.append({"k": k, "n": n, "level": level, "exact": [float(e.low), float(e.high)],
                  "wilson": [float(w.low), float(w.high)]})
out["binomial"] = binom

# --- histogram (numpy binning) -------------------------------------------------------------------
x = np.concatenate([rng.uniform(-1.2, 3.3, 500), np.linspace(-1.0, 3.0, 41), [-1.0, 3.0, -5.0, 7.0]])
counts, edges = np.histogram(x, bins=40, range=(-1.0, 3.0))
out["histogram"] = {"x": arr(x), "lo": -1.0, "hi": 3.0, "bins": 40, "counts": [int(c) for c in counts],
                    "edges": arr(edges), "underflow": int((x < -1.0).sum()),
                    "overflow": int((x > 3.0).sum())}

# --- separation power ----------------------------------------------------------------------------
sep = []
for a, b, bins in [(rng.normal(0, 1, 400), rng.normal(0.3, 1.1, 300), 30),
                   (rng.exponential(1, 200), rng.exponential(1, 200), 10),
                   (rng.normal(0, 1, 100), rng.normal(10, 1, 100), 50)]:
    lo, hi = min(a.min(), b.min()), max(a.max(), b.max())
    h, _ = np.histogram(a, bins=bins, range=(lo, hi))
    g, _ = np.histogram(b, bins=bins, range=(lo, hi))
    h = h / h.sum()
    g = g / g.sum()
    m = (h + g) > 0
    s = 0.5 * np.sum((h[m] - g[m]) ** 2 / (h[m] + g[m]))
    sep.append({"a": arr(a), "b": arr(b), "bins": bins, "S": float(s)})
out["separation"] = sep

# --- ROC AUC via Mann-Whitney --------------------------------------------------------------------
roc = []
for pos, neg in [(rng.normal(0.7, 1, 120), rng.normal(0, 1, 90)),
                 (np.round(rng.normal(0.3, 1, 60)), np.round(rng.normal(0, 1, 75)))]:
    u = stats.mannwhitneyu(pos, neg, alternative="two-sided").statistic
    roc.append({"pos": arr(pos), "neg": arr(neg), "auc": float(u / (len(pos) * len(neg)))})
out["roc"] = roc

# --- Benjamini-Hochberg ----------------------------------------------------------------------------
bh = []
for p in [np.concatenate([rng.uniform(0, 1, 15), rng.uniform(0, 0.01, 5)]),
          np.array([0.01, 0.01, 0.03, 0.5, 1.0, 0.0, 0.04])]:
    adj = stats.false_discovery_control(p, method="bh")
    bh.append({"p": arr(p), "adjusted": arr(adj), "q": 0.05, "rejected": [bool(v) for v in adj <= 0.05]})
out["bh"] = bh

# --- MMD (unbiased MMD^2, Gretton et al. 2012) -------------------------------------------------------
def mmd2_unbiased(X, Y, k):
    m, n = len(X), len(Y)
    Kxx, Kyy, Kxy = k(X, X), k(Y, Y), k(X, Y)
    return ((Kxx.sum() - np.trace(Kxx)) / (m * (m - 1)) + (Kyy.sum() - np.trace(Kyy)) / (n * (n - 1))
            - 2 * Kxy.mean())


X = rng.normal(0, 1, (50, 3))
Y = rng.normal(0, 1, (60, 3)) * np.array([1.0, 1.3, 1.0]) + np.array([0.3, 0.0, 0.0])
d = X.shape[1]
poly = lambda A, B: (A @ B.T / d + 1.0) ** 4
bw = 1.5
gauss = lambda A, B: np.exp(-((A[:, None, :] - B[None, :, :]) ** 2).sum(-1) / (2 * bw * bw))
out["mmd"] = {"x": mat(X), "y": mat(Y), "polynomial": float(mmd2_unbiased(X, Y, poly)),
              "gaussian_bandwidth": bw, "gaussian": float(mmd2_unbiased(X, Y, gauss))}

# --- permutation test: exact enumeration for a tiny sample --------------------------------------------
a = np.round(rng.normal(0, 1, 5), 3)
b = np.round(rng.normal(-0.3, 1, 5), 3)
stat = lambda u, v, axis=-1: np.abs(np.mean(u, axis=axis) - np.mean(v, axis=axis))
r = stats.permutation_test((a, b), stat, permutation_type="independent", alternative="greater",
                           n_resamples=np.inf, vectorized=True)
# cross-check the enumeration by hand: fraction of the C(10,5) splits with stat >= observed
pooled = np.concatenate([a, b])
obs = stat(a, b)
cnt = 0
tot = 0
for idx in itertools.combinations(range(10), 5):
    mask = np.zeros(10, bool)
    mask[list(idx)] = True
    tot += 1
    cnt += stat(pooled[mask], pooled[~mask]) >= obs * (1 - 1e-14)
out["permutation"] = {"a": arr(a), "b": arr(b), "statistic": float(obs), "pvalue_exact": float(r.pvalue),
                      "pvalue_enumerated": cnt / tot, "splits": tot}

# --- Mahalanobis -----------------------------------------------------------------------------------
C = np.array([[2.0, 0.6, 0.0], [0.6, 1.0, -0.3], [0.0, -0.3, 0.5]])
R = rng.multivariate_normal([1.0, -2.0, 0.5], C, 200)
mu = R.mean(0)
S = np.cov(R, rowvar=False, ddof=1)
Q = rng.normal(0, 2, (6, 3))
dist = [float(math.sqrt((q - mu) @ np.linalg.solve(S, q - mu))) for q in Q]
out["mahalanobis"] = {"reference": mat(R), "queries": mat(Q), "distances": dist}

# --- moments and exact quantiles (small sample, sketch stores it exactly) --------------------------------
x = rng.gamma(2.0, 1.5, 777)
out["moments"] = {"x": arr(x), "mean": float(np.mean(x)), "variance": float(np.var(x, ddof=1)),
                  "min": float(x.min()), "max": float(x.max())}
out["sketch_exact"] = {"x": arr(x), "q": qs, "quantile": arr(np.quantile(x, qs))}

json.dump(out, sys.stdout, indent=1)
sys.stdout.write("\n")
