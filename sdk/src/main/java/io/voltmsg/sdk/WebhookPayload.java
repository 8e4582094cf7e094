package io.voltmsg.sdk;

/** The {@code payload} of a {@link WebhookEvent}: a message, the test request's, or another kind a newer server sends. */
public sealed interface WebhookPayload permits MessagePayload, TestPayload, OtherPayload {
}
