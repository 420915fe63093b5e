package org.realitycheck.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.core.BadInputException;

class NpyTest {
    @Test
    void readsWhatNumpySaved() {
        // mlp_noise.noise.npy: numpy.save of a float32 [16, 8] array (make_fixtures.py)
        Npy.Array a = Npy.read(Fixtures.resource("mlp_noise.noise.npy"));
        assertThat(a.shape()).containsExactly(16, 8);
        assertThat(a.data()).hasSize(128);
        assertThat(a.rowShape()).containsExactly(8);
    }

    @Test
    void roundTripsAndReadsFloat64(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("a.npy");
        float[] v = {1.5f, -2.25f, 3e-8f, 7f, 0f, -0f};
        Fixtures.writeNpy(f, v, 2, 3);
        Npy.Array a = Npy.read(f);
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.data()).containsExactly(v);
        // float64: swap the descr and widen the data by hand
        byte[] b = Files.readAllBytes(f);
        String h = new String(b, 10, b.length - 10 - 24, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f4", "<f8");
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(10 + h.length() + 48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.put(Arrays.copyOf(b, 10)).put(h.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (float x : v) {
            bb.putDouble(x);
        }
        Files.write(f, bb.array());
        assertThat(Npy.read(f).data()).containsExactly(v);
    }

    @Test
    void namesWhatIsWrong(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("a.npy");
        Fixtures.writeNpy(f, new float[6], 2, 3);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 5));
        assertThatThrownBy(() -> Npy.read(f)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ": data: truncated: shape [2, 3] of 4-byte floats needs 24 bytes, the file has 19");
        Files.write(f, new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f4", "<i4")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Npy.read(f)).hasMessageContaining(f + ": descr: type '<i4' is not supported");
        Files.writeString(f, "a,b\n1,2\n");
        assertThatThrownBy(() -> Npy.read(f)).hasMessageContaining("not a NumPy .npy file");
        assertThatThrownBy(() -> Npy.read(tmp.resolve("none.npy"))).hasMessageEndingWith("none.npy: no such file");
    }
}
