package org.realitycheck.astro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.realitycheck.core.Deprecations;
import org.realitycheck.core.SampleSet;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Old (snake_case) option names still work, and the library says so, not only the CLI: a program calling
 * the domain with {@code read_noise} gets the same set as with {@code read-noise}, and one log warning.
 */
class DeprecatedOptionNamesTest {
    @Test
    void anOldNameGivesTheSameSetAndOneLibraryWarning() {
        Logger log = (Logger) LoggerFactory.getLogger(Deprecations.LOGGER);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            AstroDomain astro = new AstroDomain();
            // 'read_noise' is used by no other test of this module, so this JVM has not warned about it yet
            SampleSet old = astro.data().simulate(3, 7, Map.of("size", "32", "read_noise", "2.5"));
            SampleSet again = astro.data().simulate(3, 7, Map.of("size", "32", "read_noise", "2.5"));
            SampleSet now = astro.data().simulate(3, 7, Map.of("size", "32", "read-noise", "2.5"));
            assertThat(old.sha256()).isEqualTo(now.sha256()).isEqualTo(again.sha256());
            List<String> lines = seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).containsExactly("option 'read_noise' is deprecated and will be removed; use 'read-noise'");
        } finally {
            log.detachAppender(seen);
        }
    }

    @Test
    void theCliAndTheLibrarySayItInOneWording() {
        StringBuilder cli = new StringBuilder();
        new AstroDomain().data().canonicalOptions(Map.of("read_noise", "1"), cli::append);
        assertThat(cli.toString()).isEqualTo(Deprecations.message("option", "read_noise", "read-noise"));
    }
}
