package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.realitycheck.core.Probes;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.validation.Accumulator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.Chunk;
import org.realitycheck.validation.SetRequest;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Evaluations;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Params;

/**
 * {@code hallucination.empty-fields}: what a model claims to see where there is nothing. The model and
 * the conventional method run on the domain's {@link org.realitycheck.core.Probes#emptyInputs empty inputs} (sky-only fields,
 * noise-only hits); on the user's own data, on its samples of the same kind (its own empty fields, with its
 * own instrument) when it has any, which need no truth; {@link org.realitycheck.core.Probes#detect} judges every output.
 *
 * <p>Metrics:
 * <ul>
 *   <li>{@code detection_rate}: fraction of fields whose output has at least one detection
 *       (Clopper–Pearson); {@code conventional_detection_rate} the same for the conventional method (an
 *       estimate the method rejected, {@link Estimate#valid()} false, detects nothing);
 *       {@code detection_rate_minus_conventional} with a paired bootstrap interval (fields resampled
 *       together, so the noise both methods saw cancels); {@code conventional_acceptance_rate}, the
 *       fraction of fields the conventional method accepted at all (HEP: the helix fit's acceptance of
 *       noise-only hits, next to the model's "the hits accept its track").</li>
 *   <li>The light an output puts on an empty field, measured against zero, for domains whose outputs
 *       carry light: {@code spurious_flux}, the mean over fields of the output's integrated flux (with
 *       per-field values, so a policy can also ask that most fields stay near zero), with a bootstrap
 *       interval; {@code conventional_spurious_flux}; {@code spurious_flux_minus_conventional} (paired
 *       bootstrap); and {@code spurious_signal} / {@code conventional_spurious_signal}, the mean flux of
 *       what the detector found ({@link Probes.Detections#spuriousSignal()}). Diffuse light below the
 *       detection threshold is invisible to the detector but not to the integrated flux: a model that
 *       spreads 100 counts over a blank field has no 5σ source yet fakes a faint galaxy.</li>
 * </ul>
 * The flux is the domain observable named by the parameter {@code flux_observable}: {@code auto} takes
 * {@code flux_total}, else {@code flux}, else the first observable whose name starts with {@code flux};
 * without one, an image-shaped output's reference plane is summed ({@link CheckSupport#plane}); outputs
 * that are neither (track parameters) carry no light, so the light metrics are not measured and the
 * detection rate is what the policy judges ({@code none} forces that). Artifacts: the per-field flux of
 * model and conventional method (or, without light, the forward-model log10 χ²/ndf of each output on the
 * empty inputs), and a gallery of the worst fields for image outputs.
 */
public final class EmptyFieldsCheck implements Check {
    public static final String ID = "hallucination.empty-fields";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Hallucination on empty fields";
    }

    @Override
    public String protectsAgainst() {
        return "A model that invents objects or light where the input holds nothing but noise.";
    }

    @Override
    public String headline() {
        return "detection_rate";
    }

    @Override
    public Map<String, Object> defaultParams() {
        return Map.of("fields", 500, "resamples", 300, "gallery", 6, "bins", 50, "flux_observable", "auto");
    }

    @Override
    public void validateParams(Params p) {
        if (p.getInt("fields") < 1) {
            throw new IllegalArgumentException("fields must be >= 1, got " + p.getInt("fields"));
        }
        if (p.getInt("resamples") < 20) {
            throw new IllegalArgumentException("resamples must be >= 20, got " + p.getInt("resamples"));
        }
        if (p.getInt("gallery") < 0 || p.getInt("gallery") > 6) {
            throw new IllegalArgumentException("gallery must be in [0, 6], got " + p.getInt("gallery"));
        }
        if (p.getInt("bins") < 5 || p.getInt("bins") > 200) {
            throw new IllegalArgumentException("bins must be in [5, 200], got " + p.getInt("bins"));
        }
        if (p.getString("flux_observable").isBlank()) {
            throw new IllegalArgumentException("flux_observable must be auto, none or an observable name, got ''");
        }
    }

    @Override
    public List<String> metricNames(Domain domain) {
        List<String> names = new ArrayList<>(List.of("detection_rate", "conventional_detection_rate",
                "detection_rate_minus_conventional", "conventional_acceptance_rate"));
        names.addAll(List.of("spurious_flux", "conventional_spurious_flux", "spurious_flux_minus_conventional",
                "spurious_signal", "conventional_spurious_signal", NonFinite.COUNT, NonFinite.FRACTION));
        return names;
    }

    /** How the light on a field is measured, or empty when the outputs carry none. */
    private record Light(String what, String unit, java.util.function.ToDoubleBiFunction<float[], Sample> flux) {
    }

    static Optional<Observable> fluxObservable(Domain domain, String param) {
        List<Observable> obs = domain.reference().observables();
        if (param.equals("none")) {
            return Optional.empty();
        }
        if (!param.equals("auto")) {
            return Optional.of(obs.stream().filter(o -> o.name().equals(param)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("flux_observable '" + param + "' is not an observable of "
                            + domain.name() + "; its observables are " + obs.stream().map(Observable::name).toList())));
        }
        for (String name : List.of("flux_total", "flux")) {
            Optional<Observable> o = obs.stream().filter(x -> x.name().equals(name)).findFirst();
            if (o.isPresent()) {
                return o;
            }
        }
        return obs.stream().filter(x -> x.name().startsWith("flux")).findFirst();
    }

    private static Optional<Light> light(Domain domain, String param, long[] targetShape) {
        Optional<Observable> o = fluxObservable(domain, param);
        if (o.isPresent()) {
            Observable f = o.get();
            return Optional.of(new Light("the domain observable " + f.name(), f.unit(), f::compute));
        }
        if (param.equals("none")) {
            return Optional.empty();
        }
        return CheckSupport.plane(targetShape).map(pl -> new Light("the sum of the output's reference plane", "",
                (out, s) -> {
                    double sum = 0;
                    for (int i = pl.offset(); i < pl.offset() + pl.size(); i++) {
                        sum += out[i];
                    }
                    return sum;
                }));
    }

    /** Which set the check reads: the user's own empty fields when the data has some, else the domain's. */
    private record Source(SetRequest request, String note) {
    }

    private static Source source(CheckContext ctx) {
        Params p = ctx.params();
        Evaluations ev = ctx.evaluations();
        if (ev.simulated()) {
            return new Source(SetRequest.emptyInputs(p.getInt("fields")), null);
        }
        // the user's own empty fields (samples of the kind the domain gives its empty inputs) carry the data's instrument
        String kind = ev.emptyInputs(1).get(0).kind();
        SampleSet own = ev.heldOut().ofKind(kind);
        if (!own.isEmpty()) {
            return new Source(SetRequest.heldOutOfKind(kind), "on the data's own " + own.size() + " samples of kind '"
                    + kind + "'");
        }
        return new Source(SetRequest.emptyInputs(p.getInt("fields")), "the data holds no samples of kind '" + kind
                + "': on " + p.getInt("fields") + " empty inputs simulated by the domain with its default instrument");
    }

    @Override
    public List<SetRequest> plan(CheckContext ctx) {
        return List.of(source(ctx).request());
    }

    @Override
    public Accumulator accumulator(CheckContext ctx) {
        return new Acc(ctx.params().getString("flux_observable"), ctx.params().getInt("gallery"), source(ctx).note());
    }

    /** Column of each per-field value in {@link Acc#fields}. */
    private static final int DET_M = 0;
    private static final int COUNT_M = 1;
    private static final int SIGNAL_M = 2;
    private static final int DET_C = 3;
    private static final int VALID_C = 4;
    private static final int SIGNAL_C = 5;
    private static final int FLUX_M = 6;
    private static final int FLUX_C = 7;
    private static final int CHI_M = 8;
    private static final int CHI_C = 9;
    private static final int WIDTH = 10;

    /**
     * Per field, by global index: detections and signal of model and conventional method, whether the method
     * accepted the field, the light of both (or, without light, the log10 forward χ²/ndf of both); the worst
     * fields' panels for the gallery; non-finite outputs.
     */
    private static final class Acc implements Accumulator {
        private static final long serialVersionUID = 1L;
        private final String fluxParam;
        private final String sourceNote;
        private final Columns fields = new Columns(WIDTH);
        private final Picks worst;
        private final NonFinite nonFinite = new NonFinite();
        private boolean light;
        private boolean shapesKnown;
        private long[] conditionShape;
        private long[] targetShape;

        Acc(String fluxParam, int gallery, String sourceNote) {
            this.fluxParam = fluxParam;
            this.sourceNote = sourceNote;
            this.worst = new Picks(gallery);
        }

        @Override
        public void add(Chunk c) {
            if (c.size() == 0) {
                return;
            }
            Domain domain = c.domain();
            Optional<Light> l = light(domain, fluxParam, c.samples().targetShape());
            light = l.isPresent();
            shapesKnown = true;
            conditionShape = c.samples().conditionShape();
            targetShape = c.samples().targetShape();
            Optional<CheckSupport.Plane> tp = CheckSupport.plane(targetShape);
            Optional<CheckSupport.Plane> cp = tp.flatMap(pl -> CheckSupport.plane(conditionShape)
                    .filter(x -> x.width() == pl.width() && x.height() == pl.height()));
            var fm = domain.reference().forwardModel();
            double[] row = new double[WIDTH];
            for (int i = 0; i < c.size(); i++) {
                Sample s = c.sample(i);
                float[] out = c.output(i);
                nonFinite.add(c.index(i), s.id(), out);
                Arrays.fill(row, 0);
                Probes.Detections dm = domain.probes().detect(out, s);
                row[DET_M] = dm.count() > 0 ? 1 : 0;
                row[COUNT_M] = dm.count();
                row[SIGNAL_M] = dm.spuriousSignal();
                Estimate e = c.conventional(i);
                row[VALID_C] = e.valid() ? 1 : 0;
                if (e.valid()) {
                    Probes.Detections dc = domain.probes().detect(e.value(), s);
                    row[DET_C] = dc.count() > 0 ? 1 : 0;
                    row[SIGNAL_C] = dc.spuriousSignal();
                }
                if (l.isPresent()) {
                    row[FLUX_M] = l.get().flux().applyAsDouble(out, s);
                    // a rejected estimate claims nothing, so it puts no light on the field
                    row[FLUX_C] = e.valid() ? l.get().flux().applyAsDouble(e.value(), s) : 0;
                } else {
                    row[CHI_M] = Math.log10(fm.consistency(out, s).chi2PerNdf());
                    row[CHI_C] = e.valid() || NonFinite.finite(e.value()) ? Math.log10(fm.consistency(e.value(), s).chi2PerNdf())
                            : Double.NaN;
                }
                fields.add(c.index(i), row);
                double flux = l.isPresent() ? row[FLUX_M] : 0;
                double[] key = {-dm.count(), Double.isNaN(flux) ? Double.NEGATIVE_INFINITY : -flux};
                if (tp.isPresent() && worst.wants(key, c.index(i))) {
                    CheckSupport.Plane pl = tp.get();
                    List<float[]> panels = new ArrayList<>();
                    cp.ifPresent(x -> panels.add(x.of(s.condition())));
                    float[] m = pl.of(out);
                    panels.add(m);
                    panels.add(pl.of(e.value()));
                    int k = CheckSupport.argmax(m);
                    worst.add(new Picks.Pick(c.index(i), key, s.id(), panels,
                            new double[] {dm.count(), flux, k % pl.width() + 0.5, k / pl.width() + 0.5}));
                }
            }
        }

        @Override
        public void merge(Accumulator other) {
            Acc o = (Acc) other;
            fields.merge(o.fields);
            worst.merge(o.worst);
            nonFinite.merge(o.nonFinite);
            if (!shapesKnown && o.shapesKnown) {
                shapesKnown = true;
                light = o.light;
                conditionShape = o.conditionShape;
                targetShape = o.targetShape;
            }
        }

        @Override
        public Evidence finish(CheckContext ctx) {
            if (fields.rows() == 0) {
                return Evidence.skipped("no empty inputs to run on");
            }
            return evidence(ctx, this);
        }
    }

    private static Evidence evidence(CheckContext ctx, Acc acc) {
        Params p = ctx.params();
        Domain domain = ctx.domain();
        Columns.Sorted f = acc.fields.sorted();
        int n = f.size();
        int resamples = p.getInt("resamples");
        long seed = ctx.seed();
        boolean[] modelDet = bools(f.column(DET_M));
        boolean[] convDet = bools(f.column(DET_C));
        boolean[] convValid = bools(f.column(VALID_C));
        double[] modelSignal = f.column(SIGNAL_M);
        double[] convSignal = f.column(SIGNAL_C);
        double[] modelFlux = f.column(FLUX_M);
        double[] convFlux = f.column(FLUX_C);

        Evidence out = Evidence.create();
        if (acc.sourceNote != null) {
            out.note(acc.sourceNote);
        }
        String method = domain.reference().conventionalMethod().name();
        int km = CheckSupport.count(modelDet);
        int kc = CheckSupport.count(convDet);
        out.metric(CheckSupport.rate("detection_rate", km, n, "Fraction of the " + n
                + " empty inputs where the domain's detector finds at least one object in the model's output "
                + "(95% Clopper-Pearson interval)."));
        out.metric(CheckSupport.rate("conventional_detection_rate", kc, n, "The same fraction for the conventional "
                + "method (" + method + "); an input it rejects counts as no detection (95% Clopper-Pearson)."));
        out.metric(CheckSupport.pairedDifference("detection_rate_minus_conventional", CheckSupport.asDoubles(modelDet),
                CheckSupport.asDoubles(convDet), resamples, seed, "", "Model detection rate minus the conventional "
                        + "method's on the same inputs (95% paired bootstrap interval, " + resamples + " resamples)."));
        out.metric(CheckSupport.rate("conventional_acceptance_rate", CheckSupport.count(convValid), n,
                "Fraction of the empty inputs the conventional method accepts as holding something at all "
                        + "(a valid estimate; 95% Clopper-Pearson)."));

        if (acc.light) {
            Light l = light(domain, p.getString("flux_observable"), acc.targetShape).orElseThrow();
            int undefined = n - CheckSupport.finite(modelFlux).length;
            String fluxText = "Mean over the " + n + " empty fields of the total light in the model's output, measured "
                    + "against zero as " + l.what() + " (95% bootstrap interval of the mean); per-field values are "
                    + "kept for 'mostly' thresholds.";
            if (undefined > 0) {
                // an output whose light cannot be measured (NaN, infinite pixels) must not pass as dark
                out.note(undefined + " of " + n + " model outputs have no finite flux: spurious_flux is undefined.");
                out.metric(Metric.of("spurious_flux", Double.NaN, l.unit(), fluxText), modelFlux.clone());
            } else {
                out.metric(CheckSupport.mean("spurious_flux", modelFlux, resamples, seed, l.unit(), fluxText),
                        modelFlux.clone());
            }
            out.metric(CheckSupport.mean("conventional_spurious_flux", convFlux, resamples, seed, l.unit(),
                    "The same mean for the conventional method (" + method + "), 0 where it rejects the input "
                            + "(95% bootstrap interval)."));
            String diffText = "Mean per-field light of the model minus the conventional method's on the same fields "
                    + "(95% paired bootstrap interval).";
            out.metric(undefined > 0
                    ? Metric.of("spurious_flux_minus_conventional", Double.NaN, l.unit(), diffText)
                    : CheckSupport.pairedDifference("spurious_flux_minus_conventional", modelFlux, convFlux, resamples,
                            seed, l.unit(), diffText));
            out.metric(CheckSupport.mean("spurious_signal", modelSignal, resamples, seed, l.unit(), "Mean per field of "
                    + "the signal of what the detector found in the model's output (0 on fields without a detection; "
                    + "95% bootstrap interval)."));
            out.metric(CheckSupport.mean("conventional_spurious_signal", convSignal, resamples, seed, l.unit(),
                    "The same for the conventional method (95% bootstrap interval)."));
            CheckSupport.histograms("spurious_flux", "Light on empty fields",
                    "Per-field total light (" + l.what() + ") of the model and of " + method + " on " + n
                            + " empty fields; an honest output stays near zero, like the conventional method.",
                    "total flux on an empty field", l.unit(), p.getInt("bins"), true,
                    CheckSupport.series("model", modelFlux, method, convFlux)).ifPresent(out::artifact);
            out.note("Light on an empty field is measured as " + l.what() + ", against zero.");
        } else {
            out.note("The outputs carry no light (no flux observable and no image output), so only the detection "
                    + "rate is measured: an output counts as a detection when the domain's detector accepts it.");
            CheckSupport.histograms("forward_chi2", "How well the empty inputs explain each output",
                    "log10 of the forward-model chi2/ndf of the model's and " + method + "'s outputs against the "
                            + n + " empty inputs; an output the inputs accept sits near 0 (chi2/ndf = 1), an honest "
                            + "one far above.", "log10(chi2/ndf)", "", p.getInt("bins"), false,
                    CheckSupport.series("model", f.column(CHI_M), method, f.column(CHI_C))).ifPresent(out::artifact);
        }
        acc.nonFinite.report(out, "on the empty inputs", "they count as detections where the detector says so, and "
                + "their light is undefined");
        Galleries.worstFields(acc.worst.picks(), acc.targetShape, acc.conditionShape, acc.light, method)
                .ifPresent(out::artifact);
        return out;
    }

    private static boolean[] bools(double[] x) {
        boolean[] b = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = x[i] != 0;
        }
        return b;
    }

}
