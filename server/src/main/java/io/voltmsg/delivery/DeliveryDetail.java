package io.voltmsg.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** One delivery with the exact body that was signed and sent, and every attempt with the headers it carried. */
public record DeliveryDetail(DeliveryView delivery, byte[] body, List<DeliveryAttemptView> attempts) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
