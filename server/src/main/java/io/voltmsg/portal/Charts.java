package io.voltmsg.portal;

import io.voltmsg.delivery.EndpointStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import tools.jackson.databind.json.JsonMapper;

/** The data a chart script draws, as JSON for a {@code data-chart} attribute (no inline script). */
final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Charts() {
    }

    /** Hour starts (epoch seconds) and, per outcome, the deliveries created in each hour. */
    static String hourly(EndpointStats stats) {
        List<EndpointStats.Hour> hours = stats.hours();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("t", hours.stream().map(h -> h.start().getEpochSecond()).toList());
        data.put("delivered", series(hours, EndpointStats.Hour::delivered));
        data.put("retrying", series(hours, EndpointStats.Hour::retrying));
        data.put("failed", series(hours, EndpointStats.Hour::failed));
        data.put("waiting", series(hours, EndpointStats.Hour::waiting));
        data.put("skipped", series(hours, EndpointStats.Hour::skipped));
        return JSON.writeValueAsString(data);
    }

    private static List<Long> series(List<EndpointStats.Hour> hours, ToLongFunction<EndpointStats.Hour> value) {
        return hours.stream().map(value::applyAsLong).toList();
    }
}
