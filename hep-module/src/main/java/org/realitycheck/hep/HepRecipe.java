package org.realitycheck.hep;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.TrainingRecipe;
import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.fit.HelixFitMethod;
import org.realitycheck.hep.gan.TrackGan;

/**
 * The hep training recipe ({@link HepDomain#recipe()}), in the domain's current detector: the GAN is
 * trained on the fit's parameters ({@link #withFitTargets}), as in the talk, in the seeded frame
 * ({@link TrackGan#seeded}: rotated hits replaced by a three-point helix seed and the hits' residuals from it),
 * which {@link #adapt} applies to a loaded generator's inputs (and undoes on its outputs); architecture and
 * configuration from {@link TrackTraining}. Validation sets keep the truth.
 *
 * <p>Training option {@value #FIT_FIELD_SCALE}: the fit that makes the targets assumes a field that many
 * times the true one (a miscalibration study; default 1).
 */
public final class HepRecipe implements TrainingRecipe {
    /** The training option that miscalibrates the fit's field. */
    public static final String FIT_FIELD_SCALE = "fit-field-scale";

    private final HepDomain domain;

    HepRecipe(HepDomain domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    @Override
    public Set<String> trainingOptions() {
        return Set.of(FIT_FIELD_SCALE);
    }

    /**
     * The track GAN's training set: fit targets ({@link #withFitTargets}) in the seeded frame
     * ({@link TrackGan#seeded}); {@link #adapt} applies the same preprocessing on the trained generator. With
     * {@value #FIT_FIELD_SCALE} the fit assumes a scaled field.
     */
    @Override
    public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
        double scale = fieldScale(options);
        if (scale == 1.0) {
            return TrackGan.seeded(withFitTargets(data));
        }
        Detector d = domain.detector();
        return TrackGan.seeded(TrackTraining.fitTargets(new HelixFitMethod(d.withBField(d.bField() * scale)), data));
    }

    @Override
    public String describeTrainingOptions(Map<String, String> options) {
        double field = fieldScale(options);
        if (field == 1.0) {
            return "";
        }
        double b = domain.detector().bField();
        return String.format(Locale.ROOT, "training targets from a helix fit assuming B = %.4g T while the "
                + "hits were simulated in %.4g T (a miscalibrated field, scale %s)", b * field, b, field);
    }

    private static double fieldScale(Map<String, String> options) {
        for (String k : options.keySet()) {
            if (!k.equals(FIT_FIELD_SCALE)) {
                throw new IllegalArgumentException("unknown hep training option '" + k + "'; known options: "
                        + FIT_FIELD_SCALE);
            }
        }
        String v = options.get(FIT_FIELD_SCALE);
        if (v == null) {
            return 1.0;
        }
        double f;
        try {
            f = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FIT_FIELD_SCALE + " must be a number, got '" + v + "'");
        }
        if (!(f > 0) || Double.isInfinite(f)) {
            throw new IllegalArgumentException(FIT_FIELD_SCALE + " must be > 0, got " + v);
        }
        return f;
    }

    /**
     * Hep models work in a frame of their own (the card's {@value TrackGan#NOTE_FRAME} note says which: seeded,
     * or rotated for cards from before the seed): wrap them so they take and return physical values.
     */
    @Override
    public Generator adapt(Generator raw) {
        return TrackGan.wrap(raw);
    }

    /**
     * The frame the network was trained in ({@link TrackGan#seededNote}), under the card's
     * {@value TrackGan#NOTE_FRAME} note, which {@link #adapt} reads back; cards without it (from before the
     * seed, the ONNX example's) get the rotated frame.
     */
    @Override
    public ModelCard record(ModelCard trained) {
        return trained.withNote(TrackGan.NOTE_FRAME, TrackGan.seededNote(trained));
    }

    /** The track GAN's MLPs for the current detector ({@link TrackTraining#architecture}). */
    @Override
    public GanArchitecture architecture() {
        return TrackTraining.architecture(domain.detector());
    }

    /** {@link TrackTraining#config()}. */
    @Override
    public TrainingConfig trainingConfig() {
        return TrackTraining.config();
    }

    /** The YAML resource {@code org/realitycheck/hep/default-policy.yaml}. */
    @Override
    public InputStream policy() {
        InputStream in = HepRecipe.class.getResourceAsStream("default-policy.yaml");
        if (in == null) {
            throw new IllegalStateException("resource org/realitycheck/hep/default-policy.yaml is missing from the jar");
        }
        return in;
    }

    /** Targets replaced by the current detector's fit ({@link TrackTraining#fitTargets}). */
    public SampleSet withFitTargets(SampleSet truthSet) {
        return TrackTraining.fitTargets(domain.setup().fit(), truthSet);
    }
}
