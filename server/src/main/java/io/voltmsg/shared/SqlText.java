package io.voltmsg.shared;

import java.util.Locale;

/**
 * What a statement's text says about whether it changes data, for statements run as queries (a
 * {@code RETURNING} insert, a data-modifying {@code WITH}); updates and batches say it with their counts.
 */
final class SqlText {

    private SqlText() {
    }

    /**
     * True when the statement changes data: it begins with INSERT, UPDATE, DELETE or MERGE, calls a procedure
     * (which may write), or is a WITH whose parts insert, update, delete or merge. A SELECT, even one that locks
     * rows ({@code FOR UPDATE}), does not. Looks at the first word only, unless that word is WITH.
     */
    static boolean changesData(String sql) {
        if (sql == null) {
            return false;
        }
        int start = skipSpaceAndComments(sql, 0);
        if (start < sql.length() && sql.charAt(start) == '{') {
            return true; // {call ...}, {? = call ...}: JDBC's escape for procedures
        }
        if (isWordAt(sql, start, "select")) {
            return false; // the common case, decided without copying the text
        }
        if (isWordAt(sql, start, "with")) {
            return modifyingWordIn(sql, start + "with".length());
        }
        return isWordAt(sql, start, "insert") || isWordAt(sql, start, "update") || isWordAt(sql, start, "delete")
                || isWordAt(sql, start, "merge") || isWordAt(sql, start, "call");
    }

    private static boolean isWordAt(String sql, int from, String word) {
        int end = from + word.length();
        return sql.regionMatches(true, from, word, 0, word.length()) && (end == sql.length() || !isWordChar(sql.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Whether a data-modifying keyword stands outside literals and quoted names; FOR UPDATE and FOR NO KEY UPDATE lock, they do not modify. */
    private static boolean modifyingWordIn(String sql, int from) {
        String previous = "";
        int i = from;
        while (i < sql.length()) {
            i = skipSpaceAndComments(sql, i);
            if (i >= sql.length()) {
                break;
            }
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(sql, i, c);
                previous = "";
            } else if (isWordChar(c)) {
                String word = wordAt(sql, i);
                if (word.equals("insert") || word.equals("delete") || word.equals("merge")
                        || word.equals("update") && !previous.equals("for") && !previous.equals("key")) {
                    return true;
                }
                previous = word;
                i += word.length();
            } else {
                previous = "";
                i++;
            }
        }
        return false;
    }

    private static int skipSpaceAndComments(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** The index after the quote closing the one at {@code open}; a doubled quote is an escaped one. */
    private static int closingQuote(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The word (letters, digits, underscores) starting at {@code from}, lower-cased; empty when none starts there. */
    private static String wordAt(String sql, int from) {
        int end = from;
        while (end < sql.length() && isWordChar(sql.charAt(end))) {
            end++;
        }
        return sql.substring(from, end).toLowerCase(Locale.ROOT);
    }
}
