package org.realitycheck.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.data.FeatureTransform;
import org.realitycheck.core.data.Normalization;
import org.realitycheck.core.testing.TestData;

class TrainingContentTest {
    private static ModelCard card() {
        Normalization norm = new Normalization(new FeatureTransform.Affine(new double[] {0, 0}, new double[] {1, 1}),
                new FeatureTransform.Affine(new double[] {0, 0}, new double[] {1, 1}));
        return new ModelCard(ModelCard.SCHEMA_VERSION, "test", TestData.smallMlp(2, 4), TrainingConfig.defaults(), 1L,
                "0".repeat(64), 0, new long[] {2}, new long[] {2}, Map.of(), norm, Provenance.current(), 0, 0, Map.of());
    }

    private static Sample pair(String id, float noise, float... truth) {
        return new Sample(id, "galaxy", new float[] {truth[0] + noise, truth[1] - noise}, truth, Map.of(),
                Map.of("origin", "real", "source_folder_sha256", "ab12"));
    }

    @Test
    void hashIsTheSha256OfTheBigEndianFloats() throws Exception {
        // independent: the bytes of 1.0f and -2.5f written out by hand (0x3f800000, 0xc0200000)
        byte[] bytes = HexFormat.of().parseHex("3f800000c0200000");
        String expected = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(TrainingContent.sha256(new float[] {1f, -2.5f})).isEqualTo(expected);
        assertThat(TrainingContent.sha256(Sample.of("x", new float[] {9f, 9f}, new float[] {1f, -2.5f}))).isEqualTo(expected);
    }

    @Test
    void aDuplicatedImageInTheHeldOutSetIsFoundWhateverItsNameAndNoise() {
        SampleSet train = new SampleSet(List.of(pair("a", 0.1f, 1, 2), pair("b", 0.1f, 3, 4)), new long[] {2}, new long[] {2});
        ModelCard c = TrainingContent.record(card(), train);
        assertThat(c.notes().get(TrainingContent.NOTE)).startsWith("sha256/48: ").hasSize(11 + 2 * 13 - 1);
        assertThat(c.notes().get(TrainingContent.NOTE_ORIGIN)).isEqualTo("2 of 2 samples real; source folder SHA-256 ab12");
        // held-out: a copy of b under another name, re-degraded with other noise, and a new image
        SampleSet held = new SampleSet(List.of(pair("b-copy", -0.7f, 3, 4), pair("c", 0.1f, 5, 6)), new long[] {2}, new long[] {2});
        assertThat(TrainingContent.overlap(c, held)).containsExactly("b-copy");
        SampleSet clean = new SampleSet(List.of(pair("c", 0.1f, 5, 6)), new long[] {2}, new long[] {2});
        assertThat(TrainingContent.overlap(c, clean)).isEmpty();
    }

    @Test
    void aCardWithoutTheNoteFlagsNothing() {
        SampleSet held = new SampleSet(List.of(pair("a", 0.1f, 1, 2)), new long[] {2}, new long[] {2});
        assertThat(TrainingContent.overlap(card(), held)).isEmpty();
        assertThat(TrainingContent.prefixes(card())).isEmpty();
    }
}
