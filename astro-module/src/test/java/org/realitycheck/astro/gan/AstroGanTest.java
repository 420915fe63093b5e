package org.realitycheck.astro.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.astro.metrics.ImageQuality;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.Range;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;
import org.realitycheck.core.train.TrainingConfig;
import org.slf4j.LoggerFactory;

/**
 * A brief training run (32 generator steps) must already beat the degraded input's PSNR on held-out
 * galaxies. To fit the time budget on 2 shared cores it uses 32×32 images, 8 base filters, a noisy field
 * (σ_orig = 0.5) where denoising pays off quickly, and λ = 1000, lr 2e-3 so that the L1 term leads the
 * first steps; the default 64×64 comparison of GAN, RL and Wiener is the longer {@code AstroGanProfile}
 * run.
 *
 * <p><b>Margin: not yet safe on other CPUs.</b> Training seeds (standing in for another CPU's
 * trajectory) gave a PSNR gain over the degraded input of +0.47 dB (seed 42, the one used here),
 * −1.50 dB (43) and +0.70 dB (44): 32 steps do not beat the input reliably, so this test can fail on
 * an AVX-512 machine. It needs a longer budget or a criterion measured over seeds (issue 9); until
 * then {@link #criterionRejectsGeneratorsThatDoNotRestore} at least shows the criterion can fail.
 */
class AstroGanTest {
    @Test
    void brieflyTrainedGanBeatsTheDegradedInput() {
        SimConfig cfg = SimConfig.fromOptions(Map.of("size", "32", "sigma_orig", "0.5"));
        GalaxySimulator sim = new GalaxySimulator(cfg);
        SampleSet train = sim.simulate(TRAIN, 1);
        SampleSet test = sim.simulate(16, 999);
        AstroGan gan = new AstroGan(GanArchitecture.pix2pix(new UNetSpec(32, 1, 1, 4, 8, 0.5, "tanh"),
                new PatchGanSpec(32, 1, 1, 3, 8)),
                new TrainingConfig(EPOCHS, 16, "bce", 1000, 2e-3, 0.5, 0.999, 1, 0.01, 42), AstroGan.STRETCH);
        GanModel model = gan.train(train);

        Range z = model.card().covariateRanges().get("redshift");
        assertThat(z.min()).isGreaterThanOrEqualTo(0.01);
        assertThat(z.max()).isLessThanOrEqualTo(0.05);

        double gain = psnrGain(model.generator().generateAll(test, 7), test);
        LoggerFactory.getLogger(AstroGanTest.class).info("held-out PSNR gain of the GAN over the degraded input: {} dB",
                gain);
        assertThat(gain).as("GAN PSNR − degraded PSNR, dB").isGreaterThan(MIN_GAIN_DB);
    }

    /** Returning the degraded input (gain 0) or a blank image does not pass the criterion. */
    @Test
    void criterionRejectsGeneratorsThatDoNotRestore() {
        SampleSet test = new GalaxySimulator(SimConfig.fromOptions(Map.of("size", "32", "sigma_orig", "0.5")))
                .simulate(16, 999);
        List<float[]> identity = new ArrayList<>();
        List<float[]> blank = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            identity.add(test.get(i).condition());
            blank.add(new float[test.get(i).condition().length]);
        }
        assertThat(psnrGain(identity, test)).isLessThanOrEqualTo(MIN_GAIN_DB);
        assertThat(psnrGain(blank, test)).isLessThanOrEqualTo(MIN_GAIN_DB);
    }

    /** Mean PSNR of {@code out} minus mean PSNR of the degraded inputs against the truth, dB (R = truth max − min). */
    private static double psnrGain(List<float[]> out, SampleSet test) {
        double gain = 0;
        for (int i = 0; i < test.size(); i++) {
            float[] t = test.get(i).target().orElseThrow();
            double r = ImageQuality.range(t);
            gain += (ImageQuality.psnr(t, out.get(i), r) - ImageQuality.psnr(t, test.get(i).condition(), r)) / test.size();
        }
        return gain;
    }

    private static final int TRAIN = 128;
    private static final int EPOCHS = 4;
    private static final double MIN_GAIN_DB = 0.0;
}
