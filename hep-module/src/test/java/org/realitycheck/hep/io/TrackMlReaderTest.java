package org.realitycheck.hep.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.sim.Events;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.TrackSimulator;

/**
 * The TrackML reader against files other tools write and against the cases of
 * a hostile user: a byte-order mark, CRLF, quoted fields, blank lines, repeated columns, wrong field counts,
 * 64-bit particle ids, files that are not UTF-8.
 */
class TrackMlReaderTest {
    @TempDir
    Path dir;

    private List<Event> events;

    @BeforeEach
    void write() {
        Detector det = Detector.toy();
        events = Events.fromTracks(new TrackSimulator(det).simulate(ParticleGun.defaults(), 20, 5), 10, det, 1, 6);
        TrackMlWriter.write(events, dir);
    }

    private Path file(String name) {
        return dir.resolve(name);
    }

    private List<String> lines(String name) throws IOException {
        return new ArrayList<>(Files.readAllLines(file(name), StandardCharsets.UTF_8));
    }

    private void put(String name, String text) throws IOException {
        Files.writeString(file(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aByteOrderMarkCrlfAndQuotedFieldsReadAsTheSameEvents() throws IOException {
        for (String kind : List.of("hits", "particles", "truth")) {
            String name = "event000000000-" + kind + ".csv";
            List<String> quoted = new ArrayList<>();
            for (String l : lines(name)) {
                quoted.add("\"" + l.replace(",", "\",\"") + "\"");
            }
            // what Excel or Python's csv module with QUOTE_ALL on Windows writes
            put(name, "\uFEFF" + String.join("\r\n", quoted) + "\r\n");
        }
        assertThat(Files.readAllBytes(file("event000000000-hits.csv"))).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(TrackMlReader.read(dir)).isEqualTo(events);
    }

    @Test
    void blankLinesAreSkippedAndErrorsNameThePhysicalLine() throws IOException {
        List<String> l = lines("event000000000-hits.csv");
        l.add(2, "");
        l.add(3, "");
        put("event000000000-hits.csv", String.join("\n", l) + "\n\n");
        assertThat(TrackMlReader.read(dir)).isEqualTo(events);
        // line 6 of the file is the 4th data row (header, row, two blank lines, row, row)
        l.set(5, l.get(5).replaceFirst(",[^,]*,", ",abc,"));
        put("event000000000-hits.csv", String.join("\n", l) + "\n");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000000-hits.csv: line 6, column 'x': 'abc' is not a number");
    }

    @Test
    void aQuotedFieldOverSeveralLinesIsNamedByTheLineItStartsOn() throws IOException {
        List<String> l = lines("event000000000-hits.csv");
        l.set(2, l.get(2).replaceFirst(",[^,]*$", ",\"1\n2\""));
        put("event000000000-hits.csv", String.join("\n", l) + "\n");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3, column 'module_id': '1\n2' is not an integer");
    }

    @Test
    void aRepeatedColumnIsRejectedNamingIt() throws IOException {
        List<String> l = lines("event000000001-hits.csv");
        l.set(0, l.get(0) + ",x");
        for (int i = 1; i < l.size(); i++) {
            l.set(i, l.get(i) + ",1.0");
        }
        put("event000000001-hits.csv", String.join("\n", l) + "\n");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000001-hits.csv: line 1: duplicate column 'x' (columns 2 and 8)");
    }

    @Test
    void aRowWithTooManyFieldsIsAnError() throws IOException {
        List<String> l = lines("event000000000-truth.csv");
        l.set(3, l.get(3) + ",7");
        put("event000000000-truth.csv", String.join("\n", l) + "\n");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000000-truth.csv: line 4: expected 9 fields, got 10");
    }

    @Test
    void nonFiniteAndOverflowingValuesNameTheirColumn() throws IOException {
        List<String> l = lines("event000000000-hits.csv");
        l.set(1, l.get(1).replaceFirst("^([^,]*),[^,]*,", "$1,1e400,"));
        put("event000000000-hits.csv", String.join("\n", l) + "\n");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 2, column 'x': '1e400' is not a finite number");
        l.set(1, l.get(1).replace("1e400", "nan"));
        put("event000000000-hits.csv", String.join("\n", l) + "\n");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).hasMessageContaining("line 2, column 'x': 'nan' is not a");
    }

    @Test
    void aDuplicateIdNamesTheFileAndBothLines() throws IOException {
        List<String> l = lines("event000000001-particles.csv");
        String id = l.get(2).substring(0, l.get(2).indexOf(','));
        l.set(5, l.get(5).replaceFirst("^[^,]*,", id + ","));
        put("event000000001-particles.csv", String.join("\n", l) + "\n");
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000001-particles.csv: line 6, column 'particle_id': duplicate particle_id "
                        + id + " (first on line 3)")
                // the file and line once, not "file: line 6: file: line 6, ..."
                .satisfies(e -> assertThat(e.getMessage().split("particles.csv", -1)).hasSize(2));
    }

    @Test
    void sixtyFourBitParticleIdsAreKept() throws IOException {
        long big = 4_503_668_346_847_232L; // a particle id of the TrackML training sample (above 2^52)
        for (String name : List.of("event000000000-particles.csv", "event000000000-truth.csv")) {
            List<String> l = lines(name);
            for (int i = 1; i < l.size(); i++) {
                l.set(i, name.contains("particles") ? l.get(i).replaceFirst("^1,", big + ",")
                        : l.get(i).replaceFirst("^([^,]*),1,", "$1," + big + ","));
            }
            put(name, String.join("\n", l) + "\n");
        }
        Event e = TrackMlReader.read(dir).get(0);
        assertThat(e.particles().get(0).particleId()).isEqualTo(big);
        assertThat(e.truth().stream().filter(t -> t.particleId() == big).count()).isEqualTo(events.get(0).particles().get(0).nhits());
    }

    @Test
    void textThatIsNotUtf8IsNamedAsSuch() throws IOException {
        Files.write(file("event000000000-hits.csv"), new byte[] {'h', 'i', 't', '_', 'i', 'd', '\n', (byte) 0xC3, 0x28, '\n'});
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000000-hits.csv: line 2: not UTF-8 text");
    }

    @Test
    void withoutTruthHitsAreAssignedByATrackIdColumnOrTheFileSaysWhatIsMissing() throws IOException {
        Files.delete(file("event000000000-truth.csv"));
        assertThatThrownBy(() -> TrackMlReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("event000000000-truth.csv: missing")
                .hasMessageContaining("'track_id' column in event000000000-hits.csv");
        List<String> l = lines("event000000000-hits.csv");
        l.set(0, l.get(0) + ",track_id");
        for (int i = 1; i < l.size(); i++) {
            l.set(i, l.get(i) + "," + (i <= 20 ? 7 : 0));
        }
        put("event000000000-hits.csv", String.join("\n", l) + "\n");
        Event e = TrackMlReader.read(dir).get(0);
        assertThat(e.hasTruth()).isFalse();
        assertThat(e.particles()).isEmpty();
        assertThat(e.trackIds()).hasSize(20).containsValue(7L).doesNotContainValue(0L);
    }

    @Test
    void truthWeightsSumToOnePerEvent() {
        for (Event e : TrackMlReader.read(dir)) {
            double sum = e.truth().stream().mapToDouble(t -> t.weight()).sum();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(e.truth().stream().filter(t -> t.particleId() == 0).mapToDouble(t -> t.weight()).sum()).isZero();
        }
    }
}
