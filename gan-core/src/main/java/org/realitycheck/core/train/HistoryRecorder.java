package org.realitycheck.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.realitycheck.core.io.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Records the losses of every generator step, for loss curves in reports. */
public final class HistoryRecorder implements TrainingListener {
    private final List<Entry> entries = new ArrayList<>();

    /**
     * One recorded step.
     *
     * @param step generator step, from 1
     * @param epoch epoch, from 1
     * @param losses losses by name, sorted
     */
    public record Entry(long step, int epoch, Map<String, Double> losses) {
        public Entry {
            losses = java.util.Collections.unmodifiableMap(new TreeMap<>(losses));
        }
    }

    @Override
    public synchronized void onStep(long step, int epoch, Map<String, Double> losses) {
        entries.add(new Entry(step, epoch, losses));
    }

    /** @return the steps recorded so far, in order */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Writes {@code {"steps":[{"step":..,"epoch":..,"losses":{..}},..]}} to a temp file in the same
     * folder, then renames it over {@code file}, so readers never see half a file.
     *
     * @throws UncheckedIOException if the folder is not writable
     */
    public void writeJson(Path file) {
        try {
            writeAtomically(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training history " + file, e);
        }
    }

    private void writeAtomically(Path file) throws IOException {
        AtomicFiles.write(file, jsonWriter());
    }

    /**
     * The history as a writer of {@link #writeJson}'s content, for writing it together with the
     * model as one unit ({@link AtomicFiles#writeAll}); the steps are those recorded when it runs.
     */
    public AtomicFiles.StreamWriter jsonWriter() {
        return out -> out.write(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(Map.of("steps", entries())));
    }
}
