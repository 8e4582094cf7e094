package io.voltmsg.messaging;

import java.util.List;

/** A message with every answer the carrier gave about it, oldest first: messaging's part of its timeline. */
public record MessageTimeline(Message message, List<CarrierAnswer> carrierAnswers) {
}
