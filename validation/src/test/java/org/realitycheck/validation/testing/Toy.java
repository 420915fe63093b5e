package org.realitycheck.validation.testing;

import java.util.Map;
import java.util.SplittableRandom;

import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.core.ModelCard;
import org.realitycheck.validation.testdomain.ToyDomain;

/** Honest and broken models of the {@link ToyDomain}. */
public final class Toy {
    public static final ToyDomain DOMAIN = new ToyDomain();

    private Toy() {
    }

    /** A card whose training range of {@code z} is [0, {@link ToyDomain#Z_TRAIN}]. */
    public static ModelCard card() {
        return TestModels.card(DOMAIN, DOMAIN.data().simulate(1, 0, Map.of()), Map.of("z", new Range(0, ToyDomain.Z_TRAIN)));
    }

    /**
     * The honest model: the truth plus Gaussian noise of {@code sigma} per pixel (seeded per row), for
     * every condition the toy domain made.
     */
    public static Generator oracle(double sigma) {
        return TestModels.of(card(), (row, rnd) -> {
            float[] t = ToyDomain.truthOf(row).orElseThrow(() -> new IllegalStateException("not a toy condition"));
            for (int i = 0; i < t.length; i++) {
                t[i] += (float) (sigma * gauss(rnd));
            }
            return t;
        });
    }

    /** The conventional fit as a model. */
    public static Generator conventional() {
        return TestModels.conventional(DOMAIN, card());
    }

    static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
