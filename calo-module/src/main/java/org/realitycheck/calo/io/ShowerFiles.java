package org.realitycheck.calo.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.realitycheck.calo.sim.ShowerSet;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.Sample;
import org.realitycheck.core.SampleSet;

/**
 * A folder of showers in the CaloChallenge layout (arXiv:2410.21611, its datasets' HDF5 keys), as NumPy
 * arrays, one file per key, each {@code numpy.load}-able in one line:
 * <ul>
 *   <li>{@value #ENERGIES}: {@code (N, 1)} incident energies, MeV;</li>
 *   <li>{@value #SHOWERS}: {@code (N, cells)} cell energies, MeV, layer-major (layer, radial, angular);</li>
 *   <li>{@value #ANGLES}: {@code (N, 1)} incident angles to the normal, rad (not in CaloChallenge's
 *       datasets 1–3, whose particles come at one angle; absent means 0);</li>
 *   <li>{@value #SAMPLES}: optional, {@code id,kind} per row with a header (absent: ids {@code s<i>}, kind
 *       {@code photon}).</li>
 * </ul>
 * With h5py installed, {@code h5py.File('x.h5','w').create_dataset('showers', data=np.load('showers.npy'))}
 * turns the folder into the challenge's HDF5 file.
 */
public final class ShowerFiles {
    public static final String ENERGIES = "incident_energies.npy";
    public static final String SHOWERS = "showers.npy";
    public static final String ANGLES = "incident_angles.npy";
    public static final String SAMPLES = "samples.csv";

    private ShowerFiles() {
    }

    /** Writes the four files; the set's targets are the showers (a sample without one is an error). */
    public static void write(SampleSet set, Path folder) throws IOException {
        int n = set.size();
        float[][] e = new float[n][];
        float[][] a = new float[n][];
        float[][] s = new float[n][];
        StringBuilder csv = new StringBuilder("id,kind\n");
        for (int i = 0; i < n; i++) {
            Sample x = set.get(i);
            float[] c = x.condition();
            e[i] = new float[] {c[0]};
            a[i] = new float[] {c[1]};
            s[i] = x.target().orElseThrow(() -> new IllegalArgumentException("sample " + x.id() + " has no shower"));
            if (x.id().contains(",") || x.kind().contains(",") || x.id().contains("\n") || x.kind().contains("\n")) {
                throw new IllegalArgumentException("ids and kinds must not contain commas or newlines: " + x.id());
            }
            csv.append(x.id()).append(',').append(x.kind()).append('\n');
        }
        Npy.write(folder.resolve(ENERGIES), e, 1);
        Npy.write(folder.resolve(ANGLES), a, 1);
        Npy.write(folder.resolve(SHOWERS), s, set.targetLength());
        Files.writeString(folder.resolve(SAMPLES), csv, StandardCharsets.UTF_8);
    }

    /**
     * Reads a folder in this layout.
     *
     * @param cells the calorimeter's cell count, which every shower row must have
     * @throws BadInputException naming the file and row or field when the folder is malformed
     */
    public static SampleSet read(Path folder, int cells) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw BadInputException.at(folder, "path", "expected a folder holding " + ENERGIES + " and " + SHOWERS);
        }
        Path ef = folder.resolve(ENERGIES);
        Path sf = folder.resolve(SHOWERS);
        for (Path p : List.of(ef, sf)) {
            if (!Files.isRegularFile(p)) {
                throw BadInputException.at(p, "file", "missing: a shower folder holds " + ENERGIES + " and " + SHOWERS);
            }
        }
        float[][] e = Npy.read(ef);
        float[][] s = Npy.read(sf);
        Path af = folder.resolve(ANGLES);
        float[][] a = Files.isRegularFile(af) ? Npy.read(af) : new float[e.length][1];
        int n = e.length;
        if (n == 0) {
            throw BadInputException.at(ef, "shape", "no showers");
        }
        if (e[0].length != 1 || a[0].length != 1) {
            throw BadInputException.at(e[0].length != 1 ? ef : af, "shape", "expected (N, 1)");
        }
        if (s.length != n || a.length != n) {
            throw BadInputException.at(s.length != n ? sf : af, "shape", "expected " + n + " rows (as " + ENERGIES
                    + "), got " + (s.length != n ? s.length : a.length));
        }
        if (s[0].length != cells) {
            throw BadInputException.at(sf, "shape", "expected " + cells + " cells per shower, got " + s[0].length);
        }
        String[][] idKind = idsAndKinds(folder.resolve(SAMPLES), n);
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float energy = e[i][0];
            float theta = a[i][0];
            if (!(energy >= 0) || Float.isInfinite(energy)) {
                throw BadInputException.at(ef, "row " + i, "expected an energy >= 0 MeV, got " + energy);
            }
            if (!(theta >= 0 && theta < 1.2f)) {
                throw BadInputException.at(af, "row " + i, "expected an angle in [0, 1.2) rad, got " + theta);
            }
            for (int j = 0; j < cells; j++) {
                if (!Float.isFinite(s[i][j])) {
                    throw BadInputException.at(sf, "row " + i + ", cell " + j, "expected a finite energy, got " + s[i][j]);
                }
            }
            float[] c = {energy, theta};
            out.add(new Sample(idKind[i][0], idKind[i][1], c, s[i], ShowerSet.covariates(c)));
        }
        return new SampleSet(out, new long[] {ShowerSet.CONDITION}, new long[] {cells});
    }

    private static String[][] idsAndKinds(Path csv, int n) throws IOException {
        String[][] out = new String[n][];
        if (!Files.isRegularFile(csv)) {
            for (int i = 0; i < n; i++) {
                out[i] = new String[] {"s" + i, "photon"};
            }
            return out;
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("id,kind")) {
            throw BadInputException.at(csv, "line 1", "expected the header 'id,kind'");
        }
        if (lines.size() - 1 != n) {
            throw BadInputException.at(csv, "rows", "expected " + n + " rows (as the showers), got " + (lines.size() - 1));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
                throw BadInputException.at(csv, "line " + (i + 2), "expected 'id,kind', got '" + lines.get(i + 1) + "'");
            }
            if (!seen.add(f[0])) {
                throw BadInputException.at(csv, "line " + (i + 2), "duplicate id '" + f[0] + "'");
            }
            out[i] = f;
        }
        return out;
    }
}
