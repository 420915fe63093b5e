package org.realitycheck.cli;

import java.io.PrintWriter;

/**
 * A progress line on stderr for long work: redrawn in place on a terminal, one line per 10% when
 * stderr is not a terminal (CI logs). Never written to stdout, so scripts can parse stdout.
 */
final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean tty;
    private final long start = System.nanoTime();
    private int lastDecile = -1;

    Progress(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.tty = System.console() != null;
    }

    /** Prints a one-off status line on stderr. */
    static void note(PrintWriter err, String message) {
        err.println(message);
        err.flush();
    }

    /** Reports that {@code done} of the total units are finished, with a free-text detail. */
    void update(long done, String detail) {
        double f = Math.min(1.0, (double) done / total);
        double secs = (System.nanoTime() - start) / 1e9;
        String eta = f > 0 ? String.format("eta %.0fs", secs * (1 - f) / f) : "";
        if (tty) {
            int width = 30;
            int fill = (int) Math.round(f * width);
            err.print(String.format("\r%s [%s%s] %3.0f%% %s %s", label, "#".repeat(fill), " ".repeat(width - fill),
                    100 * f, eta, detail));
            err.flush();
        } else {
            int decile = (int) Math.floor(f * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.println(String.format("%s %3.0f%% %s %s", label, 100 * f, eta, detail));
                err.flush();
            }
        }
    }

    @Override
    public void close() {
        if (tty) {
            err.println();
        }
        err.flush();
    }
}
