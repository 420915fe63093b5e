package org.realitycheck.core.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.nd4j.autodiff.samediff.SameDiff;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.core.io.AtomicFiles;

/**
 * The model artifact: one zip holding
 * <ul>
 *   <li>{@value #CARD}: the {@link ModelCard} as JSON;</li>
 *   <li>{@value #GENERATOR} and {@value #DISCRIMINATOR}: the SameDiff graphs in SameDiff's own
 *       format, training config and Adam state included, so training can resume;</li>
 *   <li>{@value #STATE}: the trainer's counters ({@link GanModel.TrainingState}).</li>
 * </ul>
 * Writing goes to a temporary file in the target folder that is then atomically renamed, so a
 * reader never sees half an artifact. Reading never extracts entries to disk; it reads them into
 * memory and rejects truncated, corrupt, foreign and future-schema files and entries whose names
 * would escape a folder, with a {@link BadInputException} naming the file and the problem.
 */
public final class ModelArtifact {
    /** Zip entry of the model card. */
    public static final String CARD = "card.json";
    /** Zip entry of the generator graph. */
    public static final String GENERATOR = "generator.sd";
    /** Zip entry of the discriminator graph. */
    public static final String DISCRIMINATOR = "discriminator.sd";
    /** Zip entry of the training counters. */
    public static final String STATE = "state.json";

    /**
     * Largest entry, uncompressed, that loading reads: 256 MiB. The shipped models' largest entry
     * (the astro generator graph) is 1.6 MB; a 256 MiB graph is a U-Net over 64 M float weights.
     */
    public static final int MAX_ENTRY_BYTES = 256 << 20;
    /** Largest sum of all entries, uncompressed: 512 MiB (a full artifact holds two graphs with Adam state). */
    public static final long MAX_TOTAL_BYTES = 512L << 20;
    /**
     * Largest compression ratio (uncompressed / compressed) of an entry over {@value #RATIO_FREE_BYTES}
     * bytes: 100. Trained float weights barely compress (the shipped graphs: 1.09); a zip bomb
     * compresses zeros about 1000-fold.
     */
    public static final int MAX_RATIO = 100;
    /** Entries up to this size (1 MiB) may compress any amount: JSON cards and small zeroed tensors do. */
    public static final int RATIO_FREE_BYTES = 1 << 20;
    /** Most entries an artifact may hold (ours have 2 to 4; a DL4J zip about 5). */
    public static final int MAX_ENTRIES = 1000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelArtifact() {
    }

    /**
     * Writes a model atomically (temporary file in the same folder, then an atomic rename).
     *
     * @param model the model, never null
     * @param zip the destination; its folder is created when missing; an existing file is replaced
     * @throws UncheckedIOException if the folder is not writable
     */
    public static void write(GanModel model, Path zip) {
        atomically(zip, "model artifact", writer(model));
    }

    /**
     * The artifact's bytes as a writer, for writing it together with other files as one unit
     * ({@link AtomicFiles#writeAll}), e.g. a model and its training history.
     *
     * @param model the model, never null
     * @return a writer of the full artifact ({@link #write}'s content)
     */
    public static AtomicFiles.StreamWriter writer(GanModel model) {
        return os -> {
            ZipOutputStream out = new ZipOutputStream(os);
            put(out, CARD, JSON.writeValueAsBytes(model.card()));
            put(out, STATE, JSON.writeValueAsBytes(model.state()));
            put(out, GENERATOR, graphBytes(model.generatorGraph()));
            put(out, DISCRIMINATOR, graphBytes(model.discriminatorGraph()));
            out.finish();
        };
    }

    /** What a release artifact's card says it leaves out ({@link ModelCard#NOTE_ARTIFACT}). */
    public static final String RELEASE_NOTE = "release artifact: generator weights and card only; the discriminator and "
            + "the optimiser (Adam) state are left out to keep it small, so it validates and generates but cannot resume "
            + "training";

    /**
     * Writes a release artifact atomically: {@value #CARD} (with {@link #RELEASE_NOTE} under
     * {@link ModelCard#NOTE_ARTIFACT}) and {@value #GENERATOR} without its updater state; no
     * discriminator and no {@value #STATE}. About a third of the generator's full size (Adam keeps two
     * moments per weight). {@link #load} reads it like a full artifact; {@link #read} rejects it,
     * since training cannot resume without the discriminator and the optimiser state.
     *
     * @param model the model, never null
     * @param zip the destination; its folder is created when missing; an existing file is replaced
     * @throws UncheckedIOException if the folder is not writable
     */
    public static void writeRelease(GanModel model, Path zip) {
        atomically(zip, "model artifact", releaseWriter(model));
    }

    /**
     * A release artifact's bytes as a writer ({@link #writeRelease}'s content), for {@link AtomicFiles#writeAll}.
     *
     * @param model the model, never null
     * @return a writer of the release artifact
     */
    public static AtomicFiles.StreamWriter releaseWriter(GanModel model) {
        ModelCard card = model.card().withNote(ModelCard.NOTE_ARTIFACT, RELEASE_NOTE);
        return os -> {
            ZipOutputStream out = new ZipOutputStream(os);
            put(out, CARD, JSON.writeValueAsBytes(card));
            ByteArrayOutputStream g = new ByteArrayOutputStream();
            model.generatorGraph().save(g, false);
            put(out, GENERATOR, g.toByteArray());
            out.finish();
        };
    }

    /** Writes through {@code body} with {@link AtomicFiles#write}; I/O failures become unchecked. */
    private static void atomically(Path file, String what, AtomicFiles.StreamWriter body) {
        try {
            AtomicFiles.write(file, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " " + file, e);
        }
    }

    /**
     * Reads a full model (both graphs, optimizer state, counters), e.g. to resume training.
     *
     * @throws BadInputException if the file is missing, truncated, corrupt, foreign, of a newer
     *     schema or holds an entry whose name escapes the folder
     */
    public static GanModel read(Path zip) {
        try (ZipFile zf = open(zip)) {
            ModelCard card = card(zip, zf);
            if (zf.getEntry(DISCRIMINATOR) == null && card.notes().containsKey(ModelCard.NOTE_ARTIFACT)) {
                throw BadInputException.at(zip, DISCRIMINATOR, card.notes().get(ModelCard.NOTE_ARTIFACT));
            }
            GanModel.TrainingState state = json(zip, zf, STATE, GanModel.TrainingState.class);
            SameDiff g = graph(zip, zf, GENERATOR);
            SameDiff d = graph(zip, zf, DISCRIMINATOR);
            return new GanModel(g, d, card, state);
        } catch (IOException e) {
            throw BadInputException.at(zip, "", "cannot read model artifact: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a generator for validation from either of
     * <ul>
     *   <li>our artifact (see the class comment), or</li>
     *   <li>a plain DL4J {@code ModelSerializer} zip (MultiLayerNetwork or ComputationGraph) with a
     *       card beside it: {@code <name>.card.json} for {@code <name>.zip}, else {@code card.json}
     *       in the same folder. The network takes the normalised condition (flattened, followed by
     *       {@code noiseDim} N(0,1) values, for an MLP generator spec; NCHW for a U-Net spec).</li>
     * </ul>
     *
     * @throws BadInputException as {@link #read(Path)}, or when a DL4J zip has no readable card beside it
     */
    public static Generator load(Path zip) {
        boolean dl4j;
        try (ZipFile zf = open(zip)) {
            if (zf.getEntry(CARD) != null) {
                ModelCard card = card(zip, zf);
                return new GraphGenerator(graph(zip, zf, GENERATOR), card);
            }
            dl4j = zf.getEntry("configuration.json") != null && zf.getEntry("coefficients.bin") != null;
            if (dl4j) {
                checkActualSizes(zip, zf);
            }
        } catch (IOException e) {
            throw BadInputException.at(zip, "", "cannot read model artifact: " + e.getMessage(), e);
        }
        if (!dl4j) {
            throw BadInputException.at(zip, "", "not a realitycheck model artifact (no " + CARD
                    + ") nor a DL4J ModelSerializer zip (no configuration.json)");
        }
        return Dl4jGenerator.load(zip, readCard(cardBeside(zip)));
    }

    /**
     * Writes a card as JSON, atomically; the card a DL4J model needs beside it.
     *
     * @throws UncheckedIOException if the folder is not writable
     */
    public static void writeCard(ModelCard card, Path file) {
        atomically(file, "model card", os -> os.write(JSON.writeValueAsBytes(card)));
    }

    /**
     * Reads a card JSON file.
     *
     * @throws BadInputException if it is missing, not JSON, of a newer schema or not a card
     */
    public static ModelCard readCard(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "", "no such file");
        }
        try {
            return parseCard(file, "", Files.readAllBytes(file));
        } catch (IOException e) {
            throw BadInputException.at(file, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** The card of a DL4J zip: {@code <name>.card.json} if present, else {@code card.json} in the folder. */
    static Path cardBeside(Path zip) {
        Path abs = zip.toAbsolutePath();
        String name = abs.getFileName().toString();
        String stem = name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        Path named = abs.resolveSibling(stem + ".card.json");
        if (Files.isRegularFile(named)) {
            return named;
        }
        Path plain = abs.resolveSibling(CARD);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw BadInputException.at(zip, "", "a DL4J model needs its card beside it: " + named.getFileName() + " or "
                + CARD + " in the same folder");
    }

    private static ZipFile open(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw BadInputException.at(zip, "", "no such file");
        }
        ZipFile zf;
        try {
            zf = new ZipFile(zip.toFile());
        } catch (IOException e) {
            throw BadInputException.at(zip, "", "not a zip file, or truncated (" + e.getMessage() + ")", e);
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        try {
            if (zf.size() > MAX_ENTRIES) {
                throw BadInputException.at(zip, "", zf.size() + " zip entries, above the limit of " + MAX_ENTRIES
                        + " (ModelArtifact.MAX_ENTRIES)");
            }
            for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                if (!safeName(name)) {
                    throw BadInputException.at(zip, name, "zip entry name escapes the archive folder");
                }
                if (!seen.add(name)) {
                    throw BadInputException.at(zip, name, "zip entry appears twice");
                }
                // the declared sizes; the bytes actually inflated are counted again when read
                checkSize(zip, name, e.getSize(), e.getCompressedSize());
                total += Math.max(0, e.getSize());
                if (total > MAX_TOTAL_BYTES) {
                    throw BadInputException.at(zip, name, "zip entries add up to more than " + MAX_TOTAL_BYTES
                            + " bytes uncompressed, the limit (ModelArtifact.MAX_TOTAL_BYTES)");
                }
            }
        } catch (BadInputException ex) {
            closeQuietly(zf);
            throw ex;
        }
        return zf;
    }

    /**
     * Refuses an entry of {@code size} bytes uncompressed ({@code -1}: unknown yet) stored in
     * {@code compressed} bytes when it passes {@link #MAX_ENTRY_BYTES} or {@link #MAX_RATIO}.
     */
    private static void checkSize(Path zip, String name, long size, long compressed) {
        if (size > MAX_ENTRY_BYTES) {
            throw BadInputException.at(zip, name, "zip entry of " + size + " bytes uncompressed, above the limit of "
                    + MAX_ENTRY_BYTES + " (ModelArtifact.MAX_ENTRY_BYTES)");
        }
        if (size > RATIO_FREE_BYTES && compressed > 0 && size / (double) compressed > MAX_RATIO) {
            throw BadInputException.at(zip, name, String.format(java.util.Locale.ROOT, "zip entry compressed %.0f-fold "
                    + "(%d bytes from %d), above the limit of %d (ModelArtifact.MAX_RATIO): not a model, perhaps a zip bomb",
                    size / (double) compressed, size, compressed, MAX_RATIO));
        }
    }

    /**
     * Inflates every entry once, counting bytes without keeping them, so that a zip whose declared
     * sizes lie cannot make a library that reads it (DL4J's {@code ModelSerializer}) allocate past
     * the limits.
     */
    private static void checkActualSizes(Path zip, ZipFile zf) {
        long total = 0;
        byte[] buf = new byte[1 << 16];
        for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements();) {
            ZipEntry e = en.nextElement();
            long n = 0;
            try (InputStream in = zf.getInputStream(e)) {
                for (int r; (r = in.read(buf)) > 0;) {
                    n += r;
                    checkSize(zip, e.getName(), n, e.getCompressedSize());
                }
            } catch (IOException ex) {
                throw BadInputException.at(zip, e.getName(), "corrupt entry (" + ex.getMessage() + ")", ex);
            }
            total += n;
            if (total > MAX_TOTAL_BYTES) {
                throw BadInputException.at(zip, e.getName(), "zip entries add up to more than " + MAX_TOTAL_BYTES
                        + " bytes uncompressed, the limit (ModelArtifact.MAX_TOTAL_BYTES)");
            }
        }
    }

    /** Relative, no {@code ..} segment, no backslash, no drive letter, no NUL. */
    static boolean safeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':')) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(ZipFile zf) {
        try {
            zf.close();
        } catch (IOException e) {
            // already failing with a better message
        }
    }

    private static byte[] entry(Path zip, ZipFile zf, String name) {
        ZipEntry e = zf.getEntry(name);
        if (e == null) {
            String what = zf.getEntry(CARD) == null ? "not a realitycheck model artifact" : "incomplete model artifact";
            throw BadInputException.at(zip, name, what + ": entry missing");
        }
        try (InputStream in = zf.getInputStream(e)) {
            // never trust the declared size: read in steps, checking the limits on what was inflated
            ByteArrayOutputStream b = new ByteArrayOutputStream((int) Math.min(Math.max(e.getSize(), 0), 1 << 20));
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0;) {
                b.write(buf, 0, r);
                checkSize(zip, name, b.size(), e.getCompressedSize());
            }
            return b.toByteArray();
        } catch (IOException ex) {
            throw BadInputException.at(zip, name, "corrupt entry (" + ex.getMessage() + ")", ex);
        }
    }

    private static ModelCard card(Path zip, ZipFile zf) {
        return parseCard(zip, CARD, entry(zip, zf, CARD));
    }

    private static ModelCard parseCard(Path file, String where, byte[] bytes) {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw BadInputException.at(file, where, "not valid JSON (" + firstLine(e) + ")", e);
        }
        if (tree == null || !tree.isObject()) {
            throw BadInputException.at(file, where, "expected a JSON object (a model card)");
        }
        JsonNode v = tree.get("schemaVersion");
        if (v == null || !v.canConvertToInt()) {
            throw BadInputException.at(file, where + (where.isEmpty() ? "" : " ") + "schemaVersion",
                    "missing or not an integer");
        }
        if (v.intValue() > ModelCard.SCHEMA_VERSION) {
            throw BadInputException.at(file, where + (where.isEmpty() ? "" : " ") + "schemaVersion",
                    "schema " + v.intValue() + " is newer than this tool reads (<= " + ModelCard.SCHEMA_VERSION
                            + "); upgrade realitycheck");
        }
        try {
            return JSON.treeToValue(tree, ModelCard.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw BadInputException.at(file, where, "not a valid model card (" + firstLine(e) + ")", e);
        }
    }

    private static <T> T json(Path zip, ZipFile zf, String name, Class<T> type) {
        try {
            return JSON.readValue(entry(zip, zf, name), type);
        } catch (IOException | IllegalArgumentException e) {
            throw BadInputException.at(zip, name, "not valid JSON for " + type.getSimpleName() + " (" + firstLine(e)
                    + ")", e);
        }
    }

    private static SameDiff graph(Path zip, ZipFile zf, String name) {
        byte[] bytes = entry(zip, zf, name);
        SameDiff sd;
        try {
            sd = SameDiff.load(new ByteArrayInputStream(bytes), true);
        } catch (RuntimeException e) {
            throw BadInputException.at(zip, name, "not a readable SameDiff graph (" + graphReason(e, bytes.length) + ")", e);
        }
        if (sd == null) {
            throw BadInputException.at(zip, name, "not a readable SameDiff graph (" + bytes.length
                    + " bytes that hold no graph; expected one saved by realitycheck train)");
        }
        requireFiniteWeights(zip, name, sd);
        return sd;
    }

    /**
     * Refuses a graph with a NaN or infinite weight: its outputs would be NaN everywhere, and a gate
     * that ran on it would measure nothing. Training stops before writing such a model
     * ({@link org.realitycheck.core.train.DivergedTrainingException}); this catches one written by
     * an older version or by hand.
     *
     * @throws BadInputException naming the file, the entry and the variable
     */
    static void requireFiniteWeights(Path zip, String name, SameDiff sd) {
        for (org.nd4j.autodiff.samediff.SDVariable v : sd.variables()) {
            if (v.getVariableType() != org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                continue;
            }
            org.nd4j.linalg.api.ndarray.INDArray a = v.getArr();
            if (a == null || a.isEmpty() || !a.dataType().isFPType()) {
                continue;
            }
            double sum = a.sumNumber().doubleValue();
            if (Double.isFinite(sum)) {
                continue; // a NaN or infinity anywhere would make the sum non-finite
            }
            double[] values = a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
            long bad = java.util.Arrays.stream(values).filter(x -> !Double.isFinite(x)).count();
            if (bad > 0) {
                throw BadInputException.at(zip, name + ": variable '" + v.name() + "'", bad + " of " + values.length
                        + " weights are NaN or infinite; the model is broken (its training diverged); retrain it");
            }
        }
    }

    /** Why a graph could not be read, in words: never a bare "null" or a library's NullPointerException text. */
    private static String graphReason(RuntimeException e, int size) {
        if (e instanceof NullPointerException || e instanceof IndexOutOfBoundsException || e instanceof ClassCastException
                || e.getMessage() == null || e.getMessage().isBlank()) {
            return size + " bytes that are damaged or not a SameDiff FlatBuffers graph; expected a graph saved by "
                    + "realitycheck train";
        }
        return firstLine(e);
    }

    private static byte[] graphBytes(SameDiff sd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sd.save(out, true);
        return out.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
