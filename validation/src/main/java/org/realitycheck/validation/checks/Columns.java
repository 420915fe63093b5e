package org.realitycheck.validation.checks;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Mergeable per-sample scalars: a row of {@code width} doubles per sample, kept with the sample's global index
 * within its set. Merging concatenates; {@link #sorted()} puts the rows back in index order, so a statistic
 * computed from the sorted columns is the same, to the last bit, however the samples were split and in
 * whatever order the parts were merged. Eight bytes per value and per index: a check keeps the few numbers it
 * extracts from each output, never the output.
 */
final class Columns implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int width;
    private long[] index = new long[16];
    private double[] values;
    private int rows;

    Columns(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        this.width = width;
        this.values = new double[16 * width];
    }

    /** Adds one sample's row. */
    void add(long globalIndex, double... row) {
        if (row.length != width) {
            throw new IllegalArgumentException("a row of " + width + " values, got " + row.length);
        }
        grow(rows + 1);
        index[rows] = globalIndex;
        System.arraycopy(row, 0, values, rows * width, width);
        rows++;
    }

    void merge(Columns o) {
        if (o.width != width) {
            throw new IllegalArgumentException("cannot merge columns of width " + o.width + " into " + width);
        }
        grow(rows + o.rows);
        System.arraycopy(o.index, 0, index, rows, o.rows);
        System.arraycopy(o.values, 0, values, rows * width, o.rows * width);
        rows += o.rows;
    }

    private void grow(int need) {
        if (need > index.length) {
            int cap = Math.max(need, index.length * 2);
            index = Arrays.copyOf(index, cap);
            values = Arrays.copyOf(values, cap * width);
        }
    }

    int rows() {
        return rows;
    }

    /** The rows in global-index order. */
    Sorted sorted() {
        int[] order = new int[rows];
        boolean inOrder = true;
        for (int i = 0; i < rows; i++) {
            order[i] = i;
            inOrder &= i == 0 || index[i] > index[i - 1];
        }
        if (!inOrder) {
            Integer[] boxed = new Integer[rows];
            for (int i = 0; i < rows; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Long.compare(index[a], index[b]));
            for (int i = 0; i < rows; i++) {
                order[i] = boxed[i];
            }
        }
        long[] idx = new long[rows];
        double[][] cols = new double[width][rows];
        for (int r = 0; r < rows; r++) {
            int i = order[r];
            idx[r] = index[i];
            if (r > 0 && idx[r] == idx[r - 1]) {
                throw new IllegalStateException("sample " + idx[r] + " was added twice");
            }
            for (int c = 0; c < width; c++) {
                cols[c][r] = values[i * width + c];
            }
        }
        return new Sorted(idx, cols);
    }

    /**
     * @param index the samples' global indices, ascending
     * @param columns {@code columns[c][r]}: value {@code c} of row {@code r}
     */
    record Sorted(long[] index, double[][] columns) {
        double[] column(int c) {
            return columns[c];
        }

        int size() {
            return index.length;
        }
    }
}
