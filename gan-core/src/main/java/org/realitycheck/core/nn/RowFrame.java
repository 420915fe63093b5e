package org.realitycheck.core.nn;

/**
 * Fixed per-row processing around a network, which a kernel can run inside its tiles instead of in
 * passes of its own over the whole batch: {@link #toNetwork} maps one physical input row to the
 * network's condition (e.g. a track's hits rotated and replaced by a helix seed and the residuals), and
 * {@link #fromNetwork} maps the network's output row back (e.g. adds the rotation angle to φ0), with a few
 * values per row kept between the two. Each call sees one row only, so rows can run on any thread in
 * any order and give the same result.
 */
public interface RowFrame {
    /** @return values in one physical input row */
    int inputLength();

    /** @return values in one network condition row (the network's {@code conditionDim}) */
    int networkLength();

    /** @return values kept per row from {@link #toNetwork} to {@link #fromNetwork}; may be 0 */
    int stateLength();

    /**
     * @param row a private copy of one physical input row, which this method may overwrite
     * @param net receives the network's condition row at {@code netOffset} ({@link #networkLength} values)
     * @param state receives this row's {@link #stateLength} values at {@code stateOffset}
     */
    void toNetwork(float[] row, float[] net, int netOffset, double[] state, int stateOffset);

    /**
     * @param out the network's output row at {@code outOffset}, de-standardised, changed in place
     * @param state this row's values as {@link #toNetwork} left them
     */
    void fromNetwork(float[] out, int outOffset, double[] state, int stateOffset);

    /**
     * A generator that can run a frame inside its kernel (the MLP generators on the vector path).
     * {@link #generate(org.nd4j.linalg.api.ndarray.INDArray, long, RowFrame)} gives the same outputs as mapping
     * the rows with the frame, calling {@code generate} on the network's conditions and mapping the outputs back.
     */
    interface Host {
        /** @return true when this generator fuses frames now (else the caller maps the rows itself) */
        boolean fusesFrames();

        /**
         * @param condition {@code [batch, frame.inputLength()]}, physical rows
         * @param seed seed of the noise, as in {@code Generator.generate}
         * @param frame the per-row processing
         * @return {@code [batch, ...targetShape]} after {@code frame.fromNetwork}
         * @throws IllegalStateException when {@link #fusesFrames} is false
         */
        org.nd4j.linalg.api.ndarray.INDArray generate(org.nd4j.linalg.api.ndarray.INDArray condition, long seed,
                RowFrame frame);
    }
}
