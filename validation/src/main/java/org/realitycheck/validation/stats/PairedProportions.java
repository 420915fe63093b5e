package org.realitycheck.validation.stats;

/**
 * Confidence interval for the difference of two proportions measured on the same units (the model's and
 * the conventional method's recovery fractions on the same objects): Newcombe's hybrid score interval
 * for paired data, method 10 of Newcombe, Statist. Med. 17 (1998) 2635.
 *
 * <p>With the 2×2 counts {@code a} (both succeed), {@code b} (first only), {@code c} (second only),
 * {@code d} (neither), {@code p₁ = (a+b)/n}, {@code p₂ = (a+c)/n}, Wilson limits {@code [l₁, u₁]},
 * {@code [l₂, u₂]} and {@code φ = (ad - bc)/√((a+b)(c+d)(a+c)(b+d))} (0 when a margin is empty):
 * {@code δ = √((p₁-l₁)² - 2φ(p₁-l₁)(u₂-p₂) + (u₂-p₂)²)},
 * {@code ε = √((u₁-p₁)² - 2φ(u₁-p₁)(p₂-l₂) + (p₂-l₂)²)}, interval {@code [p₁-p₂-δ, p₁-p₂+ε]}.
 * Unlike a bootstrap of 0/1 outcomes it is defined and close to nominal from a few tens of units.
 */
public final class PairedProportions {
    private PairedProportions() {
    }

    /**
     * @param a units where both succeed, {@code >= 0}
     * @param b units where only the first succeeds
     * @param c units where only the second succeeds
     * @param d units where neither does
     * @param level confidence level in (0, 1)
     * @return the interval of {@code p₁ - p₂}, inside [-1, 1]
     */
    public static Interval newcombe(int a, int b, int c, int d, double level) {
        if (a < 0 || b < 0 || c < 0 || d < 0 || a + b + c + d < 1) {
            throw new IllegalArgumentException("counts must be >= 0 with a positive total, got " + a + ", " + b + ", "
                    + c + ", " + d);
        }
        int n = a + b + c + d;
        double p1 = (double) (a + b) / n;
        double p2 = (double) (a + c) / n;
        Interval w1 = Binomial.wilson(a + b, n, level);
        Interval w2 = Binomial.wilson(a + c, n, level);
        double den = Math.sqrt((double) (a + b) * (c + d) * (a + c) * (b + d));
        double phi = den == 0 ? 0 : ((double) a * d - (double) b * c) / den;
        double dl1 = p1 - w1.low();
        double du1 = w1.high() - p1;
        double dl2 = p2 - w2.low();
        double du2 = w2.high() - p2;
        double delta = Math.sqrt(Math.max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2));
        double eps = Math.sqrt(Math.max(0, du1 * du1 - 2 * phi * du1 * dl2 + dl2 * dl2));
        double theta = p1 - p2;
        return new Interval(Math.max(-1, theta - delta), Math.min(1, theta + eps));
    }
}
