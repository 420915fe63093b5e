package org.realitycheck.hep.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.event.Hit;
import org.realitycheck.hep.event.Particle;
import org.realitycheck.hep.event.TruthHit;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.track.HitVector;
import org.realitycheck.hep.track.TrackParameters;

/**
 * Turns tracks into {@link Sample}s, one per track: condition = the {@link HitVector} (shape
 * {@code [4·layers]}, 40 for the toy detector), target = the true {@link TrackParameters}
 * {@code [q/pT, φ0, d0, z0, cotθ]} (shape {@code [5]}), covariates {@code pt}, {@code eta},
 * {@code phi}, {@code q}, {@code d0}, {@code z0} (truth) and {@code nhits}.
 */
public final class TrackSamples {
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
     * Track samples numbered like {@link org.realitycheck.hep.sim.Events#fromTracks}: track {@code i} is
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
     * One sample per track with at least {@link HitCheck#MIN_HITS} hits on the detector's layers. With truth,
     * a track is a particle (hit-to-particle assignment from the truth file) and its target comes from
     * the particles file (no target without it); without truth, a track is a {@code track_id} of the hits
     * file and has no target. Hits on layers the detector does not describe are skipped and counted; a
     * second hit of a track on the same layer is ignored; a track with a hit that is not where its layer
     * is ({@link HitCheck}) is dropped and counted. Nothing is thrown for these: the caller judges the
     * {@link LoadReport}.
     *
     * @param events the events, e.g. from {@link org.realitycheck.hep.io.TrackMlReader#read}
     * @param detector the detector the files describe
     * @return the samples and what was skipped or dropped
     */
    public static Loaded fromEvents(List<Event> events, Detector detector) {
        List<Sample> out = new ArrayList<>();
        LoadReport.Builder report = new LoadReport.Builder();
        HitCheck check = new HitCheck(detector);
        int layers = detector.layers();
        for (Event ev : events) {
            report.event(ev.hits().size());
            Map<Long, Hit> hits = new HashMap<>();
            for (Hit h : ev.hits()) {
                hits.put(h.hitId(), h);
            }
            Map<Long, float[]> vectors = new LinkedHashMap<>();
            Map<Long, String> bad = new HashMap<>();
            for (long[] a : assignments(ev)) {
                Hit h = hits.get(a[0]);
                int layer = detector.layerIndex(h.volumeId(), h.layerId());
                if (layer < 0) {
                    report.outsideLayers(h.volumeId(), h.layerId());
                    continue;
                }
                float[] v = vectors.computeIfAbsent(a[1], k -> new float[HitVector.length(layers)]);
                String problem = check.problem(h, layer);
                if (problem != null) {
                    bad.putIfAbsent(a[1], String.format("event%09d-hits.csv", ev.eventId()) + ", hit_id " + h.hitId() + ": " + problem);
                } else if (!HitVector.hasHit(v, layer)) {
                    HitVector.set(v, layer, h.x(), h.y(), h.z());
                }
            }
            Map<Long, Particle> particles = new HashMap<>();
            for (Particle p : ev.particles()) {
                particles.put(p.particleId(), p);
            }
            for (Map.Entry<Long, float[]> e : vectors.entrySet()) {
                if (bad.containsKey(e.getKey())) {
                    report.dropped(bad.get(e.getKey()));
                    continue;
                }
                float[] v = e.getValue();
                int nhits = HitVector.hitCount(v);
                if (nhits < HitCheck.MIN_HITS) {
                    report.tooFewHits();
                    continue;
                }
                Particle p = particles.get(e.getKey());
                if (!ev.hasTruth() || p == null) {
                    String id = ev.hasTruth() ? id(ev.eventId(), e.getKey()) : "e" + ev.eventId() + "-t" + e.getKey();
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
                float[] target = tp.toFloats();
                Map<String, Double> cov = covariates(tp, nhits);
                if (!finite(target, cov)) {
                    // e.g. a particle with px = py = 0 (pT = 0, |eta| infinite) that left hits on barrel layers
                    report.dropped("event " + ev.eventId() + ", particle " + p.particleId()
                            + ": its momentum gives non-finite track parameters " + java.util.Arrays.toString(target));
                    continue;
                }
                out.add(new Sample(id(ev.eventId(), e.getKey()), TRACK, v, target, cov));
            }
        }
        return new Loaded(new SampleSet(out, conditionShape(detector), targetShape()), report.build(out.size()));
    }

    private static boolean finite(float[] target, Map<String, Double> cov) {
        for (float x : target) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return cov.values().stream().allMatch(Double::isFinite);
    }

    /** {@code [hit id, track id]} pairs in file order: from the truth (noise, particle 0, left out) or the track ids. */
    private static List<long[]> assignments(Event ev) {
        List<long[]> a = new ArrayList<>();
        if (ev.hasTruth()) {
            for (TruthHit t : ev.truth()) {
                if (t.particleId() != 0) {
                    a.add(new long[] {t.hitId(), t.particleId()});
                }
            }
        } else {
            for (Hit h : ev.hits()) {
                Long track = ev.trackIds().get(h.hitId());
                if (track != null) {
                    a.add(new long[] {h.hitId(), track});
                }
            }
        }
        return a;
    }

    /**
     * Samples read from files and what the reading skipped.
     *
     * @param samples the usable tracks
     * @param report counts of what was skipped or dropped
     */
    public record Loaded(SampleSet samples, LoadReport report) {
    }
}
