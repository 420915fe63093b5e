package org.realitycheck.validation.checks;

import java.util.List;

import org.realitycheck.core.Observable;
import org.realitycheck.validation.Artifact;
import org.realitycheck.validation.CheckContext;
import org.realitycheck.validation.Evidence;

/** {@code residuals.conventional}'s plots of one observable: residual and pull histograms, bias and resolution per bin. */
final class ResidualsArtifacts {
    private ResidualsArtifacts() {
    }

    static void add(CheckContext ctx, Evidence ev, Observable obs, double[] rm, double[] rc,
            double[][] pulls, BinnedResiduals.Summary s, List<BinnedResiduals.Bin> binned, CovariateBins bins,
            String covName) {
        String name = obs.name();
        String unit = obs.unit();
        double half = Math.max(5 * Math.max(s.sigmaC().value(), s.sigmaM().value()), 1.5 * Math.max(Math.abs(s.biasM().value()), Math.abs(s.biasC().value())));
        double[] edges = Artifacts.edges(-half, half, 50);
        ev.artifact(new Artifact.Histograms("residuals." + name, name + ": residuals against the truth",
                "Model − truth and conventional − truth, overlaid; an approximation as good as the computation "
                        + "overlays it exactly.", name + " residual", unit, edges,
                List.of(Artifacts.series("model − truth", rm, edges), Artifacts.series("conventional − truth", rc, edges))));
        if (pulls != null) {
            double[] pe = Artifacts.edges(-6, 6, 48);
            ev.artifact(new Artifact.Histograms("pulls." + name, name + ": pulls",
                    "(estimate − truth)/σ with the conventional estimate's σ for both, and the N(0, 1) a correct fit "
                            + "follows.", name + " pull", "", pe,
                    List.of(Artifacts.series("model", pulls[0], pe), Artifacts.series("conventional", pulls[1], pe),
                            Artifacts.unitNormal("N(0, 1)", pulls[1].length, pe))));
        }
        if (binned != null) {
            double[] xc = bins.centres();
            double[][] sm = BinnedResiduals.series(binned, BinnedResiduals.Summary::sigmaM);
            double[][] sc = BinnedResiduals.series(binned, BinnedResiduals.Summary::sigmaC);
            double[][] bm = BinnedResiduals.series(binned, BinnedResiduals.Summary::biasM);
            double[][] bc = BinnedResiduals.series(binned, BinnedResiduals.Summary::biasC);
            ev.artifact(new Artifact.Curves("resolution_vs_" + covName + "." + name,
                    name + ": resolution against " + covName,
                    "Robust width (MAD·1.4826) of the residuals per " + covName + " bin with 95% bootstrap CIs.",
                    covName, Artifacts.covariateUnit(ctx, covName), "resolution of " + name, unit, bins.log(),
                    List.of(Artifacts.curve("model", xc, sm[0], sm[1], sm[2]),
                            Artifacts.curve("conventional", xc, sc[0], sc[1], sc[2])),
                    Artifacts.bands(ctx, covName)));
            ev.artifact(new Artifact.Curves("bias_vs_" + covName + "." + name, name + ": bias against " + covName,
                    "Median residual per " + covName + " bin with 95% bootstrap CIs.", covName, Artifacts.covariateUnit(ctx, covName), "bias of " + name,
                    unit, bins.log(),
                    List.of(Artifacts.curve("model", xc, bm[0], bm[1], bm[2]),
                            Artifacts.curve("conventional", xc, bc[0], bc[1], bc[2])),
                    Artifacts.bands(ctx, covName)));
        }
    }
}
