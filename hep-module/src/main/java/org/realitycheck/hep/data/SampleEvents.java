package org.realitycheck.hep.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.event.Hit;
import org.realitycheck.hep.event.Particle;
import org.realitycheck.hep.event.TruthHit;
import org.realitycheck.hep.track.HitVector;
import org.realitycheck.hep.track.TrackParameters;

/**
 * Track samples back into TrackML events, the inverse of {@link TrackSamples#fromEvents} (what
 * {@code HepDomain.data().write} writes). A sample with id {@code e<event>-p<particle>} becomes that
 * particle of that event, so {@link TrackSamples#fromEvents} reads back the same ids, hits, targets and
 * truth covariates; other ids (probes' {@code noise-…}, {@code injected-…}) are numbered as particles
 * {@code 1, 2, …} of new events after the highest event id. TrackML files have no place for what a sample
 * holds beyond hits and parameters, so:
 * <ul>
 *   <li>a sample's target becomes its particle (vertex at the perigee, {@link Particle#of}); samples
 *       without target go to events of their own, written with truth hits but no particles file, and read
 *       back without target (one without target among an event's particles is renumbered into such an event);
 *   <li>the truth file's true position and momentum at each hit are not in a sample: the writer puts the
 *       measured position and the particle's momentum at its vertex (zero without a target);
 *   <li>kinds and covariates other than the track's (e.g. an injection's {@code subtype}) are not written:
 *       every sample reads back as a {@code track} with the truth covariates of its target.
 * </ul>
 */
public final class SampleEvents {
    private static final Pattern TRACK_ID = Pattern.compile("e(\\d{1,18})-p(\\d{1,18})");

    private SampleEvents() {
    }

    /**
     * @param set track samples whose conditions are hit vectors of {@code detector}
     * @param detector the detector the hits are on
     * @return the events, by event id
     * @throws IllegalArgumentException when a condition is not a hit vector of the detector, or two
     *     samples have one id
     */
    public static List<Event> of(SampleSet set, Detector detector) {
        int layers = detector.layers();
        if (set.conditionLength() != HitVector.length(layers)) {
            throw new IllegalArgumentException("conditions of length " + set.conditionLength() + " are not hit vectors of a "
                    + layers + "-layer detector (" + HitVector.length(layers) + " values)");
        }
        TreeMap<Long, Map<Long, Sample>> byEvent = new TreeMap<>();
        List<Sample> renumbered = new ArrayList<>();
        for (Sample s : set) {
            Matcher m = TRACK_ID.matcher(s.id());
            if (!m.matches()) {
                renumbered.add(s);
                continue;
            }
            long pid = Long.parseLong(m.group(2));
            Sample old = byEvent.computeIfAbsent(Long.parseLong(m.group(1)), k -> new LinkedHashMap<>()).put(pid, s);
            if (old != null || pid < 1) {
                throw new IllegalArgumentException("sample " + s.id() + ": another sample has this id, or particle 0 (noise)");
            }
        }
        // an event's tracks either all have a particle (a target) or none has: the truth file may name
        // only particles that particles.csv lists, and an event without particles has no particles.csv
        for (Map<Long, Sample> ev : byEvent.values()) {
            boolean anyTarget = ev.values().stream().anyMatch(Sample::hasTarget);
            ev.values().removeIf(x -> {
                boolean move = anyTarget && !x.hasTarget();
                if (move) {
                    renumbered.add(x);
                }
                return move;
            });
        }
        for (boolean withTarget : new boolean[] {true, false}) {
            Map<Long, Sample> extra = new LinkedHashMap<>();
            long pid = 1;
            for (Sample x : renumbered) {
                if (x.hasTarget() == withTarget) {
                    extra.put(pid++, x);
                }
            }
            if (!extra.isEmpty()) {
                byEvent.put(byEvent.isEmpty() ? 0 : byEvent.lastKey() + 1, extra);
            }
        }
        List<Event> events = new ArrayList<>(byEvent.size());
        for (Map.Entry<Long, Map<Long, Sample>> e : byEvent.entrySet()) {
            events.add(event(e.getKey(), e.getValue(), detector));
        }
        return events;
    }

    private static Event event(long eventId, Map<Long, Sample> tracks, Detector detector) {
        int layers = detector.layers();
        List<Hit> hits = new ArrayList<>();
        List<Particle> particles = new ArrayList<>();
        List<TruthHit> truth = new ArrayList<>();
        long particleHits = 0;
        for (Sample s : tracks.values()) {
            particleHits += HitVector.hitCount(s.condition());
        }
        // TrackML convention, as Events: the weights of an event sum to 1
        double weight = particleHits == 0 ? 0 : 1.0 / particleHits;
        long hitId = 1;
        for (Map.Entry<Long, Sample> t : tracks.entrySet()) {
            long pid = t.getKey();
            float[] c = t.getValue().condition();
            int nhits = HitVector.hitCount(c);
            Particle p = t.getValue().target().map(v -> Particle.of(pid, TrackParameters.fromArray(v), nhits)).orElse(null);
            if (p != null) {
                particles.add(p);
            }
            for (int i = 0; i < layers; i++) {
                if (!HitVector.hasHit(c, i)) {
                    continue;
                }
                double x = c[3 * i];
                double y = c[3 * i + 1];
                double z = c[3 * i + 2];
                hits.add(new Hit(hitId, x, y, z, detector.volumeId(i), detector.layerId(i), Detector.moduleId(x, y)));
                truth.add(new TruthHit(hitId, pid, x, y, z, p == null ? 0 : p.px(), p == null ? 0 : p.py(),
                        p == null ? 0 : p.pz(), weight));
                hitId++;
            }
        }
        return new Event(eventId, hits, particles, truth);
    }
}
