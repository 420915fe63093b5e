package org.realitycheck.calo.sim;

import java.util.Arrays;

/**
 * A sampling calorimeter: a stack of absorber and active plates, read out in cells of
 * {@code layers × radial × angular} bins (CaloChallenge's cylindrical voxels, arXiv:2410.21611) centred on
 * the particle's entry point and the plates' normal. Shower parameters are those of the effective medium
 * (Grindhammer &amp; Peters, hep-ex/0001020, §2.3):
 * <ul>
 *   <li>X0,eff = d_tot / Σ dᵢ/X0,ᵢ (radiation lengths add by thickness);</li>
 *   <li>1/R_M,eff = Σ (dᵢ/d_tot)/R_M,ᵢ, E_c,eff = E_s·X0,eff/R_M,eff with E_s = 21.2 MeV;</li>
 *   <li>Z_eff = Σ wᵢZᵢ with mass fractions wᵢ.</li>
 * </ul>
 * Cell energies are calibrated to the electromagnetic scale (the visible energy divided by the sampling
 * fraction), in MeV, with Gaussian electronic noise per cell and a readout that keeps cells above
 * {@code threshold} (zero suppression), so every cell is ≥ 0.
 *
 * @param name a short description for reports
 * @param x0 effective radiation length, mm
 * @param moliere effective Molière radius, mm
 * @param criticalEnergy effective critical energy, MeV
 * @param z effective atomic number
 * @param samplingFraction visible fraction of a minimum-ionising particle's energy (for the docs; the
 *     cells are calibrated)
 * @param samplingTerm stochastic term a of σ/E = a/√E (E in GeV)
 * @param layerEdges readout layer boundaries in X0 along the normal, increasing from 0; the last is the
 *     calorimeter's depth
 * @param radialEdges radial cell boundaries in Molière radii, increasing from 0; beyond the last is lost
 * @param angularBins number of equal azimuthal bins, the first starting at φ = −π
 * @param noise electronic noise per cell, MeV (EM scale), σ
 * @param threshold zero-suppression threshold, MeV; cells at or below it read 0
 */
public record Calorimeter(String name, double x0, double moliere, double criticalEnergy, double z,
        double samplingFraction, double samplingTerm, double[] layerEdges, double[] radialEdges, int angularBins,
        double noise, double threshold) {
    /** Rossi's scale energy E_s = m_e·√(4π/α) in MeV (PDG). */
    public static final double SCALE_ENERGY_MEV = 21.2052;

    public Calorimeter {
        layerEdges = layerEdges.clone();
        radialEdges = radialEdges.clone();
        increasingFromZero("layerEdges", layerEdges);
        increasingFromZero("radialEdges", radialEdges);
        if (!(x0 > 0 && moliere > 0 && criticalEnergy > 0 && z >= 1)) {
            throw new IllegalArgumentException("need x0, moliere, criticalEnergy > 0 and z >= 1, got "
                    + x0 + ", " + moliere + ", " + criticalEnergy + ", " + z);
        }
        if (!(samplingFraction > 0 && samplingFraction <= 1) || !(samplingTerm > 0)) {
            throw new IllegalArgumentException("need samplingFraction in (0, 1] and samplingTerm > 0, got "
                    + samplingFraction + ", " + samplingTerm);
        }
        if (angularBins < 1) {
            throw new IllegalArgumentException("angularBins must be >= 1, got " + angularBins);
        }
        if (!(noise >= 0) || !(threshold >= 0)) {
            throw new IllegalArgumentException("noise and threshold must be >= 0, got " + noise + ", " + threshold);
        }
    }

    private static void increasingFromZero(String what, double[] e) {
        if (e.length < 2 || e[0] != 0) {
            throw new IllegalArgumentException(what + " must start at 0 and have >= 2 values, got " + Arrays.toString(e));
        }
        for (int i = 1; i < e.length; i++) {
            if (!(e[i] > e[i - 1])) {
                throw new IllegalArgumentException(what + " must increase, got " + Arrays.toString(e));
            }
        }
    }

    /**
     * The default: 4 mm lead + 4 mm liquid argon plates (an ATLAS-like LAr sampling calorimeter with
     * thicker lead), 24 X0 deep, read out in 6 layers × 10 radial × 6 angular = 360 cells.
     * Materials (PDG atomic and nuclear properties): Pb X0 = 5.612 mm, R_M = 16.02 mm, ρ = 11.35 g/cm³,
     * dE/dx_min = 1.122 MeV cm²/g; LAr X0 = 140 mm, R_M = 90.43 mm, ρ = 1.396 g/cm³, dE/dx_min =
     * 1.519 MeV cm²/g. That gives X0,eff = 10.79 mm, R_M,eff = 27.22 mm, E_c,eff = 8.41 MeV, Z_eff = 75.0,
     * a mip sampling fraction of 0.142 and a = 2.7%·√(d_Pb[mm]/f_mip) = 14.3% (the empirical rule for
     * EM sampling calorimeters in the PDG review of calorimetry). Noise 2 MeV per cell, read out above
     * 2σ = 4 MeV.
     */
    public static Calorimeter leadLiquidArgon() {
        double dPb = 4.0;
        double dAr = 4.0;
        double x0 = (dPb + dAr) / (dPb / 5.612 + dAr / 140.0);
        double rm = 1.0 / ((dPb / 16.02 + dAr / 90.43) / (dPb + dAr));
        double ec = SCALE_ENERGY_MEV * x0 / rm;
        double mPb = dPb * 11.35;
        double mAr = dAr * 1.396;
        double z = (mPb * 82 + mAr * 18) / (mPb + mAr);
        double visible = dAr * 1.396 * 1.519;
        double fMip = visible / (visible + dPb * 11.35 * 1.122);
        double a = 0.027 * Math.sqrt(dPb / fMip);
        return new Calorimeter("Pb/LAr 4+4 mm, 24 X0, 6x10x6 cells", x0, rm, ec, z, fMip, a,
                new double[] {0, 2, 5, 8, 12, 17, 24},
                new double[] {0, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0, 1.5, 2.2, 3.5}, 6, 2.0, 4.0);
    }

    /** The same calorimeter read out with other noise and zero suppression (0, 0: an ideal readout). */
    public Calorimeter withReadout(double noiseMev, double thresholdMev) {
        return new Calorimeter(name, x0, moliere, criticalEnergy, z, samplingFraction, samplingTerm, layerEdges,
                radialEdges, angularBins, noiseMev, thresholdMev);
    }

    /** The same calorimeter with other cell boundaries (tests use a very wide last radial edge). */
    public Calorimeter withCells(double[] layers, double[] radial, int angular) {
        return new Calorimeter(name, x0, moliere, criticalEnergy, z, samplingFraction, samplingTerm, layers, radial,
                angular, noise, threshold);
    }

    @Override
    public double[] layerEdges() {
        return layerEdges.clone();
    }

    @Override
    public double[] radialEdges() {
        return radialEdges.clone();
    }

    public int layers() {
        return layerEdges.length - 1;
    }

    public int radialBins() {
        return radialEdges.length - 1;
    }

    /** @return cells per layer, radial × angular */
    public int cellsPerLayer() {
        return radialBins() * angularBins;
    }

    /** @return all cells, layer-major: index = (layer·radial + r)·angular + a */
    public int cells() {
        return layers() * cellsPerLayer();
    }

    /** @return the depth in X0 */
    public double depth() {
        return layerEdges[layerEdges.length - 1];
    }

    /** @return the cell index, or −1 outside the readout */
    public int cell(double depthX0, double rhoMoliere, double phi) {
        if (depthX0 < 0 || depthX0 >= layerEdges[layerEdges.length - 1] || rhoMoliere >= radialEdges[radialEdges.length - 1]) {
            return -1;
        }
        int l = bin(layerEdges, depthX0);
        int r = bin(radialEdges, rhoMoliere);
        int a = (int) ((phi + Math.PI) / (2 * Math.PI) * angularBins);
        a = Math.min(angularBins - 1, Math.max(0, a));
        return (l * radialBins() + r) * angularBins + a;
    }

    /** Centre of cell {@code (r, a)} of any layer, in mm: {@code {x, y}} (the middle radius and azimuth). */
    public double[] cellCentre(int r, int a) {
        double rho = 0.5 * (radialEdges[r] + radialEdges[r + 1]) * moliere;
        double phi = -Math.PI + (a + 0.5) * 2 * Math.PI / angularBins;
        return new double[] {rho * Math.cos(phi), rho * Math.sin(phi)};
    }

    private static int bin(double[] edges, double v) {
        int i = Arrays.binarySearch(edges, v);
        return i >= 0 ? Math.min(i, edges.length - 2) : -i - 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calorimeter c && c.name.equals(name) && c.x0 == x0 && c.moliere == moliere
                && c.criticalEnergy == criticalEnergy && c.z == z && c.samplingFraction == samplingFraction
                && c.samplingTerm == samplingTerm && Arrays.equals(c.layerEdges, layerEdges)
                && Arrays.equals(c.radialEdges, radialEdges) && c.angularBins == angularBins && c.noise == noise
                && c.threshold == threshold;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(layerEdges)) + Arrays.hashCode(radialEdges);
    }

    @Override
    public String toString() {
        return name;
    }
}
