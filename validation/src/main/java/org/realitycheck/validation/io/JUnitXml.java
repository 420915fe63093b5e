package org.realitycheck.validation.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.realitycheck.core.io.AtomicFiles;
import org.realitycheck.validation.CheckResult;
import org.realitycheck.validation.Judge;
import org.realitycheck.validation.Metric;
import org.realitycheck.validation.ProgressSink;
import org.realitycheck.validation.Status;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.ThresholdResult;

/**
 * Writes {@code junit.xml} for CI servers: one {@code <testsuite>} per run, one {@code <testcase>}
 * per check, in the shape the Jenkins JUnit plugin, GitLab's test reports and GitHub's JUnit actions
 * read (the de facto schema is Jenkins xunit-plugin's {@code junit-10.xsd}).
 * <ul>
 *   <li>FAIL is a {@code <failure>}, ERROR an {@code <error>}, SKIPPED a {@code <skipped>}; the message is the
 *       check's one-line reason, the body lists every threshold and metric.</li>
 *   <li>WARN is a {@code <skipped message="WARN: ...">} (a {@code <failure>} with {@code failOnWarn}): the
 *       reporters above show skipped tests in their own colour with the message, where a passing test with
 *       {@code <system-out>} would read green. A testcase cannot carry properties in that schema, so the suite's
 *       {@code <properties>} list {@code warnings} (the count) and one {@code warn:<check>} entry per warning;
 *       {@code skipped="N"} counts WARNs and SKIPPED alike, as the reporters count the elements.</li>
 *   <li>{@code classname} is {@code realitycheck.<domain>.<model>} (the model file's name without its extension,
 *       dots replaced by {@code _}), and so is the suite's name: two models in one pipeline do not collide.</li>
 *   <li>{@code time} is each check's wall time in seconds when the caller measured it ({@link CheckTimes}), else
 *       0 (a report re-rendered from {@code result.json} has no times); the suite's is their sum.</li>
 * </ul>
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** @return the XML text, every {@code time} 0 */
    public static String toXml(SuiteResult r, boolean failOnWarn) {
        return toXml(r, failOnWarn, Map.of());
    }

    /**
     * @param seconds wall seconds per check id ({@link CheckTimes#seconds()}); a check without an entry gets 0
     * @return the XML text
     */
    public static String toXml(SuiteResult r, boolean failOnWarn, Map<String, Double> seconds) {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        int warnings = 0;
        double total = 0;
        for (CheckResult c : r.checks()) {
            switch (c.status()) {
                case FAIL -> failures++;
                case WARN -> {
                    warnings++;
                    failures += failOnWarn ? 1 : 0;
                    skipped += failOnWarn ? 0 : 1;
                }
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                default -> { }
            }
            total += seconds.getOrDefault(c.id(), 0.0);
        }
        String suite = "realitycheck." + name(r.provenance().domain()) + "." + modelName(r.provenance().model());
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%s\" timestamp=\"%s\">%n",
                esc(suite), r.checks().size(), failures, errors, skipped, time(total), esc(r.provenance().timestamp())));
        sb.append("  <properties>\n");
        prop(sb, "verdict", r.verdict().label());
        prop(sb, "model", r.provenance().model());
        prop(sb, "modelSha256", r.provenance().modelSha256());
        prop(sb, "data", r.provenance().data());
        prop(sb, "seed", Long.toString(r.provenance().seed()));
        prop(sb, "warnings", Integer.toString(warnings));
        for (CheckResult c : r.checks()) {
            if (c.status() == Status.WARN) {
                prop(sb, "warn:" + c.id(), c.reason());
            }
        }
        sb.append("  </properties>\n");
        for (CheckResult c : r.checks()) {
            sb.append("  <testcase classname=\"").append(esc(suite)).append("\" name=\"").append(esc(c.id()))
                    .append("\" time=\"").append(time(seconds.getOrDefault(c.id(), 0.0))).append("\">\n");
            String body = details(c);
            boolean warnFails = c.status() == Status.WARN && failOnWarn;
            if (c.status() == Status.FAIL || warnFails) {
                sb.append("    <failure message=\"").append(esc(c.reason())).append("\" type=\"")
                        .append(c.status().name()).append("\">").append(esc(body)).append("</failure>\n");
            } else if (c.status() == Status.ERROR) {
                sb.append("    <error message=\"").append(esc(c.reason())).append("\" type=\"ERROR\">")
                        .append(esc(body)).append("</error>\n");
            } else if (c.status() == Status.WARN) {
                sb.append("    <skipped message=\"").append(esc("WARN: " + c.reason())).append("\" type=\"WARN\">")
                        .append(esc(body)).append("</skipped>\n");
            } else if (c.status() == Status.SKIPPED) {
                sb.append("    <skipped message=\"").append(esc("SKIPPED: " + c.reason())).append("\" type=\"SKIPPED\"/>\n");
            }
            sb.append("    <system-out>").append(esc(c.status() + ": " + c.reason() + "\n" + body)).append("</system-out>\n");
            sb.append("  </testcase>\n");
        }
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    /** Writes {@code junit.xml} atomically, every {@code time} 0. */
    public static void write(SuiteResult r, Path file, boolean failOnWarn) throws IOException {
        write(r, file, failOnWarn, Map.of());
    }

    /** Writes {@code junit.xml} atomically with each check's wall time ({@link CheckTimes#seconds()}). */
    public static void write(SuiteResult r, Path file, boolean failOnWarn, Map<String, Double> seconds) throws IOException {
        AtomicFiles.writeString(file, toXml(r, failOnWarn, seconds));
    }

    /**
     * A {@link ProgressSink} that measures each check's wall time from the suite's progress ({@code "check <id>"}
     * when a check starts, {@code "checks"} when all are done) and passes every update on.
     */
    public static final class CheckTimes implements ProgressSink {
        private static final String PREFIX = "check ";
        private final ProgressSink next;
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private String current;
        private long since;

        /** @param next the sink every update is passed on to */
        public CheckTimes(ProgressSink next) {
            this.next = next;
        }

        @Override
        public void update(String task, long done, long total) {
            boolean start = task.startsWith(PREFIX);
            if (start && !task.substring(PREFIX.length()).equals(current) || "checks".equals(task) && done == total) {
                long now = System.nanoTime();
                if (current != null) {
                    seconds.merge(current, (now - since) / 1e9, Double::sum);
                }
                current = start ? task.substring(PREFIX.length()) : null;
                since = now;
            }
            next.update(task, done, total);
        }

        /** @return wall seconds per check id measured so far */
        public Map<String, Double> seconds() {
            return Map.copyOf(seconds);
        }
    }

    private static String time(double secs) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, secs));
    }

    /** @return a model file's name without folders and extension, dots as {@code _} (a dot separates packages in reporters) */
    public static String modelName(String model) {
        String m = model == null || model.isBlank() ? "model" : model.replace('\\', '/');
        m = m.substring(m.lastIndexOf('/') + 1);
        int dot = m.lastIndexOf('.');
        return name(dot > 0 ? m.substring(0, dot) : m);
    }

    private static String name(String s) {
        return s == null || s.isBlank() ? "unknown" : s.replace('.', '_');
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
