package org.realitycheck.hep.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.realitycheck.core.BadInputException;

/**
 * What reading TrackML files into track samples kept and left out: hits on layers the detector
 * description does not have (per {@code volume:layer}), tracks with fewer than {@link HitCheck#MIN_HITS}
 * hits on described layers (normal for real data: particles in the endcaps), and tracks dropped
 * because a hit is not where its layer is ({@link HitCheck}; a sign of corrupt data). {@link #check}
 * fails when nothing is usable, or when more than {@link #MAX_DROPPED_FRACTION} of the tracks were
 * dropped as corrupt.
 *
 * @param events events read
 * @param hits hits read
 * @param hitsOutsideLayers hits on layers the detector does not describe
 * @param outsideByLayer those hits per {@code "volume:layer"}, sorted
 * @param tooFewHits tracks with fewer than {@link HitCheck#MIN_HITS} hits on described layers
 * @param dropped tracks dropped for a hit that is not where its layer is
 * @param droppedExamples the first few reasons, {@code "event E, hit_id H: why"}
 * @param usable tracks loaded
 */
public record LoadReport(int events, long hits, long hitsOutsideLayers, Map<String, Long> outsideByLayer,
        long tooFewHits, long dropped, List<String> droppedExamples, long usable) {
    /**
     * Largest fraction of tracks that may be dropped as corrupt before loading fails: 1%. Corrupt values
     * in more than a few tracks mean the files, not a few hits, are wrong.
     */
    public static final double MAX_DROPPED_FRACTION = 0.01;

    public LoadReport {
        outsideByLayer = Map.copyOf(outsideByLayer);
        droppedExamples = List.copyOf(droppedExamples);
    }

    /** @return dropped / (usable + dropped), 0 when there were no tracks */
    public double droppedFraction() {
        return usable + dropped == 0 ? 0 : (double) dropped / (usable + dropped);
    }

    /** @return one line for the user: what was loaded and what was left out */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(usable).append(" usable tracks from ").append(events).append(events == 1 ? " event" : " events")
                .append(" (").append(hits).append(" hits)");
        if (hitsOutsideLayers > 0) {
            b.append("; ").append(hitsOutsideLayers).append(" hits on layers the detector description does not have (")
                    .append(layersText()).append(")");
        }
        if (tooFewHits > 0) {
            b.append("; ").append(tooFewHits).append(" tracks with fewer than ").append(HitCheck.MIN_HITS)
                    .append(" hits on described layers");
        }
        if (dropped > 0) {
            b.append("; ").append(dropped).append(" tracks dropped for a hit off its layer, e.g. ")
                    .append(droppedExamples.get(0));
        }
        return b.toString();
    }

    private String layersText() {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(outsideByLayer).forEach((k, v) -> parts.add("volume:layer " + k + " ×" + v));
        return parts.size() <= 6 ? String.join(", ", parts)
                : String.join(", ", parts.subList(0, 6)) + ", … " + (parts.size() - 6) + " more";
    }

    /**
     * @param path the data that was read, for the message
     * @throws BadInputException when no track is usable, or more than {@link #MAX_DROPPED_FRACTION} of
     *     the tracks were dropped as corrupt
     */
    public void check(Path path) {
        if (usable == 0) {
            throw BadInputException.at(path, "", "no usable track: " + summary()
                    + (hitsOutsideLayers > 0 ? "; describe the detector's layers in detector.yaml (docs/data.md)" : ""));
        }
        if (droppedFraction() > MAX_DROPPED_FRACTION) {
            throw BadInputException.at(path, "", String.format("%d of %d tracks (%.1f%%) have a hit off its layer, more "
                    + "than the %.0f%% allowed; first: %s", dropped, usable + dropped, 100 * droppedFraction(),
                    100 * MAX_DROPPED_FRACTION, String.join("; ", droppedExamples)));
        }
    }

    /** Collects counts while reading. */
    static final class Builder {
        private int events;
        private long hits;
        private long outside;
        private final Map<String, Long> outsideByLayer = new TreeMap<>();
        private long tooFew;
        private long dropped;
        private final List<String> examples = new ArrayList<>();

        void event(int hitCount) {
            events++;
            hits += hitCount;
        }

        void outsideLayers(int volumeId, int layerId) {
            outside++;
            outsideByLayer.merge(volumeId + ":" + layerId, 1L, Long::sum);
        }

        void tooFewHits() {
            tooFew++;
        }

        void dropped(String why) {
            dropped++;
            if (examples.size() < 3) {
                examples.add(why);
            }
        }

        LoadReport build(long usable) {
            return new LoadReport(events, hits, outside, outsideByLayer, tooFew, dropped, examples, usable);
        }
    }
}
