package org.realitycheck.hep.event;

import java.util.List;

/**
 * One TrackML event: its hits, the particles and the hit-to-particle truth. Lists are copied.
 *
 * @param eventId the event number, {@code >= 0} (files are named {@code event<9 digits>-…})
 * @param hits the measured hits
 * @param particles the generated particles
 * @param truth one row per hit
 */
public record Event(long eventId, List<Hit> hits, List<Particle> particles, List<TruthHit> truth) {
    public Event {
        if (eventId < 0 || eventId > 999_999_999L) {
            throw new IllegalArgumentException("eventId must be in [0, 999999999], got " + eventId);
        }
        hits = List.copyOf(hits);
        particles = List.copyOf(particles);
        truth = List.copyOf(truth);
    }
}
