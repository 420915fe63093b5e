package org.realitycheck.astro;

import java.util.List;
import java.util.Map;

import org.realitycheck.astro.deconv.RichardsonLucy;
import org.realitycheck.astro.deconv.Wiener;
import org.realitycheck.astro.metrics.ImageQuality;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * Throughput and quality measurement (not a test): simulation galaxies/s, RL and Wiener images/s on all
 * cores, and the mean PSNR of degraded, RL and Wiener on a held-out set. Run with
 * {@code java -cp <test classpath> org.realitycheck.astro.AstroBench [n]}.
 */
public final class AstroBench {
    private AstroBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        GalaxySimulator sim = new GalaxySimulator(SimConfig.fromOptions(Map.of()));
        sim.simulate(200, 1); // warm-up
        double best = 0;
        SampleSet set = null;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            set = sim.simulate(n, 100 + r);
            best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
        }
        System.out.printf("simulation: %.0f galaxies/s (best of 3, %d galaxies, %d cores)%n", best, n,
                Runtime.getRuntime().availableProcessors());
        RichardsonLucy rl = RichardsonLucy.defaults();
        Wiener wi = Wiener.defaults();
        rl.estimateAll(set.slice(0, 50));
        wi.estimateAll(set.slice(0, 50));
        double rlBest = 0;
        double wiBest = 0;
        List<Estimate> rlOut = null;
        List<Estimate> wiOut = null;
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            rlOut = rl.estimateAll(set);
            rlBest = Math.max(rlBest, n / ((System.nanoTime() - t0) / 1e9));
            t0 = System.nanoTime();
            wiOut = wi.estimateAll(set);
            wiBest = Math.max(wiBest, n / ((System.nanoTime() - t0) / 1e9));
        }
        System.out.printf("richardson-lucy (30 it, 64x64, 15x15 PSF): %.0f images/s; wiener: %.0f images/s%n", rlBest, wiBest);
        double pd = 0;
        double pr = 0;
        double pw = 0;
        double sd = 0;
        double sr = 0;
        double sw = 0;
        for (int i = 0; i < n; i++) {
            Sample s = set.get(i);
            float[] t = s.target().orElseThrow();
            double range = ImageQuality.range(t);
            pd += ImageQuality.psnr(t, s.condition(), range);
            pr += ImageQuality.psnr(t, rlOut.get(i).value(), range);
            pw += ImageQuality.psnr(t, wiOut.get(i).value(), range);
            sd += ImageQuality.ssim(t, s.condition(), 64, 64, range);
            sr += ImageQuality.ssim(t, rlOut.get(i).value(), 64, 64, range);
            sw += ImageQuality.ssim(t, wiOut.get(i).value(), 64, 64, range);
        }
        // per CPU-second of one thread (robust when other processes share the cores): × cores = capacity
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        GalaxySimulator one = new GalaxySimulator(SimConfig.fromOptions(Map.of()));
        int m = 0;
        for (int r = 0; r < 100; r++) {
            m += one.simulate(GalaxySimulator.Kind.GALAXY, 1, 500 + r).size();
        }
        double simCpu = m / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
        c0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 100; i++) {
            rl.estimate(set.get(i));
        }
        double rlCpu = 100 / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
        c0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 100; i += 2) {
            rl.estimateAll(set.slice(i, i + 2)); // one pair: runs on this thread
        }
        double rlPairCpu = 100 / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
        c0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 100; i++) {
            wi.estimate(set.get(i));
        }
        double wiCpu = 100 / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
        System.out.printf("per CPU-second of one thread (x2 for the 2 cores when idle): simulation %.0f galaxies/s, "
                + "RL %.0f images/s single, %.0f images/s paired, Wiener %.0f images/s%n", simCpu, rlCpu, rlPairCpu, wiCpu);
        System.out.printf("mean PSNR (dB, R = truth max-min): degraded %.2f, RL %.2f, Wiener %.2f%n", pd / n, pr / n, pw / n);
        System.out.printf("mean SSIM: degraded %.4f, RL %.4f, Wiener %.4f%n", sd / n, sr / n, sw / n);
    }
}
