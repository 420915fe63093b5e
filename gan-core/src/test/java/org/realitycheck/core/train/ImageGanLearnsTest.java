package org.realitycheck.core.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;
import org.realitycheck.core.testing.TestData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import org.realitycheck.core.TrainingConfig;

/**
 * pix2pix on a tiny task: blurred discs (Gaussian σ = 1.5 px) → sharp discs, 32×32, values in
 * [−1, 1]. After a short budget the generator's MSE against the truth on held-out images must be
 * below the blurred input's divided by {@value #FACTOR}. Budget: 256 images, 6 epochs of batch 8
 * (192 generator steps, about 10 s); U-Net depth 3 / 8 filters, PatchGAN 2 layers; λ = 100,
 * Adam(1e-3, 0.5, 0.999): pix2pix's 2e-4 needs many more steps.
 *
 * <p><b>Why the margin holds on any CPU of this kind.</b> oneDNN picks its convolution kernels per
 * instruction set, so on another CPU the 192 steps follow another trajectory; training seeds stand in
 * for that spread. Measured improvement (input MSE / GAN MSE) for seeds 5–12 on the AVX2 machine:
 * ×4.3, 4.4, 4.9, 5.4, 6.8, 8.3, 9.8, 10.9 (ln ratio 1.87 ± 0.37). The bound ×{@value #FACTOR} sits
 * a factor 2.1 below the worst seed and 3.2σ below the mean ln ratio (the former ×3 was 1.4× below
 * the worst seed, 2.1σ: about one CPU in fifty would fail it). It still fails a generator that does
 * not deblur: returning the blurred input gives ×1, the untrained generator ×0.015
 * ({@link #criterionRejectsGeneratorsThatDoNotDeblur}).
 */
class ImageGanLearnsTest {
    private static final Logger LOG = LoggerFactory.getLogger(ImageGanLearnsTest.class);
    private static final double FACTOR = 2.0;
    private static final SampleSet TRAIN = TestData.discs(256, 32, 1.5, 1);
    private static final SampleSet TEST = TestData.discs(64, 32, 1.5, 2);
    private static final GanArchitecture ARCH = GanArchitecture.pix2pix(new UNetSpec(32, 1, 1, 3, 8, 0.5, "tanh"),
            new PatchGanSpec(32, 1, 1, 2, 8));
    private static final TrainingConfig CONFIG = new TrainingConfig(6, 8, "bce", 100.0, 1e-3, 0.5, 0.999, 1, 0.01, 5L);

    @Test
    void deblursBetterThanTheInput() {
        GanModel m = new GanTrainer(ARCH, CONFIG).train("discs", TRAIN, Normalization.identity());
        double gain = improvement(m.generator().generate(TEST.conditions(0, TEST.size()), 1));
        LOG.info("{} steps in {} s: x{} better than the blurred input, losses {}", m.card().steps(),
                m.card().trainingSeconds(), gain, m.card().finalLosses());
        assertThat(gain).isGreaterThan(FACTOR);
    }

    @Test
    void criterionRejectsGeneratorsThatDoNotDeblur() {
        double identity = improvement(TEST.conditions(0, TEST.size()));
        GanModel untrained = new GanTrainer(ARCH, CONFIG).initialise("discs", TRAIN, Normalization.identity());
        double initial = improvement(untrained.generator().generate(TEST.conditions(0, TEST.size()), 1));
        LOG.info("improvement of the identity x{}, of the untrained generator x{}", identity, initial);
        assertThat(identity).isLessThanOrEqualTo(FACTOR);
        assertThat(initial).isLessThanOrEqualTo(FACTOR);
    }

    /** MSE(blurred input, truth) / MSE(output, truth) on {@link #TEST}: above 1 when the output is closer. */
    private static double improvement(INDArray out) {
        INDArray truth = TEST.targets(0, TEST.size());
        INDArray blurred = TEST.conditions(0, TEST.size());
        return blurred.squaredDistance(truth) / out.squaredDistance(truth);
    }
}
