package org.realitycheck.calo.shower;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.realitycheck.calo.sim.Calorimeter;
import org.realitycheck.calo.sim.GFlash;
import org.realitycheck.calo.sim.ShowerSet;
import org.realitycheck.calo.sim.ShowerSimulator;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * Rare showers and shower detection.
 * <ul>
 *   <li><b>late</b>: the energy-weighted depth exceeds the average shower's, 9/7 X0 + α/β of the mean GFlash
 *       profile at the photon's energy, by more than {@value #LATE_DEPTH_EXCESS_X0} X0 (about 10% of the full
 *       simulation's photons at 5–200 GeV: those that converted late);</li>
 *   <li><b>leaky</b>: deposited/incident below {@value #LEAKY_RESPONSE} (about 5–9% at 50–200 GeV, where the
 *       sampling fluctuations are below 3%; the rest leaks out of the back).</li>
 * </ul>
 * Injections are full-simulation showers of each kind, found by simulating photons whose conversion depth
 * is drawn beyond 2 X0 (late) or 4 X0 (leaky) and keeping those whose shower is of the kind; so the truth of
 * every injection is rare by the same definition an output is judged by.
 */
public final class RareShowers {
    /** A late shower's depth excess over the average shower's, X0. */
    public static final double LATE_DEPTH_EXCESS_X0 = 2.0;
    /** A leaky shower's largest response. */
    public static final double LEAKY_RESPONSE = 0.88;
    /** The deposited energy, MeV, above which an output holds a shower (the noise sum is 39 ± 14 MeV). */
    public static final double DETECTION_MEV = 150;

    private RareShowers() {
    }

    /** @return the average photon shower's energy-weighted depth at {@code energyGev}, X0 */
    public static double meanDepth(GFlash g, double energyGev) {
        GFlash.Profile p = g.meanProfile(energyGev);
        return ShowerSimulator.CONVERSION_LENGTH_X0 + p.alpha() / p.beta();
    }

    /** @return true when {@code output} is a rare shower of {@code sample}'s kind ({@code late} or {@code leaky}) */
    public static boolean isRare(Calorimeter calo, float[] output, Sample sample) {
        double e = ShowerSet.energyGev(sample.condition());
        if (!(e > 0)) {
            return false;
        }
        ShowerFeatures f = ShowerFeatures.of(calo, output);
        return switch (sample.kind()) {
            case "late" -> f.depth() - meanDepth(GFlash.of(calo), e) > LATE_DEPTH_EXCESS_X0;
            case "leaky" -> f.total() / (1000 * e) < LEAKY_RESPONSE;
            default -> false;
        };
    }

    /** One detection when the output deposits more than {@value #DETECTION_MEV} MeV, its energy the signal. */
    public static Probes.Detections detect(float[] output) {
        double total = 0;
        for (float v : output) {
            total += v;
        }
        return total > DETECTION_MEV ? new Probes.Detections(1, total) : new Probes.Detections(0, 0);
    }

    /**
     * {@code n} rare showers, the first half late (5–200 GeV), the rest leaky (50–200 GeV), θ uniform in
     * [0, thetaMax], ids {@code late<i>} / {@code leaky<i>}.
     */
    public static SampleSet inject(ShowerSimulator sim, int n, long seed, double thetaMax) {
        Calorimeter calo = sim.calorimeter();
        GFlash g = sim.gflash();
        SplittableRandom root = new SplittableRandom(seed ^ 0x1a7eL);
        List<ShowerSet.Incident> in = new ArrayList<>(n);
        List<SplittableRandom> rnd = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean late = i < (n + 1) / 2;
            double e = late ? ShowerSet.logUniform(root, 5, 200) : ShowerSet.logUniform(root, 50, 200);
            in.add(new ShowerSet.Incident((late ? "late" : "leaky") + i, late ? "late" : "leaky", e, thetaMax * root.nextDouble()));
            rnd.add(root.split());
        }
        return ShowerSet.simulate(calo, in, seed, (incident, ignored) -> {
            SplittableRandom r = rnd.get(Integer.parseInt(incident.id().replaceAll("[a-z]", "")));
            boolean late = incident.kind().equals("late");
            float[] c = ShowerSet.condition(incident.energyGev(), incident.theta());
            Sample probe = new Sample("probe", incident.kind(), c, null, ShowerSet.covariates(c));
            float[] best = null;
            for (int attempt = 0; attempt < 10_000; attempt++) {
                double t0 = (late ? 2 : 4) - ShowerSimulator.CONVERSION_LENGTH_X0 * Math.log(1 - r.nextDouble());
                float[] s = sim.shower(incident.energyGev(), incident.theta(), t0,
                        g.sampleProfile(incident.energyGev(), r), r);
                if (isRare(calo, s, probe)) {
                    return s;
                }
                best = s;
            }
            throw new IllegalStateException("no " + incident.kind() + " shower in 10000 attempts at "
                    + incident.energyGev() + " GeV (last: " + (best == null ? "none" : "not rare") + ")");
        });
    }
}
