package org.realitycheck.validation.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Generator;
import org.realitycheck.core.ModelCard;
import org.realitycheck.validation.Accumulator;
import org.realitycheck.validation.Check;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Chunk;
import org.realitycheck.validation.Evaluations;
import org.realitycheck.validation.Evidence;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Params;
import org.realitycheck.validation.Policy;
import org.realitycheck.validation.PolicyParser;
import org.realitycheck.validation.ProgressSink;
import org.realitycheck.validation.RealityCheck;
import org.realitycheck.validation.Seeds;
import org.realitycheck.validation.SetRequest;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.Suite;

/**
 * The contract every {@link Check} keeps, built-in or a user's: subclass it in your tests, name the check, a
 * domain, a policy small enough to run in seconds, an honest model and a broken one.
 * <ul>
 *   <li>the honest model PASSes and the broken one FAILs;</li>
 *   <li>every metric the check reports is one of its {@link Check#metricNames} (literally or by a glob
 *       entry), and it reports {@code non_finite_count} and {@code non_finite_fraction};</li>
 *   <li>the same seed gives the same evidence, to the last bit;</li>
 *   <li>a model whose outputs are NaN on 1% of the samples FAILs on {@code non_finite_count}, and a note names them;</li>
 *   <li>split and merge give the whole: the planned sets' chunks, cut at arbitrary places into 1, 2 and 7 parts,
 *       each part filled into its own copy of the serialized empty accumulator and the parts merged in different
 *       groupings, finish to the same evidence as one accumulator that saw everything, within
 *       {@link #relativeTolerance(String)} per metric (0: to the last bit).</li>
 * </ul>
 * The kit ships in validation's test-jar ({@code org.realitycheck.validation.testkit}).
 */
public abstract class CheckContractTest {
    /** @return the check under test */
    protected abstract Check check();

    /** @return the domain it runs on */
    protected abstract Domain domain();

    /** @return a policy holding the check's section (thresholds it must pass and fail by) and a small sample count */
    protected abstract Policy policy();

    /** @return a model that must PASS */
    protected abstract Generator honestModel();

    /** @return a model that must FAIL */
    protected abstract Generator brokenModel();

    /** @return the run's seed */
    protected long seed() {
        return 11;
    }

    /**
     * @return the relative tolerance within which a metric (value and interval) of a split-and-merged run must
     *     equal the whole run's; 0 (the default) means equal to the last bit
     */
    protected double relativeTolerance(String metric) {
        return 0;
    }

    private CheckResult run(Generator g) {
        return RealityCheck.of(g).domain(domain()).policy(policy()).checks(List.of(check())).seed(seed()).run()
                .check(check().id()).orElseThrow();
    }

    private static String describe(CheckResult r) {
        StringBuilder b = new StringBuilder(r.status() + ": " + r.reason());
        r.thresholds().forEach(t -> b.append("\n  ").append(t.status()).append(' ').append(t.reason()));
        return b.toString();
    }

    @Test
    void honestModelPasses() {
        CheckResult r = run(honestModel());
        assertThat(r.status()).as(describe(r)).isEqualTo(Status.PASS);
    }

    @Test
    void brokenModelFails() {
        CheckResult r = run(brokenModel());
        assertThat(r.status()).as(describe(r)).isEqualTo(Status.FAIL);
    }

    @Test
    void metricNamesAgreeWithWhatIsReported() {
        Evidence ev = measure(context(honestModel()));
        List<String> declared = check().metricNames(domain());
        assertThat(declared).contains(Suite.NON_FINITE_COUNT, "non_finite_fraction", check().headline());
        List<String> names = ev.metrics().stream().map(Metric::name).toList();
        assertThat(names).contains(Suite.NON_FINITE_COUNT, "non_finite_fraction");
        for (String n : names) {
            assertThat(declared.stream().anyMatch(d -> d.equals(n) || PolicyParser.matches(d, n)))
                    .as("metric %s is reported but not among metricNames %s", n, declared).isTrue();
        }
    }

    @Test
    void sameSeedGivesTheSameEvidence() {
        Evidence a = measure(context(honestModel()));
        Evidence b = measure(context(honestModel()));
        assertThat(EvidenceDiff.of(a, b, m -> 0)).isEmpty();
    }

    @Test
    void nonFiniteOutputsCountAgainstTheModel() {
        CheckResult r = run(nanOnOnePercent(honestModel()));
        assertThat(r.status()).as(describe(r)).isEqualTo(Status.FAIL);
        Metric count = r.metric(Suite.NON_FINITE_COUNT).orElseThrow();
        assertThat(count.value()).isGreaterThan(0);
        Metric frac = r.metric("non_finite_fraction").orElseThrow();
        assertThat(frac.low()).isGreaterThan(0);
        assertThat(r.thresholds()).anySatisfy(t -> {
            assertThat(t.metric()).isEqualTo(Suite.NON_FINITE_COUNT);
            assertThat(t.status()).isEqualTo(Status.FAIL);
        });
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("NaN or infinite").contains("first:"));
    }

    @Test
    void splitAndMergeGiveTheWhole() {
        CheckContext ctx = context(honestModel());
        List<Chunk> chunks = chunks(ctx);
        byte[] zero = serialize(check().accumulator(ctx));
        Evidence whole = finish(ctx, fill(zero, chunks));
        SplittableRandom rnd = new SplittableRandom(seed());
        for (int parts : new int[] {1, 2, 7}) {
            List<Chunk> pieces = cut(chunks, parts, rnd);
            List<Accumulator> accs = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                accs.add(deserialize(zero));
            }
            // deal the pieces out of order, so that no part sees its samples in index order
            for (int i = 0; i < pieces.size(); i++) {
                accs.get(Math.floorMod(i * 5 + 3, parts)).add(pieces.get(pieces.size() - 1 - i));
            }
            // each part crosses the wire, then the parts merge right to left, and pairwise as a tree
            List<Accumulator> shipped = accs.stream().map(a -> deserialize(serialize(a))).toList();
            Accumulator fold = shipped.get(parts - 1);
            for (int p = parts - 2; p >= 0; p--) {
                fold.merge(shipped.get(p));
            }
            Accumulator tree = tree(accs.stream().map(a -> deserialize(serialize(a))).toList());
            for (Accumulator merged : List.of(fold, tree)) {
                Evidence ev = finish(ctx, merged);
                assertThat(EvidenceDiff.of(whole, ev, this::relativeTolerance)).as("%d parts", parts).isEmpty();
            }
        }
    }

    private static Accumulator tree(List<Accumulator> accs) {
        if (accs.size() == 1) {
            return accs.get(0);
        }
        int mid = accs.size() / 2;
        Accumulator a = tree(accs.subList(0, mid));
        a.merge(tree(accs.subList(mid, accs.size())));
        return a;
    }

    /** @return the chunks cut at random places into at least {@code parts} pieces (slices keep global indices) */
    private static List<Chunk> cut(List<Chunk> chunks, int parts, SplittableRandom rnd) {
        List<Chunk> out = new ArrayList<>();
        for (Chunk c : chunks) {
            int from = 0;
            while (from < c.size()) {
                int to = parts == 1 ? c.size() : Math.min(c.size(), from + 1 + rnd.nextInt(Math.max(1, c.size() / parts)));
                out.add(c.slice(from, to));
                from = to;
            }
        }
        return out;
    }

    private Accumulator fill(byte[] zero, List<Chunk> chunks) {
        Accumulator a = deserialize(zero);
        chunks.forEach(a::add);
        return a;
    }

    private static Evidence finish(CheckContext ctx, Accumulator a) {
        return a.finish(ctx);
    }

    /** @return every chunk of every set the check plans, as the driver delivers them */
    private List<Chunk> chunks(CheckContext ctx) {
        List<Chunk> out = new ArrayList<>();
        for (SetRequest r : check().plan(ctx)) {
            ctx.evaluations().forEachChunk(r, c -> out.add(c.as(r)));
        }
        return out;
    }

    private Evidence measure(CheckContext ctx) {
        try {
            return check().measure(ctx);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the context the suite would give the check, on a fresh simulated run */
    protected CheckContext context(Generator g) {
        Policy p = policy();
        Policy.CheckPolicy section = p.check(check().id()).orElseThrow();
        Evaluations ev = new Evaluations(g, domain(), p.samples(), seed(), ProgressSink.NONE);
        Map<String, org.realitycheck.core.Range> training = g.card().covariateRanges();
        Map<String, org.realitycheck.core.Range> application = new java.util.LinkedHashMap<>(training);
        application.putAll(p.application());
        return new CheckContext(g, domain(), ev, Params.of(check().defaultParams(), section.params()), training,
                application, null, Seeds.derive(seed(), "check:" + check().id()), ProgressSink.NONE);
    }

    /**
     * @return {@code g} with the whole output of one sample in a hundred set to NaN: the first it generates, then
     *     every hundredth (in the order a one-thread run asks for them)
     */
    protected static Generator nanOnOnePercent(Generator g) {
        java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        return new Generator() {
            @Override
            public INDArray generate(INDArray condition, long seed) {
                INDArray y = g.generate(condition, seed).dup();
                long n = condition.size(0);
                for (long i = 0; i < n; i++) {
                    if (rows.getAndIncrement() % 100 == 0) {
                        y.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).assign(Float.NaN);
                    }
                }
                return y;
            }

            @Override
            public ModelCard card() {
                return g.card();
            }

            @Override
            public int preferredBatchSize() {
                return g.preferredBatchSize();
            }
        };
    }

    private static byte[] serialize(Accumulator a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        } catch (IOException e) {
            throw new UncheckedIOException("the accumulator does not serialize", e);
        }
        return bytes.toByteArray();
    }

    private static Accumulator deserialize(byte[] b) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (Accumulator) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("the accumulator does not deserialize", e);
        }
    }
}
