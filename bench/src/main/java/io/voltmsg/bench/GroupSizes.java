package io.voltmsg.bench;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's group commit sizes per stage ({@code voltmsg_db_group_size}), for the report. */
final class GroupSizes {

    static final String COUNT = "voltmsg_db_group_size_count";
    static final String SUM = "voltmsg_db_group_size_sum";
    private static final Pattern STAGE = Pattern.compile("stage=\"([^\"]+)\"");

    private GroupSizes() {
    }

    /** One line: each stage's groups and mean pieces of work per group, over the whole run; empty without any. */
    static String describe(String exposition) {
        TreeSet<String> stages = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith(COUNT)) {
                Matcher m = STAGE.matcher(line);
                if (m.find()) {
                    stages.add(m.group(1));
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (String stage : stages) {
            double groups = PrometheusText.sum(exposition, COUNT, Map.of("stage", stage));
            double work = PrometheusText.sum(exposition, SUM, Map.of("stage", stage));
            text.append(text.length() == 0 ? "" : "; ").append(String.format(java.util.Locale.ROOT,
                    "%s %.0f commits, %.1f per commit", stage, groups, groups > 0 ? work / groups : 0));
        }
        return text.toString();
    }
}
