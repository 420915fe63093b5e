package org.realitycheck.validation.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.realitycheck.validation.Artifact;

/** The image galleries of the checks, from the samples their accumulators picked ({@link Picks}). */
final class Galleries {
    private Galleries() {
    }

    /** The worst fields (most detections, then most light): input | model | conventional, reference plane. */
    static Optional<Artifact> worstFields(List<Picks.Pick> picks, long[] targetShape, long[] conditionShape,
            boolean light, String method) {
        Optional<CheckSupport.Plane> tp = CheckSupport.plane(targetShape);
        if (tp.isEmpty() || picks.isEmpty()) {
            return Optional.empty();
        }
        CheckSupport.Plane pl = tp.get();
        boolean input = CheckSupport.plane(conditionShape)
                .filter(c -> c.width() == pl.width() && c.height() == pl.height()).isPresent();
        List<String> columns = new ArrayList<>();
        if (input) {
            columns.add("input");
        }
        columns.add("model");
        columns.add(method);
        List<Artifact.ImageRow> out = new ArrayList<>();
        for (Picks.Pick pick : picks) {
            int count = (int) pick.info()[0];
            List<Artifact.Marker> markers = new ArrayList<>();
            if (count > 0) {
                markers.add(new Artifact.Marker(input ? 1 : 0, pick.info()[2], pick.info()[3], 3, "brightest pixel"));
            }
            String label = pick.id() + ": " + count + " detection" + (count == 1 ? "" : "s")
                    + (light ? String.format(java.util.Locale.ROOT, ", light %.1f", pick.info()[1]) : "");
            out.add(new Artifact.ImageRow(label, pick.panels(), markers));
        }
        return Optional.of(new Artifact.Images("worst_fields", "Worst empty fields",
                "The empty fields where the model claims most (detections, then total light), reference plane; the "
                        + "conventional method on the same input for comparison. The model's brightest pixel is "
                        + "circled where the detector found something.",
                pl.width(), pl.height(), "", columns, out));
    }

    /**
     * Missed injections (those the conventional method recovered first), reference plane: input | model |
     * conventional | truth, the injected position circled. Only for image outputs whose injections carry
     * {@code inj_x} and {@code inj_y}.
     */
    static Optional<Artifact> missed(List<Picks.Pick> missedFirst, List<Picks.Pick> missedBoth, boolean positions,
            long[] targetShape, long[] conditionShape, int rows, String method) {
        Optional<CheckSupport.Plane> tp = CheckSupport.plane(targetShape);
        if (tp.isEmpty() || rows == 0 || !positions) {
            return Optional.empty();
        }
        List<Picks.Pick> pick = new ArrayList<>(missedFirst);
        for (Picks.Pick q : missedBoth) {
            if (pick.size() < rows) {
                pick.add(q);
            }
        }
        if (pick.isEmpty()) {
            return Optional.empty();
        }
        CheckSupport.Plane pl = tp.get();
        boolean input = CheckSupport.plane(conditionShape)
                .filter(c -> c.width() == pl.width() && c.height() == pl.height()).isPresent();
        List<String> columns = new ArrayList<>();
        if (input) {
            columns.add("input");
        }
        columns.addAll(List.of("model", method, "truth"));
        List<Artifact.ImageRow> out = new ArrayList<>();
        for (Picks.Pick q : pick) {
            double[] info = q.info();
            boolean rc = info[3] != 0;
            List<Artifact.Marker> markers = new ArrayList<>();
            for (int k = 0; k < q.panels().size(); k++) {
                markers.add(new Artifact.Marker(k, info[0], info[1], info[2], "injected"));
            }
            out.add(new Artifact.ImageRow(q.id() + ": missed by the model, " + (rc ? "" : "also ") + (rc
                    ? "recovered by " + method : "missed by " + method), q.panels(), markers));
        }
        return Optional.of(new Artifact.Images("missed", "Missed rare objects",
                "Injections the model did not recover (first those " + method + " recovered), reference plane; the "
                        + "circle marks the injected object.", pl.width(), pl.height(), "", columns, out));
    }
}
