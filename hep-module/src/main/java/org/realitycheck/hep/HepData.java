package org.realitycheck.hep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.realitycheck.core.DomainData;
import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.data.SampleEvents;
import org.realitycheck.hep.data.TrackMlLoader;
import org.realitycheck.hep.data.TrackMlLoader.DataLoad;
import org.realitycheck.hep.detector.DetectorYaml;
import org.realitycheck.hep.event.Event;
import org.realitycheck.hep.io.TrackMlWriter;

/**
 * The hep data source ({@link HepDomain#data()}): tracks from the particle gun in the domain's detector
 * (options: {@link HepOptions}), and TrackML-style CSV folders ({@code event<9 digits>-hits.csv},
 * {@code -particles.csv}, {@code -truth.csv}, with the detector as {@code detector.yaml} beside them).
 * Loading a folder makes the domain work in the detector it describes.
 */
public final class HepData implements DomainData {
    private final HepDomain domain;

    HepData(HepDomain domain) {
        this.domain = Objects.requireNonNull(domain, "domain");
    }

    @Override
    public Set<String> simulationOptions() {
        return HepOptions.KNOWN;
    }

    /**
     * {@code n} tracks of kind {@code track} from the particle gun, with truth targets.
     * Sample {@code i} has id {@code e<i / tracksPerEvent>-p<i % tracksPerEvent + 1>}, the same as the
     * particle written by {@link #simulateEvents} with the same arguments.
     */
    @Override
    public SampleSet simulate(int n, long seed, Map<String, String> options) {
        return domain.configure(options).samples(n, seed);
    }

    /**
     * The same {@code n} tracks as {@link #simulate}, grouped into TrackML events for
     * {@link TrackMlWriter#write(List, Path)} ({@code realitycheck simulate hep}).
     */
    public List<Event> simulateEvents(int n, long seed, Map<String, String> options) {
        return domain.configure(options).events(n, seed);
    }

    /**
     * Reads a TrackML folder (or one {@code -hits.csv} file) into track samples in the detector
     * {@code detector.yaml} beside the files describes, or the current one ({@link TrackMlLoader}); the
     * domain then works in that detector. What was left out is logged and kept in {@link HepDomain#lastLoad()}.
     * No data options: the detector comes from the data.
     */
    @Override
    public SampleSet load(Path path, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("domain 'hep' takes no data options, got " + options.keySet()
                    + " (the detector is read from " + DetectorYaml.FILE_NAME + " beside the data)");
        }
        DataLoad d = TrackMlLoader.load(path, domain.detector());
        domain.loaded(d);
        return d.samples();
    }

    /**
     * Writes any set of track samples as TrackML events ({@link SampleEvents}: ids {@code e<event>-p<particle>}
     * are kept, targets become particles) in the current detector, with that detector as
     * {@code detector.yaml}, so that {@link #load} reads back the same tracks.
     */
    @Override
    public void write(SampleSet set, Path folder) throws IOException {
        TrackMlWriter.write(SampleEvents.of(set, domain.detector()), folder);
        DetectorYaml.write(domain.detector(), folder.resolve(DetectorYaml.FILE_NAME));
    }

    /**
     * Writes TrackML-style events ({@link #simulateEvents}), {@code tracks-per-event} tracks each, with the
     * noise hits the options ask for, and the detector they were simulated in (with its efficiency and
     * scattering) as {@code detector.yaml}, so that {@link #load} reads them back in it.
     */
    @Override
    public void simulateInto(Path folder, int n, long seed, Map<String, String> options) throws IOException {
        HepOptions o = domain.configure(options);
        TrackMlWriter.write(o.events(n, seed), folder);
        DetectorYaml.write(o.detector(), folder.resolve(DetectorYaml.FILE_NAME));
    }
}
