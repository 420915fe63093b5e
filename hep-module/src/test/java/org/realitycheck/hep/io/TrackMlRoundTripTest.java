package org.realitycheck.hep.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.data.TrackSamples;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.sim.Events;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;

class TrackMlRoundTripTest {
    @TempDir
    Path dir;

    private final Detector det = Detector.toy();
    private List<SimTrack> tracks;
    private List<Event> events;

    @BeforeEach
    void simulate() {
        tracks = new TrackSimulator(det.withEfficiency(0.95)).simulate(ParticleGun.defaults(), 25, 5);
        events = Events.fromTracks(tracks, 10, det, 2, 6);
        TrackMlWriter.write(events, dir);
    }

    @Test
    void writesTheContractFilesAndReadsBackTheSameEvents() throws IOException {
        assertThat(dir.resolve("event000000002-hits.csv")).exists();
        assertThat(Files.readAllLines(dir.resolve("event000000000-hits.csv")).get(0))
                .isEqualTo("hit_id,x,y,z,volume_id,layer_id,module_id");
        assertThat(Files.readAllLines(dir.resolve("event000000000-particles.csv")).get(0))
                .isEqualTo("particle_id,vx,vy,vz,px,py,pz,q,nhits");
        assertThat(Files.readAllLines(dir.resolve("event000000000-truth.csv")).get(0))
                .isEqualTo("hit_id,particle_id,tx,ty,tz,tpx,tpy,tpz,weight");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(TrackMlReader.read(dir)).isEqualTo(events);
    }

    @Test
    void samplesLoadedFromFilesEqualTheSimulatedOnes() {
        SampleSet direct = TrackSamples.of(tracks, 10, det);
        SampleSet loaded = TrackSamples.fromEvents(TrackMlReader.read(dir), det).samples();
        assertThat(loaded.size()).isEqualTo(direct.size());
        for (int i = 0; i < direct.size(); i++) {
            assertThat(loaded.get(i).id()).isEqualTo(direct.get(i).id());
            assertThat(loaded.get(i).condition()).containsExactly(direct.get(i).condition());
            float[] a = loaded.get(i).target().orElseThrow();
            float[] b = direct.get(i).target().orElseThrow();
            for (int k = 0; k < 5; k++) {
                assertThat(a[k]).isCloseTo(b[k], org.assertj.core.api.Assertions.within(1e-5f * Math.max(1, Math.abs(b[k]))));
            }
        }
    }

    private void edit(String file, int line, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(p));
        lines.set(line - 1, lines.get(line - 1).replaceFirst(from, to));
        Files.write(p, lines, StandardCharsets.UTF_8);
    }

    @Test
    void missingColumn() throws IOException {
        edit("event000000001-hits.csv", 1, "volume_id", "volume");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000001-hits.csv").hasMessageContaining("line 1")
                .hasMessageContaining("missing column 'volume_id'");
    }

    @Test
    void nonNumericField() throws IOException {
        edit("event000000000-particles.csv", 4, ",-?1,", ",one,");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000000-particles.csv").hasMessageContaining("line 4, column 'q'")
                .hasMessageContaining("'one' is not");
    }

    @Test
    void unknownHitId() throws IOException {
        edit("event000000000-truth.csv", 3, "^2,", "99999,");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000000-truth.csv").hasMessageContaining("line 3, column 'hit_id'")
                .hasMessageContaining("unknown hit_id 99999");
    }

    @Test
    void duplicateHitId() throws IOException {
        edit("event000000000-hits.csv", 3, "^2,", "1,");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000000-hits.csv").hasMessageContaining("line 3, column 'hit_id'")
                .hasMessageContaining("duplicate hit_id 1");
    }

    @Test
    void duplicateParticleId() throws IOException {
        edit("event000000000-particles.csv", 3, "^2,", "1,");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3, column 'particle_id'").hasMessageContaining("duplicate particle_id 1");
    }

    @Test
    void truncatedRow() throws IOException {
        edit("event000000000-hits.csv", 5, ",[^,]*,[^,]*$", "");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000000-hits.csv").hasMessageContaining("line 5")
                .hasMessageContaining("expected 7 fields, got 5");
    }

    @Test
    void missingTruthAndEmptyFolder(@TempDir Path empty) throws IOException {
        Files.delete(dir.resolve("event000000001-truth.csv"));
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000001-truth.csv").hasMessageContaining("missing");
        assertThatThrownBy(() -> TrackMlReader.read(empty)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no event");
    }
}
