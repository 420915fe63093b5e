package org.realitycheck.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;


/**
 * What a model was trained on, by content, so that a held-out set that shares images with the training set
 * is caught however the files were named or re-degraded.
 *
 * <p><b>Content hash</b> of a sample: SHA-256 over its target's float32 values (big-endian IEEE 754, the
 * order of {@link Sample#target()}), or over its condition when it has no target. For an image pair the
 * target is the truth, so two degradations of one truth image (other noise, other PSF) have the same hash,
 * and so do two copies of one file under other names.
 *
 * <p><b>In the card</b> ({@link #record}): the note {@value #NOTE} lists the first
 * {@value #PREFIX_HEX} hex digits (48 bits) of every distinct training content hash, sorted, space-separated,
 * after the tag {@code sha256/48:} — 13 characters per image. Two different images share a prefix with
 * probability about {@code N_train·N_held/2⁴⁸} (3.6·10⁻⁷ for 10⁴ × 10⁴), so {@link #overlap} has no practical
 * false alarm and no miss. When the training samples carry the text metadata {@code origin} and
 * {@code source_folder_sha256} (what {@code simulate astro --from} writes), the note {@value #NOTE_ORIGIN}
 * says where they came from.
 */
public final class TrainingContent {
    /** Card note key: the training set's content hashes (48-bit prefixes). */
    public static final String NOTE = "trainingContent";
    /** Card note key: the training images' origin (e.g. real images from a folder with a given fingerprint). */
    public static final String NOTE_ORIGIN = "trainingOrigin";
    /** Hex digits kept of each content hash. */
    public static final int PREFIX_HEX = 12;
    private static final String TAG = "sha256/48:";

    private TrainingContent() {
    }

    /** @return the content hash of a sample (64 hex digits), see the class comment */
    public static String sha256(Sample s) {
        float[] v = s.target().orElseGet(s::condition);
        return sha256(v);
    }

    /** @return SHA-256 (64 hex digits) over float32 values, big-endian */
    public static String sha256(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.BIG_ENDIAN);
        buf.asFloatBuffer().put(values);
        return HexFormat.of().formatHex(digest().digest(buf.array()));
    }

    /** @return a new SHA-256 digest */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * @param trainingData the samples the model was trained on, as loaded (before any recipe transform)
     * @return the card with {@value #NOTE} and, when the samples say where they came from, {@value #NOTE_ORIGIN}
     */
    public static ModelCard record(ModelCard card, SampleSet trainingData) {
        Set<String> prefixes = new TreeSet<>();
        for (Sample s : trainingData) {
            prefixes.add(sha256(s).substring(0, PREFIX_HEX));
        }
        ModelCard out = card.withNote(NOTE, TAG + " " + String.join(" ", prefixes));
        String origin = origin(trainingData);
        return origin.isEmpty() ? out : out.withNote(NOTE_ORIGIN, origin);
    }

    /** One sentence on the origin metadata of a set; empty when no sample has an {@code origin}. */
    static String origin(SampleSet set) {
        Map<String, Integer> origins = new LinkedHashMap<>();
        Set<String> folders = new TreeSet<>();
        for (Sample s : set) {
            String o = s.metadata().get("origin");
            if (o != null && !o.isBlank()) {
                origins.merge(o, 1, Integer::sum);
            }
            String f = s.metadata().get("source_folder_sha256");
            if (f != null && !f.isBlank()) {
                folders.add(f);
            }
        }
        if (origins.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        origins.forEach((o, n) -> parts.add(n + " of " + set.size() + " samples " + o));
        String s = String.join(", ", parts);
        return folders.isEmpty() ? s : s + "; source folder SHA-256 " + String.join(", ", folders);
    }

    /** @return the 48-bit prefixes a card lists ({@value #NOTE}); empty when the card has no such note */
    public static Set<String> prefixes(ModelCard card) {
        String note = card.notes().get(NOTE);
        Set<String> out = new TreeSet<>();
        if (note == null || !note.startsWith(TAG)) {
            return out;
        }
        for (String p : note.substring(TAG.length()).trim().split("\\s+")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * @return the ids of the held-out samples whose content the model was trained on, in the set's order;
     *     empty when none is, or when the card lists no training content (a model trained on simulations)
     */
    public static List<String> overlap(ModelCard card, SampleSet heldOut) {
        Set<String> trained = prefixes(card);
        List<String> ids = new ArrayList<>();
        if (trained.isEmpty()) {
            return ids;
        }
        for (Sample s : heldOut) {
            if (trained.contains(sha256(s).substring(0, PREFIX_HEX))) {
                ids.add(s.id());
            }
        }
        return ids;
    }
}
