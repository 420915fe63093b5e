package org.realitycheck.cli;

import java.util.List;
import java.util.Map;

import org.realitycheck.core.Range;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Policy;

/**
 * The demo's {@code index.html}: one self-contained page (inline CSS, no scripts, no network) with
 * the verdict table and a link to each model's report. Every string that comes from a model card,
 * a manifest, a policy or a check is HTML-escaped.
 */
final class DemoIndex {
    private DemoIndex() {
    }

    static String html(List<DemoCommand.Row> rows, Map<String, Policy> policies, DemoManifest manifest, boolean trained) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>realitycheck demo</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}\n")
                .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}\n")
                .append(".PASSED{color:#176b2c;font-weight:bold}.FAILED{color:#a31515;font-weight:bold}.WARN{color:#8a6100;font-weight:bold}\n")
                .append(".bad{background:#fde8e8}small{color:#555}ul{margin:0;padding-left:1.2em}\n")
                .append("</style></head><body>\n<h1>realitycheck demo</h1>\n<p>Each model below was gated by the reality checks on ")
                .append("simulated held-out data (seed ").append(manifest.seed()).append("). The shipped defaults should pass; ")
                .append("each flawed model was made on purpose, from a committed recipe, and should fail for its designed reason.")
                .append(trained ? " The models were retrained from their recipes for this run." : "").append("</p>\n");
        b.append("<p>Application ranges of the demo's policies: ");
        boolean first = true;
        for (Map.Entry<String, Policy> e : policies.entrySet()) {
            for (Map.Entry<String, Range> a : e.getValue().application().entrySet()) {
                b.append(first ? "" : "; ").append(esc(e.getKey())).append(" ").append(esc(a.getKey())).append(" ")
                        .append(esc(a.getValue().toString()));
                first = false;
            }
        }
        b.append(".</p>\n<table>\n<tr><th>model</th><th>domain</th><th>verdict</th><th>expected</th><th>failing checks</th><th>report</th></tr>\n");
        for (DemoCommand.Row r : rows) {
            String verdict = r.result().verdict().label();
            String cls = verdict.startsWith("PASSED WITH") ? "WARN" : verdict.startsWith("PASSED") ? "PASSED" : "FAILED";
            b.append("<tr").append(r.asExpected() ? "" : " class=\"bad\"").append("><td>").append(esc(r.model().name()))
                    .append("<br><small>").append(esc(r.result().provenance().model())).append("</small></td><td>")
                    .append(esc(r.model().domain())).append("</td><td class=\"").append(cls).append("\">").append(esc(verdict))
                    .append("</td><td>").append(esc(r.expected()))
                    .append(r.asExpected() ? "" : "<br><strong>not as expected: " + esc(r.model().failing() == null ? "verdict"
                            : r.model().failing() + " gave " + DemoCommand.statusOf(r.result(), r.model().failing())) + "</strong>")
                    .append(r.model().knownGap() && !r.gapClosed() ? "<br><small>known gap: made to fail "
                            + esc(r.model().designedCheck()) + ", which gives " + esc(DemoCommand.statusOf(r.result(), r.model().designedCheck()))
                            + ": " + esc(r.model().gap()) + "</small>" : "")
                    .append("</td><td>");
            List<CheckResult> failing = r.failing();
            if (failing.isEmpty()) {
                b.append("none");
            } else {
                b.append("<ul>");
                for (CheckResult c : failing) {
                    b.append("<li><strong>").append(esc(c.id())).append("</strong> ").append(esc(c.status().name()))
                            .append(": ").append(esc(c.reason())).append("</li>");
                }
                b.append("</ul>");
            }
            b.append("</td><td>");
            for (int i = 0; i < r.files().size(); i++) {
                String f = r.files().get(i);
                b.append(i == 0 ? "" : " · ").append("<a href=\"").append(esc(r.folder() + "/" + f)).append("\">")
                        .append(esc(f)).append("</a>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n<p><small>Written by ").append(esc(rows.isEmpty() ? "realitycheck" : "realitycheck "
                + rows.get(0).result().provenance().tool())).append(". Rebuild any model with <code>realitycheck train --recipe ")
                .append("models/&lt;name&gt;.yaml --out models/&lt;name&gt;.zip</code>.</small></p>\n</body></html>\n");
        return b.toString();
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
