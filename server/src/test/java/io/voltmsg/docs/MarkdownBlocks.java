package io.voltmsg.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown document, each with its info string and the snippet marker
 * ({@code <!-- snippet: ... -->}) on the line right before its opening fence, if any.
 */
final class MarkdownBlocks {

    /** One fenced block; {@code marker} is the text after {@code snippet:} ("" when unmarked), {@code line} 1-based. */
    record Block(String language, String code, String marker, int line) {
        String markerWord() {
            return marker.isBlank() ? "" : marker.strip().split("\\s+", 2)[0];
        }

        String markerArgument() {
            String[] parts = marker.strip().split("\\s+", 2);
            return parts.length < 2 ? "" : parts[1].strip();
        }

        @Override
        public String toString() {
            return "```" + language + " block at line " + line + (marker.isBlank() ? "" : " (" + marker + ")");
        }
    }

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,})\\s*([\\w+-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(.*?)\\s*-->\\s*$");

    private MarkdownBlocks() {
    }

    static List<Block> parse(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            String fence = open.group(2);
            String language = open.group(3);
            String marker = "";
            if (i > 0) {
                Matcher m = MARKER.matcher(lines[i - 1]);
                if (m.matches()) {
                    marker = m.group(1);
                }
            }
            StringBuilder code = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].strip().equals(fence)) {
                String line = lines[j];
                code.append(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading()).append('\n');
                j++;
            }
            if (j >= lines.length) {
                throw new IllegalArgumentException("unclosed code block at line " + (i + 1));
            }
            blocks.add(new Block(language, code.toString(), marker, i + 1));
            i = j;
        }
        return blocks;
    }
}
