package org.realitycheck.hep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.train.TrainingConfig;
import org.realitycheck.hep.data.LoadReport;
import org.realitycheck.hep.data.TrackSamples;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.detector.DetectorYaml;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.fit.HelixFitMethod;
import org.realitycheck.hep.fit.TrackForwardModel;
import org.realitycheck.hep.gan.TrackGan;
import org.realitycheck.hep.io.TrackMlReader;
import org.realitycheck.hep.io.TrackMlWriter;
import org.realitycheck.hep.observables.TrackObservable;
import org.realitycheck.hep.sim.Events;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;
import org.realitycheck.hep.track.HitVector;
import org.realitycheck.hep.track.TrackParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Track reconstruction as a realitycheck {@link Domain} ({@code hep}). One sample is one track:
 * condition = its hits ({@link HitVector}: layers × (x, y, z) mm + one mask value per layer, 40 floats for
 * the default 10 layers), target = the perigee parameters {@code [q/pT (1/GeV), φ0 (rad), d0 (mm), z0 (mm),
 * cotθ]}. The conventional method is the Karimäki helix fit ({@link HelixFitMethod}); the forward model
 * re-projects parameters onto the layers ({@link TrackForwardModel}). Kinds: {@code track}, {@code noise}
 * and {@code injected} ({@link TrackProbes}).
 *
 * <p><b>The detector belongs to the data.</b> The domain works in one described detector
 * ({@link Detector}, default {@link Detector#toy()}): {@link #load} reads {@code detector.yaml} beside the
 * data and {@link #simulate} reads the file the {@code detector} option names; from then on the fit,
 * the forward model and the probes use that detector. Without a description, loading assumes the current
 * detector and says so in the log and in {@link #lastLoad()}.
 *
 * <p>The GAN is trained on the fit's parameters ({@link #withFitTargets}), as in the talk; validation
 * sets keep the truth. The primary covariate is {@code pt}: it sets the curvature, which is what the
 * GAN has to compute from the hits. Simulation options: {@link HepOptions}.
 */
public final class HepDomain implements Domain {
    /** Alias of {@link TrackRecovery#DETECT_CHI2_NDF}. */
    public static final double DETECT_CHI2_NDF = TrackRecovery.DETECT_CHI2_NDF;
    /** Alias of {@link TrackRecovery#RECOVER_REL_QOVERPT}. */
    public static final double RECOVER_REL_QOVERPT = TrackRecovery.RECOVER_REL_QOVERPT;
    /** Alias of {@link TrackRecovery#RECOVER_PHI0}. */
    public static final double RECOVER_PHI0 = TrackRecovery.RECOVER_PHI0;
    /** Alias of {@link TrackRecovery#RECOVER_D0}. */
    public static final double RECOVER_D0 = TrackRecovery.RECOVER_D0;

    /** Injection subtypes (covariate {@code subtype}), aliases of {@link TrackProbes}. */
    public static final int CURLER = TrackProbes.CURLER;
    public static final int DISPLACED = TrackProbes.DISPLACED;
    public static final int KINK = TrackProbes.KINK;

    private static final Logger LOG = LoggerFactory.getLogger(HepDomain.class);

    private final ParticleGun gun;
    /** The detector in use and what depends on it, replaced as one when data brings its own detector. */
    private volatile Setup setup;
    private volatile Loaded lastLoad;

    private record Setup(Detector detector, HelixFitMethod fit, TrackForwardModel forward, TrackProbes probes) {
        static Setup of(Detector d, ParticleGun gun) {
            return new Setup(d, new HelixFitMethod(d), new TrackForwardModel(d), new TrackProbes(d, gun));
        }
    }

    /**
     * What the last {@link #load} read.
     *
     * @param report the counts of kept, skipped and dropped tracks
     * @param detectorSource the detector description used, or {@code "assumed: …"} when the data had none
     */
    public record Loaded(LoadReport report, String detectorSource) {
    }

    /** The default toy detector ({@link Detector#toy()}) and particle gun ({@link ParticleGun#defaults()}). */
    public HepDomain() {
        this(Detector.toy(), ParticleGun.defaults());
    }

    /**
     * @param detector the detector, never null
     * @param gun the particle gun of the training distribution, never null
     */
    public HepDomain(Detector detector, ParticleGun gun) {
        this.gun = Objects.requireNonNull(gun, "gun");
        this.setup = Setup.of(Objects.requireNonNull(detector, "detector"), gun);
    }

    /** @return the detector in use: the default, or the one the last loaded or simulated data described */
    public Detector detector() {
        return setup.detector();
    }

    public ParticleGun gun() {
        return gun;
    }

    /** @return what the last {@link #load} read and left out, when there was one */
    public Optional<Loaded> lastLoad() {
        return Optional.ofNullable(lastLoad);
    }

    private void use(Detector d) {
        if (!d.equals(setup.detector())) {
            setup = Setup.of(d, gun);
        }
    }

    @Override
    public String name() {
        return "hep";
    }

    @Override
    public String describe() {
        return "Track reconstruction: a barrel tracker described as data (default: a toy 10-layer barrel in a 2 T "
                + "solenoid); the GAN maps a track's hits to "
                + "its helix parameters (q/pT, phi0, d0, z0, cot theta) and is compared with the Karimaki helix fit.";
    }

    private HepOptions configure(Map<String, String> options) {
        // data simulated in a described detector is fitted and probed in it too
        HepOptions.detectorFile(options).ifPresent(this::use);
        return HepOptions.parse(options, setup.detector(), gun);
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
        HepOptions o = configure(options);
        List<SimTrack> tracks = new TrackSimulator(o.detector()).simulate(o.gun(), n, seed);
        return TrackSamples.of(tracks, o.tracksPerEvent(), o.detector());
    }

    /**
     * The same {@code n} tracks as {@link #simulate}, grouped into TrackML events for
     * {@link TrackMlWriter#write(List, Path)} ({@code realitycheck simulate hep}).
     */
    public List<Event> simulateEvents(int n, long seed, Map<String, String> options) {
        checkCount(n);
        HepOptions o = configure(options);
        List<SimTrack> tracks = new TrackSimulator(o.detector()).simulate(o.gun(), n, seed);
        return Events.fromTracks(tracks, o.tracksPerEvent(), o.detector(), o.noiseHitsPerLayer(), seed ^ 0x5DEECE66DL);
    }

    /**
     * Reads a TrackML folder (or one {@code -hits.csv} file) into track samples
     * ({@link TrackSamples#fromEvents}) in the detector {@code detector.yaml} beside the files describes;
     * without one, in the current detector (logged as an assumption). The domain then works in that
     * detector. What was skipped or dropped is logged and kept in {@link #lastLoad()}.
     *
     * @throws org.realitycheck.core.BadInputException when a file is malformed, no track is usable, or too
     *     many tracks are corrupt ({@link LoadReport#check})
     */
    @Override
    public SampleSet load(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path yaml = dir.resolve(DetectorYaml.FILE_NAME);
        Detector d;
        String source;
        if (Files.isRegularFile(yaml)) {
            d = DetectorYaml.read(yaml);
            source = yaml.toString();
        } else {
            d = setup.detector();
            source = "assumed: no " + DetectorYaml.FILE_NAME + " in " + dir + ", using the "
                    + (d.equals(Detector.toy()) ? "default toy detector" : "current detector");
            LOG.warn("{}: no {}; the detector is {}", dir, DetectorYaml.FILE_NAME, source.substring(source.indexOf("using ")));
        }
        TrackSamples.Loaded loaded = TrackSamples.fromEvents(TrackMlReader.read(path), d);
        loaded.report().check(path);
        use(d);
        lastLoad = new Loaded(loaded.report(), source);
        if (loaded.report().hitsOutsideLayers() + loaded.report().dropped() > 0) {
            LOG.warn("{}: {}", path, loaded.report().summary());
        } else {
            LOG.info("{}: {}", path, loaded.report().summary());
        }
        return loaded.samples();
    }

    /**
     * Writes TrackML-style events ({@link #simulateEvents}), {@code tracks-per-event} tracks each, and the
     * detector they were simulated in as {@code detector.yaml}, so that {@link #load} reads them back in it.
     */
    @Override
    public void simulateInto(Path folder, int n, long seed, Map<String, String> options) throws IOException {
        List<Event> events = simulateEvents(n, seed, options);
        TrackMlWriter.write(events, folder);
        DetectorYaml.write(setup.detector(), folder.resolve(DetectorYaml.FILE_NAME));
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
        return setup.fit();
    }

    @Override
    public ForwardModel forwardModel() {
        return setup.forward();
    }

    /** Noise-only hit sets in the current detector ({@link TrackProbes#emptyInputs}). */
    @Override
    public SampleSet emptyInputs(int n, long seed) {
        return setup.probes().emptyInputs(n, seed);
    }

    /** Curlers, displaced tracks and kinks in the current detector ({@link TrackProbes#injections}). */
    @Override
    public SampleSet injections(int n, long seed) {
        return setup.probes().injections(n, seed);
    }

    /** Sweeps {@code pt}, {@code eta} or {@code d0} ({@link TrackProbes#sweep}). */
    @Override
    public Optional<SampleSet> covariateSweep(String covariate, double min, double max, int n, long seed) {
        return setup.probes().sweep(covariate, min, max, n, seed);
    }

    @Override
    public String primaryCovariate() {
        return "pt";
    }

    @Override
    public List<Observable> observables() {
        return TrackObservable.all();
    }

    /** A track the hits accept ({@link TrackRecovery#detect}). */
    @Override
    public Detections detect(float[] output, Sample input) {
        return TrackRecovery.detect(setup.forward(), output, input);
    }

    /** The injected track's parameters within tolerance ({@link TrackRecovery#recovered}). */
    @Override
    public boolean recovered(float[] output, Sample sample) {
        return TrackRecovery.recovered(output, sample);
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
        int c = HitVector.length(setup.detector().layers());
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
        List<Estimate> est = setup.fit().estimateAll(truthSet);
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
