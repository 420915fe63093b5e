package org.realitycheck.hep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Generator;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.model.ModelArtifact;
import org.realitycheck.core.model.Models;
import org.realitycheck.core.testkit.Snippets;
import org.realitycheck.core.train.DomainTrainer;

/** The example of README.md: it compiles here, it runs here, and the README quotes exactly this. */
class ReadmeSnippetTest {
    static final String SOURCE = "src/test/java/org/realitycheck/hep/ReadmeSnippetTest.java";

    @Test
    void theReadmeQuotesTheCompiledExample() {
        Snippets.assertReadmeQuotes(Path.of("README.md"), SOURCE);
    }

    @Test
    void theExampleRuns(@TempDir Path tmp) throws IOException {
        List<float[]> params = example(tmp.resolve("events"), tmp.resolve("hep.zip"));
        assertThat(params).hasSize(200);
        assertThat(params.get(0)).hasSize(5);
    }

    static List<float[]> example(Path dir, Path zip) throws IOException {
        // README:begin
        Domain hep = Domains.byName("hep");                      // the ServiceLoader name; or new HepDomain()
        // realitycheck simulate hep --count 200 --seed 1 --out DIR -O pt-min=1
        hep.data().simulateInto(dir, 200, 1, Map.of("pt-min", "1"));   // TrackML CSV + detector.yaml
        SampleSet data = hep.data().load(dir, Map.of());         // the detector comes with the data
        // realitycheck train hep: the recipe's training set (fit targets, seeded frame), one training path
        SampleSet train = hep.recipe().trainingSet(data, Map.of());
        GanModel model = DomainTrainer.train(hep, train, hep.recipe().trainingConfig().withEpochs(1), List.of());
        ModelArtifact.write(model, zip);
        // realitycheck validate: Models.load wraps the network in the recipe's frame (adapt), so it takes
        // hits and returns (q/pT, phi0, d0, z0, cot theta) in physical units, like every Generator
        try (Generator g = Models.load(zip)) {
            return g.generateAll(data, 7);
        }
        // README:end
    }
}
