package org.realitycheck.validation.checks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Sample;

import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.core.ModelCard;
import org.realitycheck.validation.testdomain.RowKey;
import org.realitycheck.validation.testing.TestModels;

/** Honest and broken image models of the real astro domain, built on Richardson–Lucy. */
final class Astro {
    static final Domain DOMAIN = Domains.byName("astro");
    /** The astro domain's default training range (docs/science.md). */
    static final Map<String, Range> TRAINING = Map.of("redshift", new Range(0.01, 0.05));

    private Astro() {
    }

    static ModelCard card(Map<String, Range> training) {
        return TestModels.card(DOMAIN, DOMAIN.data().simulate(1, 0, Map.of()), training);
    }

    /**
     * Richardson–Lucy (30 iterations) as a generator, its outputs remembered per input across the test run
     * (the tests of a class share their held-out sets; RL is what their time goes into).
     */
    static Generator richardsonLucy(Map<String, Range> training) {
        ConventionalMethod rl = DOMAIN.reference().conventionalMethod();
        return TestModels.of(card(training), (row, rnd) -> MEMO.computeIfAbsent(new RowKey(row),
                k -> rl.estimate(new Sample("row", "galaxy", row, null, Map.of())).value()).clone());
    }

    private static final Map<RowKey, float[]> MEMO = new ConcurrentHashMap<>();

    static Generator richardsonLucy() {
        return richardsonLucy(TRAINING);
    }

    /**
     * RL with every pixel clipped at {@code ceiling} counts: what the paper's normalisation (clip to
     * [−0.1, 4]) does to our galaxies, whose brightest pixel has a median of 6.6 counts.
     */
    static Generator clipped(double ceiling) {
        return TestModels.map(richardsonLucy(), (c, o) -> {
            float[] out = o.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.min(out[i], ceiling);
            }
            return out;
        });
    }
}
