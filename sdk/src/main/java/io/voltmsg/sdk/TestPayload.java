package io.voltmsg.sdk;

/**
 * The payload of a {@code webhook.test} event: sent when a webhook is registered or updated, and by
 * {@code sendTestEvent}.
 *
 * @param url the URL being tested
 */
public record TestPayload(String url) implements WebhookPayload {
}
