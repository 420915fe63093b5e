package org.realitycheck.hep;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.event.Events;
import org.realitycheck.hep.fit.HelixFitMethod;
import org.realitycheck.hep.fit.TrackForwardModel;
import org.realitycheck.hep.gan.TrackGan;
import org.realitycheck.hep.io.TrackMlReader;
import org.realitycheck.hep.io.TrackMlWriter;
import org.realitycheck.hep.observables.TrackObservable;
import org.realitycheck.hep.sim.Detector;
import org.realitycheck.hep.sim.Kink;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Track reconstruction as a realitycheck {@link Domain} ({@code hep}). One sample is one track:
 * condition = its hits ({@link HitVector}: 10 layers × (x, y, z) mm + 10 mask values = 40 floats),
 * target = the perigee parameters {@code [q/pT (1/GeV), φ0 (rad), d0 (mm), z0 (mm), cotθ]}. The
 * conventional method is the Karimäki helix fit ({@link HelixFitMethod}); the forward model
 * re-projects parameters onto the layers ({@link TrackForwardModel}). Kinds: {@code track},
 * {@code noise} (one random hit per layer, no particle, no target) and {@code injected} (covariate
 * {@code subtype}: 1 = low-p_T curler, 2 = large d0, 3 = kink from a decay in flight; the target is the
 * parent's truth).
 *
 * <p>The GAN is trained on the fit's parameters ({@link #withFitTargets}), as in the talk; validation
 * sets keep the truth. The primary covariate is {@code pt}: it sets the curvature, which is what the
 * GAN has to compute from the hits; below the training range tracks curl and lose layers, above it
 * the sagitta drops under the resolution. η only changes the z-lever arm in this full-coverage barrel.
 *
 * <p>Simulation options ({@link #simulate}): {@code pt-min}, {@code pt-max} (GeV), {@code eta-min},
 * {@code eta-max}, {@code d0-sigma}, {@code z0-sigma} (mm), {@code efficiency}, {@code multiple-scattering}
 * (true/false), {@code tracks-per-event} (for ids and files, default 100), {@code noise-hits-per-layer}
 * (files only, default 0).
 */
public final class HepDomain implements Domain {
    /** Forward-model χ²/ndf below which an output counts as a track the hits accept ({@link #detect}). */
    public static final double DETECT_CHI2_NDF = HelixFitMethod.CHI2_NDF_CUT;
    /** {@link #recovered} tolerance on |Δ(q/p_T)| relative to the true |q/p_T|. */
    public static final double RECOVER_REL_QOVERPT = 0.10;
    /** {@link #recovered} tolerance on |Δφ0|, rad. */
    public static final double RECOVER_PHI0 = 0.01;
    /** {@link #recovered} tolerance on |Δd0|, mm. */
    public static final double RECOVER_D0 = 1.0;

    /** Injection subtypes (covariate {@code subtype}). */
    public static final int CURLER = 1;
    public static final int DISPLACED = 2;
    public static final int KINK = 3;

    private static final Logger LOG = LoggerFactory.getLogger(HepDomain.class);
    private static final Set<String> OPTIONS = Set.of("pt-min", "pt-max", "eta-min", "eta-max", "d0-sigma",
            "z0-sigma", "efficiency", "multiple-scattering", "tracks-per-event", "noise-hits-per-layer");
    private static final int DEFAULT_TRACKS_PER_EVENT = 100;
    /** (m_μ/m_π)² = (105.66/139.57)² (PDG): the smallest momentum fraction a π → μν muon keeps. */
    private static final double MUON_PION_MASS_RATIO_SQ = 0.5731;

    private final Detector detector;
    private final ParticleGun gun;
    private final HelixFitMethod fit;
    private final TrackForwardModel forward;

    /** The default toy detector ({@link Detector#toy()}) and particle gun ({@link ParticleGun#defaults()}). */
    public HepDomain() {
        this(Detector.toy(), ParticleGun.defaults());
    }

    /**
     * @param detector the detector, never null
     * @param gun the particle gun of the training distribution, never null
     */
    public HepDomain(Detector detector, ParticleGun gun) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.gun = Objects.requireNonNull(gun, "gun");
        this.fit = new HelixFitMethod(detector);
        this.forward = new TrackForwardModel(detector);
    }

    public Detector detector() {
        return detector;
    }

    public ParticleGun gun() {
        return gun;
    }

    @Override
    public String name() {
        return "hep";
    }

    @Override
    public String describe() {
        return "Track reconstruction: a toy 10-layer barrel tracker in a 2 T solenoid; the GAN maps a track's hits to "
                + "its helix parameters (q/pT, phi0, d0, z0, cot theta) and is compared with the Karimaki helix fit.";
    }

    private record Config(Detector detector, ParticleGun gun, int tracksPerEvent, int noiseHitsPerLayer) {
    }

    private Config configure(Map<String, String> options) {
        Objects.requireNonNull(options, "options");
        Map<String, String> o = new HashMap<>(options);
        for (String k : o.keySet()) {
            if (!OPTIONS.contains(k)) {
                throw new IllegalArgumentException("unknown hep option '" + k + "'; known options: "
                        + String.join(", ", new TreeSet<>(OPTIONS)));
            }
        }
        ParticleGun g = gun.withPtRange(num(o, "pt-min", gun.ptMin()), num(o, "pt-max", gun.ptMax()))
                .withEtaRange(num(o, "eta-min", gun.etaMin()), num(o, "eta-max", gun.etaMax()))
                .withD0Sigma(num(o, "d0-sigma", gun.d0Sigma())).withZ0Sigma(num(o, "z0-sigma", gun.z0Sigma()));
        Detector d = detector.withEfficiency(num(o, "efficiency", detector.efficiency()));
        if (o.containsKey("multiple-scattering")) {
            String v = o.get("multiple-scattering");
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("option multiple-scattering must be true or false, got '" + v + "'");
            }
            d = d.withMultipleScattering(Boolean.parseBoolean(v));
        }
        int tpe = (int) num(o, "tracks-per-event", DEFAULT_TRACKS_PER_EVENT);
        int noise = (int) num(o, "noise-hits-per-layer", 0);
        if (tpe < 1 || noise < 0) {
            throw new IllegalArgumentException("need tracks-per-event >= 1 and noise-hits-per-layer >= 0, got " + tpe
                    + ", " + noise);
        }
        return new Config(d, g, tpe, noise);
    }

    private static double num(Map<String, String> o, String key, double dflt) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a number, got '" + v + "'");
        }
    }

    private static void checkCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
    }

    /**
     * {@code n} tracks of kind {@code track} from the particle gun, with truth targets.
     * Sample {@code i} has id {@code e<i / tracksPerEvent>-p<i % tracksPerEvent + 1>}, the same as the
     * particle written by {@link #simulateEvents} with the same arguments.
     */
    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        checkCount(n);
        Config c = configure(options);
        List<SimTrack> tracks = new TrackSimulator(c.detector()).simulate(c.gun(), n, seed);
        return TrackSamples.of(tracks, c.tracksPerEvent(), detector);
    }

    /**
     * The same {@code n} tracks as {@link #simulate}, grouped into TrackML events for
     * {@link org.realitycheck.hep.io.TrackMlWriter#write(List, Path)} ({@code realitycheck simulate hep}).
     */
    public List<Event> simulateEvents(int n, long seed, Map<String, String> options) {
        checkCount(n);
        Config c = configure(options);
        List<SimTrack> tracks = new TrackSimulator(c.detector()).simulate(c.gun(), n, seed);
        return Events.fromTracks(tracks, c.tracksPerEvent(), detector, c.noiseHitsPerLayer(), seed ^ 0x5DEECE66DL);
    }

    /** Reads a TrackML folder (or one {@code -hits.csv} file) into track samples; see {@link TrackSamples#fromEvents}. */
    @Override
    public SampleSet load(Path path) {
        return TrackSamples.fromEvents(TrackMlReader.read(path), detector);
    }

    /** Writes TrackML-style events ({@link #simulateEvents}), {@code tracks-per-event} tracks each. */
    @Override
    public void simulateInto(Path folder, int n, long seed, Map<String, String> options) {
        TrackMlWriter.write(simulateEvents(n, seed, options), folder);
    }

    /**
     * The track GAN's training set: fit targets ({@link #withFitTargets}) in the rotated frame
     * ({@link TrackGan#rotate}); {@link #adapt} undoes the rotation on the trained generator.
     */
    @Override
    public SampleSet trainingSet(SampleSet data) {
        return TrackGan.rotate(withFitTargets(data));
    }

    /** Hep models work in the rotated frame: wrap them so they take and return physical values. */
    @Override
    public Generator adapt(Generator raw) {
        return TrackGan.wrap(raw);
    }

    @Override
    public ConventionalMethod conventionalMethod() {
        return fit;
    }

    @Override
    public ForwardModel forwardModel() {
        return forward;
    }

    /**
     * Noise-only "tracks": one hit per layer, uniform in φ and uniform in z within the range real
     * tracks of the gun reach (|z| ≤ r·sinh(η_max) + 3σ(z0), at most the barrel half-length); no
     * particle, no target. The conventional fit rejects them (χ²/ndf ~ 10⁶); a GAN returns a track.
     */
    @Override
    public SampleSet emptyInputs(int n, long seed) {
        checkCount(n);
        SplittableRandom master = new SplittableRandom(seed);
        double sinhEta = Math.max(Math.abs(Math.sinh(gun.etaMin())), Math.abs(Math.sinh(gun.etaMax())));
        List<Sample> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            SplittableRandom r = master.split();
            float[] v = new float[HitVector.length(detector.layers())];
            for (int i = 0; i < detector.layers(); i++) {
                double zRange = Math.min(detector.halfLength(), detector.radius(i) * sinhEta + 3 * gun.z0Sigma());
                double[] p = Events.NoiseHits.draw(detector, i, r, zRange);
                HitVector.set(v, i, p[0], p[1], p[2]);
            }
            out.add(new Sample(String.format("noise-%06d", k), TrackSamples.NOISE, v, null,
                    Map.of("nhits", (double) detector.layers())));
        }
        return new SampleSet(out, TrackSamples.conditionShape(detector), TrackSamples.targetShape());
    }

    /**
     * Rare tracks absent from training, cycling through three subtypes: low-p_T curlers (p_T
     * log-uniform in [0.2, 0.45] GeV: 2R &lt; 1.5 m, the outer layers are lost), displaced tracks
     * (|d0| uniform in [2, 20] mm, from a long-lived decay) and kinks: a π → μν decay in flight at r
     * uniform in [120, 250] mm, kink angle ±[5, 50] mrad and a muon keeping a fraction uniform in
     * [(m_μ/m_π)², 1] = [0.573, 1] of the p_T (the lab-frame range of the two-body decay). Targets are
     * the (parent) truth.
     */
    @Override
    public SampleSet injections(int n, long seed) {
        checkCount(n);
        SplittableRandom master = new SplittableRandom(seed);
        TrackSimulator sim = new TrackSimulator(detector);
        List<Sample> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            SplittableRandom r = master.split();
            int subtype = k % 3 + 1;
            TrackParameters p = gun.draw(r);
            SimTrack t;
            String name;
            if (subtype == CURLER) {
                double pt = Math.exp(Math.log(0.2) + (Math.log(0.45) - Math.log(0.2)) * r.nextDouble());
                p = TrackParameters.of(pt, p.charge(), p.phi0(), p.d0(), p.z0(), p.cotTheta());
                t = sim.simulate(p, r);
                name = "curler";
            } else if (subtype == DISPLACED) {
                double d0 = (2 + 18 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
                p = new TrackParameters(p.qOverPt(), p.phi0(), d0, p.z0(), p.cotTheta());
                t = sim.simulate(p, r);
                name = "displaced";
            } else {
                double angle = (0.005 + 0.045 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
                double fraction = MUON_PION_MASS_RATIO_SQ + (1 - MUON_PION_MASS_RATIO_SQ) * r.nextDouble();
                Kink kink = new Kink(120 + 130 * r.nextDouble(), angle, fraction);
                t = sim.simulate(p, kink, r);
                name = "kink";
            }
            out.add(TrackSamples.of(String.format("injected-%s-%06d", name, k), TrackSamples.INJECTED, t,
                    Map.of("subtype", (double) subtype)));
        }
        return new SampleSet(out, TrackSamples.conditionShape(detector), TrackSamples.targetShape());
    }

    /**
     * Sweeps {@code pt} (log-uniform, GeV, min &gt; 0), {@code eta} (uniform) or {@code d0} (uniform, mm)
     * over {@code [min, max]}, the other parameters from the gun; other covariates are not sweepable.
     */
    @Override
    public Optional<SampleSet> covariateSweep(String covariate, double min, double max, int n, long seed) {
        checkCount(n);
        if (!(max >= min)) {
            throw new IllegalArgumentException("need min <= max, got [" + min + ", " + max + "]");
        }
        ParticleGun g;
        switch (covariate) {
            case "pt" -> g = gun.withPtRange(min, max);
            case "eta" -> g = gun.withEtaRange(min, max);
            case "d0" -> g = gun;
            default -> {
                return Optional.empty();
            }
        }
        SplittableRandom master = new SplittableRandom(seed);
        TrackSimulator sim = new TrackSimulator(detector);
        List<Sample> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            SplittableRandom r = master.split();
            TrackParameters p = g.draw(r);
            if (covariate.equals("d0")) {
                p = new TrackParameters(p.qOverPt(), p.phi0(), min + (max - min) * r.nextDouble(), p.z0(), p.cotTheta());
            }
            out.add(TrackSamples.of(String.format("sweep-%s-%06d", covariate, k), TrackSamples.TRACK, sim.simulate(p, r),
                    Map.of()));
        }
        return Optional.of(new SampleSet(out, TrackSamples.conditionShape(detector), TrackSamples.targetShape()));
    }

    @Override
    public String primaryCovariate() {
        return "pt";
    }

    @Override
    public List<Observable> observables() {
        return TrackObservable.all();
    }

    /**
     * One detection when the hits accept the output as their track: forward-model χ²/ndf below
     * {@link #DETECT_CHI2_NDF}. The spurious signal is 0 for tracks.
     */
    @Override
    public Detections detect(float[] output, Sample input) {
        double chi2ndf = forward.consistency(output, input).chi2PerNdf();
        return new Detections(chi2ndf < DETECT_CHI2_NDF ? 1 : 0, 0.0);
    }

    /**
     * True when the output has the true charge and |Δ(q/p_T)| ≤ 10% of |q/p_T|, |Δφ0| ≤ 10 mrad and
     * |Δd0| ≤ 1 mm against the sample's truth (the parent's, for kinks); false without truth. The fit
     * resolution is far inside these (σ(q/p_T)/|q/p_T| ≲ 2%, σ(φ0) ≲ 1 mrad, σ(d0) ≲ 0.1 mm).
     */
    @Override
    public boolean recovered(float[] output, Sample sample) {
        Optional<float[]> t = sample.target();
        if (t.isEmpty() || output.length != TrackParameters.SIZE) {
            return false;
        }
        float[] truth = t.get();
        for (float v : output) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return Math.signum(output[0]) == Math.signum(truth[0])
                && Math.abs(output[0] - truth[0]) <= RECOVER_REL_QOVERPT * Math.abs(truth[0])
                && Math.abs(TrackParameters.wrapAngle(output[1] - truth[1])) <= RECOVER_PHI0
                && Math.abs(output[2] - truth[2]) <= RECOVER_D0;
    }

    /**
     * MLP generator on hits ⊕ 8 noise values → 5 parameters (3 × 128 hidden) with a linear skip path
     * from the hits ({@link MlpGeneratorSpec#linearSkip()}), MLP discriminator on hits ⊕ parameters
     * (2 × 128 hidden); 128 wide keeps inference at a large batch cheap. The skip path, because in the
     * rotated frame the sagitta offsets and z are nearly linear in q/p_T and cot θ (a least-squares
     * linear read-out alone reaches 2.4× the fit's q/p_T width, 1.1× its φ0 width); measured in
     * {@link org.realitycheck.hep.gan.TrackGan}.
     */
    @Override
    public GanArchitecture defaultArchitecture() {
        int c = HitVector.length(detector.layers());
        return GanArchitecture.mlp(
                new MlpGeneratorSpec(c, 8, TrackParameters.SIZE, new int[] {128, 128, 128}).withLinearSkip(true),
                new MlpDiscriminatorSpec(c, TrackParameters.SIZE, new int[] {128, 128}));
    }

    /**
     * BCE + 1000·L1, Adam(3e-2, 0.9, 0.999), batch 512, 48 epochs with the learning rate decaying
     * linearly to zero over all of them (pix2pix's schedule), seed 42. Far from pix2pix's constant 2e-4:
     * the regression needs ~0.1% of each parameter's spread, which a constant rate never reaches (every
     * output stalled at ~3.5% of its spread), and a CPU affords few steps, so a large rate, annealed to zero,
     * with large batches (a step costs about the same at batch 128 and 512 here). Measured in
     * {@link org.realitycheck.hep.gan.TrackGan}.
     */
    @Override
    public TrainingConfig defaultTrainingConfig() {
        return new TrainingConfig(48, 512, "bce", 1000.0, 3e-2, 0.9, 0.999, 1, 0.01, 42L, 48);
    }

    /** The YAML resource {@code org/realitycheck/hep/default-policy.yaml}. */
    @Override
    public InputStream defaultPolicy() {
        InputStream in = HepDomain.class.getResourceAsStream("default-policy.yaml");
        if (in == null) {
            throw new IllegalStateException("resource org/realitycheck/hep/default-policy.yaml is missing from the jar");
        }
        return in;
    }

    /**
     * The training set of the talk's setup: each sample's target replaced by the conventional fit's
     * parameters (covariates, which carry the truth, are kept for the card's ranges). Samples the fit
     * rejects (fewer than 3 hits, χ²/ndf above the cut) are dropped, since there is no target for them.
     *
     * @param truthSet samples with hits; their targets are ignored
     * @return the samples with fit targets, same ids and order
     */
    public SampleSet withFitTargets(SampleSet truthSet) {
        List<Estimate> est = fit.estimateAll(truthSet);
        List<Sample> out = new ArrayList<>(truthSet.size());
        for (int i = 0; i < truthSet.size(); i++) {
            Estimate e = est.get(i);
            if (!e.valid()) {
                continue;
            }
            Sample s = truthSet.get(i);
            out.add(new Sample(s.id(), s.kind(), s.condition(), e.value(), s.covariates()));
        }
        if (out.size() < truthSet.size()) {
            LOG.info("withFitTargets: dropped {} of {} samples the fit rejected", truthSet.size() - out.size(),
                    truthSet.size());
        }
        return new SampleSet(out, truthSet.conditionShape(), truthSet.targetShape());
    }
}
