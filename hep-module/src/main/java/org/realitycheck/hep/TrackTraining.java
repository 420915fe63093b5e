package org.realitycheck.hep;

import java.util.ArrayList;
import java.util.List;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.gan.TrackSeed;
import org.realitycheck.hep.track.TrackParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hep training recipe ({@link HepRecipe#architecture}, {@link HepRecipe#trainingConfig},
 * {@link HepRecipe#withFitTargets}): what the track GAN is, how it is trained, and on which targets.
 * The measurements behind the choices are in docs/hep-gan.md.
 */
public final class TrackTraining {
    private static final Logger LOG = LoggerFactory.getLogger(TrackTraining.class);

    private TrackTraining() {
    }

    /**
     * MLP generator on the seeded condition ({@link TrackSeed}: rotated hits, a three-point helix seed and the
     * hits' residuals from it; 65 values for 10 layers) ⊕ 8 noise values → 5 parameters (3 × 128 hidden) with
     * a linear skip path from the condition ({@link MlpGeneratorSpec#linearSkip()}), MLP discriminator on
     * the condition ⊕ parameters (2 × 128 hidden); 128 wide keeps inference at a large batch cheap. The skip
     * path, because in the rotated frame the sagitta offsets and z are nearly linear in q/p_T and cot θ (a
     * least-squares linear read-out alone reaches 2.4× the fit's q/p_T width, 1.1× its φ0 width; measured in
     * docs/hep-gan.md); the seed, because that linearity fails below ~1 GeV, and the fit's parameters are
     * the seed's plus a correction linear in the small residuals at every p_T.
     */
    public static GanArchitecture architecture(Detector detector) {
        int c = TrackSeed.length(detector.layers());
        return GanArchitecture.mlp(
                new MlpGeneratorSpec(c, 8, TrackParameters.SIZE, new int[] {128, 128, 128}).withLinearSkip(true),
                new MlpDiscriminatorSpec(c, TrackParameters.SIZE, new int[] {128, 128}));
    }

    /**
     * BCE + 1000·L1, Adam(3e-2, 0.9, 0.999), batch 512, 48 epochs with the learning rate decaying
     * linearly to zero over all of them (pix2pix's schedule), seed 42. Far from pix2pix's constant 2e-4:
     * the regression needs ~0.1% of each parameter's spread, which a constant rate never reaches (every
     * output stalled at ~3.5% of its spread), and a CPU affords few steps, so a large rate, annealed to zero,
     * with large batches (a step costs about the same at batch 128 and 512 here). Measured in
     * docs/hep-gan.md.
     */
    public static TrainingConfig config() {
        return new TrainingConfig(48, 512, "bce", 1000.0, 3e-2, 0.9, 0.999, 1, 0.01, 42L, 48);
    }

    /**
     * The training set of the talk's setup: each sample's target replaced by the conventional fit's
     * parameters (covariates, which carry the truth, are kept for the card's ranges). Samples the fit
     * rejects (fewer than 3 hits, χ²/ndf above the cut) are dropped, since there is no target for them.
     *
     * @param fit the conventional fit of the data's detector
     * @param truthSet samples with hits; their targets are ignored
     * @return the samples with fit targets, same ids and order
     */
    public static SampleSet fitTargets(ConventionalMethod fit, SampleSet truthSet) {
        List<Estimate> est = fit.estimateAll(truthSet);
        List<Sample> out = new ArrayList<>(truthSet.size());
        for (int i = 0; i < truthSet.size(); i++) {
            Estimate e = est.get(i);
            if (!e.valid()) {
                continue;
            }
            Sample s = truthSet.get(i);
            out.add(new Sample(s.id(), s.kind(), s.condition(), e.value(), s.covariates()));
        }
        if (out.size() < truthSet.size()) {
            LOG.info("withFitTargets: dropped {} of {} samples the fit rejected", truthSet.size() - out.size(),
                    truthSet.size());
        }
        return new SampleSet(out, truthSet.conditionShape(), truthSet.targetShape());
    }
}
