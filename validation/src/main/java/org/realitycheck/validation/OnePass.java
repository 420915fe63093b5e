package org.realitycheck.validation;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The single-process driver of a run: every check has {@link Check#plan planned} the sets it reads, each
 * distinct set is made once and streamed in {@link Chunk chunks} ({@link Evaluations#forEachChunk}), the
 * model and the conventional method run once per chunk, and each chunk goes to every check's
 * {@link Accumulator} that asked for that set. No check sees another's accumulator, and none keeps the raw
 * outputs. A distributed engine does the same with chunks spread over executors and the accumulators merged.
 */
public final class OnePass {
    private OnePass() {
    }

    /**
     * One check's part of a pass.
     *
     * @param check the check
     * @param plan the sets it reads
     * @param accumulator its (initially empty) accumulator
     */
    public record Job(Check check, List<SetRequest> plan, Accumulator accumulator) {
        public Job {
            Objects.requireNonNull(check, "check");
            plan = List.copyOf(plan);
            Objects.requireNonNull(accumulator, "accumulator");
        }
    }

    /**
     * Streams every set any job planned, once, through the jobs' accumulators.
     *
     * @return the jobs whose accumulator threw, with the exception (their accumulators are not fed further)
     */
    public static Map<Job, RuntimeException> feed(Evaluations ev, List<Job> jobs) {
        Map<String, SetRequest> bases = new LinkedHashMap<>();
        for (Job j : jobs) {
            for (SetRequest r : j.plan()) {
                bases.putIfAbsent(r.key(), r.base());
            }
        }
        Map<Job, RuntimeException> failed = new IdentityHashMap<>();
        for (SetRequest base : bases.values()) {
            ev.forEachChunk(base, chunk -> {
                for (Job j : jobs) {
                    if (failed.containsKey(j)) {
                        continue;
                    }
                    for (SetRequest r : j.plan()) {
                        if (!r.key().equals(base.key())) {
                            continue;
                        }
                        double before = ev.seconds().getOrDefault("conventional", 0.0);
                        long t0 = System.nanoTime();
                        try {
                            j.accumulator().add(chunk.as(r));
                        } catch (RuntimeException e) {
                            failed.put(j, e);
                        }
                        double conv = ev.seconds().getOrDefault("conventional", 0.0) - before;
                        double spent = (System.nanoTime() - t0) / 1e9 - conv;
                        ev.addSeconds("statistics", spent);
                    }
                }
            });
        }
        return failed;
    }

    /**
     * Measures one check on its own: plans, streams every chunk of every set it requested through one
     * accumulator, and finishes ({@link Check#measure}'s default).
     *
     * @throws IllegalStateException when the check implements neither {@link Check#accumulator} nor {@link Check#measure}
     */
    public static Evidence measure(Check check, CheckContext ctx) {
        Accumulator acc = check.accumulator(ctx);
        if (acc == null) {
            throw new IllegalStateException("check " + check.id() + " implements neither accumulator() nor measure()");
        }
        Job job = new Job(check, check.plan(ctx), acc);
        Map<Job, RuntimeException> failed = feed(ctx.evaluations(), List.of(job));
        if (failed.containsKey(job)) {
            throw failed.get(job);
        }
        return finish(ctx.evaluations(), acc, ctx);
    }

    /** Finishes an accumulator, timing it as statistics. */
    public static Evidence finish(Evaluations ev, Accumulator acc, CheckContext ctx) {
        return ev.timed("statistics", () -> acc.finish(ctx));
    }
}
