package org.realitycheck.hep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    // Registration, determinism, one shape per set, unknown options, write → load and simulateInto → load,
    // the truth's χ²/ndf, sweeps over the asked range, recovered(truth), blank outputs on noise, the
    // policy's YAML and the architecture's shapes: HepDomainContractTest (gan-core's contract kit).

    @Test
    void sweepsPtFirstAndComparesTheFivePerigeeParameters() {
        Domain d = Domains.byName("hep");
        assertThat(d.probes().sweepableCovariates()).containsExactly("pt", "eta", "d0");
        assertThat(d.reference().observables()).extracting(Observable::name)
                .containsExactly("q_over_pt", "phi0", "d0", "z0", "cot_theta", "pt", "eta");
    }

    @Test
    void simulatesTrackSamples() {
        SampleSet a = hep.data().simulate(300, 1, Map.of());
        assertThat(a.conditionShape()).containsExactly(40);
        assertThat(a.targetShape()).containsExactly(5);
        assertThat(a.get(0).id()).isEqualTo("e0-p1");
        assertThat(a.get(0).covariates()).containsKeys("pt", "eta", "phi", "q", "d0", "z0", "nhits");
        var ranges = a.covariateRanges();
        assertThat(ranges.get("pt").min()).isGreaterThanOrEqualTo(0.5);
        assertThat(ranges.get("pt").max()).isLessThanOrEqualTo(100);
        assertThat(ranges.get("eta").min()).isGreaterThanOrEqualTo(-1);
    }

    @Test
    void optionsSetTheGunAndTheDetector() {
        SampleSet s = hep.data().simulate(200, 1, Map.of("pt-min", "5", "pt-max", "6", "efficiency", "0.5"));
        for (Sample x : s) {
            assertThat(x.covariate("pt").getAsDouble()).isBetween(5.0, 6.0);
        }
        assertThat(Summary.of(s.samples().stream().mapToDouble(x -> x.covariate("nhits").getAsDouble()).toArray())
                .mean()).isCloseTo(5.0, within(0.5));
    }

    @Test
    void filesWrittenForTheCliLoadBackAsTheSimulatedSamples(@TempDir Path dir) {
        Map<String, String> opts = Map.of("tracks-per-event", "40", "noise-hits-per-layer", "3");
        TrackMlWriter.write(hep.data().simulateEvents(100, 9, opts), dir);
        SampleSet loaded = hep.data().load(dir);
        SampleSet direct = hep.data().simulate(100, 9, opts);
        assertThat(loaded.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(loaded.get(i).id()).isEqualTo(direct.get(i).id());
            assertThat(loaded.get(i).condition()).containsExactly(direct.get(i).condition());
        }
    }

    @Test
    void theFitAcceptsTracksAndRejectsNoise() {
        SampleSet tracks = hep.data().simulate(2000, 3, Map.of());
        SampleSet noise = hep.probes().emptyInputs(500, 4);
        assertThat(noise.get(0).kind()).isEqualTo("noise");
        assertThat(noise.get(0).hasTarget()).isFalse();
        List<Estimate> et = hep.reference().conventionalMethod().estimateAll(tracks);
        List<Estimate> en = hep.reference().conventionalMethod().estimateAll(noise);
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
            detectTracks += hep.probes().detect(et.get(i).value(), tracks.get(i)).count();
        }
        for (int i = 0; i < noise.size(); i++) {
            detectNoise += hep.probes().detect(en.get(i).value(), noise.get(i)).count();
        }
        assertThat(detectTracks).isGreaterThanOrEqualTo(1995);
        assertThat(detectNoise).isZero();
    }

    @Test
    void forwardModelOfTheTruthExplainsTheHits() {
        SampleSet tracks = hep.data().simulate(2000, 5, Map.of());
        for (int i = 0; i < tracks.size(); i++) {
            Sample s = tracks.get(i);
            float[] truth = s.target().orElseThrow();
            float[] pred = hep.reference().forwardModel().forward(truth, s);
            float[] meas = s.condition();
            for (int k = 0; k < 40; k++) {
                assertThat(pred[k]).isCloseTo(meas[k], within(5f));
            }
        }
        // a wrong track is not accepted
        Sample s = tracks.get(0);
        float[] wrong = s.target().orElseThrow();
        wrong[1] += 0.01f;
        assertThat(hep.probes().detect(wrong, s).count()).isZero();
        assertThat(hep.reference().forwardModel().consistency(new float[] {0, 0, 0, 0, 0}, s).chi2())
                .isEqualTo(10 * 1e4);
    }

    @Test
    void injectionsAreRareTracksTheFitStillRecoversExceptKinks() {
        SampleSet inj = hep.probes().injections(900, 6);
        List<Estimate> est = hep.reference().conventionalMethod().estimateAll(inj);
        int[] n = new int[4];
        int[] rec = new int[4];
        int[] hits = new int[4];
        for (int i = 0; i < inj.size(); i++) {
            Sample s = inj.get(i);
            int sub = (int) s.covariate("subtype").getAsDouble();
            n[sub]++;
            hits[sub] += (int) s.covariate("nhits").getAsDouble();
            if (hep.probes().recovered(est.get(i).value(), s)) {
                rec[sub]++;
            }
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
    void fitTargetsReplaceTheTruth() {
        SampleSet truth = hep.data().simulate(200, 8, Map.of());
        SampleSet fitted = hep.recipe().withFitTargets(truth);
        assertThat(fitted.size()).isEqualTo(200);
        Estimate e = hep.reference().conventionalMethod().estimate(truth.get(0));
        assertThat(fitted.get(0).target().orElseThrow()).containsExactly(e.value());
        assertThat(fitted.get(0).target().orElseThrow()).isNotEqualTo(truth.get(0).target().orElseThrow());
        assertThat(fitted.get(0).covariates()).isEqualTo(truth.get(0).covariates());
    }
}
