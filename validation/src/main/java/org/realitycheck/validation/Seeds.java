package org.realitycheck.validation;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent, reproducible seeds from a run's seed, one per purpose ("heldout", "empty",
 * "model:ood.covariate", ...), so that adding a check or changing one's sample count never shifts the
 * random numbers another check sees. The mix is Stafford's variant 13 of MurmurHash3's finaliser (the
 * one {@link java.util.SplittableRandom} uses), over the seed and the purpose's UTF-8 bytes.
 */
public final class Seeds {
    private Seeds() {
    }

    /** @return a seed for {@code purpose}, a pure function of both arguments */
    public static long derive(long seed, String purpose) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF) ^ 0x632BE59BD9B4E019L);
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
