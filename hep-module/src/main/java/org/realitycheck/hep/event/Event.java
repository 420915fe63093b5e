package org.realitycheck.hep.event;

import java.util.List;
import java.util.Map;

/**
 * One TrackML event: its hits, the particles, the hit-to-particle truth and, for data without truth,
 * the hit-to-track assignment of the user's own track finding. Lists and maps are copied.
 *
 * @param eventId the event number, {@code >= 0} (files are named {@code event<9 digits>-…})
 * @param hits the measured hits
 * @param particles the generated particles (empty without truth)
 * @param truth one row per hit (empty when the event has no truth)
 * @param trackIds hit id → track id ({@code >= 1}) for events without truth; empty otherwise
 */
public record Event(long eventId, List<Hit> hits, List<Particle> particles, List<TruthHit> truth,
        Map<Long, Long> trackIds) {
    public Event {
        if (eventId < 0 || eventId > 999_999_999L) {
            throw new IllegalArgumentException("eventId must be in [0, 999999999], got " + eventId);
        }
        hits = List.copyOf(hits);
        particles = List.copyOf(particles);
        truth = List.copyOf(truth);
        trackIds = Map.copyOf(trackIds);
    }

    /** An event with truth (the form {@code realitycheck simulate hep} writes). */
    public Event(long eventId, List<Hit> hits, List<Particle> particles, List<TruthHit> truth) {
        this(eventId, hits, particles, truth, Map.of());
    }

    /** @return true when hits are assigned to particles by a truth file */
    public boolean hasTruth() {
        return !truth.isEmpty();
    }
}
