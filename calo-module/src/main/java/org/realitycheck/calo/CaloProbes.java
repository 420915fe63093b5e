package org.realitycheck.calo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

import org.realitycheck.calo.shower.RareShowers;
import org.realitycheck.calo.sim.ShowerSet;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * The calo probes ({@link CaloDomain#probes()}):
 * <ul>
 *   <li>empty inputs: no particle (energy 0), the readout's noise only; a shower found in the output
 *       ({@link RareShowers#detect}: more than {@value RareShowers#DETECTION_MEV} MeV) is a hallucination;</li>
 *   <li>injections: rare showers of the full simulation ({@link RareShowers}): late ones (the photon
 *       converted deep) and leaky ones (more than 12% of the energy lost). The generator only sees the
 *       photon, not that its shower is rare, so "recovered" means the output is itself a rare shower of
 *       the kind: the rare-objects check then compares the model's rate of such showers with the full
 *       simulation's on the same photons (its {@code recovered_fraction_ratio} is 1 for a generator with
 *       the full simulation's tails);</li>
 *   <li>sweeps of {@code energy} (primary; log-uniform) and {@code theta} (uniform).</li>
 * </ul>
 */
public final class CaloProbes implements Probes {
    private final CaloDomain domain;

    CaloProbes(CaloDomain domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    /** {@code n} readouts without a particle (kind {@code empty}, energy 0, θ uniform in the default range). */
    @Override
    public SampleSet emptyInputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0xe3b7L);
        return domain.fullSimulation().simulate(ShowerSet.incidents(n,
                i -> new ShowerSet.Incident("empty" + i, "empty", 0, CaloData.DEFAULT_T_MAX * r.nextDouble())), seed);
    }

    /** Half late showers (5–200 GeV), half leaky ones (50–200 GeV), full-simulated ({@link RareShowers#inject}). */
    @Override
    public SampleSet injections(int n, long seed) {
        return RareShowers.inject(domain.fullSimulation().simulator(), n, seed, CaloData.DEFAULT_T_MAX);
    }

    @Override
    public List<String> sweepableCovariates() {
        return List.of("energy", "theta");
    }

    /** Energy log-uniform in [min, max] GeV (θ in the default range), or θ uniform (E log-uniform 1–200 GeV). */
    @Override
    public Optional<SampleSet> sweep(String covariate, double min, double max, int n, long seed) {
        if (!sweepableCovariates().contains(covariate)) {
            return Optional.empty();
        }
        boolean energy = covariate.equals("energy");
        if (energy && !(min > 0)) {
            throw new IllegalArgumentException("an energy sweep needs min > 0 GeV, got " + min);
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x5eeeL);
        List<ShowerSet.Incident> in = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double e = energy ? ShowerSet.logUniform(r, min, max)
                    : ShowerSet.logUniform(r, CaloData.DEFAULT_E_MIN, CaloData.DEFAULT_E_MAX);
            double t = energy ? CaloData.DEFAULT_T_MAX * r.nextDouble() : min + (max - min) * r.nextDouble();
            in.add(new ShowerSet.Incident("sweep" + i, "photon", e, t));
        }
        SampleSet set = domain.fullSimulation().simulate(in, seed);
        // the condition holds floats: keep the covariate inside the asked range after rounding
        return Optional.of(set);
    }

    @Override
    public Detections detect(float[] output, Sample input) {
        return RareShowers.detect(output);
    }

    @Override
    public boolean recovered(float[] output, Sample sample) {
        return RareShowers.isRare(domain.calorimeter(), output, sample);
    }

    @Override
    public List<Tolerance> recoveryTolerances() {
        return List.of(
                new Tolerance("late-depth-excess", RareShowers.LATE_DEPTH_EXCESS_X0, "X0",
                        "a late shower's energy-weighted depth exceeds the average photon shower's at its energy by this much"),
                new Tolerance("leaky-response", RareShowers.LEAKY_RESPONSE, "",
                        "a leaky shower deposits less than this fraction of the incident energy"));
    }
}
