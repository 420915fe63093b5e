package org.realitycheck.core;

import java.util.Objects;

/**
 * A base for generators that wrap another one (fixed pre- and post-processing: a domain's model frame,
 * a formulation's correction): the card, the batch size and {@link #close} forward to the wrapped
 * generator, so a subclass writes only {@link #generate} (and {@link #card} when it reports other shapes).
 */
public abstract class ForwardingGenerator implements Generator {
    /** The wrapped generator; closed with this one. */
    protected final Generator inner;

    /** @param inner the generator to wrap, never null */
    protected ForwardingGenerator(Generator inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public ModelCard card() {
        return inner.card();
    }

    @Override
    public int preferredBatchSize() {
        return inner.preferredBatchSize();
    }

    @Override
    public void close() {
        inner.close();
    }
}
