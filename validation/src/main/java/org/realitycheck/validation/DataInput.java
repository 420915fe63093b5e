package org.realitycheck.validation;

import java.util.ArrayList;
import java.util.List;

import org.realitycheck.core.Domain;
import org.realitycheck.core.SampleSet;

/**
 * The {@value #ID} row of a run on the user's own data: how the data was read ({@link SampleSet#notes()}:
 * extra columns kept as metadata, dropped samples, where the instrument came from, which samples have
 * truth) and which conventional method the model is compared with. It is WARN, naming each assumption,
 * when the loader had to assume what the data did not say ({@link SampleSet#assumptions()}, e.g. a
 * default PSF): every check that uses the instrument then rests on that assumption. Otherwise PASS.
 * Runs on simulated data carry no such row (the simulator knows its instrument, and a set without notes
 * or assumptions has nothing to say).
 */
public final class DataInput {
    /** The id of the row in {@code result.json}. */
    public static final String ID = "data.input";

    private DataInput() {
    }

    /**
     * @param data the user's data as loaded, never null
     * @param domain the domain whose conventional method the checks use
     * @return the row: WARN with the assumptions as its reason, or PASS
     */
    public static CheckResult of(SampleSet data, Domain domain) {
        List<String> notes = new ArrayList<>();
        int withTruth = 0;
        for (var s : data) {
            withTruth += s.hasTarget() ? 1 : 0;
        }
        notes.add(data.size() + " samples, " + withTruth + " with truth");
        notes.add("conventional method: " + domain.reference().conventionalMethod().describe());
        notes.addAll(data.notes());
        Status status;
        String reason;
        if (data.assumptions().isEmpty()) {
            status = Status.PASS;
            reason = "the data describes its instrument; nothing was assumed";
        } else {
            status = Status.WARN;
            reason = "assumed, not read from the data: " + String.join("; ", data.assumptions());
            notes.addAll(data.assumptions());
        }
        return new CheckResult(ID, "Data as loaded", "Results that silently rest on an assumed instrument, on dropped "
                + "samples or on columns nobody looked at.", status, reason, "", List.of(), List.of(), List.of(), notes);
    }
}
