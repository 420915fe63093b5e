package org.realitycheck.cli.bench;

import org.realitycheck.core.nn.GanArchitecture;
import org.realitycheck.core.nn.MlpDiscriminatorSpec;
import org.realitycheck.core.nn.MlpGeneratorSpec;
import org.realitycheck.core.nn.PatchGanSpec;
import org.realitycheck.core.nn.UNetSpec;

/**
 * Floating-point operations of the default networks, counted analytically from the layer shapes
 * (a multiply-add is 2 FLOP; bias adds and activations are ignored, they are &lt; 1%).
 * <ul>
 *   <li>conv k×k, c_in→c_out, output H×W: 2·k²·c_in·c_out·H·W;</li>
 *   <li>transposed conv k×k stride 2 from h×w: 2·k²·c_in·c_out·h·w;</li>
 *   <li>dense n_in→n_out: 2·n_in·n_out.</li>
 * </ul>
 * A GAN training step is counted as the textbook pix2pix step with weight gradients everywhere
 * (what PyTorch computes): G forward (1·F_G); D forward+backward on real and on generated
 * (2·3·F_D); D forward+backward on generated for G's loss (3·F_D); G backward (2·F_G). So
 * {@code step = 3·F_G + 9·F_D} per sample. The same count is used for every engine, so the ratio of
 * GFLOP/s equals the ratio of throughputs.
 */
final class Flops {
    private static final int K = 4;

    private Flops() {
    }

    /** Forward FLOPs per sample of a generator or discriminator spec. */
    static double forward(GanArchitecture.Spec spec) {
        if (spec instanceof UNetSpec u) {
            double f = 0;
            int ch = u.channelsIn();
            int size = u.size();
            for (int i = 0; i < u.depth(); i++) {
                int out = filters(u.baseFilters(), i);
                size /= 2;
                f += 2.0 * K * K * ch * out * size * size;
                ch = out;
            }
            for (int j = 0; j < u.depth() - 1; j++) {
                int level = u.depth() - 2 - j;
                int out = filters(u.baseFilters(), level);
                f += 2.0 * K * K * ch * out * size * size; // from the input grid h×w = size×size
                size *= 2;
                ch = 2 * out;
            }
            f += 2.0 * K * K * ch * u.channelsOut() * size * size;
            return f;
        } else if (spec instanceof PatchGanSpec p) {
            double f = 0;
            int ch = p.channelsIn() + p.channelsOut();
            int size = p.size();
            for (int i = 0; i < p.layers(); i++) {
                int out = filters(p.baseFilters(), i);
                size /= 2;
                f += 2.0 * K * K * ch * out * size * size;
                ch = out;
            }
            return f + 2.0 * K * K * ch * size * size;
        } else if (spec instanceof MlpGeneratorSpec m) {
            return dense(m.conditionDim() + m.noiseDim(), m.hidden(), m.outputDim());
        } else if (spec instanceof MlpDiscriminatorSpec m) {
            return dense(m.conditionDim() + m.outputDim(), m.hidden(), 1);
        }
        throw new IllegalArgumentException("unknown spec " + spec);
    }

    /** FLOPs per sample of one GAN training step (one D update and one G update). */
    static double trainingStep(GanArchitecture arch) {
        return 3 * forward(arch.generator()) + 9 * forward(arch.discriminator());
    }

    private static double dense(int in, int[] hidden, int out) {
        double f = 0;
        int w = in;
        for (int h : hidden) {
            f += 2.0 * w * h;
            w = h;
        }
        return f + 2.0 * w * out;
    }

    /** pix2pix filter rule, as in gan-core's Networks: base·2^level capped at 8·base. */
    private static int filters(int base, int level) {
        return base * Math.min(8, 1 << Math.min(level, 3));
    }
}
