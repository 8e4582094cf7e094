package io.voltmsg.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md lists every voltmsg.* property the application reads (the @ConfigurationProperties records and
 * the ${voltmsg...:default} placeholders) with its default, and nothing else: a new property without a line, a
 * line for a property that is gone, or a default that differs fails the build.
 */
class OperationsDocTest {

    static final Path DOC = RepoFiles.root().resolve("docs/operations.md");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(voltmsg\\.[a-z0-9.-]+)`\\s*\\|([^|]*)\\|", Pattern.MULTILINE);

    @Test
    void everyPropertyOfTheApplicationHasALineWithItsDefault() throws IOException {
        Map<String, String> code = ConfiguredProperties.of(
                ConfiguredProperties.recordsUnder("io.voltmsg"),
                RepoFiles.root().resolve("server/src/main/java"));
        assertThat(code).as("properties found in the code").hasSizeGreaterThan(40);
        Map<String, String> doc = documentedDefaults(Files.readString(DOC));
        assertThat(doc.keySet()).as("properties in docs/operations.md (missing lines or stale ones)")
                .containsExactlyInAnyOrderElementsOf(code.keySet());
        code.forEach((name, value) -> assertThat(doc.get(name)).as("default of " + name + " in docs/operations.md")
                .isEqualTo(ConfiguredProperties.describe(value)));
    }

    @Test
    void aPropertyWithoutALineIsReported() {
        Map<String, String> doc = documentedDefaults("""
                | `voltmsg.a` | `1` | one |
                | `voltmsg.b.c-d` | none (generated) | two |
                """);
        assertThat(doc).containsEntry("voltmsg.a", "1").containsEntry("voltmsg.b.c-d", "none").hasSize(2);
        assertThat(doc.keySet()).doesNotContain("voltmsg.e");
        assertThat(ConfiguredProperties.describe(null)).isEqualTo("none");
        assertThat(ConfiguredProperties.describe("")).isEqualTo("empty");
        assertThat(ConfiguredProperties.describe("5s")).isEqualTo("5s");
    }

    /** Property name to its default cell: the text in backticks, or the first word ("none", "empty"). */
    static Map<String, String> documentedDefaults(String markdown) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = ROW.matcher(markdown);
        while (m.find()) {
            String cell = m.group(2).strip();
            Matcher code = Pattern.compile("^`([^`]*)`").matcher(cell);
            String value = code.find() ? code.group(1) : cell.split("[\\s(]", 2)[0];
            if (out.put(m.group(1), value) != null) {
                throw new AssertionError(m.group(1) + " has two lines in docs/operations.md");
            }
        }
        return out;
    }

    static List<String> documentedProperties() throws IOException {
        return List.copyOf(documentedDefaults(Files.readString(DOC)).keySet());
    }
}
