package org.realitycheck.calo.shower;

import org.realitycheck.calo.sim.Calorimeter;

/**
 * CaloChallenge's high-level features of one shower (arXiv:2410.21611, §4): the deposited energy, the
 * energy per layer, and per layer the centre of energy and the width in x (the plane of incidence, where
 * an inclined shower drifts), from the cell centres ({@link Calorimeter#cellCentre}).
 *
 * @param total deposited energy, MeV
 * @param layer energy per layer, MeV
 * @param centreX energy-weighted mean x per layer, mm; NaN for an empty layer
 * @param widthX energy-weighted standard deviation of x per layer, mm; NaN for an empty layer
 * @param depth energy-weighted mean depth over the layers' mid-depths, X0; NaN for an empty shower
 */
public record ShowerFeatures(double total, double[] layer, double[] centreX, double[] widthX, double depth) {
    public ShowerFeatures {
        layer = layer.clone();
        centreX = centreX.clone();
        widthX = widthX.clone();
    }

    /** Features of {@code cells} (MeV, layer-major, {@link Calorimeter#cells()} values). */
    public static ShowerFeatures of(Calorimeter calo, float[] cells) {
        if (cells.length != calo.cells()) {
            throw new IllegalArgumentException("a shower has " + calo.cells() + " cells, got " + cells.length);
        }
        int layers = calo.layers();
        int radial = calo.radialBins();
        int angular = calo.angularBins();
        double[][] centres = new double[radial * angular][];
        for (int r = 0; r < radial; r++) {
            for (int a = 0; a < angular; a++) {
                centres[r * angular + a] = calo.cellCentre(r, a);
            }
        }
        double[] edges = calo.layerEdges();
        double[] e = new double[layers];
        double[] cx = new double[layers];
        double[] wx = new double[layers];
        double total = 0;
        double depth = 0;
        for (int l = 0; l < layers; l++) {
            double sum = 0;
            double sx = 0;
            double sxx = 0;
            for (int j = 0; j < radial * angular; j++) {
                double v = cells[l * radial * angular + j];
                double x = centres[j][0];
                sum += v;
                sx += v * x;
                sxx += v * x * x;
            }
            e[l] = sum;
            total += sum;
            depth += sum * 0.5 * (edges[l] + edges[l + 1]);
            if (sum > 0) {
                cx[l] = sx / sum;
                wx[l] = Math.sqrt(Math.max(0, sxx / sum - cx[l] * cx[l]));
            } else {
                cx[l] = Double.NaN;
                wx[l] = Double.NaN;
            }
        }
        return new ShowerFeatures(total, e, cx, wx, total > 0 ? depth / total : Double.NaN);
    }

    @Override
    public double[] layer() {
        return layer.clone();
    }

    @Override
    public double[] centreX() {
        return centreX.clone();
    }

    @Override
    public double[] widthX() {
        return widthX.clone();
    }
}
