package io.voltmsg.accounts;

import java.time.Instant;

public record Organization(String id, String name, Instant createdAt) {
}
