package org.realitycheck.core.data;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An invertible, recorded map between physical values and the network's scale. Transforms act on
 * batched arrays {@code [batch, ...shape]} and return new arrays (inputs are not modified). They are
 * stored in the model card, so a generator can map its outputs back to physical units.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FeatureTransform.Identity.class, name = "identity"),
    @JsonSubTypes.Type(value = FeatureTransform.Affine.class, name = "affine"),
    @JsonSubTypes.Type(value = FeatureTransform.AsinhStretch.class, name = "asinh"),
    @JsonSubTypes.Type(value = FeatureTransform.Chain.class, name = "chain")
})
public sealed interface FeatureTransform {
    /** Physical → network scale. */
    INDArray apply(INDArray x);

    /** Network scale → physical. */
    INDArray invert(INDArray y);

    /** The identity. */
    record Identity() implements FeatureTransform {
        @Override
        public INDArray apply(INDArray x) {
            return x.dup();
        }

        @Override
        public INDArray invert(INDArray y) {
            return y.dup();
        }
    }

    /**
     * {@code y = (x - shift) / scale}, per feature. With one value each, the same shift and scale
     * apply to every feature; otherwise they have one value per flattened feature.
     *
     * @param shift subtracted first
     * @param scale divided by next; every value non-zero
     */
    record Affine(double[] shift, double[] scale) implements FeatureTransform {
        public Affine {
            if (shift.length != scale.length || shift.length == 0) {
                throw new IllegalArgumentException("shift and scale need the same non-zero length, got "
                        + shift.length + " and " + scale.length);
            }
            for (double s : scale) {
                if (!(Math.abs(s) > 0) || !Double.isFinite(s)) {
                    throw new IllegalArgumentException("scale values must be finite and non-zero, got " + s);
                }
            }
            shift = shift.clone();
            scale = scale.clone();
        }

        /** Standardises each feature of the flattened rows to mean 0, standard deviation 1. */
        public static Affine standardize(INDArray batch) {
            INDArray rows = batch.reshape('c', batch.size(0), batch.length() / batch.size(0));
            double[] mean = rows.mean(0).toDoubleVector();
            double[] std = rows.std(0).toDoubleVector();
            for (int i = 0; i < std.length; i++) {
                if (!(std[i] > 1e-12)) {
                    std[i] = 1.0;
                }
            }
            return new Affine(mean, std);
        }

        @Override
        public INDArray apply(INDArray x) {
            if (shift.length == 1) {
                return x.sub(shift[0]).divi(scale[0]);
            }
            INDArray rows = x.reshape('c', x.size(0), x.length() / x.size(0));
            checkWidth(rows);
            INDArray out = rows.subRowVector(Nd4j.createFromArray(shift).castTo(x.dataType()))
                    .diviRowVector(Nd4j.createFromArray(scale).castTo(x.dataType()));
            return out.reshape('c', x.shape());
        }

        @Override
        public INDArray invert(INDArray y) {
            if (shift.length == 1) {
                return y.mul(scale[0]).addi(shift[0]);
            }
            INDArray rows = y.reshape('c', y.size(0), y.length() / y.size(0));
            checkWidth(rows);
            INDArray out = rows.mulRowVector(Nd4j.createFromArray(scale).castTo(y.dataType()))
                    .addiRowVector(Nd4j.createFromArray(shift).castTo(y.dataType()));
            return out.reshape('c', y.shape());
        }

        private void checkWidth(INDArray rows) {
            if (rows.size(1) != shift.length) {
                throw new IllegalArgumentException("affine transform has " + shift.length + " features, input has "
                        + rows.size(1));
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Affine a && java.util.Arrays.equals(a.shift, shift) && java.util.Arrays.equals(a.scale, scale);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(shift) + java.util.Arrays.hashCode(scale);
        }

        @Override
        public double[] shift() {
            return shift.clone();
        }

        @Override
        public double[] scale() {
            return scale.clone();
        }
    }

    /**
     * The GalaxyGAN stretch (Schawinski et al. 2017): clip to {@code [lo, hi]}, rescale to [0, 1],
     * then {@code asinh(softening·x)/asinh(softening)}·… written as {@code asinh(a·u)/b}. With the
     * paper's values {@code a = 10}, {@code b = 3}, lo = −0.1, hi = 4. The inverse is exact on
     * {@code [lo, hi]}; values outside were clipped and do not come back.
     *
     * @param lo lower clip, physical units
     * @param hi upper clip, {@code > lo}
     * @param a softening inside asinh, {@code > 0}
     * @param b divisor after asinh, {@code > 0}
     */
    record AsinhStretch(double lo, double hi, double a, double b) implements FeatureTransform {
        public AsinhStretch {
            if (!(hi > lo) || !(a > 0) || !(b > 0)) {
                throw new IllegalArgumentException("need hi > lo, a > 0, b > 0; got lo=" + lo + " hi=" + hi + " a=" + a
                        + " b=" + b);
            }
        }

        /** The paper's stretch: clip [−0.1, 4], asinh(10u)/3. */
        public static AsinhStretch galaxyGan() {
            return new AsinhStretch(-0.1, 4.0, 10.0, 3.0);
        }

        @Override
        public INDArray apply(INDArray x) {
            INDArray u = Transforms.max(Transforms.min(x, hi, true), lo, false).subi(lo).divi(hi - lo);
            INDArray v = u.muli(a);
            // asinh(v) = ln(v + sqrt(v² + 1)); ND4J M2.1 has no asinh transform
            INDArray asinh = Transforms.log(v.add(Transforms.sqrt(v.mul(v).addi(1.0), false)), false);
            return asinh.divi(b);
        }

        @Override
        public INDArray invert(INDArray y) {
            INDArray u = Transforms.sinh(y.mul(b), false).divi(a);
            return u.muli(hi - lo).addi(lo);
        }
    }

    /**
     * Applies the steps in order; inverts them in reverse order.
     *
     * @param steps the transforms, at least one
     */
    record Chain(List<FeatureTransform> steps) implements FeatureTransform {
        public Chain {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("chain needs at least one step");
            }
        }

        @Override
        public INDArray apply(INDArray x) {
            INDArray y = x;
            for (FeatureTransform t : steps) {
                y = t.apply(y);
            }
            return y;
        }

        @Override
        public INDArray invert(INDArray y) {
            INDArray x = y;
            for (int i = steps.size() - 1; i >= 0; i--) {
                x = steps.get(i).invert(x);
            }
            return x;
        }
    }
}
