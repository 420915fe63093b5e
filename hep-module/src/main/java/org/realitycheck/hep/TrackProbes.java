package org.realitycheck.hep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.data.TrackSamples;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.sim.Events;
import org.realitycheck.hep.sim.Kink;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;
import org.realitycheck.hep.track.HitVector;
import org.realitycheck.hep.track.TrackParameters;

/**
 * The seeded inputs the reality checks probe a track model with ({@link HepProbes#emptyInputs},
 * {@link HepProbes#injections}, {@link HepProbes#sweep}), simulated in one detector with one
 * particle gun. Every constant of the rare-track physics is named here with its source.
 *
 * @param detector the detector, never null
 * @param gun the particle gun of the training distribution, never null
 */
public record TrackProbes(Detector detector, ParticleGun gun) {
    /** Injection subtypes (covariate {@code subtype}). */
    public static final int CURLER = 1;
    public static final int DISPLACED = 2;
    public static final int KINK = 3;

    /** Curlers: p_T log-uniform in [0.2, 0.45] GeV, so 2R &lt; 1.5 m at 2 T and the outer layers are lost. */
    static final double CURLER_PT_MIN = 0.2;
    static final double CURLER_PT_MAX = 0.45;
    /** Displaced tracks: |d0| uniform in [2, 20] mm, as from a long-lived decay. */
    static final double DISPLACED_D0_MIN = 2;
    static final double DISPLACED_D0_MAX = 20;
    /** Kinks: decay radius uniform in [120, 250] mm, between the pixels and the outer strips. */
    static final double KINK_R_MIN = 120;
    static final double KINK_R_MAX = 250;
    /** Kinks: |kink angle| uniform in [5, 50] mrad: the lowest angle and the width of the range. */
    static final double KINK_ANGLE_MIN = 0.005;
    static final double KINK_ANGLE_SPAN = 0.045;
    /** (m_μ/m_π)² = (105.66/139.57)² (PDG): the smallest momentum fraction a π → μν muon keeps. */
    static final double MUON_PION_MASS_RATIO_SQ = 0.5731;

    public TrackProbes {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(gun, "gun");
    }

    private static void checkCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
    }

    private SampleSet set(List<Sample> samples) {
        return new SampleSet(samples, TrackSamples.conditionShape(detector), TrackSamples.targetShape());
    }

    /**
     * Noise-only "tracks": one hit per layer, uniform in φ and uniform in z within the range real
     * tracks of the gun reach (|z| ≤ r·sinh(η_max) + 3σ(z0), at most the layer's half-length); no
     * particle, no target. The conventional fit rejects them (χ²/ndf ~ 10⁶); a GAN returns a track.
     */
    public SampleSet emptyInputs(int n, long seed) {
        checkCount(n);
        SplittableRandom master = new SplittableRandom(seed);
        double sinhEta = Math.max(Math.abs(Math.sinh(gun.etaMin())), Math.abs(Math.sinh(gun.etaMax())));
        List<Sample> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            SplittableRandom r = master.split();
            float[] v = new float[HitVector.length(detector.layers())];
            for (int i = 0; i < detector.layers(); i++) {
                double zRange = Math.min(detector.halfLength(i), detector.radius(i) * sinhEta + 3 * gun.z0Sigma());
                double[] p = Events.NoiseHits.draw(detector, i, r, zRange);
                HitVector.set(v, i, p[0], p[1], p[2]);
            }
            out.add(new Sample(String.format("noise-%06d", k), TrackSamples.NOISE, v, null,
                    Map.of("nhits", (double) detector.layers())));
        }
        return set(out);
    }

    /**
     * Rare tracks absent from training, cycling through three subtypes: low-p_T curlers, displaced
     * tracks and kinks from a π → μν decay in flight, with a muon keeping a fraction uniform in
     * [(m_μ/m_π)², 1] of the p_T (the lab-frame range of the two-body decay); ranges in the constants
     * above. Targets are the (parent) truth.
     */
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
                double lo = Math.log(CURLER_PT_MIN);
                double pt = Math.exp(lo + (Math.log(CURLER_PT_MAX) - lo) * r.nextDouble());
                p = TrackParameters.of(pt, p.charge(), p.phi0(), p.d0(), p.z0(), p.cotTheta());
                t = sim.simulate(p, r);
                name = "curler";
            } else if (subtype == DISPLACED) {
                double d0 = (DISPLACED_D0_MIN + (DISPLACED_D0_MAX - DISPLACED_D0_MIN) * r.nextDouble())
                        * (r.nextBoolean() ? 1 : -1);
                p = new TrackParameters(p.qOverPt(), p.phi0(), d0, p.z0(), p.cotTheta());
                t = sim.simulate(p, r);
                name = "displaced";
            } else {
                double angle = (KINK_ANGLE_MIN + KINK_ANGLE_SPAN * r.nextDouble())
                        * (r.nextBoolean() ? 1 : -1);
                double fraction = MUON_PION_MASS_RATIO_SQ + (1 - MUON_PION_MASS_RATIO_SQ) * r.nextDouble();
                Kink kink = new Kink(KINK_R_MIN + (KINK_R_MAX - KINK_R_MIN) * r.nextDouble(), angle, fraction);
                t = sim.simulate(p, kink, r);
                name = "kink";
            }
            out.add(TrackSamples.of(String.format("injected-%s-%06d", name, k), TrackSamples.INJECTED, t,
                    Map.of("subtype", (double) subtype)));
        }
        return set(out);
    }

    /**
     * Sweeps {@code pt} (log-uniform, GeV, min &gt; 0), {@code eta} (uniform) or {@code d0} (uniform, mm)
     * over {@code [min, max]}, the other parameters from the gun; other covariates are not sweepable.
     */
    public Optional<SampleSet> sweep(String covariate, double min, double max, int n, long seed) {
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
        return Optional.of(set(out));
    }
}
