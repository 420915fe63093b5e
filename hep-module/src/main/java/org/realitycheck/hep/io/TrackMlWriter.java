package org.realitycheck.hep.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.realitycheck.core.io.AtomicFiles;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.event.Hit;
import org.realitycheck.hep.event.Particle;
import org.realitycheck.hep.event.TruthHit;

/**
 * Writes events as TrackML-style CSV (the {@code realitycheck simulate hep} layout of docs/data.md):
 * {@code DIR/event<9 digits>-hits.csv} (hit_id,x,y,z,volume_id,layer_id,module_id),
 * {@code -particles.csv} (particle_id,vx,vy,vz,px,py,pz,q,nhits) and {@code -truth.csv}
 * (hit_id,particle_id,tx,ty,tz,tpx,tpy,tpz,weight); mm and GeV; an event without particles has no
 * particles file. Doubles are written in their
 * shortest round-trip form, so reading gives back the same values. Each file is written to a
 * temporary file in {@code DIR} and renamed, so no reader ever sees a half-written file.
 */
public final class TrackMlWriter {
    static final String[] HITS = {"hit_id", "x", "y", "z", "volume_id", "layer_id", "module_id"};
    static final String[] PARTICLES = {"particle_id", "vx", "vy", "vz", "px", "py", "pz", "q", "nhits"};
    static final String[] TRUTH = {"hit_id", "particle_id", "tx", "ty", "tz", "tpx", "tpy", "tpz", "weight"};

    private TrackMlWriter() {
    }

    /**
     * Writes every event into {@code dir} (created if absent).
     *
     * @param events the events, never null
     * @param dir the output folder
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void write(List<Event> events, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        for (Event e : events) {
            write(e, dir);
        }
    }

    /** Writes one event's three files into the existing folder {@code dir}. */
    public static void write(Event event, Path dir) {
        String prefix = prefix(event.eventId());
        atomically(dir.resolve(prefix + "-hits.csv"), HITS, p -> {
            for (Hit h : event.hits()) {
                p.printRecord(h.hitId(), d(h.x()), d(h.y()), d(h.z()), h.volumeId(), h.layerId(), h.moduleId());
            }
        });
        // an event without particles (tracks without truth parameters) has no particles file, so that its
        // truth rows name particles the reader does not look up
        if (!event.particles().isEmpty()) {
            atomically(dir.resolve(prefix + "-particles.csv"), PARTICLES, p -> {
                for (Particle q : event.particles()) {
                    p.printRecord(q.particleId(), d(q.vx()), d(q.vy()), d(q.vz()), d(q.px()), d(q.py()), d(q.pz()), q.q(),
                            q.nhits());
                }
            });
        }
        atomically(dir.resolve(prefix + "-truth.csv"), TRUTH, p -> {
            for (TruthHit t : event.truth()) {
                p.printRecord(t.hitId(), t.particleId(), d(t.tx()), d(t.ty()), d(t.tz()), d(t.tpx()), d(t.tpy()),
                        d(t.tpz()), d(t.weight()));
            }
        });
    }

    /** @return {@code event<9 digits>} */
    public static String prefix(long eventId) {
        return String.format("event%09d", eventId);
    }

    private static String d(double v) {
        return Double.toString(v);
    }

    private interface Rows {
        void print(CSVPrinter p) throws IOException;
    }

    private static void atomically(Path target, String[] header, Rows rows) {
        try {
            AtomicFiles.write(target, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get());
                rows.print(p);
                p.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
