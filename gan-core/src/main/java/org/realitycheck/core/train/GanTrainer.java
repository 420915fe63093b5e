package org.realitycheck.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SameDiff;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.Provenance;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.nn.Networks;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a conditional GAN (Goodfellow et al. 2014; Mirza &amp; Osindero 2014) with alternating
 * updates: for every batch one discriminator update, and one generator update after every
 * {@code discriminatorSteps} discriminator updates.
 *
 * <p>Losses, with x the condition, y the target, D's logits s and σ the logistic function:
 * <ul>
 *   <li>{@code bce}: L_D = BCE(s(x, y), 1) + BCE(s(x, G(x)), 0), and the non-saturating
 *       L_G = BCE(s(x, G(x)), 1) + λ·mean|G(x) − y| (pix2pix, Isola et al. 2017);</li>
 *   <li>{@code wgan}: L_D = mean s(x, G(x)) − mean s(x, y) with D's weights clipped to
 *       [−c, c] after each update, L_G = −mean s(x, G(x)) + λ·mean|G(x) − y| (Arjovsky et al. 2017).</li>
 * </ul>
 * Adam(lr, β1, β2, ε = 1e-8) on each network (Kingma &amp; Ba 2015), with the rate constant or, when
 * {@link TrainingConfig#decayEpochs()} {@code > 0}, decaying linearly to zero over the last epochs
 * ({@link LinearDecaySchedule}, pix2pix's schedule).
 *
 * <p><b>Loop design.</b> G and D are separate SameDiff graphs, each with its own Adam state, so an
 * update of one can never touch the other's variables. The D update is {@code D.fit} on the batch of
 * real and generated pairs concatenated. The G update first asks D for ∂L_adv/∂G(x) (gradient with
 * respect to D's input placeholder, {@code calculateGradients}), then runs {@code G.fit} on the
 * surrogate loss Σ G(x)·∂L_adv/∂G(x) + λ·L1, whose parameter gradient equals the true one.
 *
 * <p>The alternative (the same graphs, {@code calculateGradients} for every variable and one ND4J Adam
 * {@code GradientUpdater} per variable) trains equally fast within the noise (measurements in
 * docs/training.md); {@code fit} is kept because it stores Adam's state in SameDiff's own saved format,
 * which makes checkpoints resume bit for bit with no extra code.
 *
 * <p><b>Randomness.</b> Weights come from {@code SplittableRandom(seed)} (G from its first split,
 * D from its second); batch order from {@link SampleSet#batchIndices} with seed {@code seed + epoch};
 * noise and dropout masks of iteration i from seed {@code mix(seed, i)}. With the same seed, data
 * and {@code OMP_NUM_THREADS}, parameters are bit-identical, and resuming from a checkpoint written
 * after epoch k reproduces the uninterrupted run bit for bit.
 */
public final class GanTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(GanTrainer.class);

    private final GanArchitecture architecture;
    private final TrainingConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();

    /**
     * @param architecture generator and discriminator specs, never null
     * @param config the training configuration, never null
     */
    public GanTrainer(GanArchitecture architecture, TrainingConfig config) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.config = Objects.requireNonNull(config, "config");
        checkSpecsAgree(architecture);
    }

    /** Adds a listener (progress, history, checkpoints); returns this trainer. */
    public GanTrainer addListener(TrainingListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
        return this;
    }

    /**
     * Trains from scratch for {@code config.epochs()} epochs.
     *
     * @param domain the domain name recorded in the card, never null
     * @param data training samples, every one with a target, shapes matching the architecture
     * @param normalization physical → network transforms for conditions and targets
     * @return the trained model with its card
     * @throws IllegalArgumentException if the data is empty, lacks targets or has the wrong shapes
     * @throws DivergedTrainingException at the first step whose loss is not finite (no later step runs)
     */
    public GanModel train(String domain, SampleSet data, Normalization normalization) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(normalization, "normalization");
        checkData(data);
        GanModel model = initialise(domain, data, normalization);
        return run(model, data);
    }

    /**
     * Continues training a checkpoint up to {@code config.epochs()} epochs in total. Resuming from a
     * checkpoint written after epoch k, with the same data, gives bit-identical parameters to an
     * uninterrupted run.
     *
     * @param checkpoint a model from {@link org.realitycheck.core.model.ModelArtifact#read} or a listener
     * @param data the same training data as the interrupted run (checked by SHA-256)
     * @return the model after {@code config.epochs()} epochs (the checkpoint itself if already there)
     * @throws IllegalArgumentException if architecture, configuration (apart from epochs) or data differ,
     *     or epochs differ under a decaying learning rate (the schedule is laid out over the whole run)
     */
    public GanModel resume(GanModel checkpoint, SampleSet data) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        checkData(data);
        ModelCard card = checkpoint.card();
        if (!card.architecture().equals(architecture)) {
            throw new IllegalArgumentException("checkpoint architecture " + card.architecture()
                    + " differs from the trainer's " + architecture);
        }
        if (!card.training().withEpochs(config.epochs()).equals(config)) {
            throw new IllegalArgumentException("checkpoint training config " + card.training()
                    + " differs from the trainer's " + config + " (only epochs may change)");
        }
        if (config.decayEpochs() > 0 && card.training().epochs() != config.epochs()) {
            throw new IllegalArgumentException("a decaying learning rate is laid out over the run's "
                    + card.training().epochs() + " epochs; resume with those, not " + config.epochs());
        }
        if (!card.trainingDataSha256().equals(data.sha256())) {
            throw new IllegalArgumentException("resume needs the checkpoint's training data (SHA-256 "
                    + card.trainingDataSha256() + "), got " + data.sha256());
        }
        return run(checkpoint, data);
    }

    /** A fresh model: seeded weights, Adam state empty, card with zero steps. */
    GanModel initialise(String domain, SampleSet data, Normalization normalization) {
        SplittableRandom root = new SplittableRandom(config.seed());
        SameDiff g = Networks.generator(architecture.generator(), config.l1Weight(), root.split());
        SameDiff d = Networks.discriminator(architecture.discriminator(), config.loss(), root.split());
        GanModel.TrainingState state = new GanModel.TrainingState(0, 0, 0, 0.0);
        return new GanModel(g, d, card(domain, data, normalization, state, Map.of()), state);
    }

    private GanModel run(GanModel start, SampleSet data) {
        GanLoop loop = new GanLoop(architecture, config, start.generatorGraph(), start.discriminatorGraph(), data,
                start.card().normalization());
        GanModel model = start;
        GanModel.TrainingState state = start.state();
        Map<String, Double> last = new LinkedHashMap<>(start.card().finalLosses());
        Provenance provenance = Provenance.current();
        boolean dropLast = data.size() >= config.batchSize();
        for (int epoch = state.epochsCompleted() + 1; epoch <= config.epochs(); epoch++) {
            long t0 = System.nanoTime();
            long iterations = state.iterations();
            long steps = state.generatorSteps();
            for (int[] batch : data.batchIndices(config.batchSize(), config.seed() + epoch, dropLast)) {
                boolean gStep = (iterations + 1) % config.discriminatorSteps() == 0;
                Map<String, Double> losses = loop.iterate(batch, iterations, gStep);
                if (!DivergedTrainingException.finite(losses)) {
                    throw DivergedTrainingException.at(epoch, iterations, losses, data, batch);
                }
                iterations++;
                last.putAll(losses);
                if (gStep) {
                    steps++;
                    for (TrainingListener l : listeners) {
                        l.onStep(steps, epoch, Map.copyOf(last));
                    }
                }
            }
            double seconds = state.trainingSeconds() + (System.nanoTime() - t0) / 1e9;
            state = new GanModel.TrainingState(epoch, iterations, steps, seconds);
            model = model.with(updated(start.card(), provenance, state, last), state);
            LOG.debug("epoch {}/{}: {} generator steps, losses {}", epoch, config.epochs(), steps, last);
            for (TrainingListener l : listeners) {
                l.onEpochEnd(epoch, model);
            }
        }
        return model;
    }

    private ModelCard card(String domain, SampleSet data, Normalization normalization, GanModel.TrainingState state,
            Map<String, Double> losses) {
        return new ModelCard(ModelCard.SCHEMA_VERSION, domain, architecture, config, config.seed(), data.sha256(),
                data.size(), data.conditionShape(), data.targetShape(), data.covariateRanges(), normalization,
                Provenance.current(), state.trainingSeconds(), state.generatorSteps(), losses);
    }

    /** The card after more training: data fields from {@code base} (hashed once), this trainer's config. */
    private ModelCard updated(ModelCard base, Provenance provenance, GanModel.TrainingState state,
            Map<String, Double> losses) {
        return new ModelCard(ModelCard.SCHEMA_VERSION, base.domain(), architecture, config, config.seed(),
                base.trainingDataSha256(), base.trainingSamples(), base.conditionShape(), base.targetShape(),
                base.covariateRanges(), base.normalization(), provenance, state.trainingSeconds(),
                state.generatorSteps(), losses);
    }

    private void checkData(SampleSet data) {
        Objects.requireNonNull(data, "data");
        if (data.isEmpty()) {
            throw new IllegalArgumentException("training data is empty");
        }
        if (!data.allHaveTargets()) {
            throw new IllegalArgumentException("every training sample needs a target");
        }
        GanArchitecture.Spec g = architecture.generator();
        checkShape("condition", data.conditionShape(), Networks.conditionShape(g));
        checkShape("target", data.targetShape(), Networks.outputShape(g));
    }

    /** A shape the data has and the network does not take is the user's data, not a bug: bad input. */
    private static void checkShape(String what, long[] data, long[] net) {
        boolean image = net.length == 3;
        boolean ok = image ? Arrays.equals(data, net) : prod(data) == prod(net);
        if (!ok) {
            throw new org.realitycheck.core.BadInputException("the training data's " + what + " shape "
                    + Arrays.toString(data) + (image ? " (channels, height, width)" : "")
                    + " does not fit the architecture, which expects " + Arrays.toString(net));
        }
    }

    private static void checkSpecsAgree(GanArchitecture a) {
        long[] gc = Networks.conditionShape(a.generator());
        long[] go = Networks.outputShape(a.generator());
        if (!(a.generator() instanceof UNetSpec || a.generator() instanceof MlpGeneratorSpec)
                || !(a.discriminator() instanceof PatchGanSpec || a.discriminator() instanceof MlpDiscriminatorSpec)) {
            throw new IllegalArgumentException("need a generator spec (U-Net, MLP) and a discriminator spec"
                    + " (PatchGAN, MLP), got " + a);
        }
        if (!Arrays.equals(gc, Networks.conditionShape(a.discriminator()))
                || !Arrays.equals(go, Networks.outputShape(a.discriminator()))) {
            throw new IllegalArgumentException("generator and discriminator shapes disagree: G "
                    + Arrays.toString(gc) + "->" + Arrays.toString(go) + ", D sees "
                    + Arrays.toString(Networks.conditionShape(a.discriminator())) + " + "
                    + Arrays.toString(Networks.outputShape(a.discriminator())));
        }
    }

    private static long prod(long[] s) {
        long n = 1;
        for (long d : s) {
            n *= d;
        }
        return n;
    }
}
