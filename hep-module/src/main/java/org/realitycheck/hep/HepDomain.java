package org.realitycheck.hep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.ForwardModel;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.hep.data.TrackMlLoader.DataLoad;
import org.realitycheck.hep.data.TrackMlLoader;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.detector.DetectorYaml;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.fit.HelixFitMethod;
import org.realitycheck.hep.fit.TrackForwardModel;
import org.realitycheck.hep.gan.TrackGan;
import org.realitycheck.hep.io.TrackMlWriter;
import org.realitycheck.hep.observables.TrackObservable;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.track.HitVector;

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
    private final ParticleGun gun;
    /** The detector in use and what depends on it, replaced as one when data brings its own detector. */
    private volatile Setup setup;
    private volatile DataLoad lastLoad;

    private record Setup(Detector detector, HelixFitMethod fit, TrackForwardModel forward, TrackProbes probes) {
        static Setup of(Detector d, ParticleGun gun) {
            return new Setup(d, new HelixFitMethod(d), new TrackForwardModel(d), new TrackProbes(d, gun));
        }
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
    public Optional<DataLoad> lastLoad() {
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
                + "solenoid); the GAN maps a track's hits to its helix parameters (q/pT, phi0, d0, z0, cot theta) "
                + "and is compared with the Karimaki helix fit.";
    }

    /** Options are a user's input: every rejection is a {@link BadInputException} naming the option. */
    private HepOptions configure(Map<String, String> options) {
        Objects.requireNonNull(options, "options");
        return BadInputException.whileParsing("hep options " + options, () -> {
            // data simulated in a described detector is fitted and probed in it too
            HepOptions.detectorFile(options).ifPresent(this::use);
            return HepOptions.parse(options, setup.detector(), gun);
        });
    }

    /**
     * {@code n} tracks of kind {@code track} from the particle gun, with truth targets.
     * Sample {@code i} has id {@code e<i / tracksPerEvent>-p<i % tracksPerEvent + 1>}, the same as the
     * particle written by {@link #simulateEvents} with the same arguments.
     */
    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        return configure(options).samples(n, seed);
    }

    /**
     * The same {@code n} tracks as {@link #simulate}, grouped into TrackML events for
     * {@link TrackMlWriter#write(List, Path)} ({@code realitycheck simulate hep}).
     */
    public List<Event> simulateEvents(int n, long seed, Map<String, String> options) {
        return configure(options).events(n, seed);
    }

    /**
     * Reads a TrackML folder (or one {@code -hits.csv} file) into track samples in the detector
     * {@code detector.yaml} beside the files describes, or the current one ({@link TrackMlLoader}); the
     * domain then works in that detector. What was left out is logged and kept in {@link #lastLoad()}.
     */
    @Override
    public SampleSet load(Path path) {
        DataLoad d = TrackMlLoader.load(path, setup.detector());
        use(d.detector());
        lastLoad = d;
        return d.samples();
    }

    /**
     * Writes TrackML-style events ({@link #simulateEvents}), {@code tracks-per-event} tracks each, and the
     * detector they were simulated in (with its efficiency and scattering) as {@code detector.yaml}, so that
     * {@link #load} reads them back in it.
     */
    @Override
    public void simulateInto(Path folder, int n, long seed, Map<String, String> options) throws IOException {
        HepOptions o = configure(options);
        TrackMlWriter.write(o.events(n, seed), folder);
        DetectorYaml.write(o.detector(), folder.resolve(DetectorYaml.FILE_NAME));
    }

    /**
     * The track GAN's training set: fit targets ({@link #withFitTargets}) in the seeded frame
     * ({@link TrackGan#seeded}); {@link #adapt} applies the same preprocessing on the trained generator.
     */
    @Override
    public SampleSet trainingSet(SampleSet data) {
        return TrackGan.seeded(withFitTargets(data));
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

    /** The track GAN's MLPs for the current detector ({@link TrackTraining#architecture}). */
    @Override
    public GanArchitecture defaultArchitecture() {
        return TrackTraining.architecture(setup.detector());
    }

    /** {@link TrackTraining#config()}. */
    @Override
    public TrainingConfig defaultTrainingConfig() {
        return TrackTraining.config();
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

    /** Targets replaced by the current detector's fit ({@link TrackTraining#fitTargets}). */
    public SampleSet withFitTargets(SampleSet truthSet) {
        return TrackTraining.fitTargets(setup.fit(), truthSet);
    }
}
