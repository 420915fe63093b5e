package org.realitycheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Domain;
import org.realitycheck.core.Domains;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code --help} texts are whole and current: the top-level command list shows each command's first
 * sentence entire (never cut at a dot or mid-sentence), every description and option text ends a sentence,
 * and {@code validate --help} names the data options as a user types them (kebab-case).
 */
class HelpTextTest {
    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** The "Commands:" section of the top-level help, command name → its text with wrapped lines joined. */
    static Map<String, String> commandList(String help) {
        Map<String, String> out = new LinkedHashMap<>();
        String section = help.substring(help.indexOf("Commands:") + "Commands:".length());
        int end = section.indexOf("\n\n", 1);
        String last = null;
        for (String line : (end < 0 ? section : section.substring(0, end)).split("\n")) {
            Matcher m = Pattern.compile("^  (\\S+)\\s{2,}(.*)$").matcher(line);
            if (m.matches()) {
                last = m.group(1);
                out.put(last, m.group(2));
            } else if (last != null && !line.isBlank()) {
                out.put(last, out.get(last) + " " + line.strip());
            }
        }
        out.replaceAll((k, v) -> squash(v));
        return out;
    }

    @Test
    void theCommandListShowsEachCommandsFirstSentenceWhole() {
        MainTest.Run r = MainTest.run("--help");
        assertThat(r.code()).isZero();
        Map<String, String> shown = commandList(r.out());
        CommandLine cl = new CommandLine(new Main());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            String[] desc = e.getValue().getCommandSpec().usageMessage().description();
            String first = squash(desc[0]);
            if (!first.equals(shown.get(e.getKey()))) {
                problems.add(e.getKey() + ": shown '" + shown.get(e.getKey()) + "', first description line '" + first + "'");
            }
            if (!first.endsWith(".")) {
                problems.add(e.getKey() + ": the first description line is no whole sentence: '" + first + "'");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(shown.get("demo")).contains("flawed ones the gate must catch.");
    }

    @Test
    void everyDescriptionAndOptionTextEndsASentence() {
        List<String> cut = new ArrayList<>();
        for (CommandLine sub : new CommandLine(new Main()).getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.name().equals("help")) {
                continue; // picocli's own
            }
            for (String d : spec.usageMessage().description()) {
                String t = squash(d);
                // blank lines, headings ("Example:") and indented example commands are no sentences
                boolean prose = !t.isEmpty() && !t.endsWith(":") && !Character.isWhitespace(d.charAt(0));
                if (prose && !endsSentence(t)) {
                    cut.add(spec.name() + ": '" + t + "'");
                }
            }
            for (OptionSpec o : spec.options()) {
                String t = squash(String.join(" ", o.description()));
                if (!t.isEmpty() && !endsSentence(t)) {
                    cut.add(spec.name() + " " + o.longestName() + ": '" + t + "'");
                }
            }
        }
        assertThat(cut).as("help texts that stop mid-sentence").isEmpty();
    }

    private static boolean endsSentence(String t) {
        return t.endsWith(".") || t.endsWith(".)") || t.endsWith("?") || t.endsWith("}.");
    }

    @Test
    void validateHelpNamesTheDataOptionsInKebabCase() {
        MainTest.Run r = MainTest.run("validate", "--help");
        assertThat(r.code()).isZero();
        String help = squash(r.out());
        String dataOption = help.substring(help.indexOf("--data-option"), help.indexOf("--data-option") + 400);
        for (Domain d : Domains.all()) {
            for (String name : d.data().dataOptions()) {
                assertThat(help).as(d.name() + " data option " + name).contains(name);
                assertThat(name).as("a data option a user types").matches("[a-z][a-z0-9-]*");
            }
        }
        assertThat(dataOption).doesNotContainPattern("[a-z]+_[a-z_]+");
    }
}
