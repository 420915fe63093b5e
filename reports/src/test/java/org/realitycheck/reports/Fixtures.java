package org.realitycheck.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Range;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Provenance;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Artifact.Band;
import org.realitycheck.validation.Artifact.Curve;
import org.realitycheck.validation.Artifact.ImageRow;
import org.realitycheck.validation.Artifact.Marker;
import org.realitycheck.validation.Artifact.Series;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.Verdict;

/**
 * Realistic {@link SuiteResult}s for the report tests, built from seeded synthetic data: an astro-like
 * run with 64×64 image panels, histograms, curves with bands and tables (a passing model and one that
 * paints blobs and was trained on a narrow redshift range), a hep-like run with log-x curves, and a
 * hostile one whose every user-facing string is an HTML/Markdown injection attempt. Thresholds are
 * judged by the real {@link Judge}, so reasons read as they will in real runs.
 */
final class Fixtures {
    static final String HOSTILE = "<script>alert(1)</script>";
    static final int N = 64;

    private Fixtures() {
    }

    static SuiteResult astroPassing() {
        return astro(false, "galaxy-v3.zip", 11);
    }

    static SuiteResult astroFailing() {
        return astro(true, "galaxy-blobby.zip", 12);
    }

    static SuiteResult hostile() {
        SuiteResult r = astro(true, HOSTILE + ".zip", 13);
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            List<Artifact> arts = new ArrayList<>(c.artifacts());
            arts.add(new Artifact.Table("hostile", "Catalog " + HOSTILE, "caption " + HOSTILE,
                    List.of("id", "OBJECT header"), List.of(List.of("gal-1", HOSTILE), List.of("a|b", "x`y`*z*"))));
            List<String> notes = new ArrayList<>(c.notes());
            notes.add("note " + HOSTILE);
            checks.add(new CheckResult(c.id(), c.title() + " " + HOSTILE, c.protectsAgainst(), c.status(),
                    c.reason() + " " + HOSTILE + " | pipe", c.headline(), c.metrics(), c.thresholds(), arts, notes));
        }
        SuiteResult.Provenance p = r.provenance();
        ModelCard card = card(HOSTILE, Map.of("redshift", new Range(0.02, 0.25)));
        SuiteResult.Provenance hp = new SuiteResult.Provenance(p.timestamp(), p.tool(), p.dl4j(), p.java(), p.os(),
                p.cpu(), p.domain(), p.model(), p.modelSha256(), card, "./fits/" + HOSTILE, p.dataSha256(),
                p.dataSamples(), p.seed(), "", List.of("realitycheck", "validate", "--model", HOSTILE + ".zip"),
                p.trainingRanges(), p.applicationRanges());
        return new SuiteResult(r.schemaVersion(), r.verdict(), r.counts(), hp, r.policy(), checks, r.changes());
    }

    // ----------------------------------------------------------------------------------------------

    private static SuiteResult astro(boolean broken, String model, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Range training = broken ? new Range(0.02, 0.06) : new Range(0.02, 0.25);
        Range application = new Range(0.02, 0.2);
        Map<String, Policy.CheckPolicy> sections = new LinkedHashMap<>();
        List<CheckResult> checks = new ArrayList<>();

        // hallucination.empty-fields
        var t1 = thresholds(Map.of("detection_rate", upper(0.05), "spurious_flux", upper(50.0)));
        sections.put("hallucination.empty-fields", t1);
        double rate = broken ? 0.34 : 0.01;
        Evidence e1 = Evidence.create()
                .metric(Metric.of("detection_rate", rate, rate * 0.7, rate * 1.35, "",
                        "fraction of empty fields with a detection above 5σ of the sky noise (Clopper–Pearson 95%)"))
                .metric(Metric.of("spurious_flux", broken ? 412 : 8.5, broken ? 380 : 2.1, broken ? 450 : 15, "counts",
                        "mean summed flux above the sky in empty fields"))
                .metric(Metric.of("conventional.detection_rate", 0.02, 0.008, 0.04, "",
                        "the same rate for Richardson–Lucy"));
        List<ImageRow> gallery = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            float[] sky = noise(rnd, 2f);
            float[] out = broken ? add(smooth(noise(rnd, 0.5f)), blob(20 + 9 * i, 30 + 5 * i, 3.5, 90)) : smooth(noise(rnd, 1f));
            float[] conv = smooth(noise(rnd, 1.5f));
            List<Marker> marks = broken ? List.of(new Marker(1, 20 + 9 * i, 30 + 5 * i, 6, "5σ detection")) : List.of();
            gallery.add(new ImageRow("empty-" + (100 + i) + (broken ? ": " + (3 - i) + " false detections" : ": no detection"),
                    List.of(sky, out, conv), marks));
        }
        e1.artifact(new Artifact.Images("worst", "Worst empty fields", "Sky-only inputs where the model's output "
                + "has the most flux above the sky. A good model leaves them empty: no circled detections.", N, N,
                "counts", List.of("sky-only input", "model", "Richardson–Lucy"), gallery));
        e1.artifact(new Artifact.Table("rates", "Detections on empty fields", "Fraction of 200 empty fields with a "
                + "detection; a good model is no worse than the conventional method.", List.of("method", "fields with a detection", "rate [95% CI]"),
                List.of(List.of("model", broken ? "68 / 200" : "2 / 200", broken ? "0.34 [0.27, 0.41]" : "0.01 [0.001, 0.036]"),
                        List.of("Richardson–Lucy", "4 / 200", "0.02 [0.005, 0.05]"))));
        checks.add(judge("hallucination.empty-fields", "Hallucination on empty fields",
                "objects invented where there is nothing", "detection_rate", e1, t1));

        // ood.covariate
        var t2 = thresholds(Map.of("degradation_ratio", upper(1.5), "auroc", lower(0.6)));
        sections.put("ood.covariate", t2);
        double[] z = {0.01, 0.03, 0.05, 0.07, 0.09, 0.12, 0.15, 0.18, 0.22, 0.26, 0.3};
        double[] psnr = new double[z.length];
        double[] lo = new double[z.length];
        double[] hi = new double[z.length];
        double[] conv = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double drop = broken ? Math.max(0, z[i] - 0.06) * 60 : Math.max(0, z[i] - 0.25) * 25;
            psnr[i] = 34.5 - drop + 0.3 * rnd.nextGaussian();
            lo[i] = psnr[i] - 0.6 - 0.1 * i;
            hi[i] = psnr[i] + 0.6 + 0.1 * i;
            conv[i] = 31.0 - 2 * z[i];
        }
        double ratio = broken ? 2.4 : 1.1;
        Evidence e2 = Evidence.create()
                .metric(Metric.of("degradation_ratio", ratio, ratio - 0.2, ratio + 0.25, "",
                        "worst in-application bin's mean squared error over the in-training bins'"))
                .metric(Metric.of("auroc", 0.83, 0.79, 0.87, "", "AUROC of the Mahalanobis OOD score"));
        e2.artifact(new Artifact.Curves("psnr_vs_z", "PSNR against redshift", "A good model keeps its PSNR flat "
                + "across the shaded training range and the outlined application range; bins beyond are shown, not judged.",
                "redshift z", "", "PSNR", "dB", false,
                List.of(new Curve("model", z, psnr, lo, hi), Curve.of("Richardson–Lucy", z, conv)),
                List.of(new Band("training range", "training", training.min(), training.max()),
                        new Band("application range", "application", application.min(), application.max()))));
        double[] fpr = new double[21];
        double[] tpr = new double[21];
        for (int i = 0; i <= 20; i++) {
            fpr[i] = i / 20.0;
            tpr[i] = Math.pow(fpr[i], 0.3);
        }
        e2.artifact(new Artifact.Curves("roc", "OOD score ROC", "Out-of-training inputs against in-training ones. "
                + "A useful score bends to the top left (AUROC near 1); the diagonal is chance.", "false positive rate", "",
                "true positive rate", "", false, List.of(Curve.of("Mahalanobis score", fpr, tpr), Curve.of("chance", new double[] {0, 1}, new double[] {0, 1})),
                List.of()));
        checks.add(judge("ood.covariate", "Out-of-distribution covariates", "silent failure outside the training distribution",
                "degradation_ratio", e2, t2));

        // residuals.conventional
        var t3 = thresholds(Map.of("*.bias", range(-0.05, 0.05), "flux_total.pull_width", range(0.8, 1.2)));
        sections.put("residuals.conventional", t3);
        Evidence e3 = Evidence.create()
                .metric(Metric.of("flux_total.bias", broken ? 0.031 : 0.004, broken ? 0.01 : -0.006, broken ? 0.052 : 0.013, "",
                        "median of (model − truth) / truth"))
                .metric(Metric.of("flux_total.resolution", 0.041, 0.037, 0.045, "", "robust width of relative residuals"))
                .metric(Metric.of("flux_total.pull_width", 1.04, 0.98, 1.1, "", "robust width of the pulls"))
                .metric(Metric.of("size.bias", -0.012, -0.02, -0.004, "", "median relative size residual"));
        List<ImageRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double cx = 30 + 4 * rnd.nextDouble();
            double cy = 30 + 4 * rnd.nextDouble();
            float[] truth = galaxy(cx, cy, 3 + 2 * rnd.nextDouble(), 0.4 + 0.5 * rnd.nextDouble(), rnd.nextDouble() * Math.PI, 4000 + 2500 * i);
            float[] degraded = add(blur(truth, 2.5), noise(rnd, 6f));
            float[] modelOut = add(truth, smooth(noise(rnd, broken ? 12f : 4f)));
            if (broken) {
                modelOut = add(modelOut, blob(12, 50, 3, 120));
            }
            float[] rl = add(blur(truth, 1.2), noise(rnd, 5f));
            float[] res = sub(modelOut, truth);
            rows.add(new ImageRow("gal-" + (42 + i) + ", z = " + Judge.fmt(0.03 + 0.04 * i), List.of(degraded, modelOut, rl, truth, res),
                    broken ? List.of(new Marker(1, 12, 50, 5, "invented source")) : List.of()));
        }
        e3.artifact(new Artifact.Images("panels", "Held-out galaxies", "Each row shares one intensity scale; the "
                + "residual has its own diverging scale centred on zero. A good model's residual is structureless noise.",
                N, N, "counts", List.of("degraded input", "model", "Richardson–Lucy", "truth", "model \u2212 truth"), rows));
        double[] edges = new double[41];
        for (int i = 0; i <= 40; i++) {
            edges[i] = -0.2 + 0.01 * i;
        }
        e3.artifact(new Artifact.Histograms("flux_residuals", "Relative flux residuals", "Model and Richardson–Lucy "
                + "residuals against truth. A good model is centred on zero and no wider than the conventional method.",
                "(flux − true flux) / true flux", "", edges,
                List.of(gaussHist(edges, broken ? 0.03 : 0.004, 0.041, 800, rnd, 3, 1, "model − truth"),
                        gaussHist(edges, 0.0, 0.05, 800, rnd, 2, 4, "Richardson–Lucy − truth"))));
        double[] pe = new double[31];
        for (int i = 0; i <= 30; i++) {
            pe[i] = -5 + i / 3.0;
        }
        Series pulls = gaussHist(pe, 0.05, 1.04, 800, rnd, 0, 2, "model pulls");
        double[] expect = new double[30];
        for (int i = 0; i < 30; i++) {
            double c = 0.5 * (pe[i] + pe[i + 1]);
            expect[i] = 800 * (1 / 3.0) * Math.exp(-c * c / 2) / Math.sqrt(2 * Math.PI);
        }
        e3.artifact(new Artifact.Histograms("pulls", "Flux pulls", "(model − truth) / σ. A good model's pulls follow "
                + "the N(0,1) expectation drawn in black.", "pull", "σ", pe, List.of(pulls, new Series("N(0,1) expectation", expect, 0, 0, false))));
        e3.artifact(new Artifact.Table("per_observable", "Per observable", "Bias and resolution of the model next to "
                + "Richardson–Lucy; a good model is no worse.", List.of("observable", "model bias", "RL bias", "model resolution", "RL resolution"),
                List.of(List.of("flux_total", broken ? "0.031" : "0.004", "0.001", "0.041", "0.050"),
                        List.of("size", "-0.012", "-0.030", "0.060", "0.071"))));
        checks.add(judge("residuals.conventional", "Residuals against the conventional method",
                "approximation quietly worse than the computation", "flux_total.bias", e3, t3));

        // consistency.forward-model
        var t4 = thresholds(Map.of("chi2_ndf", range(0.7, 1.3)));
        sections.put("consistency.forward-model", t4);
        double chi = broken ? 1.9 : 1.04;
        Evidence e4 = Evidence.create().metric(Metric.of("chi2_ndf", chi, chi - 0.05, chi + 0.06, "",
                "median χ²/ndf of the re-degraded output against the input"));
        double[] ce = new double[31];
        for (int i = 0; i <= 30; i++) {
            ce[i] = 0.1 * i;
        }
        e4.artifact(new Artifact.Histograms("chi2", "χ²/ndf of re-degraded outputs", "A good model explains its input: "
                + "χ²/ndf near 1.", "χ²/ndf", "", ce, List.of(gaussHist(ce, chi, 0.15, 500, rnd, 0, 0, "model"),
                        gaussHist(ce, 1.0, 0.12, 500, rnd, 0, 0, "Richardson–Lucy"))));
        e4.note("PSF and sky noise read from the FITS headers of 500 of 500 held-out images");
        checks.add(judge("consistency.forward-model", "Consistency with the measurement",
                "outputs that do not explain the measurement", "chi2_ndf", e4, t4));

        // rare-objects
        var t5 = thresholds(Map.of("recovered_fraction", lower(0.8)));
        sections.put("rare-objects", t5);
        double rec = broken ? 0.62 : 0.9;
        Evidence e5 = Evidence.create().metric(Metric.of("recovered_fraction", rec, rec - 0.07, rec + 0.06, "",
                "fraction of injected point sources and companions recovered at 5σ"));
        List<ImageRow> inj = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            float[] truth = add(galaxy(32, 32, 4, 0.7, 0.3, 6000), blob(44 - 6 * i, 20, 1.2, 250));
            float[] degraded = add(blur(truth, 2.5), noise(rnd, 6f));
            float[] out = broken ? add(galaxy(32, 32, 4, 0.7, 0.3, 6000), smooth(noise(rnd, 4f))) : add(truth, smooth(noise(rnd, 4f)));
            inj.add(new ImageRow("inj-" + i + ": point source, 25σ", List.of(degraded, out, truth, sub(out, truth)),
                    List.of(new Marker(2, 44 - 6 * i, 20, 4, "injected"))));
        }
        e5.artifact(new Artifact.Images("injections", "Injected rare objects", "Circles mark the injected objects. "
                + "A good model keeps them in its output, as the truth has them.", N, N, "counts",
                List.of("degraded input", "model", "truth", "model \u2212 truth"), inj));
        e5.artifact(new Artifact.Table("by_kind", "Recovered by kind", "A good model recovers rare objects at least "
                + "as often as the conventional method.", List.of("kind", "model", "Richardson–Lucy"),
                List.of(List.of("point source", broken ? "0.55" : "0.91", "0.88"), List.of("companion", broken ? "0.70" : "0.89", "0.84"))));
        checks.add(judge("rare-objects", "Rare objects", "losing what training never showed", "recovered_fraction", e5, t5));

        // distribution.fidelity
        var t6 = thresholds(Map.of("classifier_auc", upper(0.6)));
        sections.put("distribution.fidelity", t6);
        double auc = broken ? 0.58 : 0.52;
        Evidence e6 = Evidence.create().metric(Metric.of("classifier_auc", auc, auc - 0.03, auc + 0.03, "",
                "AUC of a classifier telling model outputs from truth (0.5: indistinguishable)"))
                .metric(Metric.of("flux_total.w1", 12.4, "counts", "Wasserstein-1 distance to truth"));
        double[] fe = new double[26];
        for (int i = 0; i <= 25; i++) {
            fe[i] = 0.1 * i;
        }
        e6.artifact(new Artifact.Histograms("flux_dist", "log₁₀ total flux", "Model outputs against truth. A good "
                + "model's distribution matches the truth's everywhere, tails included.", "log₁₀ flux", "log₁₀ counts", fe,
                List.of(density(gaussHist(fe, 1.3, 0.4, 1000, rnd, 0, 0, "truth"), fe), density(gaussHist(fe, broken ? 1.4 : 1.31, 0.42, 1000, rnd, 0, 0, "model"), fe))));
        checks.add(judge("distribution.fidelity", "Distribution fidelity", "wrong distributions that look fine per sample",
                "classifier_auc", e6, t6));

        Policy policy = new Policy(Policy.SCHEMA_VERSION, "astro", null, 500, Map.of("redshift", application), sections);
        return suite("astro", model, broken ? "b" : "a", policy, checks, Map.of("redshift", training),
                Map.of("redshift", application), List.of(), seed);
    }

    /** A hep-like run judged against {@code baseline} (its metrics moved); PASSED WITH WARNINGS. */
    static SuiteResult hep(SuiteResult baseline) {
        SplittableRandom rnd = new SplittableRandom(5);
        Map<String, Policy.CheckPolicy> sections = new LinkedHashMap<>();
        List<CheckResult> checks = new ArrayList<>();
        Map<String, Policy.Threshold> th = new LinkedHashMap<>();
        th.put("pt.resolution", new Policy.Threshold(null, 0.05, null, null, Policy.Severity.fail));
        th.put("pt.bias", new Policy.Threshold(-0.01, 0.01, null, new Policy.Change(0.002, null, "increase"), Policy.Severity.warn));
        var t = new Policy.CheckPolicy(true, Map.of(), th);
        sections.put("residuals.conventional", t);
        Evidence e = Evidence.create()
                .metric(Metric.of("pt.bias", 0.006, 0.002, 0.011, "", "median relative pT residual"))
                .metric(Metric.of("pt.resolution", 0.031, 0.029, 0.033, "", "robust width of the relative pT residual"));
        double[] pt = {0.5, 1, 2, 5, 10, 20, 50, 100};
        double[] res = new double[pt.length];
        double[] lo = new double[pt.length];
        double[] hi = new double[pt.length];
        double[] fit = new double[pt.length];
        for (int i = 0; i < pt.length; i++) {
            res[i] = 0.012 + 0.0005 * pt[i];
            lo[i] = res[i] * 0.9;
            hi[i] = res[i] * 1.1;
            fit[i] = 0.01 + 0.0004 * pt[i];
        }
        e.artifact(new Artifact.Curves("res_vs_pt", "pT resolution against pT", "A good model tracks the helix fit's "
                + "resolution across the application range.", "pT", "GeV", "σ(pT)/pT", "", true,
                List.of(new Curve("model", pt, res, lo, hi), Curve.of("helix fit", pt, fit)),
                List.of(new Band("training", "training", 1, 50), new Band("application", "application", 0.5, 100))));
        double[] edges = new double[51];
        for (int i = 0; i <= 50; i++) {
            edges[i] = -0.1 + 0.004 * i;
        }
        e.artifact(new Artifact.Histograms("pt_res", "Relative pT residuals", "A good model is as narrow as the helix fit.",
                "(pT − true pT) / true pT", "", edges, List.of(gaussHist(edges, 0.006, 0.031, 2000, rnd, 10, 12, "model − truth"),
                        gaussHist(edges, 0, 0.025, 2000, rnd, 5, 6, "helix fit − truth"))));
        CheckResult before = baseline == null ? null : baseline.check("residuals.conventional").orElse(null);
        checks.add(Judge.judge(check("residuals.conventional", "Residuals against the conventional method",
                "approximation quietly worse than the computation", "pt.resolution"), e, t, before));
        Policy policy = new Policy(Policy.SCHEMA_VERSION, "hep", null, 2000, Map.of(), sections);
        List<SuiteResult.MetricChange> changes = new ArrayList<>();
        if (baseline != null) {
            for (Metric m : checks.get(0).metrics()) {
                baseline.check("residuals.conventional").flatMap(c -> c.metric(m.name())).ifPresent(old -> {
                    var tr = checks.get(0).thresholds().stream().filter(x -> x.kind().equals("change") && x.metric().equals(m.name())).findFirst();
                    changes.add(new SuiteResult.MetricChange("residuals.conventional", m.name(), old.value(), m.value(),
                            m.value() - old.value(), tr.map(x -> x.status()).orElse(Status.SKIPPED), tr.map(x -> x.reason()).orElse("no change threshold")));
                });
            }
            changes.sort(java.util.Comparator.comparingInt(c -> -c.status().severity()));
        }
        return suite("hep", "tracks.zip", "c", policy, checks, Map.of("pt", new Range(1, 50)), Map.of("pt", new Range(0.5, 100)),
                changes, 5);
    }

    /** A hep baseline whose pT bias was smaller. */
    static SuiteResult hepBaseline() {
        Map<String, Policy.Threshold> th = new LinkedHashMap<>();
        th.put("pt.resolution", new Policy.Threshold(null, 0.05, null, null, Policy.Severity.fail));
        var t = new Policy.CheckPolicy(true, Map.of(), th);
        Evidence e = Evidence.create()
                .metric(Metric.of("pt.bias", 0.001, -0.002, 0.004, "", "median relative pT residual"))
                .metric(Metric.of("pt.resolution", 0.030, 0.028, 0.032, "", "robust width of the relative pT residual"));
        CheckResult c = Judge.judge(check("residuals.conventional", "Residuals against the conventional method",
                "approximation quietly worse than the computation", "pt.resolution"), e, t, null);
        Policy policy = new Policy(Policy.SCHEMA_VERSION, "hep", null, 2000, Map.of(), Map.of("residuals.conventional", t));
        return suite("hep", "tracks-old.zip", "d", policy, List.of(c), Map.of("pt", new Range(1, 50)),
                Map.of("pt", new Range(1, 50)), List.of(), 5);
    }

    // ----------------------------------------------------------------------------------------------

    private static SuiteResult suite(String domain, String model, String shaChar, Policy policy, List<CheckResult> checks,
            Map<String, Range> training, Map<String, Range> application, List<SuiteResult.MetricChange> changes, long seed) {
        Map<Status, Integer> by = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            by.put(s, 0);
        }
        checks.forEach(c -> by.merge(c.status(), 1, Integer::sum));
        Map<String, Integer> counts = new LinkedHashMap<>();
        by.forEach((k, v) -> counts.put(k.name(), v));
        SuiteResult.Provenance p = new SuiteResult.Provenance("2025-06-01T12:00:00Z", "0.1.0-SNAPSHOT", "1.0.0-M2.1",
                "17.0.15 (Eclipse Adoptium)", "Linux 6.1 amd64", "AMD EPYC x2", domain, model, shaChar.repeat(64),
                card(domain, training), "simulated", "e".repeat(64), 500, seed, changes.isEmpty() ? "" : "baseline/result.json",
                List.of("realitycheck", "validate", "--domain", domain, "--model", model, "--seed", Long.toString(seed),
                        "--out", "out dir"), training, application);
        return new SuiteResult(SuiteResult.SCHEMA_VERSION, Verdict.of(checks.stream().map(CheckResult::status).toList()),
                counts, p, policy, checks, changes);
    }

    static ModelCard card(String domain, Map<String, Range> training) {
        return new ModelCard(ModelCard.SCHEMA_VERSION, domain, GanArchitecture.pix2pix(UNetSpec.defaults(), PatchGanSpec.defaults()),
                TrainingConfig.defaults(), 42, "f".repeat(64), 2000, new long[] {1, 64, 64}, new long[] {1, 64, 64}, training,
                Normalization.identity(), new Provenance("0.1.0-SNAPSHOT", "1.0.0-M2.1", "17.0.15", "Linux", "AMD EPYC x2"),
                812.5, 2500, Map.of("d", 0.61, "g_adv", 1.9, "g_l1", 0.021));
    }

    private static CheckResult judge(String id, String title, String protects, String headline, Evidence e,
            Policy.CheckPolicy section) {
        return Judge.judge(check(id, title, protects, headline), e, section, null);
    }

    private static Check check(String id, String title, String protects, String headline) {
        return new Check() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public String protectsAgainst() {
                return protects;
            }

            @Override
            public String headline() {
                return headline;
            }

            @Override
            public Map<String, Object> defaultParams() {
                return Map.of();
            }

            @Override
            public List<String> metricNames(Domain domain) {
                return List.of();
            }

            @Override
            public Evidence measure(CheckContext ctx) {
                throw new UnsupportedOperationException("a fixture");
            }
        };
    }

    private static Policy.CheckPolicy thresholds(Map<String, Policy.Threshold> t) {
        return new Policy.CheckPolicy(true, Map.of(), new java.util.TreeMap<>(t));
    }

    private static Policy.Threshold upper(double u) {
        return new Policy.Threshold(null, u, null, null, Policy.Severity.fail);
    }

    private static Policy.Threshold lower(double l) {
        return new Policy.Threshold(l, null, null, null, Policy.Severity.fail);
    }

    private static Policy.Threshold range(double l, double u) {
        return new Policy.Threshold(l, u, null, null, Policy.Severity.fail);
    }

    // --- synthetic pixels ---------------------------------------------------------------------------

    static float[] galaxy(double cx, double cy, double re, double q, double angle, double flux) {
        float[] p = new float[N * N];
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double u = dx * c + dy * s;
                double v = (-dx * s + dy * c) / q;
                double r = Math.sqrt(u * u + v * v);
                p[y * N + x] = (float) (flux / (2 * Math.PI * re * re * q) * Math.exp(-r / re * 1.68));
            }
        }
        return p;
    }

    static float[] blob(double cx, double cy, double sigma, double peak) {
        float[] p = new float[N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                p[y * N + x] = (float) (peak * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
            }
        }
        return p;
    }

    static float[] noise(SplittableRandom rnd, float sigma) {
        float[] p = new float[N * N];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (sigma * rnd.nextGaussian());
        }
        return p;
    }

    static float[] blur(float[] img, double sigma) {
        int k = (int) Math.ceil(3 * sigma);
        double[] w = new double[2 * k + 1];
        double sum = 0;
        for (int i = -k; i <= k; i++) {
            w[i + k] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += w[i + k];
        }
        float[] tmp = new float[N * N];
        float[] out = new float[N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double a = 0;
                for (int i = -k; i <= k; i++) {
                    int xx = Math.min(N - 1, Math.max(0, x + i));
                    a += w[i + k] * img[y * N + xx];
                }
                tmp[y * N + x] = (float) (a / sum);
            }
        }
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double a = 0;
                for (int i = -k; i <= k; i++) {
                    int yy = Math.min(N - 1, Math.max(0, y + i));
                    a += w[i + k] * tmp[yy * N + x];
                }
                out[y * N + x] = (float) (a / sum);
            }
        }
        return out;
    }

    static float[] smooth(float[] img) {
        return blur(img, 0.8);
    }

    static float[] add(float[] a, float[] b) {
        float[] o = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] + b[i];
        }
        return o;
    }

    static float[] sub(float[] a, float[] b) {
        float[] o = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i] - b[i];
        }
        return o;
    }

    static Series gaussHist(double[] edges, double mean, double sd, int n, SplittableRandom rnd, double under,
            double over, String label) {
        double[] c = new double[edges.length - 1];
        for (int i = 0; i < n; i++) {
            double v = mean + sd * rnd.nextGaussian();
            for (int b = 0; b < c.length; b++) {
                if (v >= edges[b] && v < edges[b + 1]) {
                    c[b]++;
                    break;
                }
            }
        }
        return new Series(label, c, under, over, false);
    }

    static Series density(Series s, double[] edges) {
        double total = 0;
        for (double c : s.counts()) {
            total += c;
        }
        double[] d = new double[s.counts().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.counts()[i] / (total * (edges[i + 1] - edges[i]));
        }
        return new Series(s.label(), d, s.underflow(), s.overflow(), true);
    }
}
