package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evaluations;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Params;

/**
 * {@code rare-objects}: does the model keep what training never showed it? The domain injects rare
 * objects ({@link org.realitycheck.core.Probes#injections}: point sources, companions and clumps next to galaxies; curling,
 * displaced and kinked tracks) and judges each output with {@link org.realitycheck.core.Probes#recovered} (flux and position,
 * or track parameters, within the domain's tolerance of the truth). The conventional method gets the
 * same inputs: it is the reference for what the data allows (an estimate it rejected recovers nothing).
 *
 * <p>Metrics: {@code recovered_fraction} and {@code conventional_recovered_fraction} (Clopper–Pearson),
 * {@code recovered_fraction_minus_conventional} and {@code recovered_fraction_ratio} (model over
 * conventional; both with paired bootstrap intervals, injections resampled together), and per injection
 * subtype (covariate {@code subtype} or {@code inj_type}) {@code subtype<k>.recovered_fraction},
 * {@code subtype<k>.conventional_recovered_fraction} and
 * {@code subtype<k>.recovered_fraction_minus_conventional}. Artifacts: a table per subtype and, for
 * image outputs with an injected position ({@code inj_x}, {@code inj_y}), a gallery of missed
 * injections.
 */
public final class RareObjectsCheck implements Check {
    public static final String ID = "rare-objects";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Rare objects";
    }

    @Override
    public String protectsAgainst() {
        return "A model that loses objects it never saw in training (point sources, companions; curling or kinked "
                + "tracks) which the conventional method recovers.";
    }

    @Override
    public String headline() {
        return "recovered_fraction";
    }

    @Override
    public Map<String, Object> defaultParams() {
        return Map.of("injections", 300, "resamples", 300, "gallery", 6);
    }

    @Override
    public void validateParams(Params p) {
        if (p.getInt("injections") < 1) {
            throw new IllegalArgumentException("injections must be >= 1, got " + p.getInt("injections"));
        }
        if (p.getInt("resamples") < 20) {
            throw new IllegalArgumentException("resamples must be >= 20, got " + p.getInt("resamples"));
        }
        if (p.getInt("gallery") < 0 || p.getInt("gallery") > 6) {
            throw new IllegalArgumentException("gallery must be in [0, 6], got " + p.getInt("gallery"));
        }
    }

    @Override
    public List<String> metricNames(Domain domain) {
        return List.of("recovered_fraction", "conventional_recovered_fraction", "recovered_fraction_minus_conventional",
                "recovered_fraction_ratio", "subtype*.recovered_fraction", "subtype*.conventional_recovered_fraction",
                "subtype*.recovered_fraction_minus_conventional");
    }

    @Override
    public Evidence measure(CheckContext ctx) {
        Params p = ctx.params();
        Domain domain = ctx.domain();
        Evaluations ev = ctx.evaluations();
        SampleSet set = ev.injections(p.getInt("injections"));
        if (!set.allHaveTargets()) {
            return Evidence.skipped("the injections have no truth to judge recovery against");
        }
        List<Estimate> conv = ev.conventional(set);
        List<float[]> model = ev.model(set);
        int n = set.size();
        boolean[] rm = new boolean[n];
        boolean[] rc = new boolean[n];
        ev.timed("statistics", () -> {
            for (int i = 0; i < n; i++) {
                Sample s = set.get(i);
                rm[i] = domain.probes().recovered(model.get(i), s);
                Estimate e = conv.get(i);
                rc[i] = e.valid() && domain.probes().recovered(e.value(), s);
            }
            return null;
        });
        int resamples = p.getInt("resamples");
        long seed = ctx.seed();
        String method = domain.reference().conventionalMethod().name();
        Evidence out = Evidence.create();
        out.metric(CheckSupport.rate("recovered_fraction", CheckSupport.count(rm), n, "Fraction of the " + n
                + " injected rare objects the model's output recovers (the domain's flux/position or parameter "
                + "tolerance; 95% Clopper-Pearson)."));
        out.metric(CheckSupport.rate("conventional_recovered_fraction", CheckSupport.count(rc), n, "The same fraction "
                + "for the conventional method (" + method + "); a rejected input is not recovered (95% Clopper-Pearson)."));
        out.metric(CheckSupport.pairedDifference("recovered_fraction_minus_conventional", CheckSupport.asDoubles(rm),
                CheckSupport.asDoubles(rc), resamples, seed, "", "Model recovered fraction minus the conventional "
                        + "method's on the same injections (95% paired bootstrap interval, " + resamples + " resamples)."));
        out.metric(CheckSupport.ratio("recovered_fraction_ratio", rm, rc, resamples, seed, "Model recovered fraction "
                + "over the conventional method's (95% paired bootstrap interval); undefined when the conventional "
                + "method recovers none."));
        if (CheckSupport.count(rc) == 0) {
            out.note(method + " recovered none of the injections, so the ratio is undefined.");
        }
        out.note("recovered means, for domain " + domain.name() + ": " + domain.probes().recoveryTolerances().stream()
                .map(t -> t.name() + " <= " + t.value() + (t.unit().isEmpty() ? "" : " " + t.unit()) + " (" + t.meaning() + ")")
                .collect(java.util.stream.Collectors.joining("; ")) + ".");

        Map<Integer, List<Integer>> byType = CheckSupport.subtypes(set);
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byType.entrySet()) {
            int k = e.getKey();
            List<Integer> idx = e.getValue();
            boolean[] sm = new boolean[idx.size()];
            boolean[] sc = new boolean[idx.size()];
            for (int j = 0; j < idx.size(); j++) {
                sm[j] = rm[idx.get(j)];
                sc[j] = rc[idx.get(j)];
            }
            String name = CheckSupport.nameFromIds(set, idx, "subtype " + k);
            String pre = "subtype" + k + ".";
            Metric fm = CheckSupport.rate(pre + "recovered_fraction", CheckSupport.count(sm), idx.size(), "Recovered "
                    + "fraction of the model on the " + idx.size() + " injections of subtype " + k + " (" + name
                    + "; 95% Clopper-Pearson).");
            Metric fc = CheckSupport.rate(pre + "conventional_recovered_fraction", CheckSupport.count(sc), idx.size(),
                    "The same for the conventional method on subtype " + k + " (" + name + ").");
            Metric fd = CheckSupport.pairedDifference(pre + "recovered_fraction_minus_conventional",
                    CheckSupport.asDoubles(sm), CheckSupport.asDoubles(sc), resamples, seed, "", "Model minus "
                            + "conventional recovered fraction on subtype " + k + " (" + name
                            + "; 95% paired bootstrap interval).");
            out.metric(fm).metric(fc).metric(fd);
            rows.add(List.of(Integer.toString(k), name, Integer.toString(idx.size()), cell(fm), cell(fc), cell(fd)));
        }
        if (!rows.isEmpty()) {
            out.artifact(new Artifact.Table("by_subtype", "Recovered fraction per injection subtype",
                    "Recovered fraction of the model and of " + method + " per kind of rare object, with 95% intervals; "
                            + "the model should keep up with the conventional method on every kind.",
                    List.of("subtype", "kind", "injections", "model", method, "model - " + method), rows));
        }
        gallery(set, model, conv, rm, rc, p.getInt("gallery"), method).ifPresent(out::artifact);
        return out;
    }

    private static String cell(Metric m) {
        if (Double.isNaN(m.value())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%s [%s, %s]", Judge.fmt(round(m.value())), Judge.fmt(round(m.low())),
                Judge.fmt(round(m.high())));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * Missed injections (those the conventional method recovered first), reference plane: input | model |
     * conventional | truth, the injected position circled. Only for image outputs whose injections carry
     * {@code inj_x} and {@code inj_y}.
     */
    private static Optional<Artifact> gallery(SampleSet set, List<float[]> model, List<Estimate> conv, boolean[] rm,
            boolean[] rc, int rows, String method) {
        Optional<CheckSupport.Plane> tp = CheckSupport.plane(set.targetShape());
        if (tp.isEmpty() || rows == 0 || set.isEmpty() || !CheckSupport.has(set.get(0), "inj_x", "inj_y")) {
            return Optional.empty();
        }
        CheckSupport.Plane pl = tp.get();
        Optional<CheckSupport.Plane> cp = CheckSupport.plane(set.conditionShape())
                .filter(c -> c.width() == pl.width() && c.height() == pl.height());
        List<Integer> pick = new ArrayList<>();
        for (int pass = 0; pass < 2 && pick.size() < rows; pass++) {
            for (int i = 0; i < set.size() && pick.size() < rows; i++) {
                if (!rm[i] && (pass == 0) == rc[i]) {
                    pick.add(i);
                }
            }
        }
        if (pick.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        cp.ifPresent(c -> columns.add("input"));
        columns.addAll(List.of("model", method, "truth"));
        List<Artifact.ImageRow> out = new ArrayList<>();
        for (int i : pick) {
            Sample s = set.get(i);
            List<float[]> panels = new ArrayList<>();
            cp.ifPresent(c -> panels.add(c.of(s.condition())));
            panels.add(pl.of(model.get(i)));
            panels.add(pl.of(conv.get(i).value()));
            panels.add(pl.of(s.target().orElseThrow()));
            double x = s.covariate("inj_x").getAsDouble();
            double y = s.covariate("inj_y").getAsDouble();
            double r = s.covariate("inj_radius").orElse(3);
            List<Artifact.Marker> markers = new ArrayList<>();
            for (int k = 0; k < panels.size(); k++) {
                markers.add(new Artifact.Marker(k, x, y, r, "injected"));
            }
            out.add(new Artifact.ImageRow(s.id() + ": missed by the model, " + (rc[i] ? "" : "also ") + (rc[i]
                    ? "recovered by " + method : "missed by " + method), panels, markers));
        }
        return Optional.of(new Artifact.Images("missed", "Missed rare objects",
                "Injections the model did not recover (first those " + method + " recovered), reference plane; the "
                        + "circle marks the injected object.", pl.width(), pl.height(), "", columns, out));
    }
}
