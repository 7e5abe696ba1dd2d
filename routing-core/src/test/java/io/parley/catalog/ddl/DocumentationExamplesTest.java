package io.parley.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.parley.catalog.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code sql} block of docs/ddl.md against a new store, so the documentation cannot
 * drift from the language: blocks that mention ENDPOINT run against a node store, the rest against
 * a broker store.
 */
class DocumentationExamplesTest {
    private static final Pattern SQL_BLOCK = Pattern.compile("(?m)^```sql\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern ENDPOINT = Pattern.compile("(?i)\\bENDPOINT\\b");

    @TestFactory
    Stream<DynamicTest> everySqlExampleRunsAgainstANewStore() throws IOException {
        String markdown = Files.readString(documentation());
        List<String> blocks = sqlBlocks(markdown);
        assertThat(String.join("\n", blocks))
                .contains("CREATE MESSAGE TYPE", "CREATE CONTRACT", "CREATE QUEUE", "CREATE SERVICE", "CREATE ROUTE",
                        "CREATE ENDPOINT");
        return blocks.stream().map(block -> DynamicTest.dynamicTest(firstLine(block), () -> {
            ExecutionContext context = ENDPOINT.matcher(block).find() ? Scripts.NODE : Scripts.BROKER;
            assertThatCode(() -> DdlScript.run(block, Catalog.initial(), context)).doesNotThrowAnyException();
        }));
    }

    private static List<String> sqlBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = SQL_BLOCK.matcher(markdown);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static String firstLine(String block) {
        return block.lines().findFirst().orElse("");
    }

    /** docs/ddl.md of the repository, found from wherever the build runs the tests. */
    private static Path documentation() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("ddl.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("docs/ddl.md not found above " + Path.of("").toAbsolutePath());
    }
}
