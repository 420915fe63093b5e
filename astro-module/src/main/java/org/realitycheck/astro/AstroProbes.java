package org.realitycheck.astro;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.realitycheck.astro.deconv.Instrument;
import org.realitycheck.astro.degrade.Background;
import org.realitycheck.astro.metrics.Photometry;
import org.realitycheck.astro.metrics.SourceDetector;
import org.realitycheck.astro.sim.GalaxySimulator;
import org.realitycheck.astro.sim.SimConfig;
import org.realitycheck.core.Probes;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * The astro probes ({@link AstroDomain#probes()}): sky-only fields, injected point sources and
 * companions, and redshift sweeps from the {@link GalaxySimulator} with one {@link SimConfig}.
 *
 * <p>{@link #detect}: sources above 5σ of the input's background ({@code sky_sigma}, else a robust
 * estimate from the input) with at least 5 connected pixels, on the output's reference band.
 * {@link #recovered}: the injected object counts as recovered when the output's flux in a circular
 * aperture of radius {@code inj_radius} around the injected position is within
 * {@value #RECOVERY_TOLERANCE}·{@code inj_flux} of the truth's flux in the same aperture (or, without a
 * truth, when the aperture flux above the local background of a 2-pixel annulus is at least
 * (1 − {@value #RECOVERY_TOLERANCE})·{@code inj_flux}), and the output's brightest pixel in the aperture
 * lies within {@value #POSITION_TOLERANCE} pixels of the injected position.
 *
 * @param config the simulator configuration of empty fields, injections and sweeps, never null
 */
public record AstroProbes(SimConfig config) implements Probes {
    /** Flux tolerance of {@link #recovered}, as a fraction of the injected flux. */
    public static final double RECOVERY_TOLERANCE = 0.3;
    /** Position tolerance of {@link #recovered}, pixels. */
    public static final double POSITION_TOLERANCE = 2.0;

    public AstroProbes {
        Objects.requireNonNull(config, "config");
    }

    @Override
    public SampleSet emptyInputs(int n, long seed) {
        return new GalaxySimulator(config).simulate(GalaxySimulator.Kind.EMPTY, n, seed);
    }

    @Override
    public SampleSet injections(int n, long seed) {
        return new GalaxySimulator(config).injections(n, seed);
    }

    /** @return {@code redshift}: the only covariate the simulator sweeps */
    @Override
    public List<String> sweepableCovariates() {
        return List.of("redshift");
    }

    /** Sweeps {@code redshift} (galaxies evenly spaced over the range); other covariates are not sweepable. */
    @Override
    public Optional<SampleSet> sweep(String covariate, double min, double max, int n, long seed) {
        if (!"redshift".equals(covariate)) {
            return Optional.empty();
        }
        return Optional.of(new GalaxySimulator(config).redshiftSweep(min, max, n, seed));
    }

    @Override
    public List<Tolerance> recoveryTolerances() {
        return List.of(new Tolerance("flux-fraction", RECOVERY_TOLERANCE, "",
                "|output - truth| aperture flux (radius inj_radius) as a fraction of the injected flux"),
                new Tolerance("position", POSITION_TOLERANCE, "pix",
                        "distance of the output's brightest aperture pixel from the injected position"));
    }

    @Override
    public Detections detect(float[] output, Sample input) {
        Instrument ins = Instrument.of(input);
        int n = ins.size();
        int off = AstroObservables.off(input);
        double sigma = input.covariate("sky_sigma").orElse(Double.NaN);
        if (!(sigma > 0)) {
            sigma = Background.sigma(input.condition(), off, off + n * n);
        }
        if (!(sigma > 0)) {
            sigma = Background.sigma(output, off, off + n * n);
        }
        if (!(sigma > 0)) {
            sigma = 1e-6;
        }
        List<SourceDetector.Source> found = SourceDetector.defaults().detect(output, off, n, n, sigma);
        double flux = 0;
        for (SourceDetector.Source s : found) {
            flux += s.flux();
        }
        return new Detections(found.size(), flux);
    }

    @Override
    public boolean recovered(float[] output, Sample sample) {
        if (sample.covariate("inj_x").isEmpty()) {
            return false;
        }
        int n = AstroObservables.size(sample);
        int off = AstroObservables.off(sample);
        double x = sample.covariate("inj_x").getAsDouble();
        double y = sample.covariate("inj_y").getAsDouble();
        double f = sample.covariate("inj_flux").orElse(0);
        double r = sample.covariate("inj_radius").orElse(3);
        double got = Photometry.apertureFlux(output, off, n, n, x, y, r);
        boolean fluxOk;
        if (sample.hasTarget()) {
            double want = Photometry.apertureFlux(sample.target().orElseThrow(), off, n, n, x, y, r);
            fluxOk = Math.abs(got - want) <= RECOVERY_TOLERANCE * f;
        } else {
            double ring = Photometry.apertureFlux(output, off, n, n, x, y, r + 2) - got;
            double ringArea = area(n, x, y, r + 2) - area(n, x, y, r);
            double bg = ringArea > 0 ? ring / ringArea : 0;
            fluxOk = got - bg * area(n, x, y, r) >= (1 - RECOVERY_TOLERANCE) * f;
        }
        // the brightest output pixel inside the aperture must sit on the injected object
        double best = Double.NEGATIVE_INFINITY;
        double bx = x;
        double by = y;
        for (int py = Math.max(0, (int) (y - r)); py <= Math.min(n - 1, (int) (y + r)); py++) {
            for (int px = Math.max(0, (int) (x - r)); px <= Math.min(n - 1, (int) (x + r)); px++) {
                double dx = px + 0.5 - x;
                double dy = py + 0.5 - y;
                if (dx * dx + dy * dy <= r * r && output[off + py * n + px] > best) {
                    best = output[off + py * n + px];
                    bx = px + 0.5;
                    by = py + 0.5;
                }
            }
        }
        boolean posOk = Math.hypot(bx - x, by - y) <= POSITION_TOLERANCE;
        return fluxOk && posOk;
    }

    private static int area(int n, double x, double y, double r) {
        int c = 0;
        for (int py = 0; py < n; py++) {
            for (int px = 0; px < n; px++) {
                double dx = px + 0.5 - x;
                double dy = py + 0.5 - y;
                if (dx * dx + dy * dy <= r * r) {
                    c++;
                }
            }
        }
        return c;
    }
}
