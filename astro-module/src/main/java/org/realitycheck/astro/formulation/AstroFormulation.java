package org.realitycheck.astro.formulation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.realitycheck.astro.degrade.Stretch;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.data.Normalization;

/**
 * What an astro generator maps, and so the fixed pre- and post-processing around it. A model card
 * names its formulation under {@link #NOTE_KEY}; a card without that note is {@link #DIRECT} (every
 * model trained before the residual formulation existed), so old models load and behave as before.
 */
public enum AstroFormulation {
    /**
     * GalaxyGAN's mapping (Schawinski et al. 2017): degraded image → restored image, both through the
     * asinh stretch ({@link org.realitycheck.astro.AstroRecipe#STRETCH}). No preprocessing, nothing recorded in the card.
     */
    DIRECT("direct"),
    /**
     * The generator corrects the Richardson–Lucy restoration of the degraded image ({@link RlResidual}):
     * a zero correction gives Richardson–Lucy exactly.
     */
    RESIDUAL_RL("residual-rl");

    /** {@link ModelCard#notes()} key under which a model's preprocessing is recorded. */
    public static final String NOTE_KEY = "preprocessing";

    private final String id;

    AstroFormulation(String id) {
        this.id = id;
    }

    /** @return the name recipes and the command line use ({@code direct}, {@code residual-rl}) */
    public String id() {
        return id;
    }

    /**
     * @param name {@code direct} or {@code residual-rl}, never null
     * @throws IllegalArgumentException naming the known formulations when {@code name} is none of them
     */
    public static AstroFormulation parse(String name) {
        for (AstroFormulation f : values()) {
            if (f.id.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown astro formulation '" + name + "'; known: "
                + Arrays.stream(values()).map(AstroFormulation::id).collect(Collectors.joining(", ")));
    }

    /**
     * The formulation a card records: {@link #RESIDUAL_RL} when its {@value #NOTE_KEY} note names
     * {@link RlResidual#ID}, {@link #DIRECT} when the card has no such note.
     *
     * @throws IllegalArgumentException when the card records a preprocessing this version does not know
     *     (a model from a newer version), rather than running it without
     */
    public static AstroFormulation of(ModelCard card) {
        String note = card.notes().get(NOTE_KEY);
        if (note == null) {
            return DIRECT;
        }
        if (note.startsWith(RlResidual.ID + ":") || note.equals(RlResidual.ID)) {
            return RESIDUAL_RL;
        }
        int colon = note.indexOf(':');
        throw new IllegalArgumentException("card.json notes." + NOTE_KEY + ": unknown astro preprocessing '"
                + (colon < 0 ? note : note.substring(0, colon)) + "'; this version knows " + RlResidual.ID);
    }

    /** @return the samples the generator trains on, made from labelled data (the data itself for {@link #DIRECT}) */
    public SampleSet trainingSet(SampleSet data) {
        return this == DIRECT ? data : RlResidual.trainingSet(data);
    }

    /**
     * @param stretch the domain's asinh stretch ({@link org.realitycheck.astro.AstroRecipe#STRETCH}), never null
     * @return the normalisation a new model of this formulation records
     */
    public Normalization normalization(Stretch stretch) {
        return this == DIRECT ? new Normalization(stretch.toTransform(), stretch.toTransform()) : RlResidual.normalization(stretch);
    }

    /** @return {@code card} with this formulation's preprocessing recorded (unchanged for {@link #DIRECT}) */
    public ModelCard record(ModelCard card) {
        return this == DIRECT ? card : card.withNote(NOTE_KEY, RlResidual.NOTE);
    }

    /** @return {@code raw}, a generator of this formulation, as one that takes and returns counts */
    public Generator wrap(Generator raw) {
        return this == DIRECT ? raw : RlResidual.wrap(raw);
    }

    /** @return the formulation's {@link #id()} */
    @Override
    public String toString() {
        return id;
    }
}
