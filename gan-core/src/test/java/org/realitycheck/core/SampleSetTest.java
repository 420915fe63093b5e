package org.realitycheck.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SampleSetTest {
    static SampleSet set(int n) {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(new Sample("s" + i, "galaxy", new float[] {i, i + 0.5f, -i, 1, 2, 3}, new float[] {10 * i, 1},
                    Map.of("redshift", 0.01 * (i + 1))));
        }
        return new SampleSet(s, new long[] {1, 2, 3}, new long[] {2});
    }

    @Test
    void batchesKeepLayoutAndOrder() {
        SampleSet set = set(5);
        INDArray c = set.conditions(1, 3);
        assertThat(c.shape()).containsExactly(2, 1, 2, 3);
        assertThat(c.getFloat(1, 0, 0, 1)).isEqualTo(2.5f);
        INDArray t = set.targets(new int[] {4, 0});
        assertThat(t.toFloatMatrix()[0]).containsExactly(40f, 1f);
        assertThat(t.toFloatMatrix()[1]).containsExactly(0f, 1f);
    }

    @Test
    void shuffledBatchesArePermutationsAndSeeded() {
        SampleSet set = set(10);
        List<int[]> a = set.batchIndices(3, 7, false);
        List<int[]> b = set.batchIndices(3, 7, false);
        List<int[]> c = set.batchIndices(3, 8, false);
        assertThat(a).hasSize(4);
        int[] all = a.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(a).usingElementComparator(Arrays::compare).containsExactlyElementsOf(b);
        assertThat(Arrays.equals(a.get(0), c.get(0)) && Arrays.equals(a.get(1), c.get(1))).isFalse();
        assertThat(set.batchIndices(3, 7, true)).hasSize(3);
    }

    @Test
    void covariateRangesAndFingerprint() {
        SampleSet set = set(4);
        assertThat(set.covariateRanges().get("redshift").min()).isCloseTo(0.01, within(1e-12));
        assertThat(set.covariateRanges().get("redshift").max()).isCloseTo(0.04, within(1e-12));
        assertThat(set.sha256()).isEqualTo(set(4).sha256()).hasSize(64);
        assertThat(set.sha256()).isNotEqualTo(set(5).sha256());
        assertThat(set.slice(0, 3).sha256()).isEqualTo(set(3).sha256());
    }

    @Test
    void rejectsWrongShapesAndDuplicateIds() {
        Sample bad = new Sample("x", "galaxy", new float[5], null, Map.of());
        assertThatThrownBy(() -> new SampleSet(List.of(bad), new long[] {6}, new long[] {2}))
                .hasMessageContaining("sample x").hasMessageContaining("expected 6");
        Sample a = new Sample("x", "galaxy", new float[6], null, Map.of());
        assertThatThrownBy(() -> new SampleSet(List.of(a, a), new long[] {6}, new long[] {2}))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new SampleSet(List.of(a), new long[] {6}, new long[] {2}).targets(0, 1))
                .hasMessageContaining("has no target");
    }

    @Test
    void sampleIsImmutable() {
        float[] c = {1, 2};
        Sample s = new Sample("a", "k", c, null, Map.of());
        c[0] = 9;
        s.condition()[1] = 9;
        assertThat(s.condition()).containsExactly(1f, 2f);
        assertThat(s.target()).isEmpty();
    }

    @Test
    void unknownDomainListsKnownNames() {
        assertThatThrownBy(() -> Domains.byName("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown domain 'nope'").hasMessageContaining("known domains");
    }
}
