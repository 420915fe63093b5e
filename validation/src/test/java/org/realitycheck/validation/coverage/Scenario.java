package org.realitycheck.validation.coverage;

import java.util.SplittableRandom;

/**
 * A data-generating process with a known true value of one statistic: columns of {@code n} rows per group
 * (rows of one group are resampled together, groups independently), and the statistic of a multiset of rows.
 *
 * @param statistic what is estimated, for the table
 * @param distribution the data's distribution, for the table
 * @param truth the statistic's true value
 * @param groups how many independent groups the rows form (1: one sample, paired columns; 2: two samples)
 * @param draw draws the data of one trial
 * @param stat the statistic of the rows {@code idx}
 */
record Scenario(String statistic, String distribution, double truth, int groups, Draw draw, Stat stat) {
    /** Draws {@code columns[c][row]} for {@code n} rows per group; group g occupies rows {@code [g n, (g+1) n)}. */
    interface Draw {
        double[][] data(SplittableRandom rng, int n);
    }

    /** The statistic of rows {@code idx} (a multiset) of the data; of two groups, the first {@code split} rows are group 0. */
    interface Stat {
        double of(double[][] data, int[] idx, int split);
    }
}
