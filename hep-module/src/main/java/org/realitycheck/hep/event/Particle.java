package org.realitycheck.hep.event;

import org.realitycheck.hep.track.TrackParameters;

/**
 * One row of a TrackML {@code -particles.csv}: a generated particle at its production vertex (in this
 * toy, the vertex is the point of closest approach to the z axis).
 *
 * @param particleId unique id in its event, {@code >= 1} (0 marks noise in the truth file)
 * @param vx vertex x, mm
 * @param vy vertex y, mm
 * @param vz vertex z, mm
 * @param px momentum x, GeV
 * @param py momentum y, GeV
 * @param pz momentum z, GeV
 * @param q charge, e
 * @param nhits number of hits it left
 */
public record Particle(long particleId, double vx, double vy, double vz, double px, double py, double pz, int q,
        int nhits) {
    public Particle {
        if (particleId < 1) {
            throw new IllegalArgumentException("particleId must be >= 1, got " + particleId);
        }
        if (nhits < 0) {
            throw new IllegalArgumentException("nhits must be >= 0, got " + nhits);
        }
    }

    /** The particle of perigee parameters {@code p}, produced at its PCA. */
    public static Particle of(long particleId, TrackParameters p, int nhits) {
        double pt = p.pt();
        return new Particle(particleId, p.pcaX(), p.pcaY(), p.z0(), pt * Math.cos(p.phi0()), pt * Math.sin(p.phi0()),
                pt * p.cotTheta(), p.charge(), nhits);
    }

    /** @return the perigee parameters (exact when the vertex is the PCA) */
    public TrackParameters parameters() {
        return TrackParameters.fromVertex(vx, vy, vz, px, py, pz, q);
    }
}
