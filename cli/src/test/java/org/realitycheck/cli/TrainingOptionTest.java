package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.model.ModelArtifact;

/**
 * {@code train --training-option KEY=VALUE} reaches the domain's recipe as given, whatever the domain; a
 * key the recipe does not take and a value it refuses are exit 2 before any work; the old
 * {@code --fit-field-scale} and recipe key still work, with a deprecation line.
 */
class TrainingOptionTest {
    @Test
    void aTrainingOptionIsForwardedToTheRecipe(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("m.zip");
        MainTest.Run r = MainTest.run("train", "hep", "--count", "300", "--epochs", "1", "--batch", "64",
                "--training-option", "fit-field-scale=1.05", "--out", zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("deprecated");
        try (Generator g = ModelArtifact.load(zip)) {
            assertThat(g.card().notes().get(ModelCard.NOTE_TRAINING_DATA)).contains("miscalibrated field, scale 1.05");
        }
    }

    @Test
    void theOldOptionAndRecipeKeyStillWorkWithADeprecationLine(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("m.zip");
        MainTest.Run r = MainTest.run("train", "hep", "--count", "300", "--epochs", "1", "--batch", "64",
                "--fit-field-scale", "1.05", "--out", zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("'--fit-field-scale' is deprecated").contains("--training-option fit-field-scale=1.05");
        try (Generator g = ModelArtifact.load(zip)) {
            assertThat(g.card().notes().get(ModelCard.NOTE_TRAINING_DATA)).contains("scale 1.05");
        }

        // the old recipe key reaches the recipe too: its refusal of a bad value proves it, without training
        Path recipe = tmp.resolve("old.yaml");
        Files.writeString(recipe, "domain: hep\ncount: 300\nepochs: 1\nbatch: 64\nfit-field-scale: -1.5\n");
        r = MainTest.run("train", "--recipe", recipe.toString(), "--out", tmp.resolve("r.zip").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("recipe key 'fit-field-scale' is deprecated")
                .contains("training-option: {fit-field-scale: -1.5}").contains("fit-field-scale must be > 0");
        assertThat(tmp.resolve("r.zip")).doesNotExist();
    }

    @Test
    void unknownKeysAndRefusedValuesAreExit2BeforeAnyWork(@TempDir Path tmp) {
        Path zip = tmp.resolve("m.zip");
        MainTest.Run r = MainTest.run("train", "astro", "--training-option", "fit-field-scale=1.02", "--out", zip.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("fit-field-scale").contains("hep domain only, not astro")
                .contains("astro recipe takes no training options");

        r = MainTest.run("train", "hep", "--training-option", "field-scale=1.02", "--out", zip.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("field-scale: unknown").contains("hep recipe takes fit-field-scale");

        r = MainTest.run("train", "hep", "--training-option", "fit-field-scale=-1", "--out", zip.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("fit-field-scale must be > 0");
        assertThat(r.err()).doesNotContain("simulating");
        assertThat(zip).doesNotExist();
    }
}
