package org.realitycheck.hep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.event.Hit;
import org.realitycheck.hep.event.Particle;
import org.realitycheck.hep.event.TruthHit;
import org.realitycheck.hep.sim.Detector;
import org.realitycheck.hep.sim.SimTrack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns tracks into {@link Sample}s, one per track: condition = the {@link HitVector} (shape
 * {@code [4·layers]}, 40 for the toy detector), target = the true {@link TrackParameters}
 * {@code [q/pT, φ0, d0, z0, cotθ]} (shape {@code [5]}), covariates {@code pt}, {@code eta},
 * {@code phi}, {@code q}, {@code d0}, {@code z0} (truth) and {@code nhits}.
 */
public final class TrackSamples {
    private static final Logger LOG = LoggerFactory.getLogger(TrackSamples.class);

    /** Sample kinds. */
    public static final String TRACK = "track";
    public static final String NOISE = "noise";
    public static final String INJECTED = "injected";

    private TrackSamples() {
    }

    /** @return the per-sample target shape, {@code [5]} */
    public static long[] targetShape() {
        return new long[] {TrackParameters.SIZE};
    }

    /** @return the per-sample condition shape for {@code detector}, {@code [4·layers]} */
    public static long[] conditionShape(Detector detector) {
        return new long[] {HitVector.length(detector.layers())};
    }

    /** @return {@code e<event>-p<particle>}, the id of a track sample */
    public static String id(long eventId, long particleId) {
        return "e" + eventId + "-p" + particleId;
    }

    /** The truth covariates of a track. */
    public static Map<String, Double> covariates(TrackParameters p, int nhits) {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put("pt", p.pt());
        c.put("eta", p.eta());
        c.put("phi", p.phi0());
        c.put("q", (double) p.charge());
        c.put("d0", p.d0());
        c.put("z0", p.z0());
        c.put("nhits", (double) nhits);
        return c;
    }

    /** One sample of kind {@code kind} from a simulated track, with {@code extra} covariates appended. */
    public static Sample of(String id, String kind, SimTrack t, Map<String, Double> extra) {
        Map<String, Double> c = covariates(t.truth(), t.hitCount());
        c.putAll(extra);
        return new Sample(id, kind, t.hitVector(), t.truth().toFloats(), c);
    }

    /**
     * Track samples numbered like {@link org.realitycheck.hep.event.Events#fromTracks}: track {@code i} is
     * particle {@code i % tracksPerEvent + 1} of event {@code i / tracksPerEvent}.
     */
    public static SampleSet of(List<SimTrack> tracks, int tracksPerEvent, Detector detector) {
        List<Sample> out = new ArrayList<>(tracks.size());
        for (int i = 0; i < tracks.size(); i++) {
            out.add(of(id(i / tracksPerEvent, i % tracksPerEvent + 1), TRACK, tracks.get(i), Map.of()));
        }
        return new SampleSet(out, conditionShape(detector), targetShape());
    }

    /**
     * One sample per particle with at least one hit (hit-to-track assignment from the truth file).
     * Targets come from the particles file; without it the samples have no target. Hits on layers the
     * detector does not have are skipped (logged once per event); a second hit of a particle on the
     * same layer is ignored.
     *
     * @param events the events, e.g. from {@link org.realitycheck.hep.io.TrackMlReader#read}
     * @param detector the detector the files describe
     */
    public static SampleSet fromEvents(List<Event> events, Detector detector) {
        List<Sample> out = new ArrayList<>();
        int layers = detector.layers();
        for (Event ev : events) {
            Map<Long, Hit> hits = new HashMap<>();
            for (Hit h : ev.hits()) {
                hits.put(h.hitId(), h);
            }
            Map<Long, float[]> vectors = new LinkedHashMap<>();
            int skipped = 0;
            for (TruthHit t : ev.truth()) {
                if (t.particleId() == 0) {
                    continue;
                }
                Hit h = hits.get(t.hitId());
                int layer = detector.layerIndex(h.volumeId(), h.layerId());
                if (layer < 0) {
                    skipped++;
                    continue;
                }
                float[] v = vectors.computeIfAbsent(t.particleId(), k -> new float[HitVector.length(layers)]);
                if (!HitVector.hasHit(v, layer)) {
                    HitVector.set(v, layer, h.x(), h.y(), h.z());
                }
            }
            if (skipped > 0) {
                LOG.warn("event {}: skipped {} hits on layers the detector does not have", ev.eventId(), skipped);
            }
            Map<Long, Particle> particles = new HashMap<>();
            for (Particle p : ev.particles()) {
                particles.put(p.particleId(), p);
            }
            for (Map.Entry<Long, float[]> e : vectors.entrySet()) {
                Particle p = particles.get(e.getKey());
                float[] v = e.getValue();
                int nhits = HitVector.hitCount(v);
                String id = id(ev.eventId(), e.getKey());
                if (p == null) {
                    out.add(new Sample(id, TRACK, v, null, Map.of("nhits", (double) nhits)));
                    continue;
                }
                TrackParameters tp;
                try {
                    tp = p.parameters();
                } catch (IllegalArgumentException ex) {
                    throw new BadInputException("event " + ev.eventId() + ", particle " + p.particleId() + ": "
                            + ex.getMessage(), ex);
                }
                out.add(new Sample(id, TRACK, v, tp.toFloats(), covariates(tp, nhits)));
            }
        }
        return new SampleSet(out, conditionShape(detector), targetShape());
    }
}
