package org.realitycheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.realitycheck.reports.internal.Charts;
import org.realitycheck.reports.internal.ImagePanels;
import org.realitycheck.reports.internal.Views;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.ThresholdResult;

/** The figures' own explanations: the judged ratio with its bound, pile-ups at a range's edge, the residual panel. */
class FiguresTest {
    private static final double[] PT = {0.65, 1.3, 3, 8, 20, 60};
    private static final Artifact.Curves RESOLUTION = new Artifact.Curves("resolution_vs_pt.q_over_pt",
            "q_over_pt: resolution against pt", "caption", "pt", "GeV", "resolution of q_over_pt", "1/GeV", true,
            List.of(Artifact.Curve.of("model", PT, new double[] {0.0151, 0.011, 0.0105, 0.0104, 0.0103, 0.0102}),
                    Artifact.Curve.of("conventional", PT, new double[] {0.01, 0.01, 0.01, 0.01, 0.01, 0.01})),
            List.of(new Artifact.Band("application range", "application", 0.5, 100)));

    private static ThresholdResult failing(String metric) {
        return new ThresholdResult(metric, metric, "upper", 1.3, 1.51, "CI [1.35, 1.68]", "fail", Status.FAIL, "violates");
    }

    @Test
    void theJudgedRatioIsDrawnWithItsBoundBesideTheResolutionItComesFrom() {
        var fig = Views.judgedRatio(RESOLUTION, failing("q_over_pt.worst_resolution_ratio_in_application_range"), "≤ 1.3");
        assertThat(fig).isPresent();
        assertThat((String) fig.get().get("caption")).contains("q_over_pt.worst_resolution_ratio_in_application_range")
                .contains("≤ 1.3");
        assertThat((String) fig.get().get("drawn")).contains("drawn for this report");
        // another observable's threshold, a second covariate's curve (a prefixed metric), or a bias ratio: no figure
        assertThat(Views.judgedRatio(RESOLUTION, failing("phi0.worst_resolution_ratio_in_application_range"), "≤ 1.3")).isEmpty();
        assertThat(Views.judgedRatio(RESOLUTION, failing("eta.q_over_pt.worst_resolution_ratio_in_application_range"), "≤ 1.3")).isEmpty();
        assertThat(Views.judgedRatio(RESOLUTION, failing("q_over_pt.worst_bias_excess_in_application_range"), "≤ 0.005")).isEmpty();
    }

    @Test
    void aSpikeAtTheEdgeOfTheRangeIsExplainedAndAnOrdinaryHistogramIsNot() {
        var spike = new Artifact.Series("model", new double[] {594, 3, 5, 10, 20, 30}, 0, 0, false);
        assertThat(Charts.pileUp(spike)).get().asString().contains("first bin of model holds 594 of its 662 entries")
                .contains("not an underflow bin");
        assertThat(Charts.pileUp(new Artifact.Series("m", new double[] {5, 10, 20, 10, 5}, 3, 4, false))).isEmpty();
    }

    @Test
    void missedObjectsGetAModelMinusTruthPanelMarkedLikeTheTruth() {
        float[] model = new float[16];
        float[] truth = new float[16];
        truth[5] = 10;
        var row = new Artifact.ImageRow("inj-1", List.of(new float[16], model, truth),
                List.of(new Artifact.Marker(2, 1, 1, 1, "injected")));
        var a = new Artifact.Images("missed", "Missed", "c", 4, 4, "counts", List.of("input", "model", "truth"), List.of(row));
        Artifact.Images with = ImagePanels.withResidual(a);
        assertThat(with.columns()).containsExactly("input", "model", "truth", "model \u2212 truth");
        assertThat(with.rows().get(0).panels().get(3)[5]).isEqualTo(-10f);
        assertThat(with.rows().get(0).markers()).extracting(Artifact.Marker::panel).containsExactly(2, 3);
        assertThat(ImagePanels.withResidual(with)).isSameAs(with);
    }
}
