package org.realitycheck.core.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk copies against ND4J's own element-wise ones. */
class FloatArraysTest {
    @Test
    void roundTripsRowMajorValues() {
        float[] v = {1, 2, 3, 4, 5, 6};
        INDArray a = FloatArrays.of(v, 2, 3);
        assertThat(a).isEqualTo(Nd4j.create(v, new long[] {2, 3}, 'c'));
        assertThat(FloatArrays.copyOf(a)).containsExactly(v);
        assertThat(FloatArrays.of(new float[0], 0, 3).length()).isZero();
    }

    @Test
    void copiesViewsFortranOrderAndOtherTypesInRowMajorOrder() {
        INDArray m = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c');
        assertThat(FloatArrays.copyOf(m.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3))))
                .containsExactly(2, 3, 5, 6);
        assertThat(FloatArrays.copyOf(m.dup('f'))).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(FloatArrays.copyOf(m.castTo(DataType.DOUBLE))).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void rejectsAShapeThatDoesNotHoldTheValues() {
        assertThatThrownBy(() -> FloatArrays.of(new float[5], 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 3] holds 6 values, got 5");
    }
}
