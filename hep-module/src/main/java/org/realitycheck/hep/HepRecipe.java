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
 * trained on the fit's parameters ({@link #withFitTargets}), as in the talk, in the rotated frame
 * ({@link TrackGan#rotate}), which {@link #adapt} undoes on a loaded generator; architecture and
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
     * The track GAN's training set: fit targets ({@link #withFitTargets}) in the rotated frame
     * ({@link TrackGan#rotate}); {@link #adapt} undoes the rotation on the trained generator. With
     * {@value #FIT_FIELD_SCALE} the fit assumes a scaled field.
     */
    @Override
    public SampleSet trainingSet(SampleSet data, Map<String, String> options) {
        double scale = fieldScale(options);
        if (scale == 1.0) {
            return TrackGan.rotate(withFitTargets(data));
        }
        Detector d = domain.detector();
        return TrackGan.rotate(TrackTraining.fitTargets(new HelixFitMethod(d.withBField(d.bField() * scale)), data));
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

    /** Hep models work in the rotated frame: wrap them so they take and return physical values. */
    @Override
    public Generator adapt(Generator raw) {
        return TrackGan.wrap(raw);
    }

    /** The rotated frame, for a reader of the card ({@link ModelCard#NOTE_ADAPTATION}). */
    @Override
    public ModelCard record(ModelCard trained) {
        return trained.withNote(ModelCard.NOTE_ADAPTATION, ADAPTATION);
    }

    /** What {@link #adapt} does, as the card says. */
    static final String ADAPTATION = "hits rotated about the beam axis so the innermost hit lies on +x before the "
            + "generator, and phi0 rotated back after it (hep's rotated frame, TrackGan)";

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
