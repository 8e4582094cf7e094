package io.voltmsg.portal;

import io.voltmsg.shared.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages write times and numbers. Times go out in UTC ({@code <time datetime>} carries the exact
 * instant); the page's script shows them in the browser's zone and keeps UTC on hover.
 */
public final class PortalFormat {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** For {@code <input type=datetime-local>} values, in UTC. */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public String iso(Instant instant) {
        return Times.iso(instant);
    }

    public String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    public String input(Instant instant) {
        return instant == null ? "" : INPUT.format(instant);
    }

    /** 0.9876 → "98.8 %"; null → "—". */
    public String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** 90 s → "1 min 30 s", 5 d → "5 days". */
    public String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400) {
            long days = s / 86_400;
            long hours = (s % 86_400) / 3600;
            return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + " h" : "");
        }
        if (s >= 3600) {
            return s / 3600 + " h" + (s % 3600 >= 60 ? " " + (s % 3600) / 60 + " min" : "");
        }
        if (s >= 60) {
            return s / 60 + " min" + (s % 60 > 0 ? " " + s % 60 + " s" : "");
        }
        return s + " s";
    }

    /** From now to {@code instant}, said plainly ("in 4 days 23 h", "now"). */
    public String until(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), instant);
        return left.isNegative() || left.isZero() ? "now (at the next failed attempt)" : "in " + duration(left);
    }

    /** 0x00000045 for a command_status. */
    public String hex(Integer value) {
        return value == null ? "" : String.format(Locale.ROOT, "0x%08X", value);
    }
}
