package org.realitycheck.astro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.testkit.Snippets;

/** The example of README.md: it compiles here, it runs here, and the README quotes exactly this. */
class ReadmeSnippetTest {
    static final String SOURCE = "src/test/java/org/realitycheck/astro/ReadmeSnippetTest.java";

    @Test
    void theReadmeQuotesTheCompiledExample() {
        Snippets.assertReadmeQuotes(Path.of("README.md"), SOURCE);
    }

    @Test
    void theExampleRuns(@TempDir Path tmp) throws IOException {
        double[] fluxes = example(tmp.resolve("cutouts"));
        // Richardson–Lucy conserves flux: the restored galaxy's total flux is the truth's to a few per cent
        assertThat(fluxes[1]).isCloseTo(fluxes[0], org.assertj.core.data.Percentage.withPercentage(10));
    }

    static double[] example(Path dir) throws IOException {
        // README:begin
        Domain astro = Domains.byName("astro");                  // the ServiceLoader name; or new AstroDomain()
        // realitycheck simulate astro --count 4 --seed 1 --out DIR -O size=32
        SampleSet set = astro.data().simulate(4, 1, Map.of("size", "32"));
        astro.data().write(set, dir);                            // catalog.csv, truth/ and degraded/ FITS
        SampleSet back = astro.data().load(dir, Map.of());       // the instrument is read from the files
        Sample galaxy = back.ofKind("galaxy").get(0);
        // what every model is compared with: Richardson–Lucy with the sample's own PSF and noise
        ConventionalMethod rl = astro.reference().conventionalMethod();
        Estimate restored = rl.estimate(galaxy);
        Observable flux = astro.reference().observables().stream()
                .filter(o -> o.name().equals("flux_total")).findFirst().orElseThrow();
        return new double[] {flux.compute(galaxy.target().orElseThrow(), galaxy), flux.compute(restored.value(), galaxy)};
        // README:end
    }
}
