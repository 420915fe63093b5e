package org.realitycheck.core.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryRecorderTest {
    @Test
    void writesEveryStepAsJsonAtomically(@TempDir Path dir) throws Exception {
        HistoryRecorder h = new HistoryRecorder();
        h.onStep(1, 1, Map.of("d", 0.7, "g_adv", 0.6));
        h.onStep(2, 1, Map.of("d", 0.5, "g_adv", 0.9));
        Path file = dir.resolve("sub/history.json");
        h.writeJson(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("steps")).hasSize(2);
        assertThat(root.get("steps").get(1).get("losses").get("g_adv").asDouble()).isEqualTo(0.9);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
