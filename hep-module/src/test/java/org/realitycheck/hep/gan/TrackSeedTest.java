package org.realitycheck.hep.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.realitycheck.hep.track.HitVector;
import org.realitycheck.hep.track.TrackParameters;

/**
 * The three-point seed against the closed-form helix of docs/science.md (a track from the origin hits the layer at
 * radius r at φ = φ0 − q̂·asin(r/2R), z = z0 + 2R·asin(r/2R)·cot θ, R [m] = p_T / (0.2998·B)), not against the
 * simulator's propagation.
 */
class TrackSeedTest {
    private static final double[] RADII = {32, 72, 116, 172, 260, 360, 500, 660, 820, 1020};
    private static final int L = RADII.length;
    private static final double B = 2.0;

    /** Exact hits of a prompt track (d0 = 0), as floats like every hit vector. */
    private static float[] hits(double pt, int q, double phi0, double z0, double cot) {
        float[] v = new float[HitVector.length(L)];
        double r2 = 2 * pt / (0.2998 * B) * 1000;
        for (int i = 0; i < L; i++) {
            double a = Math.asin(RADII[i] / r2);
            double phi = phi0 - q * a;
            HitVector.set(v, i, RADII[i] * Math.cos(phi), RADII[i] * Math.sin(phi), z0 + r2 * a * cot);
        }
        return v;
    }

    private static float[] seeded(float[] hits) {
        float[] rotated = hits.clone();
        double alpha = TrackGan.referenceAzimuth(rotated, 0, L);
        TrackGan.rotateHits(rotated, 0, L, alpha);
        float[] out = new float[TrackSeed.length(L)];
        TrackSeed.write(rotated, 0, L, out, 0);
        assertThat(Arrays.copyOfRange(out, TrackSeed.SEED + 2 * L, out.length)).as("the mask comes last")
                .isEqualTo(Arrays.copyOfRange(rotated, 3 * L, 4 * L));
        return out;
    }

    @ParameterizedTest(name = "pT {0} GeV, q {1}")
    @CsvSource({"0.5, 1", "0.5, -1", "0.8, 1", "3, -1", "30, 1", "100, -1", "100, 1"})
    void recoversTheHelixFromExactHits(double pt, int q) {
        double phi0 = 2.1;
        double cot = -0.7;
        double z0 = 37.5;
        float[] f = seeded(hits(pt, q, phi0, z0, cot));
        int s = 0;
        double alpha = Math.atan2(hits(pt, q, phi0, z0, cot)[1], hits(pt, q, phi0, z0, cot)[0]);
        // a positive track turns clockwise: negative curvature; κ in 1/m = 0.2998·B/p_T
        double kappa = -q * 0.2998 * B / pt;
        // float hits carry ~0.06 µm of rounding at 1 m: a sagitta of 0.75 mm at 100 GeV is known to ~1e-4
        assertThat(f[s]).as("κ (1/m)").isCloseTo((float) kappa, within((float) (1e-5 + 1e-3 * Math.abs(kappa))));
        assertThat(f[s + 1]).as("φ_s, relative to the innermost hit")
                .isCloseTo((float) TrackParameters.wrapAngle(phi0 - alpha), within(1e-5f));
        assertThat(f[s + 2]).as("d0_s (mm)").isCloseTo(0f, within(1e-3f));
        assertThat(f[s + 3]).as("cot θ_s").isCloseTo((float) cot, within(1e-5f));
        assertThat(f[s + 4]).as("z_s (mm)").isCloseTo((float) z0, within(2e-3f));
        for (int i = 0; i < 2 * L; i++) {
            assertThat(f[s + TrackSeed.SEED + i]).as("residual %d of an exact hit", i).isCloseTo(0f, within(2e-3f));
        }
    }

    /** A hit moved off the track shows up as its residual, with the sign of its side; the seed does not move. */
    @ParameterizedTest(name = "pT {0} GeV, q {1}")
    @CsvSource({"0.6, 1", "0.6, -1", "20, 1", "20, -1"})
    void residualsMeasureAHitOffTheTrack(double pt, int q) {
        float[] clean = seeded(hits(pt, q, 0.3, 0, 0.2));
        float[] h = hits(pt, q, 0.3, 0, 0.2);
        int layer = 2;
        // the track's direction at layer 2 from the exact helix: φ0 − 2q̂·asin(r/2R); its right is (sin ψ, −cos ψ)
        double psi = 0.3 - 2 * q * Math.asin(RADII[layer] / (2 * pt / (0.2998 * B) * 1000));
        double off = 0.050;
        h[3 * layer] += (float) (off * Math.sin(psi));
        h[3 * layer + 1] += (float) (-off * Math.cos(psi));
        h[3 * layer + 2] += 0.4f;
        float[] f = seeded(h);
        int s = TrackSeed.SEED;
        assertThat(f[s + layer]).as("rφ residual, mm, to the right of travel").isCloseTo((float) off, within(1e-3f));
        assertThat(f[s + L + layer]).as("z residual, mm").isCloseTo(0.4f, within(1e-3f));
        for (int k = 0; k < TrackSeed.SEED; k++) {
            assertThat(f[k]).as("seed value %d", k).isEqualTo(clean[k]);
        }
        assertThat(f[s + 1]).as("another hit's residual").isCloseTo(0f, within(2e-3f));
    }

    @Test
    void theThreeSeedHitsHaveResidualsOfExactlyZero() {
        float[] h = hits(1.5, 1, 0, 0, 0);
        for (int i = 0; i < L; i++) {
            h[3 * i + 1] += (float) (0.04 * ((i * 7919) % 5 - 2));
            h[3 * i + 2] += (float) (0.5 * ((i * 104729) % 3 - 1));
        }
        float[] f = seeded(h);
        int s = TrackSeed.SEED;
        // A is layer 0, C layer 9 and B the hit nearest (32 + 1020)/2 = 526 mm in radius: layer 6 (500 mm)
        for (int i : new int[] {0, 6, 9}) {
            assertThat(f[s + i]).as("rφ residual of seed hit %d", i).isZero();
        }
        for (int i : new int[] {0, 9}) {
            assertThat(f[s + L + i]).as("z residual of line hit %d", i).isZero();
        }
        assertThat(f[s + 5]).as("a smeared non-seed hit").isNotZero();
    }

    @Test
    void missingLayersGiveZeroesAndTooFewHitsNoSeed() {
        float[] h = hits(5, -1, 1, 0, 0.5);
        int mask = 3 * L;
        for (int i : new int[] {0, 3, 9}) {
            h[3 * i] = 0;
            h[3 * i + 1] = 0;
            h[3 * i + 2] = 0;
            h[mask + i] = 0;
        }
        float[] f = seeded(h);
        int s = 0;
        assertThat(f[s]).as("κ from layers 1, 6 and 8").isCloseTo((float) (0.2998 * B / 5), within(1e-4f));
        for (int i : new int[] {0, 3, 9}) {
            assertThat(f[s + TrackSeed.SEED + i]).isZero();
            assertThat(f[s + TrackSeed.SEED + L + i]).isZero();
        }
        float[] two = new float[HitVector.length(L)];
        HitVector.set(two, 0, 32, 0, 1);
        HitVector.set(two, 5, 360, 3, 10);
        float[] g = new float[TrackSeed.length(L)];
        Arrays.fill(g, 99f);
        TrackSeed.write(two, 0, L, g, 0);
        assertThat(Arrays.copyOfRange(g, 0, TrackSeed.SEED + 2 * L)).containsOnly(0f);
        assertThat(Arrays.copyOfRange(g, TrackSeed.SEED + 2 * L, g.length)).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 0);
    }

    /** Noise-only hit sets (the hallucination probe) give finite features, never NaN or infinity. */
    @Test
    void arbitraryHitsGiveFiniteFeatures() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int t = 0; t < 2000; t++) {
            float[] h = new float[HitVector.length(L)];
            for (int i = 0; i < L; i++) {
                double phi = rnd.nextDouble(-Math.PI, Math.PI);
                HitVector.set(h, i, RADII[i] * Math.cos(phi), RADII[i] * Math.sin(phi), rnd.nextDouble(-3000, 3000));
            }
            if (t % 10 == 0) {
                // degenerate: every hit at the same point
                for (int i = 0; i < L; i++) {
                    HitVector.set(h, i, 100, 0, 0);
                }
            }
            float[] f = seeded(h);
            for (float v : f) {
                assertThat(Float.isFinite(v)).as("track %d: %s", t, Arrays.toString(f)).isTrue();
            }
        }
    }

    @Test
    void lengths() {
        assertThat(TrackSeed.length(10)).isEqualTo(35);
        assertThat(TrackSeed.layersOfSeeded(35)).isEqualTo(10);
        for (int layers = 3; layers <= 64; layers++) {
            assertThat(TrackSeed.layersOfSeeded(TrackSeed.length(layers))).isEqualTo(layers);
        }
        assertThat(TrackSeed.layersOfSeeded(36)).isEqualTo(-1);
        assertThat(TrackSeed.layersOfSeeded(11)).as("fewer than 3 layers hold no seed").isEqualTo(-1);
    }
}
