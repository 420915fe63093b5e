package org.realitycheck.onnx;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** The PyTorch-exported fixtures (make_fixtures.py) copied to a folder a test may change. */
final class Fixtures {
    static final String[] FILES = {"mlp.onnx", "mlp.card.json", "mlp.inputs.npy", "mlp.outputs.npy", "mlp_noise.onnx",
        "mlp_noise.card.json", "mlp_noise.inputs.npy", "mlp_noise.noise.npy", "mlp_noise.outputs.npy", "unet.onnx",
        "unet.card.json", "unet.inputs.npy", "unet.outputs.npy", "three_inputs.onnx", "three_inputs.card.json"};

    private Fixtures() {
    }

    static Path copyTo(Path dir) throws IOException {
        for (String f : FILES) {
            Files.copy(resource(f), dir.resolve(f));
        }
        return dir;
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }

    /** Writes a float32 .npy (format 1.0, little-endian, C order), as numpy.save does. */
    static void writeNpy(Path file, float[] data, long... shape) throws IOException {
        String dims = LongStream.of(shape).mapToObj(Long::toString).collect(Collectors.joining(", "))
                + (shape.length == 1 ? "," : "");
        StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + header.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length);
        b.put(header);
        for (float v : data) {
            b.putFloat(v);
        }
        Files.write(file, b.array());
    }
}
