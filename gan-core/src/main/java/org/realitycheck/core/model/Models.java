package org.realitycheck.core.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;

/**
 * Loads a model file as the {@link Generator} validation runs: a file a registered {@link ModelFormat}
 * accepts (an ONNX export, with the onnx module on the classpath), else our artifact zip or a DL4J
 * {@code ModelSerializer} zip with a card beside it ({@link ModelArtifact#load}), adapted by the domain
 * named in its card ({@link org.realitycheck.core.TrainingRecipe#adapt}) unless the model works in physical units already.
 */
public final class Models {
    private Models() {
    }

    /**
     * A loaded model: the generator as its format read it, and what the check of an import found.
     *
     * @param generator the generator, never null
     * @param domainFrame true when it works in its domain's model frame ({@link org.realitycheck.core.TrainingRecipe#adapt} applies,
     *     as for our own artifacts); false when it takes and returns physical values already
     * @param fidelity how closely an imported model reproduces its source framework's outputs; empty
     *     for our own artifacts, which need no such check
     */
    public record Loaded(Generator generator, boolean domainFrame, Optional<ImportFidelity> fidelity) {
        public Loaded {
            Objects.requireNonNull(generator, "generator");
            Objects.requireNonNull(fidelity, "fidelity");
        }
    }

    /**
     * @param file the model file, never null
     * @return a generator in physical units
     * @throws BadInputException when the file is missing, corrupt, foreign, fails its format's import
     *     check or names an unknown domain
     */
    public static Generator load(Path file) {
        return open(file).generator();
    }

    /**
     * As {@link #load}, keeping what the import check found (for the run's provenance).
     *
     * @param file the model file, never null
     * @return the generator in physical units, with the import check's result
     * @throws BadInputException as {@link #load}
     */
    public static Loaded open(Path file) {
        Loaded raw = null;
        for (ModelFormat f : formats()) {
            if (f.accepts(file)) {
                raw = f.load(file);
                break;
            }
        }
        if (raw == null) {
            Path name = file.getFileName();
            if (name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
                throw BadInputException.at(file, "", "no ONNX model format on the class path; add realitycheck's onnx-module");
            }
            raw = new Loaded(ModelArtifact.load(file), true, Optional.empty());
        }
        return adapted(file, raw);
    }

    /**
     * As {@link #open(Path)}, with the card named explicitly (an ONNX model's card that does not sit beside it).
     *
     * @param file the model file, never null
     * @param card its card, never null
     * @throws BadInputException as {@link #load}, or when no registered format reads a separate card for this file
     */
    public static Loaded open(Path file, Path card) {
        for (ModelFormat f : formats()) {
            if (f.accepts(file)) {
                return adapted(file, f.load(file, card));
            }
        }
        throw BadInputException.at(card, "", "a separate card applies to imported models (ONNX) only; " + file.getFileName()
                + " carries or finds its own card");
    }

    /** Checks the card's domain and wraps the generator in the domain's frame when it works in it. */
    private static Loaded adapted(Path file, Loaded raw) {
        String name = raw.generator().card().domain();
        Domain domain;
        try {
            domain = Domains.byName(name);
        } catch (IllegalArgumentException e) {
            raw.generator().close();
            throw BadInputException.at(file, "card.json: domain", e.getMessage(), e);
        }
        return raw.domainFrame() ? new Loaded(domain.recipe().adapt(raw.generator()), true, raw.fidelity()) : raw;
    }

    /** @return the registered formats, in class-path order */
    public static List<ModelFormat> formats() {
        List<ModelFormat> out = new ArrayList<>();
        ServiceLoader.load(ModelFormat.class, Models.class.getClassLoader()).forEach(out::add);
        return out;
    }
}
