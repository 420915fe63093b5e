package org.realitycheck.hep.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.realitycheck.core.BadInputException;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.event.Hit;
import org.realitycheck.hep.event.Particle;
import org.realitycheck.hep.event.TruthHit;

/**
 * Reads the TrackML-style CSV that {@link TrackMlWriter} writes: for every
 * {@code event<9 digits>-hits.csv} in a folder, the matching {@code -truth.csv} (required: the
 * hit-to-track assignment comes from the truth) and {@code -particles.csv} (optional). Columns are
 * found by header name, so their order and extra columns do not matter.
 *
 * <p>Bad input raises {@link BadInputException} naming the file, the line (the header is line 1)
 * and the column: a missing column, a row with too few fields, a non-numeric or non-finite value,
 * a duplicate hit or particle id, a truth row for an unknown hit or particle.
 */
public final class TrackMlReader {
    private static final Pattern HITS_FILE = Pattern.compile("event(\\d{9})-hits\\.csv");

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
        List<Hit> hits = new ArrayList<>();
        Set<Long> hitIds = new HashSet<>();
        parse(hitsFile, TrackMlWriter.HITS, row -> {
            long id = row.id("hit_id");
            if (!hitIds.add(id)) {
                throw row.error("hit_id", "duplicate hit_id " + id);
            }
            hits.add(new Hit(id, row.num("x"), row.num("y"), row.num("z"), row.integer("volume_id"),
                    row.integer("layer_id"), row.integer("module_id")));
        });
        Path particlesFile = dir.resolve(prefix + "-particles.csv");
        List<Particle> particles = new ArrayList<>();
        Set<Long> particleIds = new HashSet<>();
        boolean haveParticles = Files.isRegularFile(particlesFile);
        if (haveParticles) {
            parse(particlesFile, TrackMlWriter.PARTICLES, row -> {
                long id = row.id("particle_id");
                if (!particleIds.add(id)) {
                    throw row.error("particle_id", "duplicate particle_id " + id);
                }
                int nhits = row.integer("nhits");
                if (nhits < 0) {
                    throw row.error("nhits", "nhits must be >= 0, got " + nhits);
                }
                particles.add(new Particle(id, row.num("vx"), row.num("vy"), row.num("vz"), row.num("px"), row.num("py"),
                        row.num("pz"), row.integer("q"), nhits));
            });
        }
        Path truthFile = dir.resolve(prefix + "-truth.csv");
        if (!Files.isRegularFile(truthFile)) {
            throw BadInputException.at(truthFile, "", "missing: hits are assigned to tracks from the truth file");
        }
        List<TruthHit> truth = new ArrayList<>();
        Set<Long> truthIds = new HashSet<>();
        parse(truthFile, TrackMlWriter.TRUTH, row -> {
            long hitId = row.id("hit_id");
            if (!hitIds.contains(hitId)) {
                throw row.error("hit_id", "unknown hit_id " + hitId + " (not in " + hitsFile.getFileName() + ")");
            }
            if (!truthIds.add(hitId)) {
                throw row.error("hit_id", "duplicate hit_id " + hitId);
            }
            long pid = row.integer64("particle_id");
            if (pid < 0 || (pid != 0 && haveParticles && !particleIds.contains(pid))) {
                throw row.error("particle_id", "unknown particle_id " + pid + " (not in " + particlesFile.getFileName() + ")");
            }
            truth.add(new TruthHit(hitId, pid, row.num("tx"), row.num("ty"), row.num("tz"), row.num("tpx"),
                    row.num("tpy"), row.num("tpz"), row.num("weight")));
        });
        return new Event(eventId, hits, particles, truth);
    }

    private interface RowHandler {
        void accept(Row row);
    }

    /** One data row with typed, located access to its fields. */
    private record Row(Path file, CSVRecord rec, Map<String, Integer> header) {
        long line() {
            return rec.getRecordNumber() + 1;
        }

        BadInputException error(String column, String problem) {
            return BadInputException.at(file, "line " + line() + ", column '" + column + "'", problem);
        }

        private String raw(String column) {
            return rec.get(header.get(column)).trim();
        }

        double num(String column) {
            String s = raw(column);
            try {
                double v = Double.parseDouble(s);
                if (!Double.isFinite(v)) {
                    throw error(column, "'" + s + "' is not a finite number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(column, "'" + s + "' is not a number");
            }
        }

        long integer64(String column) {
            String s = raw(column);
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw error(column, "'" + s + "' is not an integer");
            }
        }

        int integer(String column) {
            long v = integer64(column);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw error(column, v + " is out of range");
            }
            return (int) v;
        }

        long id(String column) {
            long v = integer64(column);
            if (v < 1) {
                throw error(column, "ids must be >= 1, got " + v);
            }
            return v;
        }
    }

    private static void parse(Path file, String[] required, RowHandler handler) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = format.parse(r)) {
            Map<String, Integer> header = new TreeMap<>();
            p.getHeaderMap().forEach((k, v) -> header.put(k.trim(), v));
            for (String col : required) {
                if (!header.containsKey(col)) {
                    throw BadInputException.at(file, "line 1", "missing column '" + col + "' (expected "
                            + String.join(",", required) + ")");
                }
            }
            for (CSVRecord rec : p) {
                if (rec.size() < header.size()) {
                    throw BadInputException.at(file, "line " + (rec.getRecordNumber() + 1),
                            "expected " + header.size() + " fields, got " + rec.size());
                }
                Row row = new Row(file, rec, header);
                try {
                    handler.accept(row);
                } catch (IllegalArgumentException e) {
                    throw BadInputException.at(file, "line " + row.line(), e.getMessage(), e);
                }
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // commons-csv refuses a header with a missing or repeated name this way (found by fuzzing)
            throw BadInputException.at(file, "line 1", "not a valid CSV header (" + e.getMessage() + ")", e);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw BadInputException.at(file, "", "cannot read CSV: " + e.getMessage(), e);
        }
    }
}
