package org.realitycheck.hep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.data.LoadReport;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.fit.HelixFitMethod;
import org.realitycheck.hep.observables.Summary;

/**
 * A scientist's own TrackML data: the detector read from {@code detector.yaml}
 * and used by the simulation, the fit and the forward model; hits outside the described layers
 * counted; corrupt hits dropped, counted and, beyond 1% of the tracks, refused; hits without truth.
 */
class HepDataTest {
    /** Another detector than the toy: 8 layers at other radii, 3 T, other ids, shorter. Written by hand. */
    private static final String OTHER = """
            # a test detector: other radii, field, ids and resolutions than the toy
            b_field: 3.0
            layers:
              - {volume_id: 20, layer_id: 1, radius: 45, half_length: 1500, sigma_rphi: 0.02, sigma_z: 0.1}
              - {volume_id: 20, layer_id: 2, radius: 90, half_length: 1500, sigma_rphi: 0.02, sigma_z: 0.1}
              - {volume_id: 20, layer_id: 3, radius: 150, half_length: 1500, sigma_rphi: 0.02, sigma_z: 0.1}
              - {volume_id: 21, layer_id: 1, radius: 230, half_length: 1500, sigma_rphi: 0.03, sigma_z: 0.3}
              - {volume_id: 21, layer_id: 2, radius: 330, half_length: 1500, sigma_rphi: 0.03, sigma_z: 0.3}
              - {volume_id: 21, layer_id: 3, radius: 450, half_length: 1500, sigma_rphi: 0.03, sigma_z: 0.3}
              - {volume_id: 22, layer_id: 1, radius: 620, half_length: 1500, sigma_rphi: 0.05, sigma_z: 0.8}
              - {volume_id: 22, layer_id: 2, radius: 800, half_length: 1500, sigma_rphi: 0.05, sigma_z: 0.8}
            """;

    @TempDir
    Path tmp;

    private Path simulate(String detectorYaml, int n, long seed) throws IOException {
        Path yaml = tmp.resolve("my-detector.yaml");
        Files.writeString(yaml, detectorYaml, StandardCharsets.UTF_8);
        Path data = tmp.resolve("data");
        new HepDomain().data().simulateInto(data, n, seed, Map.of("detector", yaml.toString(), "tracks-per-event", "50"));
        return data;
    }

    /** Pull (estimate − truth)/σ of parameter {@code k} over the fit's valid estimates. */
    private static Summary pulls(ConventionalMethod fit, SampleSet set, int k) {
        List<Estimate> est = fit.estimateAll(set);
        List<Double> p = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Estimate e = est.get(i);
            if (e.valid()) {
                float[] t = set.get(i).target().orElseThrow();
                double r = e.value()[k] - t[k];
                if (k == 1) {
                    r = org.realitycheck.hep.track.TrackParameters.wrapAngle(r);
                }
                p.add(r / e.sigma()[k]);
            }
        }
        return Summary.of(p.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void aDetectorWithOtherRadiiRoundTripsAndItsFitPullsAreStandardNormal() throws IOException {
        Path data = simulate(OTHER, 2000, 11);
        assertThat(data.resolve("detector.yaml")).exists();
        HepDomain hep = new HepDomain();
        SampleSet set = hep.data().load(data);
        Detector d = hep.detector();
        assertThat(d.radii()).containsExactly(45, 90, 150, 230, 330, 450, 620, 800);
        assertThat(d.bField()).isEqualTo(3.0);
        assertThat(set.conditionShape()).containsExactly(32);
        assertThat(set.size()).isEqualTo(2000);
        assertThat(hep.lastLoad().orElseThrow().detectorSource()).endsWith("detector.yaml");
        // 2,000 tracks: the standard error of a pull mean is 0.022 and of a width ~0.02; the margins are ≥ 4.5σ
        for (int k = 0; k < 5; k++) {
            Summary s = pulls(hep.reference().conventionalMethod(), set, k);
            assertThat(s.n()).as("valid fits").isGreaterThan(1990);
            assertThat(s.mean()).as("pull mean of parameter %d", k).isCloseTo(0, within(0.1));
            assertThat(s.robustWidth()).as("pull width of parameter %d", k).isCloseTo(1, within(0.1));
        }
        // the forward model in the described detector explains the hits with the truth: nothing is fitted, so
        // E[χ²] = 2n = 16 against the model's ndf = 2n − 5 = 11 (the standard error of the mean here is ~0.01)
        double[] chi2 = set.samples().stream()
                .mapToDouble(x -> hep.reference().forwardModel().consistency(x.target().orElseThrow(), x).chi2PerNdf()).toArray();
        assertThat(Summary.of(chi2).mean()).isCloseTo(16.0 / 11, within(0.1));
        // and the toy's field would be wrong by 50% in q/pT: the pulls show it
        Summary wrong = pulls(new HelixFitMethod(d.withBField(2.0)), set, 0);
        assertThat(Math.abs(wrong.mean()) + wrong.robustWidth()).isGreaterThan(10);
    }

    @Test
    void theTrackMlBarrelIsDescribedAndEndcapHitsAreCountedNotFitted() throws IOException {
        Path data = simulate(Files.readString(Path.of("src/main/resources/org/realitycheck/hep/detector-trackml-barrel.yaml")),
                200, 3);
        // add hits in an endcap volume (7) to every track of event 0, as real TrackML events have
        Path hits = data.resolve("event000000000-hits.csv");
        Path truth = data.resolve("event000000000-truth.csv");
        List<String> h = new ArrayList<>(Files.readAllLines(hits));
        List<String> t = new ArrayList<>(Files.readAllLines(truth));
        long next = h.size();
        for (int p = 1; p <= 50; p++) {
            h.add(next + ",10.0,1000.0,-1500.0,7,2,1");
            t.add(next + "," + p + ",10.0,1000.0,-1500.0,0,0,0,0");
            next++;
        }
        Files.write(hits, h);
        Files.write(truth, t);
        HepDomain hep = new HepDomain();
        SampleSet set = hep.data().load(data);
        LoadReport r = hep.lastLoad().orElseThrow().report();
        assertThat(r.hitsOutsideLayers()).isEqualTo(50);
        assertThat(r.outsideByLayer()).containsEntry("7:2", 50L);
        assertThat(r.summary()).contains("50 hits on layers the detector description does not have (volume:layer 7:2 ×50)");
        assertThat(set.size() + r.tooFewHits()).isEqualTo(200);
        assertThat(hep.detector()).isEqualTo(Detector.trackMlBarrel());
        // what the result's data.input row shows: the counts, and no assumption (the folder describes its detector)
        assertThat(set.notes()).anyMatch(n -> n.contains("50 hits on layers the detector description does not have"));
        assertThat(set.assumptions()).isEmpty();
    }

    @Test
    void dataWithNoHitOnADescribedLayerIsRefusedWithTheReason() throws IOException {
        Path data = simulate(OTHER, 100, 4);
        // the same files read with the toy detector: volumes 20–22 are not described there
        Files.delete(data.resolve("detector.yaml"));
        HepDomain hep = new HepDomain();
        assertThatThrownBy(() -> hep.data().load(data)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(data.toString()).hasMessageContaining("no usable track")
                .hasMessageContaining("volume:layer 20:1 ×100").hasMessageContaining("describe the detector's layers in detector.yaml");
    }

    /** Moves {@code count} tracks' first hit of event 0 to x = 1e300 mm. */
    private static void corrupt(Path data, int count) throws IOException {
        Path hits = data.resolve("event000000000-hits.csv");
        List<String> h = new ArrayList<>(Files.readAllLines(hits));
        // hits are written in particle then layer order, 10 per track with full efficiency
        for (int p = 0; p < count; p++) {
            int line = 1 + 10 * p;
            h.set(line, h.get(line).replaceFirst("^([^,]*),[^,]*,", "$1,1e300,"));
        }
        Files.write(hits, h);
    }

    /**
     * Found by fuzzing: a particle with a vanishing but non-zero pT (px = 1e-200, py = 0) passed the pT > 0 check
     * and loaded with eta = -Infinity and an infinite q/pT target (pT exactly 0 is refused as bad input).
     */
    @Test
    void aParticleWithVanishingTransverseMomentumIsDroppedAndCountedNotLoadedAsInfinity() throws IOException {
        Path data = tmp.resolve("ptzero");
        new HepDomain().data().simulateInto(data, 300, 5, Map.of());
        Path particles = data.resolve("event000000000-particles.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(particles));
        // particle_id,vx,vy,vz,px,py,pz,q,nhits: the first particle's px and py set to 1e-200 and 0
        lines.set(1, lines.get(1).replaceFirst("^([^,]*,[^,]*,[^,]*,[^,]*),[^,]*,[^,]*,", "$1,1e-200,0,"));
        Files.write(particles, lines);
        HepDomain hep = new HepDomain();
        SampleSet set = hep.data().load(data);
        LoadReport r = hep.lastLoad().orElseThrow().report();
        assertThat(r.dropped()).isEqualTo(1);
        assertThat(r.droppedExamples().get(0)).contains("non-finite track parameters");
        assertThat(set.size()).isEqualTo(299);
        for (Sample s : set) {
            assertThat(s.covariates().values()).allMatch(Double::isFinite);
            for (float v : s.target().orElseThrow()) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void aFewCorruptTracksAreDroppedAndCountedTooManyAreAnError() throws IOException {
        Path data = tmp.resolve("toy");
        new HepDomain().data().simulateInto(data, 300, 5, Map.of());
        corrupt(data, 2);
        HepDomain hep = new HepDomain();
        SampleSet set = hep.data().load(data);
        LoadReport r = hep.lastLoad().orElseThrow().report();
        assertThat(set.size()).isEqualTo(298);
        assertThat(r.dropped()).isEqualTo(2);
        assertThat(r.droppedExamples().get(0)).startsWith("event000000000-hits.csv, hit_id 1: position (1.0E300");
        for (Sample s : set) {
            for (float v : s.condition()) {
                assertThat(v).isFinite();
            }
        }
        corrupt(data, 50);
        assertThatThrownBy(() -> new HepDomain().data().load(data)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("50 of 300 tracks (16.7%) have a hit off its layer, more than the 1% allowed")
                .hasMessageContaining("event000000000-hits.csv, hit_id 1:");
    }

    @Test
    void hitsWithoutTruthLoadWithoutTargetsAndTheDomainWorksOnThem() throws IOException {
        Path data = tmp.resolve("notruth");
        HepDomain sim = new HepDomain();
        sim.data().simulateInto(data, 100, 6, Map.of("tracks-per-event", "100"));
        Path hits = data.resolve("event000000000-hits.csv");
        List<String> h = new ArrayList<>(Files.readAllLines(hits));
        h.set(0, h.get(0) + ",track_id");
        for (int i = 1; i < h.size(); i++) {
            h.set(i, h.get(i) + "," + ((i - 1) / 10 + 1)); // the user's own track finding: 10 hits a track
        }
        Files.write(hits, h);
        Files.delete(data.resolve("event000000000-truth.csv"));
        Files.delete(data.resolve("event000000000-particles.csv"));
        HepDomain hep = new HepDomain();
        SampleSet set = hep.data().load(data);
        assertThat(set.size()).isEqualTo(100);
        assertThat(set.get(0).id()).isEqualTo("e0-t1");
        assertThat(set.get(0).target()).isEmpty();
        assertThat(set.allHaveTargets()).isFalse();
        SampleSet withTruth = sim.data().simulate(100, 6, Map.of("tracks-per-event", "100"));
        assertThat(set.get(42).condition()).containsExactly(withTruth.get(42).condition());
        // the fit still gives a target to train on, the forward model still judges, recovery needs truth
        SampleSet train = hep.recipe().withFitTargets(set);
        assertThat(train.size()).isEqualTo(100);
        assertThat(train.allHaveTargets()).isTrue();
        float[] fitted = train.get(0).target().orElseThrow();
        assertThat(hep.reference().forwardModel().consistency(fitted, set.get(0)).chi2PerNdf()).isLessThan(5);
        assertThat(hep.probes().recovered(fitted, set.get(0))).isFalse();
        assertThat(hep.lastLoad().orElseThrow().detectorSource()).endsWith("detector.yaml");
    }

    @Test
    void withoutADescriptionTheDetectorIsAssumedAndSaidSo() throws IOException {
        Path data = tmp.resolve("nodesc");
        new HepDomain().data().simulateInto(data, 20, 7, Map.of());
        Files.delete(data.resolve("detector.yaml"));
        HepDomain hep = new HepDomain();
        SampleSet set = hep.data().load(data);
        assertThat(hep.lastLoad().orElseThrow().detectorSource()).startsWith("assumed: no detector.yaml")
                .endsWith("using the default toy detector");
        // said in the result too: an assumption turns validation's data.input row into a WARN
        assertThat(set.assumptions()).singleElement().asString().contains("using the default toy detector")
                .contains("detector.yaml beside the data");
    }

    @Test
    void theExampleOfDocsDataMdLoadsAsItSays() throws IOException {
        String doc = Files.readString(Path.of("../docs/data.md"), StandardCharsets.UTF_8);
        Path dir = tmp.resolve("my-events");
        Files.createDirectories(dir);
        for (String kind : List.of("hits", "truth", "particles")) {
            String name = "event000000001-" + kind + ".csv";
            int at = doc.indexOf("`" + name + "`\n```\n");
            assertThat(at).as(name + " in docs/data.md").isPositive();
            int from = doc.indexOf("```\n", at) + 4;
            Files.writeString(dir.resolve(name), doc.substring(from, doc.indexOf("```", from)));
        }
        Files.copy(Path.of("src/main/resources/org/realitycheck/hep/detector-trackml-barrel.yaml"),
                dir.resolve("detector.yaml"));
        HepDomain hep = new HepDomain();
        SampleSet set = hep.data().load(dir);
        LoadReport r = hep.lastLoad().orElseThrow().report();
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.get(0).id()).isEqualTo("e1-p4503668346847232");
        assertThat(set.get(0).covariate("nhits").getAsDouble()).isEqualTo(4);
        assertThat(set.get(0).covariate("eta").getAsDouble()).isCloseTo(-1.65, within(0.01));
        assertThat(r.outsideByLayer()).containsOnlyKeys("7:14");
    }

    /**
     * {@code write} takes any set, not only what {@code simulate} made: the probes' ids are not
     * {@code e<event>-p<particle>}, so they are numbered as particles of one event; hits and parameters
     * come back, a noise input (no target) comes back without one, and every sample is a track.
     */
    @Test
    void writesProbeSetsAsTracksOfOneEvent(@TempDir Path dir) throws IOException {
        HepDomain hep = new HepDomain();
        SampleSet inj = hep.probes().injections(12, 3);
        SampleSet noise = hep.probes().emptyInputs(5, 4);
        for (SampleSet set : List.of(inj, noise)) {
            Path folder = dir.resolve(set.get(0).kind());
            hep.data().write(set, folder);
            SampleSet back = new HepDomain().data().load(folder);
            assertThat(back.size()).isEqualTo(set.size());
            for (int i = 0; i < set.size(); i++) {
                Sample a = set.get(i);
                Sample b = back.get(i);
                assertThat(b.id()).isEqualTo("e0-p" + (i + 1));
                assertThat(b.kind()).isEqualTo("track");
                assertThat(b.condition()).as(a.id()).containsExactly(a.condition());
                assertThat(b.hasTarget()).as(a.id()).isEqualTo(a.hasTarget());
                if (a.hasTarget()) {
                    float[] t = a.target().orElseThrow();
                    float[] u = b.target().orElseThrow();
                    for (int k = 0; k < t.length; k++) {
                        assertThat(u[k]).as(a.id() + " target " + k).isCloseTo(t[k], within(1e-6f * Math.max(1, Math.abs(t[k]))));
                    }
                }
            }
        }
    }
}
