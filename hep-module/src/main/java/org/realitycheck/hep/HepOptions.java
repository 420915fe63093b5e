package org.realitycheck.hep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.data.TrackSamples;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.detector.DetectorYaml;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.sim.Events;
import org.realitycheck.hep.sim.ParticleGun;
import org.realitycheck.hep.sim.SimTrack;
import org.realitycheck.hep.sim.TrackSimulator;

/**
 * The hep simulation options and the simulation they describe ({@code realitycheck simulate hep -O key=value}, {@link HepData#simulate}):
 * {@code pt-min}, {@code pt-max} (GeV), {@code eta-min}, {@code eta-max}, {@code d0-sigma},
 * {@code z0-sigma} (mm), {@code efficiency}, {@code multiple-scattering} (true/false),
 * {@code tracks-per-event} (for ids and files, default 100), {@code noise-hits-per-layer} (files only,
 * default 0) and {@code detector} (a detector description YAML, {@link DetectorYaml}, read by
 * {@link #detectorFile}; default: the domain's detector). Unknown keys and bad values are rejected
 * naming the key.
 *
 * @param detector the detector to simulate (with the efficiency and scattering options applied)
 * @param gun the particle gun
 * @param tracksPerEvent tracks per TrackML event, {@code >= 1}
 * @param noiseHitsPerLayer noise hits per layer and event in written files, {@code >= 0}
 */
public record HepOptions(Detector detector, ParticleGun gun, int tracksPerEvent,
        int noiseHitsPerLayer) {
    /** The option names. */
    public static final Set<String> KNOWN = Set.of("pt-min", "pt-max", "eta-min", "eta-max", "d0-sigma", "z0-sigma",
            "efficiency", "multiple-scattering", "tracks-per-event", "noise-hits-per-layer", "detector");
    static final int DEFAULT_TRACKS_PER_EVENT = 100;

    public HepOptions {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(gun, "gun");
        if (tracksPerEvent < 1 || noiseHitsPerLayer < 0) {
            throw new IllegalArgumentException("need tracks-per-event >= 1 and noise-hits-per-layer >= 0, got "
                    + tracksPerEvent + ", " + noiseHitsPerLayer);
        }
    }

    /**
     * @param options {@code key -> value}, never null
     * @return the detector the {@code detector} option describes, when it is given
     * @throws IllegalArgumentException for an unknown key
     * @throws org.realitycheck.core.BadInputException when the file is missing or wrong
     */
    public static Optional<Detector> detectorFile(Map<String, String> options) {
        checkKeys(options);
        String f = options.get("detector");
        return f == null ? Optional.empty() : Optional.of(DetectorYaml.read(Path.of(f)));
    }

    /** The largest transverse momentum an option may ask for, GeV. */
    static final double MAX_PT = 10_000;

    private static void checkKeys(Map<String, String> options) {
        Objects.requireNonNull(options, "options");
        for (String k : options.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("unknown hep option '" + k + "'; known options: "
                        + String.join(", ", new TreeSet<>(KNOWN)));
            }
        }
    }

    /**
     * @param options {@code key -> value}, never null; the {@code detector} key is left to {@link #detectorFile}
     * @param detector the detector the efficiency and scattering options modify
     * @param gun the gun the options modify
     * @throws IllegalArgumentException for an unknown key or a bad value, naming it
     */
    public static HepOptions parse(Map<String, String> options, Detector detector, ParticleGun gun) {
        checkKeys(options);
        Detector d = detector;
        for (String k : List.of("pt-min", "pt-max")) {
            double v = num(options, k, 1);
            if (!(v > 0 && v <= MAX_PT)) {
                throw new IllegalArgumentException("option " + k + " must be in (0, " + (long) MAX_PT + "] GeV (above the "
                        + "LHC's 7 TeV beam energy a track is not physical, and the helix has no curvature left to fit), got "
                        + options.get(k));
            }
        }
        ParticleGun g = gun.withPtRange(num(options, "pt-min", gun.ptMin()), num(options, "pt-max", gun.ptMax()))
                .withEtaRange(num(options, "eta-min", gun.etaMin()), num(options, "eta-max", gun.etaMax()))
                .withD0Sigma(num(options, "d0-sigma", gun.d0Sigma()))
                .withZ0Sigma(num(options, "z0-sigma", gun.z0Sigma()));
        d = d.withEfficiency(num(options, "efficiency", d.efficiency()));
        if (options.containsKey("multiple-scattering")) {
            String v = options.get("multiple-scattering");
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("option multiple-scattering must be true or false, got '" + v + "'");
            }
            d = d.withMultipleScattering(Boolean.parseBoolean(v));
        }
        int tpe = (int) num(options, "tracks-per-event", DEFAULT_TRACKS_PER_EVENT);
        int noise = (int) num(options, "noise-hits-per-layer", 0);
        return new HepOptions(d, g, tpe, noise);
    }

    /** The {@code n} tracks these options describe: track {@code i} from the {@code i}-th split of {@code seed}. */
    public List<SimTrack> tracks(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        return new TrackSimulator(detector).simulate(gun, n, seed);
    }

    /** {@link #tracks} as samples, with truth targets, numbered as {@link #events} numbers the particles. */
    public SampleSet samples(int n, long seed) {
        return TrackSamples.of(tracks(n, seed), tracksPerEvent, detector);
    }

    /** {@link #tracks} grouped into TrackML events, with the noise hits (seeded from {@code seed}). */
    public List<Event> events(int n, long seed) {
        return Events.fromTracks(tracks(n, seed), tracksPerEvent, detector, noiseHitsPerLayer, seed ^ 0x5DEECE66DL);
    }

    private static double num(Map<String, String> o, String key, double dflt) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a number, got '" + v + "'");
        }
    }
}
