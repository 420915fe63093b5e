package org.realitycheck.hep;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domain;
import org.realitycheck.hep.data.TrackMlLoader.DataLoad;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.fit.HelixFitMethod;
import org.realitycheck.hep.fit.TrackForwardModel;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.track.HitVector;

/**
 * Track reconstruction as a realitycheck {@link Domain} ({@code hep}). One sample is one track:
 * condition = its hits ({@link HitVector}: layers × (x, y, z) mm + one mask value per layer, 40 floats for
 * the default 10 layers), target = the perigee parameters {@code [q/pT (1/GeV), φ0 (rad), d0 (mm), z0 (mm),
 * cotθ]}. Each role is a class of its own:
 * <ul>
 *   <li>{@link HepData}: the particle gun and tracker simulation ({@link HepOptions}), TrackML CSV files;
 *   <li>{@link HepReference}: the Karimäki helix fit ({@link HelixFitMethod}), the forward model that
 *       re-projects parameters onto the layers ({@link TrackForwardModel}), the track observables;
 *   <li>{@link HepProbes}: noise-only hit sets, curlers, displaced tracks and kinks ({@link TrackProbes}),
 *       p_T, η and d0 sweeps, acceptance and recovery ({@link TrackRecovery});
 *   <li>{@link HepRecipe}: trained on the fit's parameters in the rotated frame ({@link TrackTraining}).
 * </ul>
 *
 * <p><b>The detector belongs to the data.</b> The domain works in one described detector
 * ({@link Detector}, default {@link Detector#toy()}), the state its roles share: {@link HepData#load} reads
 * {@code detector.yaml} beside the data and {@link HepData#simulate} reads the file the {@code detector}
 * option names; from then on the fit, the forward model and the probes use that detector, whichever role
 * object the caller holds. Without a description, loading assumes the current detector and says so in the
 * log and in {@link #lastLoad()}.
 */
public final class HepDomain implements Domain {
    private final ParticleGun gun;
    /** The detector in use and what depends on it, replaced as one when data brings its own detector. */
    private volatile Setup setup;
    private volatile DataLoad lastLoad;
    private final HepData data = new HepData(this);
    private final HepReference reference = new HepReference(this);
    private final HepProbes probes = new HepProbes(this);
    private final HepRecipe recipe = new HepRecipe(this);

    /** One detector and what is built on it: the fit, the forward model and the probe generators. */
    record Setup(Detector detector, HelixFitMethod fit, TrackForwardModel forward, TrackProbes probes) {
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

    @Override
    public HepData data() {
        return data;
    }

    @Override
    public HepReference reference() {
        return reference;
    }

    @Override
    public HepProbes probes() {
        return probes;
    }

    @Override
    public HepRecipe recipe() {
        return recipe;
    }

    /** @return the detector in use: the default, or the one the last loaded or simulated data described */
    public Detector detector() {
        return setup.detector();
    }

    public ParticleGun gun() {
        return gun;
    }

    /** @return what the last {@link HepData#load} read and left out, when there was one */
    public Optional<DataLoad> lastLoad() {
        return Optional.ofNullable(lastLoad);
    }

    /** @return the current detector and what is built on it */
    Setup setup() {
        return setup;
    }

    /** Records a load and works in its detector from now on. */
    void loaded(DataLoad d) {
        use(d.detector());
        lastLoad = d;
    }

    private void use(Detector d) {
        if (!d.equals(setup.detector())) {
            setup = Setup.of(d, gun);
        }
    }

    /** Options are a user's input: every rejection is a {@link BadInputException} naming the option. */
    HepOptions configure(Map<String, String> options) {
        Objects.requireNonNull(options, "options");
        return BadInputException.whileParsing("hep options " + options, () -> {
            // data simulated in a described detector is fitted and probed in it too
            HepOptions.detectorFile(options).ifPresent(this::use);
            return HepOptions.parse(options, setup.detector(), gun);
        });
    }
}
