package org.realitycheck.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.realitycheck.core.Domain;
import org.realitycheck.core.SampleSet;
import org.realitycheck.core.model.GanModel;
import org.realitycheck.core.train.DomainTrainer;
import org.realitycheck.core.TrainingConfig;
import org.realitycheck.core.train.TrainingListener;

/**
 * Where a GAN training step's time goes: the wall time of one epoch after warm-up epochs, split into
 * the time inside each libnd4j op (timed by a SameDiff listener on both graphs, from just before an
 * op runs to just after) and the rest, which is SameDiff's Java around the ops (graph session,
 * placeholders, array allocation, the updater) and our own batching. The listener's own cost is
 * part of the rest.
 */
public final class OpProfile implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final double msPerStep;
    private final double insideShare;
    private final int steps;
    private final List<Op> ops;

    /** One op type's total within the profiled epoch. */
    public record Op(String name, double msPerStep, double share, double callsPerStep) implements java.io.Serializable {
    }

    private OpProfile(String name, double msPerStep, double insideShare, int steps, List<Op> ops) {
        this.name = name;
        this.msPerStep = msPerStep;
        this.insideShare = insideShare;
        this.steps = steps;
        this.ops = ops;
    }

    /**
     * Trains for {@code warmupEpochs + 1} epochs and profiles the last one.
     *
     * @param name benchmark id for the report
     * @param config the training configuration; its epochs are replaced
     */
    static OpProfile of(String name, Domain domain, SampleSet train, TrainingConfig config, int warmupEpochs) {
        Timer timer = new Timer();
        int epochs = warmupEpochs + 1;
        long[] wall = {0, 0};
        int[] steps = {0};
        DomainTrainer.train(domain, train, config.withEpochs(epochs).withDecayEpochs(0), List.of(
                new TrainingListener() {
                    @Override
                    public void onStep(long step, int epoch, Map<String, Double> losses) {
                        if (timer.on) {
                            steps[0]++;
                        }
                    }

                    @Override
                    public void onEpochEnd(int epoch, GanModel model) {
                        if (epoch == epochs - 2) { // epochs count from 0: the next one is profiled
                            model.generatorGraph().addListeners(timer);
                            model.discriminatorGraph().addListeners(timer);
                            timer.on = true;
                            wall[0] = System.nanoTime();
                        } else if (epoch == epochs - 1) {
                            wall[1] = System.nanoTime();
                            timer.on = false;
                        }
                    }
                }));
        double wallMs = (wall[1] - wall[0]) / 1e6;
        double inside = 0;
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, long[]> e : timer.totals.entrySet()) {
            double ms = e.getValue()[0] / 1e6;
            inside += ms;
            ops.add(new Op(e.getKey(), ms / steps[0], ms / wallMs, (double) e.getValue()[1] / steps[0]));
        }
        ops.sort((a, b) -> Double.compare(b.msPerStep(), a.msPerStep()));
        return new OpProfile(name, wallMs / steps[0], inside / wallMs, steps[0], ops);
    }

    /** @return the benchmark id */
    public String name() {
        return name;
    }

    /** @return wall time of a profiled step, ms */
    public double msPerStep() {
        return msPerStep;
    }

    /** @return the fraction of the wall time spent inside libnd4j ops */
    public double insideShare() {
        return insideShare;
    }

    /** @return profiled steps */
    public int steps() {
        return steps;
    }

    /** @return op types, the largest total first */
    public List<Op> ops() {
        return ops;
    }

    /** @return the report: the split, then the op types by time, the largest first */
    public String table(int top) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "op profile of %s: one epoch of %d steps after warm-up, %.1f ms a step; "
                + "%.0f%% inside libnd4j ops, %.0f%% in SameDiff's Java around them and our batching%n", name, steps,
                msPerStep, 100 * insideShare, 100 * (1 - insideShare)));
        sb.append(String.format(Locale.ROOT, "  %-24s %10s %7s %11s%n", "op", "ms/step", "share", "calls/step"));
        for (Op op : ops.subList(0, Math.min(top, ops.size()))) {
            sb.append(String.format(Locale.ROOT, "  %-24s %10.2f %6.1f%% %11.1f%n", op.name(), op.msPerStep(),
                    100 * op.share(), op.callsPerStep()));
        }
        return sb.toString();
    }

    /** Times every op of the graphs it listens to while {@code on}. */
    private static final class Timer extends BaseListener {
        final Map<String, long[]> totals = new LinkedHashMap<>();
        volatile boolean on;
        private long start;

        @Override
        public boolean isActive(Operation operation) {
            return true;
        }

        @Override
        public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
            start = System.nanoTime();
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                INDArray[] outputs) {
            if (on) {
                long[] t = totals.computeIfAbsent(op.getOp().opName(), k -> new long[2]);
                t[0] += System.nanoTime() - start;
                t[1]++;
            }
        }
    }
}
