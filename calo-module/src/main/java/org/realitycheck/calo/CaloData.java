package org.realitycheck.calo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import org.realitycheck.calo.io.ShowerFiles;
import org.realitycheck.calo.sim.ShowerSet;
import org.realitycheck.core.BadInputException;
import org.realitycheck.core.DomainData;
import org.realitycheck.core.SampleSet;

/**
 * The calo data source ({@link CaloDomain#data()}): photons from the toy full simulation, energy
 * log-uniform in [{@code energy-min}, {@code energy-max}] GeV (default 1–200) and angle uniform in
 * [{@code theta-min}, {@code theta-max}] rad (default 0–0.3); files in the CaloChallenge layout as NumPy
 * arrays ({@link ShowerFiles}).
 */
public final class CaloData implements DomainData {
    static final String E_MIN = "energy-min";
    static final String E_MAX = "energy-max";
    static final String T_MIN = "theta-min";
    static final String T_MAX = "theta-max";
    static final Set<String> KNOWN = Set.of(E_MIN, E_MAX, T_MIN, T_MAX);
    /** The default training range. */
    static final double DEFAULT_E_MIN = 1;
    static final double DEFAULT_E_MAX = 200;
    static final double DEFAULT_T_MAX = 0.3;

    private final CaloDomain domain;

    CaloData(CaloDomain domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    @Override
    public Set<String> simulationOptions() {
        return KNOWN;
    }

    /** {@code n} photons of kind {@code photon} with ids {@code s<i>}, full-simulated, with truth. */
    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        double[] r = ranges(options);
        SplittableRandom draw = new SplittableRandom(seed ^ 0x5eedL);
        List<ShowerSet.Incident> in = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            in.add(new ShowerSet.Incident("s" + i, "photon", ShowerSet.logUniform(draw, r[0], r[1]),
                    r[2] + (r[3] - r[2]) * draw.nextDouble()));
        }
        return domain.fullSimulation().simulate(in, seed);
    }

    /** [eMin, eMax, thetaMin, thetaMax] from the options, defaults where absent. */
    static double[] ranges(Map<String, String> options) {
        Objects.requireNonNull(options, "options");
        for (String k : options.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new BadInputException("unknown calo option '" + k + "'; known options: " + String.join(", ",
                        new java.util.TreeSet<>(KNOWN)));
            }
        }
        double[] r = {number(options, E_MIN, DEFAULT_E_MIN), number(options, E_MAX, DEFAULT_E_MAX),
                number(options, T_MIN, 0), number(options, T_MAX, DEFAULT_T_MAX)};
        if (!(r[0] > 0 && r[1] >= r[0])) {
            throw new BadInputException("calo options: need 0 < energy-min <= energy-max (GeV), got " + r[0] + ", " + r[1]);
        }
        if (!(r[2] >= 0 && r[3] >= r[2] && r[3] < 1.2)) {
            throw new BadInputException("calo options: need 0 <= theta-min <= theta-max < 1.2 (rad), got " + r[2] + ", " + r[3]);
        }
        return r;
    }

    private static double number(Map<String, String> options, String key, double dflt) {
        String v = options.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadInputException("calo option " + key + " must be a number, got '" + v + "'");
        }
    }

    /** Reads a folder written by {@link #write} or by hand in that layout ({@link ShowerFiles#read}). */
    @Override
    public SampleSet load(Path path, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("domain 'calo' takes no data options, got " + options.keySet());
        }
        try {
            return ShowerFiles.read(path, domain.calorimeter().cells());
        } catch (IOException e) {
            throw BadInputException.at(path, "folder", "cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(SampleSet set, Path folder) throws IOException {
        Files.createDirectories(folder);
        ShowerFiles.write(set, folder);
    }
}
