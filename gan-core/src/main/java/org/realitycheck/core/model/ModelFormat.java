package org.realitycheck.core.model;

import java.nio.file.Path;

import org.realitycheck.core.BadInputException;

/**
 * A model file format other than our own artifact zip (ONNX exports of PyTorch and TensorFlow models),
 * plugged in through {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.realitycheck.core.model.ModelFormat}. {@link Models#load} asks each registered
 * format whether it {@link #accepts} a file before falling back to our artifact, so gan-core and
 * validation never import a format's classes.
 */
public interface ModelFormat {
    /** @return a short name for errors and provenance, e.g. {@code onnx} */
    String name();

    /**
     * @param file the model file as the user named it, never null
     * @return true when this format reads the file (by its name or its first bytes); a file accepted
     *     here is never tried as a model artifact, so a corrupt file gets this format's error
     */
    boolean accepts(Path file);

    /**
     * Loads the model, checking everything its format promises (e.g. that it reproduces reference
     * outputs) before anything is judged.
     *
     * @param file the model file, accepted by {@link #accepts}
     * @return the generator in the frame {@link Models.Loaded#domainFrame()} names, and what the check of
     *     the import found
     * @throws BadInputException naming the file and the problem when the model or its card is unusable
     */
    Models.Loaded load(Path file);

    /**
     * As {@link #load}, with the card named explicitly rather than found beside the model.
     *
     * @param file the model file, accepted by {@link #accepts}
     * @param card the card file
     * @throws BadInputException as {@link #load}; by default, because this format reads no separate card
     */
    default Models.Loaded load(Path file, Path card) {
        throw BadInputException.at(card, "", "a " + name() + " model takes no separate card");
    }
}
