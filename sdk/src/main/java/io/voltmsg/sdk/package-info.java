/**
 * Verifies voltmsg webhook requests with nothing but the JDK.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder()
 *         .fetchingKeysFrom(URI.create("https://voltmsg.example.com"))  // RSA and v1a keys
 *         .standard("whsec_...")                                       // v1 (the webhook's secret)
 *         .build();
 * SeenIds seen = SeenIds.inMemory();
 *
 * VerifiedWebhook webhook = verifier.verify(requestHeaders, rawBody);  // throws WebhookVerificationException
 * if (seen.firstTime(webhook.id())) {
 *     WebhookEvent event = webhook.event();                             // needs Jackson on the classpath
 * }
 * }</pre>
 *
 * <p>Public types: {@link io.voltmsg.sdk.WebhookVerifier}, {@link io.voltmsg.sdk.VerifiedWebhook},
 * {@link io.voltmsg.sdk.WebhookVerificationException}, {@link io.voltmsg.sdk.SignatureScheme},
 * {@link io.voltmsg.sdk.WebhookEvent} with its {@link io.voltmsg.sdk.WebhookPayload} kinds
 * ({@link io.voltmsg.sdk.MessagePayload}, {@link io.voltmsg.sdk.TestPayload},
 * {@link io.voltmsg.sdk.OtherPayload}), and {@link io.voltmsg.sdk.SeenIds}.
 */
package io.voltmsg.sdk;
