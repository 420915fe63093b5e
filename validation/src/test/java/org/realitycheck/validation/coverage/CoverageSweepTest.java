package org.realitycheck.validation.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.realitycheck.validation.coverage.Harness.Method;
import org.realitycheck.validation.coverage.Harness.Result;

/**
 * The full coverage sweep (behind {@code -Pcoverage}): every scenario, method and size; writes the Markdown
 * table to {@code target/coverage.md} for {@code docs/statistics.md}. Trials per cell:
 * {@code -Dcoverage.trials} (default 2000), bootstrap resamples {@code -Dcoverage.resamples} (default 999).
 */
@EnabledIfSystemProperty(named = "realitycheck.coverage", matches = "full")
class CoverageSweepTest {
    @Test
    void sweep() throws IOException {
        int trials = Integer.getInteger("coverage.trials", 2000);
        int b = Integer.getInteger("coverage.resamples", 999);
        long seed = 20261203L;
        List<String> rows = new ArrayList<>();
        rows.add("| statistic | distribution | n | method | coverage ± MC error | trials | undefined |");
        rows.add("|---|---|---|---|---|---|---|");
        List<Result> all = new ArrayList<>();
        for (String dist : new String[] {"normal", "exponential"}) {
            for (int n : new int[] {10, 20, 50}) {
                for (Method m : new Method[] {Method.PERCENTILE, Method.BCA, Method.STUDENTIZED, Method.T}) {
                    all.add(Harness.coverage(Statistics.mean(dist), n, m, trials, b, seed));
                }
                for (Method m : new Method[] {Method.PERCENTILE, Method.BCA, Method.ORDER_EXACT, Method.ORDER_INTERPOLATED}) {
                    all.add(Harness.coverage(Statistics.median(dist), n, m, trials, b, seed));
                }
            }
            for (int n : new int[] {10, 20, 30, 50, 100}) {
                for (Method m : new Method[] {Method.PERCENTILE, Method.BCA}) {
                    all.add(Harness.coverage(Statistics.width(dist), n, m, trials, b, seed));
                }
            }
        }
        for (int n : new int[] {10, 20, 30, 50, 100}) {
            for (Method m : new Method[] {Method.PERCENTILE, Method.BCA}) {
                all.add(Harness.coverage(Statistics.widthRatio(), n, m, trials, b, seed));
                all.add(Harness.coverage(Statistics.degradation(), n, m, trials, b, seed));
            }
        }
        for (int n : new int[] {10, 20, 50, 200}) {
            for (Method m : new Method[] {Method.PERCENTILE, Method.BCA, Method.STUDENTIZED, Method.NEWCOMBE}) {
                all.add(Harness.coverage(Statistics.recoveryDifference(), n, m, trials, b, seed));
            }
        }
        for (int n : new int[] {20, 100, 200}) {
            for (Method m : new Method[] {Method.HANLEY_MCNEIL, Method.PERCENTILE, Method.BCA}) {
                all.add(Harness.coverage(Statistics.aucExcess(), n, m, trials, b, seed));
            }
        }
        for (int n : new int[] {10, 30, 50}) {
            for (double level : new double[] {0.95, 1 - 0.05 / 7}) {
                all.add(Harness.worstOfBins(Statistics.widthRatio(), 7, n, Method.BCA, level, trials / 4, b, seed));
                all.add(Harness.worstOfBins(Statistics.widthRatio(), 7, n, Method.PERCENTILE, level, trials / 4, b, seed));
            }
        }
        for (Result r : all) {
            rows.add(r.row());
            System.out.println(r.row());
        }
        Path out = Path.of("target", "coverage.md");
        Files.createDirectories(out.getParent());
        Files.write(out, rows);
    }
}
