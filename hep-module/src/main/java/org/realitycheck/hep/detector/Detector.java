package org.realitycheck.hep.detector;

import java.util.Arrays;

/**
 * A barrel tracking detector: concentric cylindrical layers in a uniform solenoid field along +z.
 * Each layer has a radius, a half-length in z, a Gaussian rφ and z resolution and its TrackML
 * identity ({@code volume_id}, {@code layer_id}, the columns of a hits file). A detector is data: it is
 * read from a YAML description ({@link DetectorYaml}, format in docs/data.md), and
 * the default ({@link #toy()}) is the shipped resource {@code org/realitycheck/hep/detector-toy.yaml}:
 * the TrackML/ATLAS-like barrel of docs/science.md, radii 32, 72, 116, 172, 260, 360, 500, 660, 820, 1020 mm
 * numbered as the TrackML barrel volumes 8 (pixels), 13 (short strips) and 17 (long strips); pixels
 * σ_rφ = 15 µm, σ_z = 50 µm; strips σ_rφ = 40 µm, σ_z = 500 µm; B = 2 T; |z| ≤ 3 m.
 *
 * <p>Multiple scattering, when enabled, uses the Highland formula (PDG Review, "Passage of
 * particles through matter"): θ0 = 13.6 MeV/(βcp)·√(x/X0)·[1 + 0.038·ln(x/X0)], with
 * {@code x/X0 = materialPerLayer / sin θ} for a barrel layer.
 *
 * @param bField solenoid field, T, {@code > 0}
 * @param radii layer radii, mm, strictly increasing, {@code > 0}
 * @param halfLengths half-length of each layer, mm, {@code > 0}: a crossing with |z| above it leaves no hit
 * @param sigmaRphi rφ resolution per layer, mm, {@code > 0}
 * @param sigmaZ z resolution per layer, mm, {@code > 0}
 * @param volumeIds TrackML {@code volume_id} of each layer
 * @param layerIds TrackML {@code layer_id} of each layer; (volume, layer) pairs are unique
 * @param efficiency probability that a crossed layer records a hit, in (0, 1]
 * @param multipleScattering whether tracks scatter in each layer (Highland)
 * @param materialPerLayer layer thickness in radiation lengths at normal incidence, {@code > 0}
 */
public record Detector(double bField, double[] radii, double[] halfLengths, double[] sigmaRphi, double[] sigmaZ,
        int[] volumeIds, int[] layerIds, double efficiency, boolean multipleScattering, double materialPerLayer) {
    /** TrackML barrel volume ids: pixel, short strips, long strips. */
    private static final int[] VOLUMES = {8, 13, 17};

    public Detector {
        if (!(bField > 0) || Double.isInfinite(bField)) {
            throw new IllegalArgumentException("bField must be finite and > 0 T, got " + bField);
        }
        radii = radii.clone();
        halfLengths = halfLengths.clone();
        sigmaRphi = sigmaRphi.clone();
        sigmaZ = sigmaZ.clone();
        volumeIds = volumeIds.clone();
        layerIds = layerIds.clone();
        int n = radii.length;
        if (n < 3 || sigmaRphi.length != n || sigmaZ.length != n || halfLengths.length != n || volumeIds.length != n
                || layerIds.length != n) {
            throw new IllegalArgumentException("need >= 3 layers and one half-length, σ_rφ, σ_z, volume and layer id per "
                    + "layer, got " + n + " radii, " + halfLengths.length + " half-lengths, " + sigmaRphi.length + " σ_rφ, "
                    + sigmaZ.length + " σ_z, " + volumeIds.length + " volume ids, " + layerIds.length + " layer ids");
        }
        for (int i = 0; i < n; i++) {
            if (!(radii[i] > 0) || Double.isInfinite(radii[i]) || (i > 0 && !(radii[i] > radii[i - 1]))) {
                throw new IllegalArgumentException("radii must be finite, > 0 and strictly increasing, got "
                        + Arrays.toString(radii));
            }
            if (!(halfLengths[i] > 0) || Double.isInfinite(halfLengths[i])) {
                throw new IllegalArgumentException("half-lengths must be finite and > 0 mm, layer " + i + " has "
                        + halfLengths[i]);
            }
            if (!(sigmaRphi[i] > 0) || !(sigmaZ[i] > 0) || Double.isInfinite(sigmaRphi[i]) || Double.isInfinite(sigmaZ[i])) {
                throw new IllegalArgumentException("resolutions must be finite and > 0, layer " + i + " has σ_rφ="
                        + sigmaRphi[i] + " σ_z=" + sigmaZ[i]);
            }
            for (int j = 0; j < i; j++) {
                if (volumeIds[j] == volumeIds[i] && layerIds[j] == layerIds[i]) {
                    throw new IllegalArgumentException("layers " + j + " and " + i + " are both volume " + volumeIds[i]
                            + ", layer " + layerIds[i] + "; (volume, layer) pairs must be unique");
                }
            }
        }
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("efficiency must be in (0, 1], got " + efficiency);
        }
        if (!(materialPerLayer > 0) || Double.isInfinite(materialPerLayer)) {
            throw new IllegalArgumentException("materialPerLayer must be finite and > 0, got " + materialPerLayer);
        }
    }

    /**
     * A detector whose layers share one half-length and are numbered as the TrackML barrel: layers 0–3
     * volume 8, 4–7 volume 13, beyond volume 17, layer ids 2, 4, 6, … inside each volume.
     */
    public Detector(double bField, double[] radii, double[] sigmaRphi, double[] sigmaZ, double halfLength,
            double efficiency, boolean multipleScattering, double materialPerLayer) {
        this(bField, radii, filled(radii.length, halfLength), sigmaRphi, sigmaZ, trackMlVolumes(radii.length),
                trackMlLayers(radii.length), efficiency, multipleScattering, materialPerLayer);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static int[] trackMlVolumes(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = VOLUMES[Math.min(i / 4, 2)];
        }
        return v;
    }

    private static int[] trackMlLayers(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = 2 * (i - 4 * Math.min(i / 4, 2) + 1);
        }
        return l;
    }

    /** The shipped description of the default toy detector. */
    public static final String TOY_RESOURCE = "/org/realitycheck/hep/detector-toy.yaml";
    /** The shipped description of the TrackML challenge detector's barrel (volumes 8, 13, 17). */
    public static final String TRACKML_BARREL_RESOURCE = "/org/realitycheck/hep/detector-trackml-barrel.yaml";

    /**
     * The default toy detector of docs/science.md, read from {@link #TOY_RESOURCE}: 2 T, 10 layers, no
     * scattering, full efficiency, 3 m long.
     */
    public static Detector toy() {
        return Shipped.TOY;
    }

    /** The TrackML barrel ({@link #TRACKML_BARREL_RESOURCE}; its comments cite the source of every number). */
    public static Detector trackMlBarrel() {
        return Shipped.resource(TRACKML_BARREL_RESOURCE);
    }

    /** The shipped descriptions, read once. */
    private static final class Shipped {
        static final Detector TOY = resource(TOY_RESOURCE);

        static Detector resource(String name) {
            try (java.io.InputStream in = Detector.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + name + " is missing from the jar");
                }
                return DetectorYaml.read(in, java.nio.file.Path.of(name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
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
        return new Detector(b, radii, halfLengths, sigmaRphi, sigmaZ, volumeIds, layerIds, efficiency,
                multipleScattering, materialPerLayer);
    }

    public Detector withEfficiency(double e) {
        return new Detector(bField, radii, halfLengths, sigmaRphi, sigmaZ, volumeIds, layerIds, e, multipleScattering,
                materialPerLayer);
    }

    public Detector withMultipleScattering(boolean on) {
        return new Detector(bField, radii, halfLengths, sigmaRphi, sigmaZ, volumeIds, layerIds, efficiency, on,
                materialPerLayer);
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

    /** @return half-length of layer {@code i} in z, mm */
    public double halfLength(int i) {
        return halfLengths[i];
    }

    /** @return the largest half-length, mm */
    public double maxHalfLength() {
        return Arrays.stream(halfLengths).max().orElseThrow();
    }

    /** @return TrackML {@code volume_id} of layer {@code i} */
    public int volumeId(int i) {
        return volumeIds[i];
    }

    /** @return TrackML {@code layer_id} of layer {@code i} inside its volume */
    public int layerId(int i) {
        return layerIds[i];
    }

    /** @return the layer index of a (volume, layer) pair, or −1 when this detector has no such layer */
    public int layerIndex(int volumeId, int layerId) {
        for (int i = 0; i < radii.length; i++) {
            if (volumeIds[i] == volumeId && layerIds[i] == layerId) {
                return i;
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
    public double[] halfLengths() {
        return halfLengths.clone();
    }

    @Override
    public int[] volumeIds() {
        return volumeIds.clone();
    }

    @Override
    public int[] layerIds() {
        return layerIds.clone();
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
                && Arrays.equals(d.halfLengths, halfLengths) && Arrays.equals(d.volumeIds, volumeIds)
                && Arrays.equals(d.layerIds, layerIds) && d.efficiency == efficiency
                && d.multipleScattering == multipleScattering && d.materialPerLayer == materialPerLayer;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(bField) + Arrays.hashCode(radii);
    }

    @Override
    public String toString() {
        return "Detector[B=" + bField + " T, radii=" + Arrays.toString(radii) + " mm, σ_rφ=" + Arrays.toString(sigmaRphi)
                + ", σ_z=" + Arrays.toString(sigmaZ) + ", halfLengths=" + Arrays.toString(halfLengths) + ", volumes="
                + Arrays.toString(volumeIds) + ", layers=" + Arrays.toString(layerIds) + ", efficiency=" + efficiency
                + ", multipleScattering=" + multipleScattering + ", x/X0=" + materialPerLayer + "]";
    }
}
