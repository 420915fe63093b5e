package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Accumulator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.Chunk;
import org.realitycheck.validation.SetRequest;
import org.realitycheck.validation.CheckContext;
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
                "subtype*.recovered_fraction_minus_conventional", NonFinite.COUNT, NonFinite.FRACTION);
    }

    @Override
    public List<SetRequest> plan(CheckContext ctx) {
        return List.of(SetRequest.injections(ctx.params().getInt("injections")));
    }

    @Override
    public Accumulator accumulator(CheckContext ctx) {
        return new Acc(ctx.params().getInt("gallery"));
    }

    /** Marks a subtype whose samples' ids do not agree on a name. */
    private static final String NO_NAME = "";

    /**
     * Per injection, by global index: recovered by the model, by the conventional method, and its subtype
     * covariates; per subtype the name its ids agree on; the missed injections' panels; non-finite outputs.
     */
    private static final class Acc implements Accumulator {
        private static final long serialVersionUID = 1L;
        private final Columns rows = new Columns(2 + CheckSupport.SUBTYPE_COVARIATES.size());
        private final TreeMap<String, String> names = new TreeMap<>();
        private final Picks missedFirst;
        private final Picks missedBoth;
        private final NonFinite nonFinite = new NonFinite();
        private long withoutTruth;
        private boolean firstHasPosition;
        private long[] conditionShape;
        private long[] targetShape;

        Acc(int gallery) {
            missedFirst = new Picks(gallery);
            missedBoth = new Picks(gallery);
        }

        @Override
        public void add(Chunk c) {
            if (c.size() == 0) {
                return;
            }
            Domain domain = c.domain();
            conditionShape = c.samples().conditionShape();
            targetShape = c.samples().targetShape();
            Optional<CheckSupport.Plane> tp = CheckSupport.plane(targetShape);
            Optional<CheckSupport.Plane> cp = tp.flatMap(pl -> CheckSupport.plane(conditionShape)
                    .filter(x -> x.width() == pl.width() && x.height() == pl.height()));
            int nc = CheckSupport.SUBTYPE_COVARIATES.size();
            double[] row = new double[2 + nc];
            for (int i = 0; i < c.size(); i++) {
                Sample s = c.sample(i);
                long index = c.index(i);
                float[] out = c.output(i);
                nonFinite.add(index, s.id(), out);
                if (s.target().isEmpty()) {
                    withoutTruth++;
                    continue;
                }
                boolean rm = domain.probes().recovered(out, s);
                Estimate e = c.conventional(i);
                boolean rc = e.valid() && domain.probes().recovered(e.value(), s);
                row[0] = rm ? 1 : 0;
                row[1] = rc ? 1 : 0;
                for (int j = 0; j < nc; j++) {
                    String cov = CheckSupport.SUBTYPE_COVARIATES.get(j);
                    var v = s.covariate(cov);
                    row[2 + j] = v.isPresent() && Double.isFinite(v.getAsDouble()) ? Math.round(v.getAsDouble()) : Double.NaN;
                    if (!Double.isNaN(row[2 + j])) {
                        name(cov + ":" + (long) row[2 + j], CheckSupport.nameOfId(s.id()));
                    }
                }
                rows.add(index, row);
                boolean position = CheckSupport.has(s, "inj_x", "inj_y");
                firstHasPosition |= index == 0 && position;
                Picks pick = rm ? null : rc ? missedFirst : missedBoth;
                if (pick != null && tp.isPresent() && position && pick.wants(new double[0], index)) {
                    CheckSupport.Plane pl = tp.get();
                    List<float[]> panels = new ArrayList<>();
                    cp.ifPresent(x -> panels.add(x.of(s.condition())));
                    panels.add(pl.of(out));
                    panels.add(pl.of(e.value()));
                    panels.add(pl.of(s.target().orElseThrow()));
                    pick.add(new Picks.Pick(index, new double[0], s.id(), panels, new double[] {
                        s.covariate("inj_x").getAsDouble(), s.covariate("inj_y").getAsDouble(),
                        s.covariate("inj_radius").orElse(3), rc ? 1 : 0}));
                }
            }
        }

        private void name(String key, String name) {
            names.merge(key, name == null ? NO_NAME : name, (a, b) -> a.equals(b) ? a : NO_NAME);
        }

        @Override
        public void merge(Accumulator other) {
            Acc o = (Acc) other;
            rows.merge(o.rows);
            o.names.forEach(this::name);
            missedFirst.merge(o.missedFirst);
            missedBoth.merge(o.missedBoth);
            nonFinite.merge(o.nonFinite);
            withoutTruth += o.withoutTruth;
            firstHasPosition |= o.firstHasPosition;
            conditionShape = conditionShape == null ? o.conditionShape : conditionShape;
            targetShape = targetShape == null ? o.targetShape : targetShape;
        }

        @Override
        public Evidence finish(CheckContext ctx) {
            if (withoutTruth > 0 || rows.rows() == 0) {
                return Evidence.skipped("the injections have no truth to judge recovery against");
            }
            return evidence(ctx, this);
        }
    }

    private static Evidence evidence(CheckContext ctx, Acc acc) {
        Params p = ctx.params();
        Domain domain = ctx.domain();
        Columns.Sorted sorted = acc.rows.sorted();
        int n = sorted.size();
        boolean[] rm = new boolean[n];
        boolean[] rc = new boolean[n];
        for (int i = 0; i < n; i++) {
            rm[i] = sorted.column(0)[i] != 0;
            rc[i] = sorted.column(1)[i] != 0;
        }
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

        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < CheckSupport.SUBTYPE_COVARIATES.size(); j++) {
            String cov = CheckSupport.SUBTYPE_COVARIATES.get(j);
            Map<Integer, List<Integer>> byType = new TreeMap<>();
            double[] type = sorted.column(2 + j);
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(type[i])) {
                    byType.computeIfAbsent((int) type[i], k -> new ArrayList<>()).add(i);
                }
            }
            if (byType.isEmpty()) {
                continue;
            }
            for (Map.Entry<Integer, List<Integer>> e : byType.entrySet()) {
                int k = e.getKey();
                List<Integer> idx = e.getValue();
                boolean[] sm = new boolean[idx.size()];
                boolean[] sc = new boolean[idx.size()];
                for (int q = 0; q < idx.size(); q++) {
                    sm[q] = rm[idx.get(q)];
                    sc[q] = rc[idx.get(q)];
                }
                String found = acc.names.getOrDefault(cov + ":" + k, NO_NAME);
                String name = found.equals(NO_NAME) ? "subtype " + k : found;
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
            break;
        }
        if (!rows.isEmpty()) {
            out.artifact(new Artifact.Table("by_subtype", "Recovered fraction per injection subtype",
                    "Recovered fraction of the model and of " + method + " per kind of rare object, with 95% intervals; "
                            + "the model should keep up with the conventional method on every kind.",
                    List.of("subtype", "kind", "injections", "model", method, "model - " + method), rows));
        }
        acc.nonFinite.report(out, "on the injections", "an output with them recovers nothing the tolerances accept");
        Galleries.missed(acc.missedFirst.picks(), acc.missedBoth.picks(), acc.firstHasPosition, acc.targetShape,
                acc.conditionShape, p.getInt("gallery"), method).ifPresent(out::artifact);
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

}
