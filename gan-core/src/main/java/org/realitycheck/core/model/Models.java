package org.realitycheck.core.model;

import java.nio.file.Path;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;

/**
 * Loads a model file as the {@link Generator} validation runs: our artifact zip, or a DL4J
 * {@code ModelSerializer} zip with a card beside it ({@link ModelArtifact#load}), adapted by the
 * domain named in its card ({@link Domain#adapt}).
 */
public final class Models {
    private Models() {
    }

    /**
     * @param zip the model file, never null
     * @return a generator in physical units
     * @throws BadInputException when the file is missing, corrupt, foreign or names an unknown domain
     */
    public static Generator load(Path zip) {
        Generator raw = ModelArtifact.load(zip);
        String name = raw.card().domain();
        Domain domain;
        try {
            domain = Domains.byName(name);
        } catch (IllegalArgumentException e) {
            throw BadInputException.at(zip, "card.json: domain", e.getMessage(), e);
        }
        return domain.adapt(raw);
    }
}
