package org.realitycheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.realitycheck.validation.SuiteResult;
import org.realitycheck.validation.io.ResultJson;

/** The HTML report: self-contained, escaped, deterministic, re-renderable from result.json. */
class HtmlReportTest {
    /** Each fixture rendered once per test run: drawing dominates the tests' time. */
    private static final java.util.Map<String, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    static String rendered(String name) {
        return RENDERED.computeIfAbsent(name, n -> HtmlReport.render(fixture(n)));
    }

    static SuiteResult fixture(String name) {
        return switch (name) {
            case "astro-pass" -> Fixtures.astroPassing();
            case "astro-fail" -> Fixtures.astroFailing();
            case "hep-warn" -> Fixtures.hep(Fixtures.hepBaseline());
            case "hostile" -> Fixtures.hostile();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static final Pattern URL_IN_CSS = Pattern.compile("url\\(", Pattern.CASE_INSENSITIVE);

    @Test
    void everyFixtureIsSelfContainedHtml5UnderTheBudget() throws Exception {
        for (String name : List.of("astro-pass", "astro-fail", "hep-warn")) {
            SuiteResult r = fixture(name);
            String html = rendered(name);
            assertThat(html).startsWith("<!DOCTYPE html>");
            assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(5_000_000);
            Document doc = Jsoup.parse(html);
            // an HTML5 parse without errors, and the structure a reader relies on
            Parser parser = Parser.htmlParser().setTrackErrors(50);
            Jsoup.parse(html, "", parser);
            assertThat(parser.getErrors()).as("HTML parse errors").isEmpty();
            assertThat(doc.select("script")).isEmpty();
            assertThat(doc.select("[src], [href]")).allSatisfy(e -> {
                String v = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                assertThat(v).doesNotContain("http://").doesNotContain("https://").doesNotStartWith("//");
            });
            assertThat(URL_IN_CSS.matcher(html).find()).as("url( in CSS").isFalse();
            assertThat(doc.select("header.verdict .word").text()).contains(r.verdict().label());
            assertThat(doc.select("#checks tbody tr")).hasSize(r.checks().size());
            List<Element> imgs = doc.select("img");
            long pictures = r.checks().stream().flatMap(c -> c.artifacts().stream())
                    .filter(a -> !(a instanceof org.realitycheck.validation.Artifact.Table)).count();
            assertThat(imgs).hasSize((int) pictures);
            for (Element img : imgs) {
                String src = img.attr("src");
                assertThat(src).startsWith("data:image/png;base64,");
                BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(22))));
                assertThat(png).isNotNull();
                // drawn at 1.5x (charts) or 2x (image panels) the CSS size, for high-DPI screens
                double scale = (double) png.getWidth() / Integer.parseInt(img.attr("width"));
                assertThat(scale).isBetween(1.49, 2.01);
                assertThat(img.attr("alt")).isNotBlank();
            }
        }
    }

    @Test
    void orderOfContentsIsVerdictChecksEvidenceProvenanceBaseline() {
        String html = rendered("hep-warn");
        int verdict = html.indexOf("class=\"verdict");
        int checks = html.indexOf("id=\"checks\"");
        int evidence = html.indexOf("id=\"evidence\"");
        int prov = html.indexOf("id=\"provenance\"");
        int base = html.indexOf("id=\"baseline\"");
        assertThat(verdict).isPositive().isLessThan(checks);
        assertThat(checks).isLessThan(evidence);
        assertThat(evidence).isLessThan(prov);
        assertThat(prov).isLessThan(base);
        Document doc = Jsoup.parse(html);
        // regressions first in the baseline table
        assertThat(doc.select("#baseline tbody tr").first().text()).contains("WARN").contains("pt.bias");
        assertThat(doc.select("#provenance pre").text())
                .isEqualTo("realitycheck validate --domain hep --model tracks.zip --seed 5 --out 'out dir'");
        assertThat(Jsoup.parse(rendered("astro-pass")).select("#baseline")).isEmpty();
    }

    @Test
    void hostileStringsComeOutAsText() {
        String html = rendered("hostile");
        assertThat(html).doesNotContain(Fixtures.HOSTILE);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).isEmpty();
        // the model name, card, notes, reasons, table cells and command all show the text as written
        assertThat(doc.select("header.verdict dd").first().text()).isEqualTo(Fixtures.HOSTILE + ".zip");
        assertThat(doc.select("ul.notes li").eachText()).contains("note " + Fixtures.HOSTILE);
        assertThat(doc.select("figure td").eachText()).contains(Fixtures.HOSTILE);
        assertThat(doc.select("#checks tbody td").eachText()).anyMatch(t -> t.contains(Fixtures.HOSTILE + " | pipe"));
        assertThat(doc.select("#provenance td").eachText()).contains(Fixtures.HOSTILE);
        assertThat(doc.select("#provenance pre").text()).contains("'" + Fixtures.HOSTILE + ".zip'");
    }

    @Test
    void renderingIsDeterministicAndSurvivesResultJson(@TempDir Path tmp) throws Exception {
        SuiteResult r = Fixtures.astroFailing();
        String once = rendered("astro-fail");
        // drawn a second time, from what ResultJson wrote: byte for byte the same
        Path json = tmp.resolve("result.json");
        ResultJson.write(r, json);
        Path out = tmp.resolve("report.html");
        HtmlReport.write(ResultJson.read(json), out);
        assertThat(Files.readString(out)).isEqualTo(once);
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("result.json", "report.html");
        }
    }

    @Test
    void fixtureReportsForPeople() throws Exception {
        // not an assertion: leaves the reports where a person (or headless Chromium) can look at them
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "realitycheck-reports");
        Files.createDirectories(dir);
        for (String name : List.of("astro-pass", "astro-fail", "hep-warn", "hostile")) {
            Files.writeString(dir.resolve(name + ".html"), rendered(name));
        }
        Files.writeString(dir.resolve("astro-fail.md"), MarkdownSummary.render(Fixtures.astroFailing()));
        ComparisonReport.of(Fixtures.astroPassing(), "a/result.json", Fixtures.astroFailing(), "b/result.json").write(dir);
        assertThat(dir.resolve("compare.html")).exists();
    }
}
