package org.realitycheck.validation.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.realitycheck.core.ConventionalMethod;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Estimate;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * A domain that remembers what it simulated (held-out sets, empty inputs, injections, by size and
 * seed) and the conventional method's estimate per input, so that tests running several models
 * through one check with one seed pay for the simulation and for Richardson–Lucy once. Results are
 * the delegate's, unchanged.
 */
public final class CachedDomain extends ForwardingDomain {
    private final Map<String, SampleSet> sets = new ConcurrentHashMap<>();
    private final Map<Key, Estimate> estimates = new ConcurrentHashMap<>();
    private final Map<Row, Estimate> byCondition = new ConcurrentHashMap<>();
    private final ConventionalMethod method;

    public CachedDomain(Domain delegate) {
        super(delegate);
        ConventionalMethod m = delegate.reference().conventionalMethod();
        this.method = new ConventionalMethod() {
            @Override
            public String name() {
                return m.name();
            }

            @Override
            public Estimate estimate(Sample sample) {
                return estimates.computeIfAbsent(new Key(sample), k -> m.estimate(sample));
            }

            @Override
            public List<Estimate> estimateAll(SampleSet set) {
                List<Sample> missing = new ArrayList<>();
                for (Sample s : set) {
                    if (!estimates.containsKey(new Key(s))) {
                        missing.add(s);
                    }
                }
                if (!missing.isEmpty()) {
                    List<Estimate> got = m.estimateAll(new SampleSet(missing, set.conditionShape(), set.targetShape()));
                    for (int i = 0; i < missing.size(); i++) {
                        estimates.put(new Key(missing.get(i)), got.get(i));
                        byCondition.put(new Row(missing.get(i).condition()), got.get(i));
                    }
                }
                List<Estimate> out = new ArrayList<>(set.size());
                for (Sample s : set) {
                    out.add(estimates.get(new Key(s)));
                }
                return out;
            }
        };
    }

    /**
     * @return the conventional estimate already computed for an input with this condition, if any (the
     *     honest "conventional method as a model" reuses it instead of computing it a second time)
     */
    public java.util.Optional<Estimate> cachedEstimate(float[] condition) {
        return java.util.Optional.ofNullable(byCondition.get(new Row(condition)));
    }

    private record Row(float[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(v, r.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }

    /** The conventional method sees the condition and the instrument covariates: both make the key. */
    private record Key(float[] condition, Map<String, Double> covariates) {
        Key(Sample s) {
            this(s.condition(), s.covariates());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(condition, k.condition) && covariates.equals(k.covariates);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(condition) + covariates.hashCode();
        }
    }

    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        return sets.computeIfAbsent("simulate:" + n + ":" + seed + ":" + new java.util.TreeMap<>(options),
                k -> super.simulate(n, seed, options));
    }

    @Override
    public SampleSet emptyInputs(int n, long seed) {
        return sets.computeIfAbsent("empty:" + n + ":" + seed, k -> super.emptyInputs(n, seed));
    }

    @Override
    public SampleSet injections(int n, long seed) {
        return sets.computeIfAbsent("injections:" + n + ":" + seed, k -> super.injections(n, seed));
    }

    @Override
    public ConventionalMethod conventionalMethod() {
        return method;
    }
}
