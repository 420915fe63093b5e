package org.realitycheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.realitycheck.core.BadInputException;

/**
 * A training recipe: the arguments of one {@code realitycheck train} run, committed as YAML
 * ({@code models/<name>.yaml}) so that anyone can rebuild a shipped model with
 * {@code realitycheck train --recipe models/<name>.yaml --out models/<name>.zip}. The keys are the
 * train command's long option names; an option given on the command line wins over the recipe.
 * Absent keys take the command's defaults. Unknown keys are errors.
 *
 * @param domain the domain name, never null
 * @param seed training seed (also the simulation seed), or null for the default
 * @param count samples to simulate, or null
 * @param epochs epochs, or null for the domain's
 * @param batch batch size, or null for the domain's
 * @param learningRate Adam's learning rate, or null for the domain's
 * @param l1Weight λ of the L1 term, or null for the domain's
 * @param decayEpochs epochs of linear learning-rate decay at the end, or null for the domain's
 * @param options simulation options ({@code simulate -O}), never null
 * @param trainingOptions the recipe's training options ({@code train --training-option}), never null
 * @param fitFieldScale deprecated ({@code training-option: {fit-field-scale: F}}): hep's field scale, or null
 * @param formulation what the generator learns, for a domain that offers a choice (astro: {@code residual-rl}, {@code direct}),
 *     or null for the domain's default
 * @param release true to write a release artifact (no discriminator, no optimiser state)
 * @param description one paragraph: what the model is for and why the recipe is what it is
 */
record Recipe(String domain, Long seed, Integer count, Integer epochs, Integer batch,
        @JsonProperty("learning-rate") Double learningRate, @JsonProperty("l1-weight") Double l1Weight,
        @JsonProperty("decay-epochs") Integer decayEpochs, @JsonProperty("option") Map<String, String> options,
        @JsonProperty("training-option") Map<String, String> trainingOptions, @JsonProperty("fit-field-scale") Double fitFieldScale, String formulation, Boolean release, String description) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    Recipe {
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("domain is required");
        }
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        trainingOptions = trainingOptions == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trainingOptions));
        description = description == null ? "" : description.strip();
    }

    /**
     * Reads a recipe.
     *
     * @throws BadInputException naming the file and key when it is missing, not YAML or has unknown keys
     */
    static Recipe read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "", "no such recipe file");
        }
        try {
            return YAML.readValue(file.toFile(), Recipe.class);
        } catch (UnrecognizedPropertyException e) {
            throw BadInputException.at(file, e.getPropertyName(), "unknown recipe key; known keys: domain, seed, count, "
                    + "epochs, batch, learning-rate, l1-weight, decay-epochs, option, training-option, formulation, release, description "
                    + "(fit-field-scale: deprecated)");
        } catch (IOException | IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            throw BadInputException.at(file, "", "not a valid recipe (" + (nl < 0 ? m : m.substring(0, nl)) + ")");
        }
    }
}
