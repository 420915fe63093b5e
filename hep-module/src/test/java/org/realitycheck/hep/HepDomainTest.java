package org.realitycheck.hep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.io.TrackMlWriter;
import org.realitycheck.hep.observables.Summary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class HepDomainTest {
    private static final Logger LOG = LoggerFactory.getLogger(HepDomainTest.class);
    private final HepDomain hep = new HepDomain();

    @Test
    void isRegisteredThroughServiceLoader() {
        Domain d = Domains.byName("hep");
        assertThat(d).isInstanceOf(HepDomain.class);
        assertThat(d.primaryCovariate()).isEqualTo("pt");
        assertThat(d.observables()).extracting(Observable::name)
                .containsExactly("q_over_pt", "phi0", "d0", "z0", "cot_theta", "pt", "eta");
    }

    @Test
    void simulatesDeterministicTrackSamples() {
        SampleSet a = hep.simulate(300, 1, Map.of());
        assertThat(a.conditionShape()).containsExactly(40);
        assertThat(a.targetShape()).containsExactly(5);
        assertThat(a.sha256()).isEqualTo(hep.simulate(300, 1, Map.of()).sha256());
        assertThat(a.sha256()).isNotEqualTo(hep.simulate(300, 2, Map.of()).sha256());
        assertThat(a.get(0).id()).isEqualTo("e0-p1");
        assertThat(a.get(0).covariates()).containsKeys("pt", "eta", "phi", "q", "d0", "z0", "nhits");
        var ranges = a.covariateRanges();
        assertThat(ranges.get("pt").min()).isGreaterThanOrEqualTo(0.5);
        assertThat(ranges.get("pt").max()).isLessThanOrEqualTo(100);
        assertThat(ranges.get("eta").min()).isGreaterThanOrEqualTo(-1);
    }

    @Test
    void rejectsUnknownOptionsNamingTheKnownOnes() {
        assertThatThrownBy(() -> hep.simulate(5, 1, Map.of("ptmin", "1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown hep option 'ptmin'").hasMessageContaining("pt-min");
        SampleSet s = hep.simulate(200, 1, Map.of("pt-min", "5", "pt-max", "6", "efficiency", "0.5"));
        for (Sample x : s) {
            assertThat(x.covariate("pt").getAsDouble()).isBetween(5.0, 6.0);
        }
        assertThat(Summary.of(s.samples().stream().mapToDouble(x -> x.covariate("nhits").getAsDouble()).toArray())
                .mean()).isCloseTo(5.0, within(0.5));
    }

    @Test
    void filesWrittenForTheCliLoadBackAsTheSimulatedSamples(@TempDir Path dir) {
        Map<String, String> opts = Map.of("tracks-per-event", "40", "noise-hits-per-layer", "3");
        TrackMlWriter.write(hep.simulateEvents(100, 9, opts), dir);
        SampleSet loaded = hep.load(dir);
        SampleSet direct = hep.simulate(100, 9, opts);
        assertThat(loaded.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(loaded.get(i).id()).isEqualTo(direct.get(i).id());
            assertThat(loaded.get(i).condition()).containsExactly(direct.get(i).condition());
        }
    }

    @Test
    void theFitAcceptsTracksAndRejectsNoise() {
        SampleSet tracks = hep.simulate(2000, 3, Map.of());
        SampleSet noise = hep.emptyInputs(500, 4);
        assertThat(noise.get(0).kind()).isEqualTo("noise");
        assertThat(noise.get(0).hasTarget()).isFalse();
        List<Estimate> et = hep.conventionalMethod().estimateAll(tracks);
        List<Estimate> en = hep.conventionalMethod().estimateAll(noise);
        long acceptedTracks = et.stream().filter(Estimate::valid).count();
        long acceptedNoise = en.stream().filter(Estimate::valid).count();
        double minNoiseChi2 = en.stream().mapToDouble(Estimate::chi2PerNdf).min().orElseThrow();
        LOG.info("fit accepts {}/2000 tracks and {}/500 noise inputs; smallest noise χ²/ndf {}", acceptedTracks,
                acceptedNoise, minNoiseChi2);
        assertThat(acceptedTracks).isGreaterThanOrEqualTo(1995);
        assertThat(acceptedNoise).isZero();
        int detectTracks = 0;
        int detectNoise = 0;
        for (int i = 0; i < tracks.size(); i++) {
            detectTracks += hep.detect(et.get(i).value(), tracks.get(i)).count();
        }
        for (int i = 0; i < noise.size(); i++) {
            detectNoise += hep.detect(en.get(i).value(), noise.get(i)).count();
        }
        assertThat(detectTracks).isGreaterThanOrEqualTo(1995);
        assertThat(detectNoise).isZero();
    }

    @Test
    void forwardModelOfTheTruthExplainsTheHits() {
        SampleSet tracks = hep.simulate(2000, 5, Map.of());
        double[] chi2 = new double[tracks.size()];
        for (int i = 0; i < tracks.size(); i++) {
            Sample s = tracks.get(i);
            float[] truth = s.target().orElseThrow();
            chi2[i] = hep.forwardModel().consistency(truth, s).chi2();
            float[] pred = hep.forwardModel().forward(truth, s);
            float[] meas = s.condition();
            for (int k = 0; k < 40; k++) {
                assertThat(pred[k]).isCloseTo(meas[k], within(5f));
            }
        }
        // χ² of the truth against the hits: 20 measurements, mean 20 (float rounding of the truth adds ≲ 1%)
        assertThat(Summary.of(chi2).mean()).isCloseTo(20, within(1.0));
        // a wrong track is not accepted
        Sample s = tracks.get(0);
        float[] wrong = s.target().orElseThrow();
        wrong[1] += 0.01f;
        assertThat(hep.detect(wrong, s).count()).isZero();
        assertThat(hep.forwardModel().consistency(new float[] {0, 0, 0, 0, 0}, s).chi2())
                .isEqualTo(10 * 1e4);
    }

    @Test
    void injectionsAreRareTracksTheFitStillRecoversExceptKinks() {
        SampleSet inj = hep.injections(900, 6);
        List<Estimate> est = hep.conventionalMethod().estimateAll(inj);
        int[] n = new int[4];
        int[] rec = new int[4];
        int[] hits = new int[4];
        for (int i = 0; i < inj.size(); i++) {
            Sample s = inj.get(i);
            int sub = (int) s.covariate("subtype").getAsDouble();
            n[sub]++;
            hits[sub] += (int) s.covariate("nhits").getAsDouble();
            if (hep.recovered(est.get(i).value(), s)) {
                rec[sub]++;
            }
            assertThat(hep.recovered(s.target().orElseThrow(), s)).isTrue();
        }
        LOG.info("fit recovers curlers {}/{}, displaced {}/{}, kinks {}/{}; mean hits {} / {} / {}", rec[1], n[1], rec[2],
                n[2], rec[3], n[3], hits[1] / (double) n[1], hits[2] / (double) n[2], hits[3] / (double) n[3]);
        assertThat(hits[1] / (double) n[1]).isLessThan(9.5);
        assertThat(rec[1]).isGreaterThan(n[1] * 95 / 100);
        assertThat(rec[2]).isGreaterThan(n[2] * 95 / 100);
        // a kink biases the fit of the whole track: fewer kinked tracks are recovered
        assertThat(rec[3]).isLessThan(n[3] * 90 / 100);
        assertThat(rec[3]).isGreaterThan(0);
    }

    @Test
    void sweepsPtAndEtaBeyondTheTrainingRange() {
        SampleSet pt = hep.covariateSweep("pt", 100, 300, 50, 1).orElseThrow();
        assertThat(pt.covariateRanges().get("pt").min()).isGreaterThanOrEqualTo(100 - 1e-9);
        SampleSet eta = hep.covariateSweep("eta", 1.5, 2.5, 50, 1).orElseThrow();
        assertThat(eta.covariateRanges().get("eta").min()).isGreaterThanOrEqualTo(1.5 - 1e-9);
        assertThat(hep.covariateSweep("redshift", 0, 1, 5, 1)).isEmpty();
    }

    @Test
    void fitTargetsReplaceTheTruth() {
        SampleSet truth = hep.simulate(200, 8, Map.of());
        SampleSet fitted = hep.withFitTargets(truth);
        assertThat(fitted.size()).isEqualTo(200);
        Estimate e = hep.conventionalMethod().estimate(truth.get(0));
        assertThat(fitted.get(0).target().orElseThrow()).containsExactly(e.value());
        assertThat(fitted.get(0).target().orElseThrow()).isNotEqualTo(truth.get(0).target().orElseThrow());
        assertThat(fitted.get(0).covariates()).isEqualTo(truth.get(0).covariates());
    }

    @Test
    void defaultPolicyCoversEveryCheck() throws IOException {
        try (InputStream in = hep.defaultPolicy()) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(yaml).contains("hallucination.empty-fields:", "ood.covariate:", "residuals.conventional:",
                    "consistency.forward-model:", "rare-objects:", "distribution.fidelity:", "enabled: true",
                    "severity: fail");
        }
        assertThat(hep.defaultArchitecture().generator().toString()).contains("conditionDim=35", "outputDim=5");
    }
}
