package org.realitycheck.astro;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.realitycheck.astro.deconv.RichardsonLucy;
import org.realitycheck.astro.deconv.Wiener;
import org.realitycheck.astro.gan.AstroGan;
import org.realitycheck.astro.metrics.ImageQuality;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;

/**
 * The longer astro GAN run (not a test): trains on {@code nTrain} simulated galaxies for {@code epochs}
 * epochs and prints the mean PSNR (dB, R = truth max − min) and SSIM of degraded input, Richardson–Lucy,
 * Wiener and GAN on {@code nTest} held-out galaxies (seed 999). Also prints truth percentiles.
 * Usage: {@code AstroGanProfile nTrain epochs nTest [model.zip]} or {@code AstroGanProfile eval model.zip nTest}; system properties {@code astro.base}
 * (U-Net/PatchGAN base filters, 16), {@code astro.options} (simulator options, {@code k=v,k=v}), {@code astro.stretch} ({@code lo,hi,a,b}), {@code astro.l1} (λ, 100), {@code astro.checkpoints} (a folder for a checkpoint per epoch), {@code astro.lr} (2e-4) and {@code astro.batch} (16).
 */
public final class AstroGanProfile {
    private AstroGanProfile() {
    }

    /**
     * Prints mean PSNR and SSIM of degraded, RL, Wiener and GAN against the truth: in counts with
     * R = max − min of the truth, and (the paper's convention) on the {@link AstroGan#STRETCH}-stretched
     * images with R = 1.
     */
    static void evaluate(Generator g, SampleSet test, int size) {
        List<float[]> out = g.generateAll(test, 7);
        List<Estimate> rl = RichardsonLucy.defaults().estimateAll(test);
        List<Estimate> wi = Wiener.defaults().estimateAll(test);
        double[] p = new double[4];
        double[] s = new double[4];
        double[] ps = new double[4];
        int n = test.size();
        for (int i = 0; i < n; i++) {
            float[] t = test.get(i).target().orElseThrow();
            double r = ImageQuality.range(t);
            float[][] est = {test.get(i).condition(), rl.get(i).value(), wi.get(i).value(), out.get(i)};
            float[] ts = AstroGan.STRETCH.apply(t);
            for (int k = 0; k < 4; k++) {
                p[k] += ImageQuality.psnr(t, est[k], r) / n;
                s[k] += ImageQuality.ssim(t, est[k], size, size, r) / n;
                ps[k] += ImageQuality.psnr(ts, AstroGan.STRETCH.apply(est[k]), 1.0) / n;
            }
        }
        System.out.printf("held-out %d: PSNR degraded %.2f, RL %.2f, Wiener %.2f, GAN %.2f dB%n", n, p[0], p[1], p[2], p[3]);
        System.out.printf("held-out %d: SSIM degraded %.4f, RL %.4f, Wiener %.4f, GAN %.4f%n", n, s[0], s[1], s[2], s[3]);
        System.out.printf("held-out %d: stretched PSNR (R = 1) degraded %.2f, RL %.2f, Wiener %.2f, GAN %.2f dB%n", n, ps[0],
                ps[1], ps[2], ps[3]);
    }

    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("eval")) {
            // eval MODEL.zip nTest: re-evaluate a saved model on the same held-out set
            SampleSet test = new GalaxySimulator(SimConfig.defaults()).simulate(Integer.parseInt(args[2]), 999);
            evaluate(ModelArtifact.load(Path.of(args[1])), test, 64);
            return;
        }
        int nTrain = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int nTest = Integer.parseInt(args[2]);
        Map<String, String> opts = new java.util.LinkedHashMap<>();
        for (String kv : System.getProperty("astro.options", "").split(",")) {
            if (!kv.isBlank()) {
                opts.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        SimConfig cfg = SimConfig.fromOptions(opts);
        int size = cfg.size();
        GalaxySimulator sim = new GalaxySimulator(cfg);
        SampleSet train = sim.simulate(nTrain, 1);
        SampleSet test = sim.simulate(nTest, 999);
        float[] peaks = new float[train.size()];
        for (int i = 0; i < train.size(); i++) {
            float m = Float.NEGATIVE_INFINITY;
            for (float v : train.get(i).target().orElseThrow()) {
                m = Math.max(m, v);
            }
            peaks[i] = m;
        }
        Arrays.sort(peaks);
        System.out.printf("truth peak percentiles: 50%% %.2f, 90%% %.2f, 99%% %.2f, 99.9%% %.2f, max %.2f%n",
                peaks[peaks.length / 2], peaks[(int) (0.9 * peaks.length)], peaks[(int) (0.99 * peaks.length)],
                peaks[(int) (0.999 * peaks.length)], peaks[peaks.length - 1]);
        AstroGan gan = AstroGan.defaults(cfg);
        int base = Integer.getInteger("astro.base", 16);
        double lr = Double.parseDouble(System.getProperty("astro.lr", "2e-4"));
        int batch = Integer.getInteger("astro.batch", 16);
        if (base != 16) {
            gan = new AstroGan(org.realitycheck.core.nn.GanArchitecture.pix2pix(
                    new org.realitycheck.core.nn.UNetSpec(size, 1, 1, 4, base, 0.5, "tanh"),
                    new org.realitycheck.core.nn.PatchGanSpec(size, 1, 1, 3, base)), gan.config(), gan.stretch());
        }
        String st = System.getProperty("astro.stretch");
        if (st != null) {
            String[] f = st.split(",");
            gan = new AstroGan(gan.architecture(), gan.config(), new org.realitycheck.astro.degrade.Stretch(Double.parseDouble(f[0]),
                    Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
        }
        org.realitycheck.core.TrainingConfig c = gan.config();
        double l1 = Double.parseDouble(System.getProperty("astro.l1", "100"));
        gan = gan.withConfig(new org.realitycheck.core.TrainingConfig(epochs, batch, c.loss(), l1, lr,
                c.beta1(), c.beta2(), c.discriminatorSteps(), c.weightClip(), c.seed()));
        long t0 = System.nanoTime();
        String ck = System.getProperty("astro.checkpoints");
        GanModel model = gan.train(train, ck == null ? List.of()
                : List.of(new org.realitycheck.core.train.CheckpointWriter(Path.of(ck), 1)));
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("trained %d images x %d epochs in %.1f s (%.1f images/s)%n", nTrain, epochs, secs, nTrain * epochs / secs);
        if (args.length > 3) {
            ModelArtifact.write(model, Path.of(args[3]));
        }
        evaluate(model.generator(), test, size);
        System.out.println("card covariate ranges: redshift " + model.card().covariateRanges().get("redshift"));
    }
}
