package io.mio.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/GUIDE.md honest: every Java block in it must be, line for line (indentation aside),
 * part of an example that this module compiles and tests.
 */
class GuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "GUIDE.md");
    private static final Path EXAMPLES = Path.of("src", "main", "java");

    @Test
    void everyJavaBlockInTheGuideIsCompiledExampleCode() throws IOException {
        List<List<String>> blocks = javaBlocks(Files.readAllLines(GUIDE));
        assertFalse(blocks.isEmpty(), "the guide has Java blocks");
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Files.readAllLines(file).stream().map(String::strip).toList());
            }
        }
        for (List<String> block : blocks) {
            List<String> stripped = block.stream().map(String::strip).toList();
            assertTrue(sources.stream().anyMatch(source -> Collections.indexOfSubList(source, stripped) >= 0),
                    "this block of the guide is not in any example:\n" + String.join("\n", block));
        }
    }

    private static List<List<String>> javaBlocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (current == null && line.strip().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }
}
