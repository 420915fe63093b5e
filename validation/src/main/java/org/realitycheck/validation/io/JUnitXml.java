package org.realitycheck.validation.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.realitycheck.core.io.AtomicFiles;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.ThresholdResult;

/**
 * Writes {@code junit.xml} for CI servers: one {@code <testsuite>} per run, one {@code <testcase>}
 * per check. FAIL becomes {@code <failure>}, ERROR {@code <error>}, SKIPPED {@code <skipped>}; WARN is
 * a failure only with {@code failOnWarn} and otherwise passes with the warning in
 * {@code <system-out>}. The failure message is the check's one-line reason; the body lists every
 * threshold.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** @return the XML text */
    public static String toXml(SuiteResult r, boolean failOnWarn) {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (CheckResult c : r.checks()) {
            switch (c.status()) {
                case FAIL -> failures++;
                case WARN -> failures += failOnWarn ? 1 : 0;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                default -> { }
            }
        }
        String suite = "realitycheck." + r.provenance().domain();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" timestamp=\"%s\">%n",
                esc(suite), r.checks().size(), failures, errors, skipped, esc(r.provenance().timestamp())));
        sb.append("  <properties>\n");
        prop(sb, "verdict", r.verdict().label());
        prop(sb, "model", r.provenance().model());
        prop(sb, "modelSha256", r.provenance().modelSha256());
        prop(sb, "data", r.provenance().data());
        prop(sb, "seed", Long.toString(r.provenance().seed()));
        sb.append("  </properties>\n");
        for (CheckResult c : r.checks()) {
            sb.append("  <testcase classname=\"").append(esc(suite)).append("\" name=\"").append(esc(c.id()))
                    .append("\" time=\"0\">\n");
            String body = details(c);
            boolean warnFails = c.status() == Status.WARN && failOnWarn;
            if (c.status() == Status.FAIL || warnFails) {
                sb.append("    <failure message=\"").append(esc(c.reason())).append("\" type=\"")
                        .append(c.status().name()).append("\">").append(esc(body)).append("</failure>\n");
            } else if (c.status() == Status.ERROR) {
                sb.append("    <error message=\"").append(esc(c.reason())).append("\" type=\"ERROR\">")
                        .append(esc(body)).append("</error>\n");
            } else if (c.status() == Status.SKIPPED) {
                sb.append("    <skipped message=\"").append(esc(c.reason())).append("\"/>\n");
            }
            sb.append("    <system-out>").append(esc(c.status() + ": " + c.reason() + "\n" + body)).append("</system-out>\n");
            sb.append("  </testcase>\n");
        }
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    /** Writes {@code junit.xml} atomically. */
    public static void write(SuiteResult r, Path file, boolean failOnWarn) throws IOException {
        AtomicFiles.writeString(file, toXml(r, failOnWarn));
    }

    private static String details(CheckResult c) {
        StringBuilder sb = new StringBuilder();
        for (ThresholdResult t : c.thresholds()) {
            sb.append(t.status()).append(": ").append(t.reason()).append('\n');
        }
        for (Metric m : c.metrics()) {
            sb.append("  ").append(Judge.describe(m)).append('\n');
        }
        return sb.toString();
    }

    private static void prop(StringBuilder sb, String name, String value) {
        sb.append("    <property name=\"").append(esc(name)).append("\" value=\"").append(esc(value)).append("\"/>\n");
    }

    /** Escapes XML text and attribute values; drops characters XML 1.0 cannot hold. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (ch == '\n' || ch == '\t' || ch == '\r' || ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF) {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
