package org.realitycheck.cli;

import java.io.PrintWriter;

import org.realitycheck.validation.ProgressSink;

/** Validation progress as one indented line per step on stderr ({@code validate}, {@code demo}). */
final class StepNotes implements ProgressSink {
    private final PrintWriter err;
    private final String indent;
    private String last = "";

    StepNotes(PrintWriter err, String indent) {
        this.err = err;
        this.indent = indent;
    }

    @Override
    public void update(String task, long done, long total) {
        if (done == 0 && !task.equals(last)) {
            last = task;
            Progress.note(err, indent + task + " ...");
        }
    }
}
