package org.realitycheck.cli.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A seeded, structure-aware mutator (our own; Jazzer is not in this workplace's package lists).
 * It knows the formats it feeds: text (CSV, YAML, JSON: numbers, fields, lines, headers, a BOM,
 * line ends), FITS (80-byte header cards in 2880-byte blocks: the values of BITPIX, NAXISn,
 * BSCALE, BZERO, BLANK; truncation at block boundaries; NaN and infinite pixels) and zip (entries
 * renamed, dropped, duplicated, escaping the folder, their contents mutated by the other kinds).
 * Plain byte mutations (flips, interesting bytes, inserts, deletes, truncation) run on everything.
 * The same seed gives the same sequence of inputs on every machine.
 */
final class Mutator {
    /** Values that break parsers and physics: zero, signs, limits, non-finite, huge, tiny, not a number. */
    static final String[] INTERESTING = {"0", "-1", "1", "-0", "2", "3", "12", "64", "-64", "255", "65536", "2147483647",
        "-2147483648", "9223372036854775807", "4294967296", "1e300", "-1e300", "1e-300", "Infinity", "-Infinity", "NaN",
        "nan", "inf", "", " ", "x", "-", "true", "null", "~", "[]", "{}", "0x10", "1,5", "1.5e", "9".repeat(400),
        "\u0000", "\"", "'", "é", "\uFEFF"};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String[] FITS_KEYS = {"BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "NAXIS3", "BSCALE", "BZERO", "BLANK",
        "SIMPLE", "EXTEND", "PIXSCALE", "PSF_FWHM", "SKYSIG"};

    enum Kind { TEXT, FITS, ZIP, BYTES }

    private final SplittableRandom rnd;

    Mutator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return rnd.nextInt(bound);
    }

    /** One to three mutations of {@code in} as {@code kind}; {@code others} are splice donors of the same kind. */
    byte[] mutate(byte[] in, Kind kind, List<byte[]> others) {
        byte[] b = in;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(10);
            if (r < 2 || kind == Kind.BYTES) {
                b = bytes(b, others);
            } else {
                b = switch (kind) {
                    case TEXT -> text(b, others);
                    case FITS -> fits(b);
                    case ZIP -> zip(b, others);
                    default -> bytes(b, others);
                };
            }
        }
        return b;
    }

    /** Byte-level mutations that know nothing of the format. */
    byte[] bytes(byte[] b, List<byte[]> others) {
        if (b.length == 0) {
            return new byte[] {(byte) rnd.nextInt(256)};
        }
        byte[] c = b.clone();
        switch (rnd.nextInt(7)) {
            case 0 -> c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
            case 1 -> c[rnd.nextInt(c.length)] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, 0x20, '\n', ',', '-'}[rnd.nextInt(8)];
            case 2 -> c = Arrays.copyOf(c, rnd.nextInt(c.length)); // truncate
            case 3 -> { // delete a range
                int from = rnd.nextInt(c.length);
                int len = 1 + rnd.nextInt(Math.min(64, c.length - from));
                c = concat(Arrays.copyOfRange(c, 0, from), Arrays.copyOfRange(c, from + len, c.length));
            }
            case 4 -> { // insert random bytes
                int at = rnd.nextInt(c.length + 1);
                byte[] ins = new byte[1 + rnd.nextInt(16)];
                for (int i = 0; i < ins.length; i++) {
                    ins[i] = (byte) rnd.nextInt(256);
                }
                c = concat(concat(Arrays.copyOfRange(c, 0, at), ins), Arrays.copyOfRange(c, at, c.length));
            }
            case 5 -> { // duplicate a chunk
                int from = rnd.nextInt(c.length);
                int len = 1 + rnd.nextInt(Math.min(256, c.length - from));
                int at = rnd.nextInt(c.length + 1);
                c = concat(concat(Arrays.copyOfRange(c, 0, at), Arrays.copyOfRange(c, from, from + len)),
                        Arrays.copyOfRange(c, at, c.length));
            }
            default -> { // splice with another seed
                if (!others.isEmpty()) {
                    byte[] o = others.get(rnd.nextInt(others.size()));
                    int cut = rnd.nextInt(c.length + 1);
                    int ocut = o.length == 0 ? 0 : rnd.nextInt(o.length);
                    c = concat(Arrays.copyOfRange(c, 0, cut), Arrays.copyOfRange(o, ocut, o.length));
                }
            }
        }
        return c;
    }

    /** Mutations of CSV, YAML and JSON that keep most of the structure, so parsing gets deep. */
    byte[] text(byte[] b, List<byte[]> others) {
        String s = new String(b, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        int li = rnd.nextInt(lines.size());
        switch (rnd.nextInt(11)) {
            case 0, 1, 2 -> { // a number becomes an interesting value
                Matcher m = NUMBER.matcher(s);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (!spans.isEmpty()) {
                    int[] sp = spans.get(rnd.nextInt(spans.size()));
                    s = s.substring(0, sp[0]) + pick() + s.substring(sp[1]);
                }
                return s.getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> { // a field of a line (CSV or key: value) becomes an interesting value
                String[] f = lines.get(li).split(",", -1);
                f[rnd.nextInt(f.length)] = pick();
                lines.set(li, String.join(",", f));
            }
            case 4 -> lines.remove(li);
            case 5 -> lines.add(li, lines.get(li));
            case 6 -> { // swap two lines (the header among them)
                int lj = rnd.nextInt(lines.size());
                String t = lines.get(li);
                lines.set(li, lines.get(lj));
                lines.set(lj, t);
            }
            case 7 -> { // the header names a column twice
                String[] h = lines.get(0).split(",", -1);
                if (h.length > 1) {
                    h[rnd.nextInt(h.length)] = h[rnd.nextInt(h.length)];
                    lines.set(0, String.join(",", h));
                }
            }
            case 8 -> { // a BOM, CRLF line ends, or a blank line
                int k = rnd.nextInt(3);
                if (k == 0) {
                    return ("\uFEFF" + s).getBytes(StandardCharsets.UTF_8);
                } else if (k == 1) {
                    return s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
                }
                lines.add(li, "");
            }
            case 9 -> { // a line from another seed
                if (!others.isEmpty()) {
                    String[] o = new String(others.get(rnd.nextInt(others.size())), StandardCharsets.UTF_8).split("\n");
                    lines.add(li, o[rnd.nextInt(o.length)]);
                }
            }
            default -> { // indentation and YAML structure
                String l = lines.get(li);
                lines.set(li, rnd.nextBoolean() ? "  " + l : l.stripLeading());
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private String pick() {
        return INTERESTING[rnd.nextInt(INTERESTING.length)];
    }

    /** FITS-aware: header card values, the END card, truncation at block boundaries, non-finite pixels. */
    byte[] fits(byte[] b) {
        byte[] c = b.clone();
        int headerCards = 0;
        for (int i = 0; i + 80 <= c.length; i += 80) {
            headerCards++;
            if (new String(c, i, 3, StandardCharsets.US_ASCII).equals("END")) {
                break;
            }
        }
        switch (rnd.nextInt(5)) {
            case 0, 1 -> { // a card's value
                String key = FITS_KEYS[rnd.nextInt(FITS_KEYS.length)];
                for (int i = 0; i < headerCards * 80 && i + 80 <= c.length; i += 80) {
                    if (new String(c, i, 8, StandardCharsets.US_ASCII).trim().equals(key)) {
                        String v = rnd.nextBoolean() ? pick()
                                : new String[] {"0", "-1", "12", "3", "4", "2147483647", "-32", "-64", "64", "16", "99999"}[rnd.nextInt(11)];
                        byte[] card = String.format("%-8s= %20s", key, v).getBytes(StandardCharsets.ISO_8859_1);
                        byte[] padded = Arrays.copyOf(card, 80);
                        for (int k = card.length; k < 80; k++) {
                            padded[k] = ' ';
                        }
                        System.arraycopy(padded, 0, c, i, 80);
                        break;
                    }
                }
            }
            case 2 -> c = Arrays.copyOf(c, 2880 * rnd.nextInt(Math.max(1, c.length / 2880 + 1))); // block boundary
            case 3 -> { // the END card goes
                int at = (headerCards - 1) * 80;
                if (at >= 0 && at + 3 <= c.length) {
                    c[at] = ' ';
                    c[at + 1] = ' ';
                    c[at + 2] = ' ';
                }
            }
            default -> { // a NaN or infinite float32 pixel in the data
                int data = ((headerCards * 80 + 2879) / 2880) * 2880;
                if (data + 4 <= c.length) {
                    int at = data + 4 * rnd.nextInt((c.length - data) / 4);
                    int bits = new int[] {0x7FC00000, 0x7F800000, 0xFF800000, 0x7F7FFFFF}[rnd.nextInt(4)];
                    c[at] = (byte) (bits >>> 24);
                    c[at + 1] = (byte) (bits >>> 16);
                    c[at + 2] = (byte) (bits >>> 8);
                    c[at + 3] = (byte) bits;
                }
            }
        }
        return c;
    }

    /** Zip-aware: an entry renamed, dropped, duplicated or escaping, or its content mutated; sizes are recomputed. */
    byte[] zip(byte[] b, List<byte[]> others) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(b))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                entries.put(e.getName(), in.readNBytes(8 << 20));
            }
        } catch (IOException | IllegalArgumentException e) {
            return bytes(b, others); // no longer a zip: mutate it as bytes
        }
        if (entries.isEmpty()) {
            return bytes(b, others);
        }
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.get(rnd.nextInt(names.size()));
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        int op = rnd.nextInt(10);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().equals(name)) {
                out.add(e);
                continue;
            }
            switch (op) {
                case 0 -> { } // dropped
                case 1 -> out.add(Map.entry(new String[] {"../" + name, "/" + name, name + "x", "a\\" + name, "card.json",
                    "generator.sd", "state.json", "discriminator.sd", "configuration.json", "coefficients.bin"}[rnd.nextInt(10)],
                        e.getValue()));
                case 2 -> {
                    out.add(e);
                    out.add(Map.entry(name, e.getValue())); // twice
                }
                default -> {
                    boolean json = name.endsWith(".json");
                    out.add(Map.entry(name, json ? text(e.getValue(), List.of()) : bytes(e.getValue(), List.of())));
                }
            }
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            java.util.Set<String> written = new java.util.HashSet<>();
            for (Map.Entry<String, byte[]> e : out) {
                if (!written.add(e.getKey())) {
                    continue; // ZipOutputStream refuses duplicates; the raw byte mutations make those
                }
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException | IllegalArgumentException e) {
            return b;
        }
        return bos.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
