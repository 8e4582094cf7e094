package io.voltmsg.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltmsg.docs.MarkdownBlocks.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownBlocksTest {

    @Test
    void findsBlocksWithTheirLanguageMarkerAndLine() {
        List<Block> blocks = MarkdownBlocks.parse("""
                # Title
                ```sh
                echo one
                ```
                text
                <!-- snippet: response -->
                ```json
                {"a": 1}
                ```
                <!--snippet:config systemd examples/x.service-->
                ````ini
                [Unit]
                ```
                still inside
                ````
                """);
        assertThat(blocks).extracting(Block::language).containsExactly("sh", "json", "ini");
        assertThat(blocks.get(0).code()).isEqualTo("echo one\n");
        assertThat(blocks.get(0).marker()).isEmpty();
        assertThat(blocks.get(0).line()).isEqualTo(2);
        assertThat(blocks.get(1).markerWord()).isEqualTo("response");
        assertThat(blocks.get(2).markerWord()).isEqualTo("config");
        assertThat(blocks.get(2).markerArgument()).isEqualTo("systemd examples/x.service");
        assertThat(blocks.get(2).code()).isEqualTo("[Unit]\n```\nstill inside\n");
    }

    @Test
    void aMarkerCountsOnlyRightBeforeItsBlock() {
        List<Block> blocks = MarkdownBlocks.parse("<!-- snippet: skip old -->\n\n```sh\nls\n```\n");
        assertThat(blocks).singleElement().extracting(Block::marker).isEqualTo("");
    }

    @Test
    void indentedBlocksInListsLoseTheirIndentation() {
        List<Block> blocks = MarkdownBlocks.parse("1. Run:\n\n   ```sh\n   echo a\n     echo b\n   ```\n");
        assertThat(blocks).singleElement().extracting(Block::code).isEqualTo("echo a\n  echo b\n");
    }

    @Test
    void anUnclosedBlockIsAnError() {
        assertThatThrownBy(() -> MarkdownBlocks.parse("text\n```sh\necho\n")).hasMessageContaining("line 2");
    }

    @Test
    void aDocumentWithoutBlocksHasNone() {
        assertThat(MarkdownBlocks.parse("")).isEmpty();
        assertThat(MarkdownBlocks.parse("`inline` and ``double``\n")).isEmpty();
    }
}
