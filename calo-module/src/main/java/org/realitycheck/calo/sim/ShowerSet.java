package org.realitycheck.calo.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * Seeded sets of showers as realitycheck samples: condition {@code [E (MeV), θ (rad)]} (MeV as
 * CaloChallenge's {@code incident_energies}), target the cells (MeV), covariates {@code energy} (GeV) and
 * {@code theta} (rad), computed from the condition's float values so that files give back the same
 * covariates. Every sample draws from its own generator, split from the seed in
 * order before the showers are simulated in parallel, so the set does not depend on the thread count.
 */
public final class ShowerSet {
    /** Condition length: incident energy and angle. */
    public static final int CONDITION = 2;

    private ShowerSet() {
    }

    /**
     * One incident particle to simulate.
     *
     * @param id the sample id
     * @param kind its kind ({@code photon}, {@code empty}, ...)
     * @param energyGev incident energy, GeV, 0 for no particle
     * @param theta incident angle, rad
     */
    public record Incident(String id, String kind, double energyGev, double theta) {
    }

    /**
     * Simulates one shower per incident particle, in parallel, each from its own split generator.
     *
     * @param shower the simulation of one incident particle with its generator
     */
    public static SampleSet simulate(Calorimeter calo, List<Incident> incidents, long seed, ShowerFunction shower) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rnd = new SplittableRandom[incidents.size()];
        for (int i = 0; i < rnd.length; i++) {
            rnd[i] = root.split();
        }
        Sample[] out = new Sample[incidents.size()];
        IntStream.range(0, out.length).parallel().forEach(i -> {
            Incident in = incidents.get(i);
            float[] c = condition(in.energyGev(), in.theta());
            // the shower sees the energy the condition records
            Incident rounded = new Incident(in.id(), in.kind(), energyGev(c), c[1]);
            out[i] = new Sample(in.id(), in.kind(), c, shower.simulate(rounded, rnd[i]), covariates(c));
        });
        return new SampleSet(new ArrayList<>(List.of(out)), new long[] {CONDITION}, new long[] {calo.cells()});
    }

    /** The simulation of one incident particle. */
    @FunctionalInterface
    public interface ShowerFunction {
        float[] simulate(Incident incident, SplittableRandom rnd);
    }

    /** {@code n} incident particles, {@code make.apply(i)} each. */
    public static List<Incident> incidents(int n, IntFunction<Incident> make) {
        List<Incident> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(make.apply(i));
        }
        return out;
    }

    /** @return the condition of an incident particle, {@code [E (MeV), θ]} as floats */
    public static float[] condition(double energyGev, double theta) {
        return new float[] {(float) (1000 * energyGev), (float) theta};
    }

    /** @return the incident energy of a condition, GeV */
    public static double energyGev(float[] condition) {
        return condition[0] / 1000.0;
    }

    /** @return covariates {@code energy} and {@code theta} from a condition */
    public static Map<String, Double> covariates(float[] condition) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("energy", energyGev(condition));
        m.put("theta", (double) condition[1]);
        return m;
    }

    /** @return a log-uniform draw in [lo, hi] */
    public static double logUniform(SplittableRandom rnd, double lo, double hi) {
        return lo * Math.exp(rnd.nextDouble() * Math.log(hi / lo));
    }
}
