package org.realitycheck.hep.sim;

import java.util.Arrays;

/**
 * A toy barrel tracking detector: concentric cylindrical layers in a uniform solenoid field along
 * +z. Each layer measures rφ (Gaussian, σ_rφ) and z (Gaussian, σ_z). The defaults
 * ({@link #toy()}) follow the TrackML/ATLAS-like barrel of SCIENCE.md: radii 32, 72, 116, 172, 260,
 * 360, 500, 660, 820, 1020 mm; pixels (first 4 layers) σ_rφ = 15 µm, σ_z = 50 µm; strips
 * σ_rφ = 40 µm, σ_z = 500 µm; B = 2 T.
 *
 * <p>Multiple scattering, when enabled, uses the Highland formula (PDG Review, "Passage of
 * particles through matter"): θ0 = 13.6 MeV/(βcp)·√(x/X0)·[1 + 0.038·ln(x/X0)], with
 * {@code x/X0 = materialPerLayer / sin θ} for a barrel layer.
 *
 * @param bField solenoid field, T, {@code > 0}
 * @param radii layer radii, mm, strictly increasing, {@code > 0}
 * @param sigmaRphi rφ resolution per layer, mm, {@code > 0}
 * @param sigmaZ z resolution per layer, mm, {@code > 0}
 * @param halfLength barrel half-length, mm: a crossing with |z| above it leaves no hit
 * @param efficiency probability that a crossed layer records a hit, in (0, 1]
 * @param multipleScattering whether tracks scatter in each layer (Highland)
 * @param materialPerLayer layer thickness in radiation lengths at normal incidence, {@code > 0}
 */
public record Detector(double bField, double[] radii, double[] sigmaRphi, double[] sigmaZ, double halfLength,
        double efficiency, boolean multipleScattering, double materialPerLayer) {
    /** TrackML barrel volume ids: pixel, short strips, long strips. */
    private static final int[] VOLUMES = {8, 13, 17};

    public Detector {
        if (!(bField > 0) || Double.isInfinite(bField)) {
            throw new IllegalArgumentException("bField must be finite and > 0 T, got " + bField);
        }
        radii = radii.clone();
        sigmaRphi = sigmaRphi.clone();
        sigmaZ = sigmaZ.clone();
        if (radii.length < 3 || sigmaRphi.length != radii.length || sigmaZ.length != radii.length) {
            throw new IllegalArgumentException("need >= 3 layers and one σ_rφ and σ_z per layer, got " + radii.length
                    + " radii, " + sigmaRphi.length + " σ_rφ, " + sigmaZ.length + " σ_z");
        }
        for (int i = 0; i < radii.length; i++) {
            if (!(radii[i] > 0) || (i > 0 && !(radii[i] > radii[i - 1]))) {
                throw new IllegalArgumentException("radii must be > 0 and strictly increasing, got " + Arrays.toString(radii));
            }
            if (!(sigmaRphi[i] > 0) || !(sigmaZ[i] > 0)) {
                throw new IllegalArgumentException("resolutions must be > 0, layer " + i + " has σ_rφ=" + sigmaRphi[i]
                        + " σ_z=" + sigmaZ[i]);
            }
        }
        if (!(halfLength > 0)) {
            throw new IllegalArgumentException("halfLength must be > 0 mm, got " + halfLength);
        }
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("efficiency must be in (0, 1], got " + efficiency);
        }
        if (!(materialPerLayer > 0) || Double.isInfinite(materialPerLayer)) {
            throw new IllegalArgumentException("materialPerLayer must be finite and > 0, got " + materialPerLayer);
        }
    }

    /** The default toy detector of SCIENCE.md: 2 T, 10 layers, no scattering, full efficiency, 3 m long. */
    public static Detector toy() {
        double[] r = {32, 72, 116, 172, 260, 360, 500, 660, 820, 1020};
        double[] srphi = new double[10];
        double[] sz = new double[10];
        for (int i = 0; i < 10; i++) {
            srphi[i] = i < 4 ? 0.015 : 0.040;
            sz[i] = i < 4 ? 0.050 : 0.500;
        }
        return new Detector(2.0, r, srphi, sz, 3000.0, 1.0, false, 0.02);
    }

    /**
     * N equally spaced layers with equal resolution, the assumptions of the Gluckstern formula.
     *
     * @param n number of layers, {@code >= 3}
     * @param rMin innermost radius, mm
     * @param rMax outermost radius, mm
     * @param sigmaRphi rφ resolution of every layer, mm
     * @param sigmaZ z resolution of every layer, mm
     * @param bField field, T
     */
    public static Detector equallySpaced(int n, double rMin, double rMax, double sigmaRphi, double sigmaZ,
            double bField) {
        if (n < 3) {
            throw new IllegalArgumentException("n must be >= 3, got " + n);
        }
        double[] r = new double[n];
        double[] sr = new double[n];
        double[] sz = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = rMin + (rMax - rMin) * i / (n - 1);
            sr[i] = sigmaRphi;
            sz[i] = sigmaZ;
        }
        return new Detector(bField, r, sr, sz, 3000.0, 1.0, false, 0.02);
    }

    public Detector withBField(double b) {
        return new Detector(b, radii, sigmaRphi, sigmaZ, halfLength, efficiency, multipleScattering, materialPerLayer);
    }

    public Detector withEfficiency(double e) {
        return new Detector(bField, radii, sigmaRphi, sigmaZ, halfLength, e, multipleScattering, materialPerLayer);
    }

    public Detector withMultipleScattering(boolean on) {
        return new Detector(bField, radii, sigmaRphi, sigmaZ, halfLength, efficiency, on, materialPerLayer);
    }

    /** @return the number of layers */
    public int layers() {
        return radii.length;
    }

    /** @return radius of layer {@code i}, mm */
    public double radius(int i) {
        return radii[i];
    }

    /** @return σ_rφ of layer {@code i}, mm */
    public double sigmaRphi(int i) {
        return sigmaRphi[i];
    }

    /** @return σ_z of layer {@code i}, mm */
    public double sigmaZ(int i) {
        return sigmaZ[i];
    }

    /**
     * TrackML-style volume id of layer {@code i}: 8 (pixel) for layers 0–3, 13 (short strips) for
     * 4–7, 17 (long strips) beyond, as in the TrackML barrel.
     */
    public int volumeId(int i) {
        return VOLUMES[Math.min(i / 4, 2)];
    }

    /** TrackML-style layer id inside its volume: 2, 4, 6, … */
    public int layerId(int i) {
        return 2 * (i - 4 * Math.min(i / 4, 2) + 1);
    }

    /** @return the layer index of a (volume, layer) pair, or −1 when this detector has no such layer */
    public int layerIndex(int volumeId, int layerId) {
        for (int v = 0; v < VOLUMES.length; v++) {
            if (VOLUMES[v] == volumeId && layerId > 0 && layerId % 2 == 0) {
                int i = 4 * v + layerId / 2 - 1;
                if (i < layers() && (v == 2 || layerId <= 8)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Module id from the azimuth: 64 φ-sectors numbered 1–64 on every layer. */
    public static int moduleId(double x, double y) {
        double phi = Math.atan2(y, x);
        int m = (int) Math.floor((phi + Math.PI) / (2 * Math.PI) * 64);
        return Math.min(Math.max(m, 0), 63) + 1;
    }

    @Override
    public double[] radii() {
        return radii.clone();
    }

    @Override
    public double[] sigmaRphi() {
        return sigmaRphi.clone();
    }

    @Override
    public double[] sigmaZ() {
        return sigmaZ.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Detector d && d.bField == bField && Arrays.equals(d.radii, radii)
                && Arrays.equals(d.sigmaRphi, sigmaRphi) && Arrays.equals(d.sigmaZ, sigmaZ)
                && d.halfLength == halfLength && d.efficiency == efficiency
                && d.multipleScattering == multipleScattering && d.materialPerLayer == materialPerLayer;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(bField) + Arrays.hashCode(radii);
    }

    @Override
    public String toString() {
        return "Detector[B=" + bField + " T, radii=" + Arrays.toString(radii) + " mm, σ_rφ=" + Arrays.toString(sigmaRphi)
                + ", σ_z=" + Arrays.toString(sigmaZ) + ", halfLength=" + halfLength + ", efficiency=" + efficiency
                + ", multipleScattering=" + multipleScattering + ", x/X0=" + materialPerLayer + "]";
    }
}
