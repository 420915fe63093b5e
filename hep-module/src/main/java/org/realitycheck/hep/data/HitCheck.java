package org.realitycheck.hep.data;

import java.util.Objects;

import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.event.Hit;

/**
 * Whether a measured hit is where the layer its {@code (volume_id, layer_id)} names is. A hit more than
 * {@link #RADIAL_TOLERANCE} from the layer's radius, or beyond its half-length by more than
 * {@link #Z_TOLERANCE} plus {@link #Z_SIGMAS} times the layer's σ_z (a long strip measures z to a few cm),
 * or with a coordinate too large for the model's float inputs (e.g. x = 1e300 mm), is not
 * a measurement of that layer: its track is dropped rather than fitted or fed to a model. The
 * tolerances cover real modules, which are tilted and staggered about the nominal radius (TrackML
 * barrel modules: ±1–4 mm, ACTS {@code GenericDetectorML}), with room to spare; the toy simulation puts
 * hits exactly on the radius.
 */
public final class HitCheck {
    /** Fewest hits on described layers for a usable track: a helix fit needs three points. */
    public static final int MIN_HITS = 3;
    /** Largest |r − layer radius| of a hit on a layer, mm. */
    public static final double RADIAL_TOLERANCE = 10.0;
    /** Largest distance of a hit beyond its layer's half-length in z, mm, before the resolution's share. */
    public static final double Z_TOLERANCE = 10.0;
    /** How many σ_z of the layer a measured z may add beyond the half-length. */
    public static final double Z_SIGMAS = 5.0;

    private final Detector detector;

    /** @param detector the described detector, never null */
    public HitCheck(Detector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /**
     * @param hit a hit
     * @param layer its layer index in the detector
     * @return what is wrong with the hit, or null when it is where its layer is
     */
    public String problem(Hit hit, int layer) {
        if (!Float.isFinite((float) hit.x()) || !Float.isFinite((float) hit.y()) || !Float.isFinite((float) hit.z())) {
            return "position (" + hit.x() + ", " + hit.y() + ", " + hit.z() + ") mm does not fit a float";
        }
        double r = Math.hypot(hit.x(), hit.y());
        double radius = detector.radius(layer);
        if (Math.abs(r - radius) > RADIAL_TOLERANCE) {
            return String.format("r = %.6g mm is not on its layer (volume %d, layer %d) at r = %.6g ± %.0f mm", r,
                    hit.volumeId(), hit.layerId(), radius, RADIAL_TOLERANCE);
        }
        double half = detector.halfLength(layer);
        double margin = Z_TOLERANCE + Z_SIGMAS * detector.sigmaZ(layer);
        if (Math.abs(hit.z()) > half + margin) {
            return String.format("z = %.6g mm is beyond its layer (volume %d, layer %d), |z| <= %.6g + %.4g mm",
                    hit.z(), hit.volumeId(), hit.layerId(), half, margin);
        }
        return null;
    }
}
