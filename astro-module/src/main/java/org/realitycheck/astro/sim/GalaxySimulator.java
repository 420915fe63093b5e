package org.realitycheck.astro.sim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.realitycheck.astro.degrade.Degradation;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * Simulates pairs (degraded image → truth image) of galaxies, empty fields and injected rare objects.
 *
 * <p><b>Priors</b> (drawn independently per galaxy):
 * <ul>
 *   <li>redshift {@code z ~ U[z_min, z_max]};</li>
 *   <li>physical half-light radius {@code R_e ~ logN(ln 1.5 kpc, 0.35)}, angular size
 *       {@code θ_e = R_e/D_A(z)};</li>
 *   <li>luminosity {@code L ~ logN(ln 1, 0.5)} in 10¹⁰ L☉, flux {@code F = ZP·L/(4π D_L(z)²)} counts with
 *       {@code ZP = 6.57·10⁷} counts per 10¹⁰ L☉/(4π Mpc²), so that an L = 1 galaxy at z = 0.03 gives
 *       ≈ 300 counts against a background σ of 0.06 — between z = 0.01 and 0.02 it gets ≈ 2× smaller and
 *       ≈ 4× fainter;</li>
 *   <li>Sérsic index {@code n ~ U[0.5, 1.5]} (disks, probability 0.6) or {@code U[1.5, 4.5]} (spheroids);
 *       axis ratio {@code q ~ U[0.3, 1]}; position angle {@code ~ U[0, π)}; centre within ±1 pixel of the
 *       image centre;</li>
 *   <li>bulge + disk (option): {@code B/T ~ U[0, 0.6]}, a de Vaucouleurs bulge (n = 4, r_e = 0.4·r_e,disk,
 *       q ≥ 0.7) and an exponential disk (n = 1);</li>
 *   <li>three bands (option) g, r, i: flux ratios 0.7 : 1 : 1.2 for disks and 0.5 : 1 : 1.35 for bulges,
 *       each times a 5% log-normal colour scatter.</li>
 * </ul>
 * Profiles are rendered on a 4× oversampled grid and pooled ({@link Sersic#addTo}); the degraded image
 * follows {@link Degradation}.
 *
 * <p><b>Morphology</b> ({@link SimConfig#morphology()}): smooth profiles by default; {@code morphology=mixed}
 * adds spiral arms, star-forming clumps, bars, dust lanes, close neighbours and stars ({@link Morphology}),
 * recorded in the covariates {@code arms}, {@code clumps}, {@code bar}, {@code dust_lane}, {@code neighbours},
 * {@code stars} (counts or 0/1); {@code flux} stays the galaxy's own (neighbours and stars add light).
 *
 * <p><b>Rare objects</b> (kind {@code injected}, covariate {@code inj_type}: 1 point, 2 companion, 3 clump;
 * the id says it too): a point source of 20–60 counts in one pixel 5–12 pixels from the host; a close
 * companion (n = 1, r_e 1.5–3 pixels, 20–50% of the host flux) 7–14 pixels away; an off-centre clump
 * (Gaussian, r_e 0.8 pixel, 15–40 counts) 3–8 pixels from the host centre.
 *
 * <p><b>Empty fields</b> (kind {@code empty}): a zero truth, degraded like the others.
 *
 * <p>Covariates (pixels are detector pixels): {@code redshift}, {@code flux} (true total, counts),
 * {@code r_e} (pixels), {@code r_e_kpc}, {@code sersic_n}, {@code q}, {@code pa} (rad), {@code x0}, {@code y0},
 * {@code b_t}, {@code luminosity}, and for every sample {@code sky_sigma} (final background σ), {@code sigma_orig},
 * {@code sig}, {@code psf_type} (0 Gaussian, 1 Moffat), {@code psf_fwhm_pix}, {@code moffat_beta},
 * {@code pixel_scale}, {@code downsample}, {@code noise_type} (0 GalaxyGAN, 1 Poisson), {@code gain}, {@code bands}; injected
 * samples add {@code inj_type}, {@code inj_x}, {@code inj_y}, {@code inj_flux}, {@code inj_radius}.
 */
public final class GalaxySimulator {
    /** Zero point: counts per 10¹⁰ L☉/(4π Mpc²). */
    public static final double ZERO_POINT = 6.57e7;
    /** Injection subtypes, indexed by {@code inj_type}. */
    public static final List<String> INJECTION_TYPES = List.of("none", "point", "companion", "clump");

    private static final double[] DISK_COLOURS = {0.7, 1.0, 1.2};
    private static final double[] BULGE_COLOURS = {0.5, 1.0, 1.35};

    private final SimConfig config;
    private final Cosmology cosmology;

    /**
     * @param config the configuration, never null
     * @param cosmology the cosmology, never null
     */
    public GalaxySimulator(SimConfig config, Cosmology cosmology) {
        this.config = Objects.requireNonNull(config, "config");
        this.cosmology = Objects.requireNonNull(cosmology, "cosmology");
    }

    /** A simulator with {@link Cosmology#defaults()}. */
    public GalaxySimulator(SimConfig config) {
        this(config, Cosmology.defaults());
    }

    public SimConfig config() {
        return config;
    }

    /** What to make. */
    public enum Kind {
        GALAXY, EMPTY, POINT, COMPANION, CLUMP
    }

    /**
     * Simulates {@code n} samples: empty fields and injections in the configured fractions (placed by a
     * seeded draw), galaxies otherwise. Runs in parallel; the result depends only on the seed.
     */
    public SampleSet simulate(int n, long seed) {
        requirePositive(n);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rs = split(root, n);
        Kind[] kinds = new Kind[n];
        SplittableRandom pick = root.split();
        for (int i = 0; i < n; i++) {
            double u = pick.nextDouble();
            if (u < config.emptyFraction()) {
                kinds[i] = Kind.EMPTY;
            } else if (u < config.emptyFraction() + config.injectedFraction()) {
                kinds[i] = Kind.values()[2 + pick.nextInt(3)];
            } else {
                kinds[i] = Kind.GALAXY;
            }
        }
        return make(kinds, rs, null);
    }

    /** {@code n} samples of one kind. */
    public SampleSet simulate(Kind kind, int n, long seed) {
        requirePositive(n);
        Kind[] kinds = new Kind[n];
        Arrays.fill(kinds, kind);
        return make(kinds, split(new SplittableRandom(seed), n), null);
    }

    /** {@code n} injections cycling through point, companion, clump. */
    public SampleSet injections(int n, long seed) {
        requirePositive(n);
        Kind[] kinds = new Kind[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = Kind.values()[2 + i % 3];
        }
        return make(kinds, split(new SplittableRandom(seed), n), null);
    }

    /** {@code n} galaxies with redshifts evenly spaced over {@code [zLo, zHi]}. */
    public SampleSet redshiftSweep(double zLo, double zHi, int n, long seed) {
        requirePositive(n);
        if (!(zLo > 0) || !(zHi >= zLo)) {
            throw new IllegalArgumentException("need 0 < zLo <= zHi, got " + zLo + ", " + zHi);
        }
        Kind[] kinds = new Kind[n];
        Arrays.fill(kinds, Kind.GALAXY);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = n == 1 ? zLo : zLo + (zHi - zLo) * i / (n - 1);
        }
        return make(kinds, split(new SplittableRandom(seed), n), z);
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
    }

    private static SplittableRandom[] split(SplittableRandom root, int n) {
        SplittableRandom[] rs = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            rs[i] = root.split();
        }
        return rs;
    }

    private SampleSet make(Kind[] kinds, SplittableRandom[] rs, double[] z) {
        Sample[] out = new Sample[kinds.length];
        IntStream.range(0, kinds.length).parallel()
                .forEach(i -> out[i] = one(i, kinds[i], rs[i], z == null ? Double.NaN : z[i]));
        return new SampleSet(List.of(out), config.shape(), config.shape());
    }

    private Sample one(int index, Kind kind, SplittableRandom rnd, double zFixed) {
        int s = config.size();
        int nb = config.bands();
        float[] truth = new float[nb * s * s];
        Map<String, Double> cov = new LinkedHashMap<>();
        String id;
        String sampleKind;
        if (kind == Kind.EMPTY) {
            id = String.format(Locale.ROOT, "empty-%06d", index);
            sampleKind = "empty";
            cov.put("flux", 0.0);
        } else {
            Galaxy g = drawGalaxy(rnd, zFixed);
            if (config.morphology().isSmooth()) {
                g.render(truth, s, nb);
            } else {
                renderMorphology(g, truth, cov, rnd.nextLong());
            }
            putGalaxy(cov, g);
            if (kind == Kind.GALAXY) {
                id = String.format(Locale.ROOT, "gal-%06d", index);
                sampleKind = "galaxy";
            } else {
                String sub = kind.name().toLowerCase(Locale.ROOT);
                id = String.format(Locale.ROOT, "inj-%s-%06d", sub, index);
                sampleKind = "injected";
                inject(kind, g, truth, cov, rnd);
            }
        }
        SplittableRandom noise = rnd.split();
        Degradation deg = config.degradation();
        float[] degraded = new float[truth.length];
        double sky = 0;
        for (int b = 0; b < nb; b++) {
            float[] band = Arrays.copyOfRange(truth, b * s * s, (b + 1) * s * s);
            Degradation.Result r = deg.apply(band, s, s, noise);
            System.arraycopy(r.image(), 0, degraded, b * s * s, s * s);
            sky = r.noiseSigma();
        }
        putInstrument(cov, sky);
        return new Sample(id, sampleKind, degraded, truth, cov);
    }

    /** One drawn galaxy: the profiles and their physical parameters. */
    private record Galaxy(double z, double reKpc, double luminosity, double flux, Sersic disk, Sersic bulge, double bt,
            double[] diskColour, double[] bulgeColour) {
        void render(float[] img, int s, int nb) {
            for (int b = 0; b < nb; b++) {
                int band = nb == 1 ? 1 : b;
                disk.addTo(img, b * s * s, s, s, diskColour[band]);
                if (bulge != null) {
                    bulge.addTo(img, b * s * s, s, s, bulgeColour[band]);
                }
            }
        }
    }

    /** The galaxy with {@link SimConfig#morphology()}'s structure, the same draws in every band. */
    private void renderMorphology(Galaxy g, float[] truth, Map<String, Double> cov, long seed) {
        int s = config.size();
        int nb = config.bands();
        boolean isDisk = g.bulge() != null || g.disk().n() < 1.5;
        Morphology.Drawn drawn = null;
        for (int b = 0; b < nb; b++) {
            int band = nb == 1 ? 1 : b;
            drawn = config.morphology().render(truth, b * s * s, s, g.disk(), isDisk, g.diskColour()[band], new SplittableRandom(seed));
            if (g.bulge() != null) {
                g.bulge().addTo(truth, b * s * s, s, s, g.bulgeColour()[band]);
            }
        }
        cov.put("arms", drawn.arms() ? 1.0 : 0.0);
        cov.put("clumps", (double) drawn.clumps());
        cov.put("bar", drawn.bar() ? 1.0 : 0.0);
        cov.put("dust_lane", drawn.dustLane() ? 1.0 : 0.0);
        cov.put("neighbours", (double) drawn.neighbours());
        cov.put("stars", (double) drawn.stars());
    }

    private Galaxy drawGalaxy(SplittableRandom rnd, double zFixed) {
        double z = Double.isNaN(zFixed) ? config.zMin() + (config.zMax() - config.zMin()) * rnd.nextDouble() : zFixed;
        double reKpc = 1.5 * Math.exp(0.35 * rnd.nextGaussian());
        double lum = Math.exp(0.5 * rnd.nextGaussian());
        double dl = cosmology.luminosityDistance(z);
        double flux = ZERO_POINT * lum / (4 * Math.PI * dl * dl);
        double rePix = cosmology.arcsec(reKpc, z) / config.pixelScale();
        double n = rnd.nextDouble() < 0.6 ? 0.5 + rnd.nextDouble() : 1.5 + 3 * rnd.nextDouble();
        double q = 0.3 + 0.7 * rnd.nextDouble();
        double pa = Math.PI * rnd.nextDouble();
        double c = config.size() / 2.0;
        double x0 = c + 2 * rnd.nextDouble() - 1;
        double y0 = c + 2 * rnd.nextDouble() - 1;
        double[] dc = colours(DISK_COLOURS, rnd);
        double[] bc = colours(BULGE_COLOURS, rnd);
        if (config.bulgeDisk()) {
            double bt = 0.6 * rnd.nextDouble();
            Sersic disk = new Sersic(flux * (1 - bt), rePix, 1, q, pa, x0, y0);
            Sersic bulge = new Sersic(flux * bt, 0.4 * rePix, 4, Math.max(q, 0.7), pa, x0, y0);
            return new Galaxy(z, reKpc, lum, flux, disk, bulge, bt, dc, bc);
        }
        return new Galaxy(z, reKpc, lum, flux, new Sersic(flux, rePix, n, q, pa, x0, y0), null, 0, dc, bc);
    }

    private double[] colours(double[] base, SplittableRandom rnd) {
        double[] c = base.clone();
        if (config.bands() == 3) {
            c[0] *= Math.exp(0.05 * rnd.nextGaussian());
            c[2] *= Math.exp(0.05 * rnd.nextGaussian());
        }
        return c;
    }

    private void putGalaxy(Map<String, Double> cov, Galaxy g) {
        Sersic d = g.disk();
        cov.put("redshift", g.z());
        cov.put("flux", g.flux());
        cov.put("r_e", d.re());
        cov.put("r_e_kpc", g.reKpc());
        cov.put("sersic_n", d.n());
        cov.put("q", d.q());
        cov.put("pa", d.theta());
        cov.put("x0", d.x0());
        cov.put("y0", d.y0());
        cov.put("b_t", g.bt());
        cov.put("luminosity", g.luminosity());
    }

    private void inject(Kind kind, Galaxy host, float[] truth, Map<String, Double> cov, SplittableRandom rnd) {
        int s = config.size();
        int nb = config.bands();
        double phi = 2 * Math.PI * rnd.nextDouble();
        double hx = host.disk().x0();
        double hy = host.disk().y0();
        double x;
        double y;
        double flux;
        double radius;
        int type;
        switch (kind) {
            case POINT -> {
                type = 1;
                double d = 5 + 7 * rnd.nextDouble();
                int px = clampPix(hx + d * Math.cos(phi), s);
                int py = clampPix(hy + d * Math.sin(phi), s);
                flux = 20 + 40 * rnd.nextDouble();
                for (int b = 0; b < nb; b++) {
                    truth[b * s * s + py * s + px] += (float) flux;
                }
                x = px + 0.5;
                y = py + 0.5;
                radius = 3;
            }
            case COMPANION -> {
                type = 2;
                double d = 7 + 7 * rnd.nextDouble();
                x = clampPix(hx + d * Math.cos(phi), s) + 0.5;
                y = clampPix(hy + d * Math.sin(phi), s) + 0.5;
                double re = 1.5 + 1.5 * rnd.nextDouble();
                flux = host.flux() * (0.2 + 0.3 * rnd.nextDouble());
                Sersic comp = new Sersic(flux, re, 1, 0.5 + 0.5 * rnd.nextDouble(), Math.PI * rnd.nextDouble(), x, y);
                for (int b = 0; b < nb; b++) {
                    comp.addTo(truth, b * s * s, s, s, nb == 1 ? 1 : DISK_COLOURS[b]);
                }
                radius = Math.max(3, 1.5 * re);
            }
            case CLUMP -> {
                type = 3;
                double d = 3 + 5 * rnd.nextDouble();
                x = clampPix(hx + d * Math.cos(phi), s) + 0.5;
                y = clampPix(hy + d * Math.sin(phi), s) + 0.5;
                flux = 15 + 25 * rnd.nextDouble();
                Sersic clump = new Sersic(flux, 0.8, 0.5, 1, 0, x, y);
                for (int b = 0; b < nb; b++) {
                    clump.addTo(truth, b * s * s, s, s, nb == 1 ? 1 : DISK_COLOURS[b]);
                }
                radius = 3;
            }
            default -> throw new IllegalStateException("not an injection: " + kind);
        }
        cov.put("inj_type", (double) type);
        cov.put("inj_x", x);
        cov.put("inj_y", y);
        cov.put("inj_flux", flux);
        cov.put("inj_radius", radius);
    }

    private static int clampPix(double v, int s) {
        return (int) Math.max(8, Math.min(s - 9, Math.floor(v)));
    }

    private void putInstrument(Map<String, Double> cov, double skySigma) {
        SimConfig c = config;
        cov.put("sky_sigma", skySigma);
        cov.put("sigma_orig", c.sigmaOrig());
        cov.put("sig", c.sig());
        cov.put("psf_type", (double) c.psfKind().code());
        cov.put("psf_fwhm_pix", c.fwhmArcsec() / c.pixelScale());
        cov.put("moffat_beta", c.moffatBeta());
        cov.put("pixel_scale", c.pixelScale());
        cov.put("downsample", (double) c.downsample());
        cov.put("noise_type", c.noise() == org.realitycheck.astro.degrade.NoiseModel.GALAXYGAN ? 0.0 : 1.0);
        cov.put("gain", c.gain());
        cov.put("bands", (double) c.bands());
    }

    /** @return the injection subtype name of a sample ({@code point}, {@code companion}, {@code clump}) or {@code none} */
    public static String injectionType(Sample s) {
        int t = (int) s.covariate("inj_type").orElse(0);
        return t >= 0 && t < INJECTION_TYPES.size() ? INJECTION_TYPES.get(t) : "none";
    }
}
