package org.realitycheck.calo;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.realitycheck.calo.sim.Calorimeter;
import org.realitycheck.calo.sim.ShowerSet;
import org.realitycheck.calo.sim.ShowerSimulator;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * The toy full simulation ({@link ShowerSimulator}) as the conventional method: for a photon's condition
 * it simulates a new shower, drawn from a generator seeded by the sample's id and condition only, so it
 * is reproducible, independent of the truth shower, and blind to the truth.
 */
public final class FullSimulation implements ConventionalMethod {
    private static final long SALT = 0x6af1a5b0c3d2e1f7L;
    private final ShowerSimulator simulator;

    FullSimulation(Calorimeter calo) {
        this.simulator = new ShowerSimulator(calo);
    }

    public ShowerSimulator simulator() {
        return simulator;
    }

    @Override
    public String name() {
        return "full-simulation";
    }

    @Override
    public String describe() {
        return "toy full simulation: GFlash (Grindhammer-Peters) photon showers spot by spot in a "
                + simulator.calorimeter() + ", an independent shower for each photon";
    }

    @Override
    public Estimate estimate(Sample sample) {
        float[] c = sample.condition();
        long seed = SALT ^ sample.id().hashCode() * 0x9E3779B97F4A7C15L ^ Float.floatToIntBits(c[0]) * 31L
                ^ Float.floatToIntBits(c[1]);
        return Estimate.of(simulator.shower(ShowerSet.energyGev(c), c[1], new SplittableRandom(seed)));
    }

    /** Simulates the truth showers of {@code incidents} (no particle for energy 0). */
    SampleSet simulate(List<ShowerSet.Incident> incidents, long seed) {
        Objects.requireNonNull(incidents, "incidents");
        return ShowerSet.simulate(simulator.calorimeter(), incidents, seed,
                (in, rnd) -> simulator.shower(in.energyGev(), in.theta(), rnd));
    }
}
