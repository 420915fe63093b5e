package org.realitycheck.validation;

/** Receives progress of long steps (the CLI draws a bar on stderr). Implementations must be cheap. */
@FunctionalInterface
public interface ProgressSink {
    /** Ignores progress. */
    ProgressSink NONE = (task, done, total) -> { };

    /**
     * @param task what is running, e.g. {@code ood.covariate: model on sweep}
     * @param done units done
     * @param total units in all, {@code >= done}
     */
    void update(String task, long done, long total);
}
