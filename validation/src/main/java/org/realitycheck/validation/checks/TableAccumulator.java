package org.realitycheck.validation.checks;

import org.realitycheck.validation.Accumulator;
import org.realitycheck.validation.Chunk;

/** An accumulator whose state is one {@link ObservableRows}; the check finishes it. */
abstract class TableAccumulator implements Accumulator {
    private static final long serialVersionUID = 1L;
    protected final ObservableRows rows;

    TableAccumulator(ObservableRows rows) {
        this.rows = rows;
    }

    @Override
    public void add(Chunk c) {
        rows.add(c);
    }

    @Override
    public void merge(Accumulator other) {
        rows.merge(((TableAccumulator) other).rows);
    }
}
