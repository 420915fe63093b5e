package org.realitycheck.astro;

import java.util.List;

import org.realitycheck.astro.deconv.Instrument;
import org.realitycheck.astro.metrics.Photometry;
import org.realitycheck.astro.metrics.SourceDetector;
import org.realitycheck.core.Observable;
import org.realitycheck.core.Sample;

/**
 * The astro observables, measured on the reference band (r: band 0 of one, band 1 of three):
 * <ul>
 *   <li>{@code flux_total}: sum of all pixels, counts;</li>
 *   <li>{@code flux_aperture}: flux within {@value #APERTURE_RADIUS} pixels of the true centre
 *       ({@code x0}, {@code y0} covariates; the image centre without them), counts;</li>
 *   <li>{@code r_half}: circular half-light radius around the output's own centroid, of the flux within
 *       {@value #HALF_LIGHT_RMAX} pixels, pixels;</li>
 *   <li>{@code centroid_x}, {@code centroid_y}: flux-weighted centroid of the positive pixels, pixels;</li>
 *   <li>{@code detections}: number of 5σ sources of at least 5 pixels ({@link SourceDetector}), σ the
 *       sample's background σ.</li>
 * </ul>
 */
public final class AstroObservables {
    /** Aperture radius for {@code flux_aperture}, pixels (≈ 3.2″ at 0.396″/pixel). */
    public static final double APERTURE_RADIUS = 8;
    /** Radius inside which the half-light radius' total flux is taken, pixels. */
    public static final double HALF_LIGHT_RMAX = 24;

    private AstroObservables() {
    }

    /** @return the observables, in report order */
    public static List<Observable> all() {
        return List.of(
                Observable.of("flux_total", "counts", (o, s) -> Photometry.totalFlux(o, off(s), size(s), size(s))),
                Observable.of("flux_aperture", "counts", (o, s) -> {
                    int n = size(s);
                    double cx = s.covariate("x0").orElse(n / 2.0);
                    double cy = s.covariate("y0").orElse(n / 2.0);
                    return Photometry.apertureFlux(o, off(s), n, n, cx, cy, APERTURE_RADIUS);
                }),
                Observable.of("r_half", "pix", (o, s) -> {
                    int n = size(s);
                    double[] c = Photometry.centroid(o, off(s), n, n);
                    double tot = Photometry.apertureFlux(o, off(s), n, n, c[0], c[1], HALF_LIGHT_RMAX);
                    return Photometry.halfLightRadius(o, off(s), n, n, c[0], c[1], tot, HALF_LIGHT_RMAX);
                }),
                Observable.of("centroid_x", "pix", (o, s) -> Photometry.centroid(o, off(s), size(s), size(s))[0]),
                Observable.of("centroid_y", "pix", (o, s) -> Photometry.centroid(o, off(s), size(s), size(s))[1]),
                Observable.of("detections", "", (o, s) -> {
                    Instrument ins = Instrument.of(s);
                    return SourceDetector.defaults().detect(o, off(s), ins.size(), ins.size(), ins.skySigma()).size();
                }));
    }

    /** @return the offset of the reference band in a flattened {@code [bands, n, n]} image */
    static int off(Sample s) {
        Instrument ins = Instrument.of(s);
        return ins.bands() == 3 ? ins.size() * ins.size() : 0;
    }

    static int size(Sample s) {
        return Instrument.of(s).size();
    }
}
