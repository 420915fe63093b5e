package org.realitycheck.calo.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.realitycheck.core.BadInputException;

/**
 * NumPy's {@code .npy} format, version 1.0, for 2-D little-endian float32 arrays in C order
 * ({@code numpy.load(path)} reads them in one line): the magic {@code \x93NUMPY}, version 1.0, a
 * little-endian uint16 header length, an ASCII dict {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (rows, cols), }} padded with spaces to a multiple of 64 bytes and ended by a newline, then
 * the data (numpy's NEP 1 specification).
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+),?\\s*\\)");

    private Npy() {
    }

    /** Writes {@code rows} (all of one length) as a {@code (rows, cols)} float32 array. */
    public static void write(Path file, float[][] rows, int cols) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.length + ", " + cols + "), }";
        int pre = MAGIC.length + 2 + 2;
        int len = dict.length() + 1;
        int pad = (64 - (pre + len) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(pre + header.length() + rows.length * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (float[] r : rows) {
            if (r.length != cols) {
                throw new IllegalArgumentException("every row must have " + cols + " values, got " + r.length);
            }
            for (float v : r) {
                b.putFloat(v);
            }
        }
        Files.write(file, b.array());
    }

    /**
     * Reads a 2-D float32 array written by {@link #write} or numpy ({@code np.save(f, a.astype('<f4'))}).
     *
     * @throws BadInputException naming the file and what was expected when it is not such an array
     */
    public static float[][] read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 10) {
            throw BadInputException.at(file, "header", "not a .npy file (" + all.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (all[i] != MAGIC[i]) {
                throw BadInputException.at(file, "header", "not a .npy file (no \\x93NUMPY magic)");
            }
        }
        int major = all[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(b.getShort(8));
            start = 10;
        } else if (major == 2 || major == 3) {
            headerLen = b.getInt(8);
            start = 12;
        } else {
            throw BadInputException.at(file, "header", "unsupported .npy version " + major);
        }
        if (start + headerLen > all.length) {
            throw BadInputException.at(file, "header", "truncated header");
        }
        String header = new String(all, start, headerLen, StandardCharsets.ISO_8859_1);
        if (!header.contains("'descr': '<f4'")) {
            throw BadInputException.at(file, "header 'descr'", "expected little-endian float32 '<f4', got " + header.trim());
        }
        if (header.contains("'fortran_order': True")) {
            throw BadInputException.at(file, "header 'fortran_order'", "expected C order (False)");
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw BadInputException.at(file, "header 'shape'", "expected a 2-D shape (rows, cols), got " + header.trim());
        }
        int rows = Integer.parseInt(m.group(1));
        int cols = Integer.parseInt(m.group(2));
        long need = (long) rows * cols * 4;
        int data = start + headerLen;
        if (all.length - data != need) {
            throw BadInputException.at(file, "data", "expected " + need + " bytes for shape (" + rows + ", " + cols
                    + "), got " + (all.length - data));
        }
        float[][] out = new float[rows][cols];
        b.position(data);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = b.getFloat();
            }
        }
        return out;
    }
}
