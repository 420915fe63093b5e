package org.realitycheck.hep.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.event.Hit;
import org.realitycheck.hep.event.Particle;
import org.realitycheck.hep.event.TruthHit;

/**
 * Groups simulated tracks into TrackML events. Track {@code i} becomes particle
 * {@code i % tracksPerEvent + 1} of event {@code i / tracksPerEvent}; its hits are numbered in
 * particle then layer order from 1, followed by the event's noise hits (particle 0). The truth
 * {@code weight}s follow the TrackML convention and sum to 1 per event: every particle hit weighs
 * 1/(particle hits in the event), a noise hit 0. (TrackML weighs hits by their place on the track and
 * the particle's momentum; a toy without a scoring metric has no reason to, so all hits weigh the same.)
 */
public final class Events {
    private Events() {
    }

    /**
     * @param tracks the tracks, in order
     * @param tracksPerEvent tracks per event, {@code >= 1}
     * @param detector the detector they were simulated in
     * @param noiseHitsPerLayer random noise hits added to every layer of every event, {@code >= 0}
     * @param seed seed of the noise hits
     * @return the events, numbered from 0
     */
    public static List<Event> fromTracks(List<SimTrack> tracks, int tracksPerEvent, Detector detector,
            int noiseHitsPerLayer, long seed) {
        if (tracksPerEvent < 1) {
            throw new IllegalArgumentException("tracksPerEvent must be >= 1, got " + tracksPerEvent);
        }
        if (noiseHitsPerLayer < 0) {
            throw new IllegalArgumentException("noiseHitsPerLayer must be >= 0, got " + noiseHitsPerLayer);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        for (int from = 0, ev = 0; from < tracks.size(); from += tracksPerEvent, ev++) {
            int to = Math.min(tracks.size(), from + tracksPerEvent);
            List<Hit> hits = new ArrayList<>();
            List<Particle> particles = new ArrayList<>();
            List<TruthHit> truth = new ArrayList<>();
            long hitId = 1;
            long particleHits = 0;
            for (int k = from; k < to; k++) {
                particleHits += tracks.get(k).hitCount();
            }
            // TrackML convention: the weights of an event sum to 1; noise hits weigh 0
            double weight = particleHits == 0 ? 0 : 1.0 / particleHits;
            for (int k = from; k < to; k++) {
                SimTrack t = tracks.get(k);
                long pid = k - from + 1;
                particles.add(Particle.of(pid, t.truth(), t.hitCount()));
                for (int i = 0; i < t.layers(); i++) {
                    if (!t.hasHit(i)) {
                        continue;
                    }
                    hits.add(new Hit(hitId, t.x(i), t.y(i), t.z(i), detector.volumeId(i), detector.layerId(i),
                            Detector.moduleId(t.x(i), t.y(i))));
                    truth.add(new TruthHit(hitId, pid, t.truePosition(i, 0), t.truePosition(i, 1), t.truePosition(i, 2),
                            t.trueMomentum(i, 0), t.trueMomentum(i, 1), t.trueMomentum(i, 2), weight));
                    hitId++;
                }
            }
            SplittableRandom evRnd = rnd.split();
            for (int i = 0; i < detector.layers(); i++) {
                for (int j = 0; j < noiseHitsPerLayer; j++) {
                    double[] p = NoiseHits.draw(detector, i, evRnd);
                    hits.add(new Hit(hitId, p[0], p[1], p[2], detector.volumeId(i), detector.layerId(i),
                            Detector.moduleId(p[0], p[1])));
                    truth.add(new TruthHit(hitId, 0, p[0], p[1], p[2], 0, 0, 0, 0));
                    hitId++;
                }
            }
            events.add(new Event(ev, hits, particles, truth));
        }
        return events;
    }

    /** Random hits uniform in φ and in z over the barrel. */
    public static final class NoiseHits {
        private NoiseHits() {
        }

        /**
         * @return {@code [x, y, z]} of a hit uniform in φ on layer {@code layer} and uniform in z within
         *     ± {@code zRange} mm
         */
        public static double[] draw(Detector detector, int layer, SplittableRandom rnd, double zRange) {
            double r = detector.radius(layer);
            double phi = Math.PI * (2 * rnd.nextDouble() - 1);
            double z = zRange * (2 * rnd.nextDouble() - 1);
            return new double[] {r * Math.cos(phi), r * Math.sin(phi), z};
        }

        /** As {@link #draw(Detector, int, SplittableRandom, double)} over the whole barrel length. */
        public static double[] draw(Detector detector, int layer, SplittableRandom rnd) {
            return draw(detector, layer, rnd, detector.halfLength(layer));
        }
    }
}
