package org.realitycheck.astro.sim;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

/**
 * The structure real galaxies have and smooth Sérsic profiles lack, added to a simulated truth image with a
 * probability per feature. {@link #SMOOTH} adds nothing (the simulator as it was); {@link #MIXED} is the mix
 * {@code morphology=mixed} selects, checked against the Gini–M20 plane of Lotz, Primack &amp; Madau 2004 (AJ 128,
 * 163) and Lotz et al. 2008 (ApJ 672, 177) in {@code docs/astro-realsky.md}.
 *
 * <p>Each feature, with its parametrisation (every draw uniform unless said; {@code r_e} is the disk's
 * half-light radius in pixels, {@code F} the galaxy's flux):
 * <ul>
 *   <li><b>spiral arms</b> (disks, Sérsic n &lt; 1.5 or bulge + disk): the disk's surface brightness times
 *       {@code 1 + A·(1 − e^{−(R/r_e)²})·cos(m(φ − ln(R/r_e)/tan ψ − φ₀))} in the disk plane (deprojected by q), a
 *       logarithmic spiral with {@code m = 2} arms (3 with probability 0.25), pitch angle {@code ψ ∈ [10°, 30°]}
 *       (the range of Sa–Sc spirals; Kennicutt 1981, AJ 86, 1847; Davis et al. 2012, ApJS 199, 33), amplitude
 *       {@code A ∈ [0.4, 0.9]}; the modulated disk is rescaled to the smooth disk's flux;</li>
 *   <li><b>star-forming clumps</b>: {@code 2–8} circular Gaussian knots, σ {@code ∈ [0.4, 1.0]} px, placed like
 *       disk light (radius drawn from the exponential disk, inclined by q), carrying together a fraction
 *       {@code ∈ [0.05, 0.20]} of the flux, taken from the disk (clumps hold 5–20% of a star-forming disk's
 *       light; Guo et al. 2015, ApJ 800, 39);</li>
 *   <li><b>bar</b> (disks): a Sérsic n = 0.5 component, half-length {@code ∈ [0.4, 0.8]·r_e}, axis ratio
 *       {@code ∈ [0.2, 0.35]}, at a random angle in the disk plane, holding {@code Bar/T ∈ [0.05, 0.15]} of the
 *       flux (typical of barred disks; Gadotti 2009, MNRAS 393, 1531);</li>
 *   <li><b>dust lane</b> (disks seen at axis ratio q &lt; 0.55): the light times
 *       {@code 1 − τ·exp(−d²/2w²)}, d the distance from the major axis, offset by {@code ∈ [−0.5, 0.5]} px,
 *       width {@code w ∈ [0.4, 1.0]} px, depth {@code τ ∈ [0.4, 0.85]};</li>
 *   <li><b>close neighbours</b>: 1–2 other galaxies (n {@code ∈ [0.5, 4]}, r_e {@code ∈ [1, 4]} px, q
 *       {@code ∈ [0.3, 1]}) with flux {@code ∈ [0.05, 0.5]·F}, 10–26 px from the centre;</li>
 *   <li><b>stars</b>: 1–2 point sources of log-uniform flux in {@code [5, 200]} counts anywhere 6 px or more
 *       inside the stamp's edge, split bilinearly over the four nearest pixels (a point at a sub-pixel
 *       position).</li>
 * </ul>
 *
 * @param arms probability of spiral arms on a disk, {@code [0, 1]}
 * @param clumps probability of star-forming clumps on a disk
 * @param bar probability of a bar on a disk
 * @param dustLane probability of a dust lane on an inclined disk (q &lt; 0.55)
 * @param neighbours probability of close neighbours in the stamp (any galaxy)
 * @param stars probability of stars in the stamp (any galaxy)
 */
public record Morphology(double arms, double clumps, double bar, double dustLane, double neighbours, double stars) {
    /** No structure: smooth Sérsic (or bulge + disk) profiles, the simulator before the mixed morphology. */
    public static final Morphology SMOOTH = new Morphology(0, 0, 0, 0, 0, 0);
    /**
     * The mixed default: arms on 60% of disks, clumps on 40%, a bar on 30% (about the barred fraction in the
     * optical; Sheth et al. 2008, ApJ 675, 1141 find 20–30% strong bars), a dust lane on half of the inclined disks,
     * neighbours in 30% of the stamps and stars in 25%.
     */
    public static final Morphology MIXED = new Morphology(0.6, 0.4, 0.3, 0.5, 0.3, 0.25);
    /** The option keys of the per-feature probabilities, in the order of the components. */
    public static final java.util.List<String> KEYS = java.util.List.of("arms", "clumps", "bar", "dust-lane", "neighbours", "stars");

    public Morphology {
        double[] p = {arms, clumps, bar, dustLane, neighbours, stars};
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("morphology probability " + KEYS.get(i) + " must be in [0, 1], got " + p[i]);
            }
        }
    }

    /** @return true when no feature can occur */
    public boolean isSmooth() {
        return equals(SMOOTH);
    }

    /**
     * @param name {@code smooth} or {@code mixed}
     * @param overrides per-feature probabilities by {@link #KEYS} name, over the named mix
     */
    public static Morphology of(String name, Map<String, Double> overrides) {
        Morphology base = switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "smooth" -> SMOOTH;
            case "mixed" -> MIXED;
            default -> throw new IllegalArgumentException("morphology must be smooth or mixed, got '" + name + "'");
        };
        double[] p = {base.arms, base.clumps, base.bar, base.dustLane, base.neighbours, base.stars};
        for (int i = 0; i < KEYS.size(); i++) {
            p[i] = overrides.getOrDefault(KEYS.get(i), p[i]);
        }
        return new Morphology(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** What one galaxy got, for its covariates. */
    record Drawn(boolean arms, int clumps, boolean bar, boolean dustLane, int neighbours, int stars) {
    }

    /**
     * Renders a galaxy's disk with this morphology into one band of {@code img} and adds the extras.
     *
     * @param disk the disk (or the whole galaxy when it is a single spheroid), already part of nothing
     * @param isDisk true when the galaxy is a disk (single n &lt; 1.5, or bulge + disk)
     * @param scale the band's flux multiplier for disk light
     * @param rnd this galaxy's morphology draws (the same for every band: call with a copy per band)
     * @return what was drawn
     */
    Drawn render(float[] img, int offset, int s, Sersic disk, boolean isDisk, double scale, SplittableRandom rnd) {
        boolean doArms = isDisk && rnd.nextDouble() < arms;
        boolean doClumps = isDisk && rnd.nextDouble() < clumps;
        boolean doBar = isDisk && rnd.nextDouble() < bar;
        boolean doDust = isDisk && disk.q() < 0.55 && rnd.nextDouble() < dustLane;
        boolean doNeighbours = rnd.nextDouble() < neighbours;
        boolean doStars = rnd.nextDouble() < stars;
        double flux = disk.flux();
        double clumpFrac = doClumps ? 0.05 + 0.15 * rnd.nextDouble() : 0;
        double barFrac = doBar ? 0.05 + 0.10 * rnd.nextDouble() : 0;
        double diskFlux = flux * (1 - clumpFrac - barFrac);
        float[] layer = new float[s * s];
        Sersic smooth = new Sersic(diskFlux, disk.re(), disk.n(), disk.q(), disk.theta(), disk.x0(), disk.y0());
        if (doArms) {
            int m = rnd.nextDouble() < 0.25 ? 3 : 2;
            double pitch = Math.toRadians(10 + 20 * rnd.nextDouble());
            double amp = 0.4 + 0.5 * rnd.nextDouble();
            double phase = 2 * Math.PI * rnd.nextDouble();
            double cot = 1 / Math.tan(pitch);
            double re = disk.re();
            DoubleBinaryOperator mod = (xd, yd) -> {
                double r = Math.hypot(xd, yd) + 1e-9;
                double phi = Math.atan2(yd, xd);
                double taper = 1 - Math.exp(-(r / re) * (r / re));
                return 1 + amp * taper * Math.cos(m * (phi - Math.log(r / re) * cot - phase));
            };
            renderModulated(layer, s, smooth, mod);
        } else {
            smooth.addTo(layer, 0, s, s, 1);
        }
        if (doBar) {
            double ang = disk.theta() + Math.PI * rnd.nextDouble();
            double len = (0.4 + 0.4 * rnd.nextDouble()) * disk.re();
            double qb = (0.2 + 0.15 * rnd.nextDouble());
            // a bar at angle a in the disk plane, seen through the disk's inclination: approximated by the
            // bar's own ellipse with its axis ratio times the disk's (exact for a bar along the minor axis)
            new Sersic(flux * barFrac, len, 0.5, Math.max(0.05, qb * Math.sqrt(disk.q())), ang, disk.x0(), disk.y0())
                    .addTo(layer, 0, s, s, 1);
        }
        int nClumps = 0;
        if (doClumps) {
            nClumps = 2 + rnd.nextInt(7);
            double each = flux * clumpFrac / nClumps;
            double c = Math.cos(disk.theta());
            double sn = Math.sin(disk.theta());
            double h = disk.re() / 1.678;
            for (int k = 0; k < nClumps; k++) {
                // radius from the exponential disk: R ~ Gamma(2, h), the sum of two exponentials
                double r = -h * Math.log(1 - rnd.nextDouble()) - h * Math.log(1 - rnd.nextDouble());
                double phi = 2 * Math.PI * rnd.nextDouble();
                double xp = r * Math.cos(phi);
                double yp = r * Math.sin(phi) * disk.q();
                double x = disk.x0() + xp * c - yp * sn;
                double y = disk.y0() + xp * sn + yp * c;
                double sig = 0.4 + 0.6 * rnd.nextDouble();
                gaussian(layer, s, x, y, sig, each);
            }
        }
        if (doDust) {
            double off = rnd.nextDouble() - 0.5;
            double w = 0.4 + 0.6 * rnd.nextDouble();
            double tau = 0.4 + 0.45 * rnd.nextDouble();
            double c = Math.cos(disk.theta());
            double sn = Math.sin(disk.theta());
            for (int py = 0; py < s; py++) {
                for (int px = 0; px < s; px++) {
                    double dx = px + 0.5 - disk.x0();
                    double dy = py + 0.5 - disk.y0();
                    double d = -dx * sn + dy * c - off;
                    layer[py * s + px] *= (float) (1 - tau * Math.exp(-d * d / (2 * w * w)));
                }
            }
        }
        int nNeighbours = 0;
        if (doNeighbours) {
            nNeighbours = 1 + rnd.nextInt(2);
            for (int k = 0; k < nNeighbours; k++) {
                double d = 10 + 16 * rnd.nextDouble();
                double phi = 2 * Math.PI * rnd.nextDouble();
                double x = clamp(disk.x0() + d * Math.cos(phi), s);
                double y = clamp(disk.y0() + d * Math.sin(phi), s);
                double n = 0.5 + 3.5 * rnd.nextDouble();
                new Sersic(flux * (0.05 + 0.45 * rnd.nextDouble()), 1 + 3 * rnd.nextDouble(), n, 0.3 + 0.7 * rnd.nextDouble(),
                        Math.PI * rnd.nextDouble(), x, y).addTo(layer, 0, s, s, 1);
            }
        }
        int nStars = 0;
        if (doStars) {
            nStars = 1 + rnd.nextInt(2);
            for (int k = 0; k < nStars; k++) {
                double x = 6 + (s - 12) * rnd.nextDouble();
                double y = 6 + (s - 12) * rnd.nextDouble();
                double f = 5 * Math.exp(Math.log(40) * rnd.nextDouble());
                point(layer, s, x, y, f);
            }
        }
        for (int i = 0; i < layer.length; i++) {
            img[offset + i] += (float) (layer[i] * scale);
        }
        return new Drawn(doArms, nClumps, doBar, doDust, nNeighbours, nStars);
    }

    private static double clamp(double v, int s) {
        return Math.max(4, Math.min(s - 4, v));
    }

    /** Renders {@code profile × mod(x′, y′)}, (x′, y′) in the disk plane (deprojected), rescaled to the smooth profile's stamp flux. */
    private static void renderModulated(float[] layer, int s, Sersic p, DoubleBinaryOperator mod) {
        float[] plain = new float[s * s];
        p.addTo(plain, 0, s, s, 1);
        double c = Math.cos(p.theta());
        double sn = Math.sin(p.theta());
        double[] tmp = new double[s * s];
        double sumMod = 0;
        double sumPlain = 0;
        for (int py = 0; py < s; py++) {
            for (int px = 0; px < s; px++) {
                double acc = 0;
                for (int j = 0; j < 4; j++) {
                    double dy = py + (j + 0.5) / 4 - p.y0();
                    for (int i = 0; i < 4; i++) {
                        double dx = px + (i + 0.5) / 4 - p.x0();
                        double xp = dx * c + dy * sn;
                        double yp = (-dx * sn + dy * c) / p.q();
                        acc += mod.applyAsDouble(xp, yp);
                    }
                }
                // the pixel's smooth light times the mean modulation over its sub-samples
                tmp[py * s + px] = plain[py * s + px] * acc / 16;
                sumMod += tmp[py * s + px];
                sumPlain += plain[py * s + px];
            }
        }
        double k = sumMod > 0 ? sumPlain / sumMod : 1;
        for (int i = 0; i < tmp.length; i++) {
            layer[i] += (float) (tmp[i] * k);
        }
    }

    /** Adds a circular Gaussian of total flux {@code f}, pixel-integrated by 4×4 sub-samples. */
    static void gaussian(float[] img, int s, double x0, double y0, double sigma, double f) {
        int r = (int) Math.ceil(4 * sigma) + 1;
        double norm = f / (2 * Math.PI * sigma * sigma) / 16;
        for (int py = Math.max(0, (int) y0 - r); py < Math.min(s, (int) y0 + r + 1); py++) {
            for (int px = Math.max(0, (int) x0 - r); px < Math.min(s, (int) x0 + r + 1); px++) {
                double acc = 0;
                for (int j = 0; j < 4; j++) {
                    double dy = py + (j + 0.5) / 4 - y0;
                    for (int i = 0; i < 4; i++) {
                        double dx = px + (i + 0.5) / 4 - x0;
                        acc += Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                    }
                }
                img[py * s + px] += (float) (acc * norm);
            }
        }
    }

    /** Adds a point source at (x, y), split bilinearly over the four pixels whose centres surround it. */
    static void point(float[] img, int s, double x, double y, double f) {
        double fx = x - 0.5;
        double fy = y - 0.5;
        int ix = (int) Math.floor(fx);
        int iy = (int) Math.floor(fy);
        double ax = fx - ix;
        double ay = fy - iy;
        img[iy * s + ix] += (float) (f * (1 - ax) * (1 - ay));
        img[iy * s + ix + 1] += (float) (f * ax * (1 - ay));
        img[(iy + 1) * s + ix] += (float) (f * (1 - ax) * ay);
        img[(iy + 1) * s + ix + 1] += (float) (f * ax * ay);
    }
}
