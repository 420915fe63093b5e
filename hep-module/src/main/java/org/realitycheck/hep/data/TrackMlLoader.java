package org.realitycheck.hep.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.realitycheck.core.SampleSet;
import org.realitycheck.hep.detector.Detector;
import org.realitycheck.hep.detector.DetectorYaml;
import org.realitycheck.hep.io.TrackMlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a folder of TrackML files into track samples in the detector the folder describes
 * ({@code detector.yaml} beside the files, {@link DetectorYaml}), or in an assumed detector when it has
 * none, and judges what was left out ({@link LoadReport#check}). What was skipped is logged: a warning
 * when hits were outside the described layers or tracks were dropped, or when the detector was assumed.
 */
public final class TrackMlLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TrackMlLoader.class);

    private TrackMlLoader() {
    }

    /**
     * The result of one load.
     *
     * @param samples the usable tracks
     * @param detector the detector they were read in
     * @param detectorSource the description's path, or {@code "assumed: …"} when the data had none
     * @param report what was kept, skipped and dropped
     */
    public record DataLoad(SampleSet samples, Detector detector, String detectorSource, LoadReport report) {
        public DataLoad {
            Objects.requireNonNull(samples, "samples");
            Objects.requireNonNull(detector, "detector");
            Objects.requireNonNull(detectorSource, "detectorSource");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * @param path a TrackML folder, or one {@code -hits.csv} file in it
     * @param assumed the detector when the folder has no {@code detector.yaml}
     * @return the samples and what reading them left out
     * @throws org.realitycheck.core.BadInputException when a file is malformed, no track is usable, or
     *     too many tracks are corrupt
     */
    public static DataLoad load(Path path, Detector assumed) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path yaml = dir.resolve(DetectorYaml.FILE_NAME);
        Detector d;
        String source;
        if (Files.isRegularFile(yaml)) {
            d = DetectorYaml.read(yaml);
            source = yaml.toString();
        } else {
            d = assumed;
            String which = d.equals(Detector.toy()) ? "the default toy detector" : "the current detector";
            source = "assumed: no " + DetectorYaml.FILE_NAME + " in " + dir + ", using " + which;
        }
        // the events first: a folder without hits files is refused before any warning about its detector
        var events = TrackMlReader.read(path);
        if (source.startsWith("assumed: ")) {
            LOG.warn("{}: no {}; assuming {} (docs/data.md, HEP)", dir, DetectorYaml.FILE_NAME,
                    d.equals(Detector.toy()) ? "the default toy detector" : "the current detector");
        }
        TrackSamples.Loaded loaded = TrackSamples.fromEvents(events, d);
        LoadReport r = loaded.report();
        r.check(path);
        if (r.hitsOutsideLayers() + r.dropped() > 0) {
            LOG.warn("{}: {}", path, r.summary());
        } else {
            LOG.info("{}: {}", path, r.summary());
        }
        // what validation shows in its data.input row: the detector's source and the counts, and the
        // detector as an assumption when the data did not describe it
        List<String> notes = new ArrayList<>();
        notes.add("detector: " + (source.startsWith("assumed: ") ? "assumed (see the warning)" : source));
        notes.add(r.summary());
        List<String> assumptions = source.startsWith("assumed: ")
                ? List.of("detector " + source.substring("assumed: ".length())
                        + "; put the detector's description in " + DetectorYaml.FILE_NAME + " beside the data (docs/data.md, HEP)")
                : List.of();
        return new DataLoad(loaded.samples().withNotes(notes, assumptions), d, source, r);
    }
}
