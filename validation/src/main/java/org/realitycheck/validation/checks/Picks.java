package org.realitycheck.validation.checks;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A mergeable, bounded pick of samples for a gallery: the first {@code limit} by an order key (ascending,
 * compared value by value), then by global index, so the pick is the same however the samples were split.
 * Each pick keeps what the gallery shows of it (its id, panels, numbers), never the whole output.
 */
final class Picks implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Comparator<Pick> ORDER = (a, b) -> {
        int c = Arrays.compare(a.key(), b.key());
        return c != 0 ? c : Long.compare(a.index(), b.index());
    };

    /**
     * @param index the sample's global index
     * @param key the order key (smaller first)
     * @param id the sample's id
     * @param panels the images the gallery shows
     * @param info numbers the gallery's labels and markers need
     */
    record Pick(long index, double[] key, String id, List<float[]> panels, double[] info) implements Serializable {
    }

    private final int limit;
    private final ArrayList<Pick> picks = new ArrayList<>();

    Picks(int limit) {
        this.limit = limit;
    }

    /** @return whether a sample with this key and index would be kept (so the caller can skip building its panels) */
    boolean wants(double[] key, long index) {
        return limit > 0 && (picks.size() < limit
                || ORDER.compare(new Pick(index, key, "", List.of(), new double[0]), picks.get(picks.size() - 1)) < 0);
    }

    void add(Pick p) {
        if (!wants(p.key(), p.index())) {
            return;
        }
        picks.add(p);
        picks.sort(ORDER);
        if (picks.size() > limit) {
            picks.remove(picks.size() - 1);
        }
    }

    void merge(Picks o) {
        o.picks.forEach(this::add);
    }

    List<Pick> picks() {
        return List.copyOf(picks);
    }
}
