package org.realitycheck.validation.checks;

import java.util.Map;
import java.util.SplittableRandom;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Generator;
import org.realitycheck.core.Range;
import org.realitycheck.core.Sample;
import org.realitycheck.core.ModelCard;
import org.realitycheck.validation.testing.TestModels;

/** Honest and broken track models of the real hep domain, built on its helix fit. */
final class Hep {
    static final Domain DOMAIN = Domains.byName("hep");
    /** The particle gun's range: what a model trained on the default simulation saw. */
    static final Map<String, Range> TRAINING = Map.of("pt", new Range(0.5, 100), "eta", new Range(-1, 1));

    private Hep() {
    }

    static ModelCard card(Map<String, Range> training) {
        return TestModels.card(DOMAIN, DOMAIN.data().simulate(1, 0, Map.of()), training);
    }

    /** The helix fit as a generator (target order q/pT, φ0, d0, z0, cot θ). */
    static Generator fit() {
        return TestModels.conventional(DOMAIN, card(TRAINING));
    }

    /** The fit with q/pT scaled by {@code factor}: a 2% scale error is {@code 1.02}. */
    static Generator qOverPtScaled(double factor) {
        return TestModels.map(fit(), (c, o) -> {
            float[] out = o.clone();
            out[0] *= (float) factor;
            return out;
        });
    }

    /**
     * The fit with independent Gaussian noise of √3 times the fit's own σ(φ0) added to φ0: twice the fit's
     * φ0 resolution, unbiased.
     */
    static Generator phi0ResolutionDoubled() {
        ConventionalMethod method = DOMAIN.reference().conventionalMethod();
        return TestModels.of(card(TRAINING), (row, rnd) -> {
            Estimate e = method.estimate(new Sample("row", "track", row, null, Map.of()));
            float[] out = e.value().clone();
            if (e.valid() && e.hasSigma()) {
                out[1] += (float) (Math.sqrt(3) * e.sigma()[1] * gauss(rnd));
            }
            return out;
        });
    }

    static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
