package org.realitycheck.validation.testdomain;

import java.util.Arrays;

/** A float array as a map key, by content: the test fixtures memoise per condition row with it. */
public record RowKey(float[] row) {
    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey k && Arrays.equals(row, k.row);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(row);
    }

    @Override
    public String toString() {
        return "RowKey[" + row.length + " values]";
    }
}
