package io.voltmsg.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voltmsg.sdk.testing.Vectors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Verified bodies as typed events, with Jackson 3, with Jackson 2, and a plain refusal without either. */
class EventParsingTest {

    static Stream<JsonObjectReader> readers() {
        return Stream.of(new Jackson3Reader(), new Jackson2Reader());
    }

    static WebhookEvent parse(JsonObjectReader reader, String body) {
        return EventMapping.toEvent(JsonObjectReader.requireObject(reader, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jackson3IsPreferredWhenBothArePresent() {
        assertThat(EventReader.detect(EventParsingTest.class.getClassLoader())).isInstanceOf(Jackson3Reader.class);
    }

    @Test
    void aVerifiedWebhookGivesItsEvent() throws Exception {
        Vectors.Case c = Vectors.named("one secret");
        VerifiedWebhook webhook = VectorVerificationTest.allSchemes(c).build().verify(c.expectedHeaders(), c.body());
        WebhookEvent event = webhook.event();
        assertThat(event).isSameAs(webhook.event());
        assertThat(event.id()).isEqualTo(webhook.id());
        assertThat(event.type()).isEqualTo(WebhookEvent.MESSAGE_RECEIVED);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.organizationId()).isEqualTo("org_01JDVECTORS0000000000000000");
        assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
        assertThat(event.isMessageEvent()).isTrue();
        MessagePayload message = event.message();
        assertThat(message.isInbound()).isTrue();
        assertThat(message.text()).isEqualTo("Hello");
        assertThat(message.body()).isEqualTo("Hello");
        assertThat(message.type()).isEqualTo("SMS");
        assertThat(message.fromNumber()).isEqualTo("+15550100002");
        assertThat(message.toNumber()).isEqualTo("+15550100001");
        assertThat(message.status()).isEqualTo("received");
        assertThat(message.media()).isEmpty();
        assertThat(message.segments()).isEqualTo(1); // absent in this body: one segment
    }

    @ParameterizedTest
    @MethodSource("readers")
    void everyPayloadFieldIsTyped(JsonObjectReader reader) {
        WebhookEvent event = parse(reader, Vectors.named("message.failed with every payload field").bodyText());
        assertThat(event.type()).isEqualTo(WebhookEvent.MESSAGE_FAILED);
        assertThat(event.sequence()).isEqualTo(5);
        assertThat(event.message()).isEqualTo(new MessagePayload("msg_01JDVECTORS0000000000000002", "SMS", "outbound",
                "+15550100001", "+15005550001", "to the void", "to the void", List.of(), "undelivered", 1, "UNDELIV",
                "000", Instant.parse("2026-11-01T12:00:00Z"), Instant.parse("2026-11-01T12:00:00.250Z"), null,
                Instant.parse("2026-11-01T12:00:00.500Z")));
        assertThat(event.message().isInbound()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("readers")
    void crlfAndNonAsciiTextArriveIntact(JsonObjectReader reader) {
        assertThat(parse(reader, Vectors.named("CRLF line ends and a trailing newline in the body").bodyText()).message().text())
                .isEqualTo("line one\r\nline two\r\n");
        assertThat(parse(reader, Vectors.named("non-ASCII body, 64- and 24-byte secrets").bodyText()).message().text())
                .isEqualTo("Grüße 👋 «ok»");
    }

    @ParameterizedTest
    @MethodSource("readers")
    void theTestEventHasItsUrl(JsonObjectReader reader) {
        WebhookEvent event = parse(reader, Vectors.named("webhook.test as the server sends it").bodyText());
        assertThat(event.isTest()).isTrue();
        assertThat(event.payload()).isEqualTo(new TestPayload("http://127.0.0.1:9000/webhooks"));
        assertThatThrownBy(event::message).isInstanceOf(IllegalStateException.class)
                .hasMessage("event evt_01JDVECTORS0000000000000007 is webhook.test, not a message event");
    }

    @ParameterizedTest
    @MethodSource("readers")
    void anUnknownTypeKeepsItsPayloadAsPlainValues(JsonObjectReader reader) {
        WebhookEvent event = parse(reader, "{\"id\":\"evt_1\",\"type\":\"contact.updated\",\"createdAt\":"
                + "\"2026-11-01T12:00:00.000Z\",\"sequence\":9007199254740993,\"organizationId\":\"org_1\",\"payload\":"
                + "{\"name\":\"Ann\",\"tags\":[\"a\"],\"n\":2},\"newField\":true}");
        assertThat(event.sequence()).isEqualTo(9007199254740993L);
        assertThat(event.payload()).isInstanceOf(OtherPayload.class);
        assertThat(((OtherPayload) event.payload()).fields()).containsEntry("name", "Ann")
                .containsEntry("tags", List.of("a")).containsKey("n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"id\":\"evt_1\",\"type\":\"message.sent\",\"createdAt\":\"2026-11-01T12:00:00Z\",\"sequence\":1,\"organizationId\":\"o\"}",
        "{\"id\":\"evt_1\",\"type\":\"message.sent\",\"createdAt\":\"yesterday\",\"sequence\":1,\"organizationId\":\"o\",\"payload\":{}}",
        "{\"id\":\"evt_1\",\"type\":\"message.sent\",\"createdAt\":\"2026-11-01T12:00:00Z\",\"sequence\":\"1\",\"organizationId\":\"o\",\"payload\":{}}",
        "{\"id\":\"evt_1\",\"type\":\"message.sent\",\"createdAt\":\"2026-11-01T12:00:00Z\",\"sequence\":1.5,\"organizationId\":\"o\",\"payload\":{}}",
        "{\"id\":\"evt_1\",\"type\":\"message.sent\",\"createdAt\":\"2026-11-01T12:00:00Z\",\"sequence\":1,\"organizationId\":\"o\",\"payload\":{\"id\":\"m\"}}",
        "{\"id\":7,\"type\":\"webhook.test\",\"createdAt\":\"2026-11-01T12:00:00Z\",\"sequence\":1,\"organizationId\":\"o\",\"payload\":{\"url\":\"u\"}}",
        "{\"id\":\"e\",\"type\":\"webhook.test\",\"createdAt\":\"2026-11-01T12:00:00Z\",\"sequence\":1,\"organizationId\":\"o\",\"payload\":[]}",
    })
    void aBodyThatIsNotAnEventNamesTheField(String body) {
        for (JsonObjectReader reader : readers().toList()) {
            assertThatThrownBy(() -> parse(reader, body)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the webhook body is not a voltmsg event: ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "null", "{\"id\":", "\"text\""})
    void aBodyThatIsNotAJsonObjectIsSaidToBeSo(String body) {
        for (JsonObjectReader reader : readers().toList()) {
            assertThatThrownBy(() -> parse(reader, body)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a JSON object");
        }
    }

    /**
     * The SDK's classes alone, in a class loader that sees nothing but them and the JDK: verification
     * works, and event() says Jackson is needed. Then the same with Jackson 2 only: event() works.
     */
    @Test
    void verificationNeedsOnlyTheJdkAndEventsSayWhatTheyNeed() throws Exception {
        Vectors.Case c = Vectors.named("one secret");
        URL sdkClasses = WebhookVerifier.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader jdkOnly = new URLClassLoader(new URL[] {sdkClasses}, ClassLoader.getPlatformClassLoader())) {
            assertThat(jdkOnly.loadClass("io.voltmsg.sdk.WebhookVerifier")).isNotSameAs(WebhookVerifier.class);
            Object webhook = verifyIn(jdkOnly, c);
            assertThat(webhook.getClass().getMethod("id").invoke(webhook)).isEqualTo(c.eventId());
            Method event = webhook.getClass().getMethod("event");
            assertThatThrownBy(() -> event.invoke(webhook)).isInstanceOf(InvocationTargetException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage(EventReader.NO_JACKSON);
        }
        URL[] jackson2 = {sdkClasses, jarOf(com.fasterxml.jackson.databind.ObjectMapper.class),
            jarOf(com.fasterxml.jackson.core.JsonParser.class), jarOf(com.fasterxml.jackson.annotation.JsonProperty.class)};
        try (URLClassLoader withJackson2 = new URLClassLoader(jackson2, ClassLoader.getPlatformClassLoader())) {
            Object webhook = verifyIn(withJackson2, c);
            Object event = webhook.getClass().getMethod("event").invoke(webhook);
            assertThat(event.getClass().getMethod("type").invoke(event)).isEqualTo("message.received");
        }
    }

    private static Object verifyIn(ClassLoader loader, Vectors.Case c) throws Exception {
        Class<?> verifier = loader.loadClass("io.voltmsg.sdk.WebhookVerifier");
        Object builder = verifier.getMethod("builder").invoke(null);
        Class<?> builderClass = builder.getClass();
        builderClass.getMethod("clock", Clock.class).invoke(builder, Clock.fixed(c.now(), ZoneOffset.UTC));
        builderClass.getMethod("rsa", String.class).invoke(builder, Vectors.rsaPem(Vectors.RSA_1));
        builderClass.getMethod("standard", String[].class).invoke(builder, (Object) c.secrets().toArray(String[]::new));
        builderClass.getMethod("standardAsymmetric", String[].class).invoke(builder, (Object) new String[] {Vectors.ed25519Whpk()});
        Object built = builderClass.getMethod("build").invoke(builder);
        return verifier.getMethod("verify", Map.class, byte[].class).invoke(built, c.expectedHeaders(), c.body());
    }

    private static URL jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
