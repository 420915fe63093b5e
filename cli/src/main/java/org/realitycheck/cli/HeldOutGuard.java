package org.realitycheck.cli;

import java.nio.file.Path;
import java.util.List;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.TrainingContent;
import org.realitycheck.core.model.Models;

/**
 * Refuses a held-out set that shares images with the model's training set ({@link TrainingContent}: the card
 * lists the content hashes of what {@code train --data} trained on), so that a gate on a scientist's own images
 * never scores the model on what it has seen.
 */
final class HeldOutGuard {
    private HeldOutGuard() {
    }

    /**
     * @param model the model file
     * @param card its separate card (ONNX), or null
     * @param data the held-out folder, for the message
     * @param held the loaded held-out set
     * @throws BadInputException naming the folder and the first shared ids when any held-out image is a training image
     */
    static void refuseTrainingImages(Path model, Path card, Path data, SampleSet held) {
        ModelCard trained;
        try (Generator g = (card == null ? Models.open(model) : Models.open(model, card)).generator()) {
            trained = g.card();
        }
        List<String> shared = TrainingContent.overlap(trained, held);
        if (!shared.isEmpty()) {
            throw BadInputException.at(data, "", shared.size() + " of " + held.size() + " held-out samples were in the model's "
                    + "training set (same truth content SHA-256 as listed in its card), e.g. "
                    + String.join(", ", shared.subList(0, Math.min(5, shared.size())))
                    + "; expected held-out images the model never saw (simulate astro --from splits them by content hash)");
        }
    }
}
