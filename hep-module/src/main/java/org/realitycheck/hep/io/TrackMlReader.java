package org.realitycheck.hep.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.realitycheck.core.BadInputException;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.event.Hit;
import org.realitycheck.hep.event.Particle;
import org.realitycheck.hep.event.TruthHit;

/**
 * Reads TrackML CSV, as {@link TrackMlWriter} and the TrackML challenge write it: for every
 * {@code event<9 digits>-hits.csv} in a folder, the matching {@code -truth.csv} and
 * {@code -particles.csv}. Hits are assigned to tracks by the truth file's {@code particle_id}; without
 * a truth file, by a {@code track_id} column in the hits file (the user's own track finding; 0 = no
 * track), and then the particles file is not read (nothing links tracks to particles). Columns are
 * found by header name, so their order and extra columns do not matter. Parsing is Apache Commons
 * CSV ({@link CsvTable}): quoted fields, CRLF, a UTF-8 byte-order mark and blank lines are accepted.
 *
 * <p>Bad input raises {@link BadInputException} naming the file, the line (the header is line 1)
 * and the column: a missing or repeated column, a row with the wrong number of fields, a
 * non-numeric or non-finite value, a duplicate hit or particle id (with the line of the first), a
 * truth row for an unknown hit or particle. Particle ids are 64-bit.
 */
public final class TrackMlReader {
    private static final Pattern HITS_FILE = Pattern.compile("event(\\d{9})-hits\\.csv");
    /** Optional hits column: the track a hit was assigned to by the user's own pattern recognition. */
    public static final String TRACK_ID = "track_id";
    private static final List<String> HITS = List.of(TrackMlWriter.HITS);
    private static final List<String> PARTICLES = List.of(TrackMlWriter.PARTICLES);
    private static final List<String> TRUTH = List.of(TrackMlWriter.TRUTH);

    private TrackMlReader() {
    }

    /**
     * Reads every event in {@code dir}, ordered by event id.
     *
     * @param dir a folder of TrackML CSV files, or one {@code -hits.csv} file (then only its event)
     * @return the events
     * @throws BadInputException when the folder holds no events or a file is malformed
     */
    public static List<Event> read(Path dir) {
        TreeMap<Long, Path> hitFiles = new TreeMap<>();
        if (Files.isRegularFile(dir)) {
            Matcher m = HITS_FILE.matcher(dir.getFileName().toString());
            if (!m.matches()) {
                throw BadInputException.at(dir, "", "not a TrackML hits file (expected event<9 digits>-hits.csv)");
            }
            hitFiles.put(Long.parseLong(m.group(1)), dir);
        } else if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(p -> {
                    Matcher m = HITS_FILE.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        hitFiles.put(Long.parseLong(m.group(1)), p);
                    }
                });
            } catch (IOException e) {
                throw BadInputException.at(dir, "", "cannot list the folder: " + e.getMessage(), e);
            }
        } else {
            throw BadInputException.at(dir, "", "no such file or folder");
        }
        if (hitFiles.isEmpty()) {
            throw BadInputException.at(dir, "", "no event<9 digits>-hits.csv files found");
        }
        List<Event> events = new ArrayList<>();
        for (Map.Entry<Long, Path> e : hitFiles.entrySet()) {
            events.add(readEvent(e.getKey(), e.getValue()));
        }
        return events;
    }

    private static Event readEvent(long eventId, Path hitsFile) {
        Path dir = hitsFile.toAbsolutePath().getParent();
        String prefix = TrackMlWriter.prefix(eventId);
        Path truthFile = dir.resolve(prefix + "-truth.csv");
        boolean haveTruth = Files.isRegularFile(truthFile);
        List<Hit> hits = new ArrayList<>();
        Map<Long, Long> hitLines = new HashMap<>();
        Map<Long, Long> trackIds = new LinkedHashMap<>();
        CsvTable.read(hitsFile, HITS, row -> {
            long id = row.id("hit_id");
            Long first = hitLines.putIfAbsent(id, row.line());
            if (first != null) {
                throw row.error("hit_id", "duplicate hit_id " + id + " (first on line " + first + ")");
            }
            hits.add(new Hit(id, row.num("x"), row.num("y"), row.num("z"), row.integer("volume_id"),
                    row.integer("layer_id"), row.integer("module_id")));
            if (!haveTruth) {
                if (!row.has(TRACK_ID)) {
                    throw BadInputException.at(truthFile, "", "missing: hits are assigned to tracks from the truth file, "
                            + "or from a '" + TRACK_ID + "' column in " + hitsFile.getFileName());
                }
                long track = row.integer64(TRACK_ID);
                if (track < 0) {
                    throw row.error(TRACK_ID, "track ids must be >= 0 (0: no track), got " + track);
                }
                if (track != 0) {
                    trackIds.put(id, track);
                }
            }
        });
        Path particlesFile = dir.resolve(prefix + "-particles.csv");
        List<Particle> particles = new ArrayList<>();
        Map<Long, Long> particleLines = new HashMap<>();
        boolean haveParticles = haveTruth && Files.isRegularFile(particlesFile);
        if (haveParticles) {
            CsvTable.read(particlesFile, PARTICLES, row -> {
                long id = row.id("particle_id");
                Long first = particleLines.putIfAbsent(id, row.line());
                if (first != null) {
                    throw row.error("particle_id", "duplicate particle_id " + id + " (first on line " + first + ")");
                }
                int nhits = row.integer("nhits");
                if (nhits < 0) {
                    throw row.error("nhits", "nhits must be >= 0, got " + nhits);
                }
                particles.add(new Particle(id, row.num("vx"), row.num("vy"), row.num("vz"), row.num("px"), row.num("py"),
                        row.num("pz"), row.integer("q"), nhits));
            });
        }
        List<TruthHit> truth = new ArrayList<>();
        if (haveTruth) {
            Map<Long, Long> truthLines = new HashMap<>();
            CsvTable.read(truthFile, TRUTH, row -> {
                long hitId = row.id("hit_id");
                if (!hitLines.containsKey(hitId)) {
                    throw row.error("hit_id", "unknown hit_id " + hitId + " (not in " + hitsFile.getFileName() + ")");
                }
                Long first = truthLines.putIfAbsent(hitId, row.line());
                if (first != null) {
                    throw row.error("hit_id", "duplicate hit_id " + hitId + " (first on line " + first + ")");
                }
                long pid = row.integer64("particle_id");
                if (pid < 0 || (pid != 0 && haveParticles && !particleLines.containsKey(pid))) {
                    throw row.error("particle_id", "unknown particle_id " + pid + " (not in "
                            + particlesFile.getFileName() + ")");
                }
                truth.add(new TruthHit(hitId, pid, row.num("tx"), row.num("ty"), row.num("tz"), row.num("tpx"),
                        row.num("tpy"), row.num("tpz"), row.num("weight")));
            });
        }
        return new Event(eventId, hits, particles, truth, trackIds);
    }
}
