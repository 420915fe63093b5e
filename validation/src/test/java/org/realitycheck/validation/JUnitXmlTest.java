package org.realitycheck.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.realitycheck.validation.io.JUnitXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * junit.xml as CI reporters read it: WARNs visible as {@code <skipped message="WARN: ...">} and in the
 * suite's properties, the model in every classname, real times. (.ci/junit-reporters.sh feeds the same
 * file to two npm JUnit parsers used by CI dashboards.)
 */
class JUnitXmlTest {
    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static SuiteResult warned() {
        Policy warnPolicy = SuiteTest.policy("""
                samples: 60
                checks:
                  toy.error: {thresholds: {mean_abs_error: {upper: 0.0001, severity: warn}}}
                """);
        return RealityCheck.of(org.realitycheck.validation.testing.Toy.oracle(0.1)).domain(org.realitycheck.validation.testing.Toy.DOMAIN)
                .policy(warnPolicy).checks(SuiteTest.CHECKS).seed(1).run();
    }

    @Test
    void aWarningIsASkippedTestcaseWithItsReasonAndASuiteProperty() throws Exception {
        SuiteResult w = warned();
        assertThat(w.check("toy.error").orElseThrow().status()).isEqualTo(Status.WARN);
        Document d = parse(JUnitXml.toXml(w, false));
        Element warn = testcase(d, "toy.error");
        Element skipped = (Element) warn.getElementsByTagName("skipped").item(0);
        assertThat(skipped).as("a WARN is not a silent pass").isNotNull();
        assertThat(skipped.getAttribute("message")).startsWith("WARN: mean_abs_error");
        assertThat(warn.getElementsByTagName("failure").getLength()).isZero();
        Element suite = d.getDocumentElement();
        long skippedElements = d.getElementsByTagName("skipped").getLength();
        assertThat(suite.getAttribute("skipped")).as("the count matches the elements").isEqualTo(Long.toString(skippedElements));
        assertThat(property(d, "warnings")).isEqualTo("1");
        assertThat(property(d, "warn:toy.error")).startsWith("mean_abs_error");
        // with --fail-on-warn it is a failure, and no longer skipped
        Document f = parse(JUnitXml.toXml(w, true));
        assertThat(testcase(f, "toy.error").getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(testcase(f, "toy.error").getElementsByTagName("skipped").getLength()).isZero();
        assertThat(f.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void classnameCarriesDomainAndModelAndTimesAreTheChecksOwn() throws Exception {
        SuiteResult r = SuiteTest.run(0.1, 4, null);
        JUnitXml.CheckTimes times = new JUnitXml.CheckTimes(ProgressSink.NONE);
        // the real sink, driven by the suite itself
        RealityCheck.of(org.realitycheck.validation.testing.Toy.oracle(0.1)).domain(org.realitycheck.validation.testing.Toy.DOMAIN)
                .policy(SuiteTest.policy(SuiteTest.POLICY)).checks(SuiteTest.CHECKS).seed(4).progress(times).run();
        assertThat(times.seconds()).containsOnlyKeys("toy.error", "toy.throws", "toy.unlisted");
        assertThat(times.seconds().values()).allMatch(s -> s >= 0).anyMatch(s -> s > 0);
        Document d = parse(JUnitXml.toXml(r, false, times.seconds()));
        String classname = testcase(d, "toy.error").getAttribute("classname");
        assertThat(classname).startsWith("realitycheck.").endsWith("." + JUnitXml.modelName(r.provenance().model()))
                .isEqualTo(d.getDocumentElement().getAttribute("name"));
        assertThat(Double.parseDouble(testcase(d, "toy.error").getAttribute("time")))
                .isCloseTo(times.seconds().get("toy.error"), org.assertj.core.data.Offset.offset(0.001));
        assertThat(JUnitXml.modelName("runs/galaxy.v2.zip")).isEqualTo("galaxy_v2");
        assertThat(JUnitXml.modelName("C:\\m\\track-gan.onnx")).isEqualTo("track-gan");
    }

    private static Element testcase(Document d, String name) {
        var cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    private static String property(Document d, String name) {
        var ps = d.getElementsByTagName("property");
        for (int i = 0; i < ps.getLength(); i++) {
            Element e = (Element) ps.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e.getAttribute("value");
            }
        }
        throw new AssertionError("no property " + name);
    }
}
