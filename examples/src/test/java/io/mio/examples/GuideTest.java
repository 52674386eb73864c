package io.mio.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/GUIDE.md honest: every Java block in it must be, line for line (indentation aside),
 * part of an example that this module compiles and tests, and the blocks that make up a whole
 * file must be that file.
 */
class GuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "GUIDE.md");
    private static final Path EXAMPLES = Path.of("src", "main", "java");
    private static final Pattern FILE_MARKER = Pattern.compile("<!-- file: (\\S+) -->");

    @Test
    void everyJavaBlockInTheGuideIsCompiledExampleCode() throws IOException {
        List<List<String>> blocks = javaBlocks(Files.readAllLines(GUIDE));
        assertFalse(blocks.isEmpty(), "the guide has Java blocks");
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(code(file).stream().map(String::strip).toList());
            }
        }
        for (List<String> block : blocks) {
            List<String> stripped = block.stream().map(String::strip).toList();
            assertTrue(sources.stream().anyMatch(source -> Collections.indexOfSubList(source, stripped) >= 0),
                    "this block of the guide is not in any example:\n" + String.join("\n", block));
        }
    }

    /**
     * The blocks under a {@code <!-- file: PATH -->} line, put together in order with a blank
     * line between, are that file exactly — but for the snippet markers javadoc uses, which are
     * not code: a reader who copies them has the whole file, and it compiles.
     */
    @Test
    void theBlocksMarkedWithAFileAreThatWholeFile() throws IOException {
        Map<String, List<String>> assembled = new LinkedHashMap<>();
        List<String> guide = Files.readAllLines(GUIDE);
        for (int i = 0; i < guide.size(); i++) {
            Matcher marker = FILE_MARKER.matcher(guide.get(i).strip());
            if (marker.matches()) {
                List<String> file = assembled.computeIfAbsent(marker.group(1), path -> new ArrayList<>());
                if (!file.isEmpty()) {
                    file.add("");
                }
                file.addAll(javaBlocks(guide.subList(i + 1, guide.size())).get(0));
            }
        }
        assertEquals(List.of("examples/src/main/java/io/mio/examples/EchoConnection.java",
                "examples/src/main/java/io/mio/examples/GuideEchoServer.java"), List.copyOf(assembled.keySet()));
        assembled.forEach((path, blocks) -> {
            List<String> source;
            try {
                source = code(Path.of("..", path));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(String.join("\n", source), String.join("\n", blocks), path + ", from the guide's blocks");
        });
    }

    /** A source file's lines without the snippet markers javadoc reads, which are not code. */
    private static List<String> code(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.strip().startsWith("// @start") && !line.strip().equals("// @end"))
                .toList();
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
