package org.realitycheck.astro.degrade;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared, cached pieces of the optics: one {@link Convolver} per thread and grid size, and one
 * {@link Otf} per PSF and grid size (PSFs repeat across a data set, so their transforms are made once).
 */
public final class Optics {
    private static final ThreadLocal<Map<Long, Convolver>> CONVOLVERS = ThreadLocal.withInitial(HashMap::new);
    private static final Map<List<Object>, Otf> OTFS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_OTFS = 256;

    private Optics() {
    }

    /** @return this thread's convolver for an {@code h × w} grid (powers of two) */
    public static Convolver convolver(int h, int w) {
        return CONVOLVERS.get().computeIfAbsent(((long) h << 32) | w, k -> new Convolver(h, w));
    }

    /** @return the transfer function of {@code psf}'s default stamp on an {@code h × w} grid, cached */
    public static Otf otf(Psf psf, int h, int w) {
        List<Object> key = List.of(psf, h, w);
        Otf o = OTFS.get(key);
        if (o == null) {
            o = psf.otf(h, w);
            if (OTFS.size() < MAX_CACHED_OTFS) {
                OTFS.put(key, o);
            }
        }
        return o;
    }
}
