package io.voltmsg.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voltmsg.accounts.Scope;
import io.voltmsg.testing.GraphQl;
import io.voltmsg.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The messaging GraphQL operations: validation of every argument, idempotency, paging, contacts and keywords. */
class MessagingApiTest extends IntegrationTest {

    static final String CREATE = """
            mutation($to: String!, $from: String!, $body: String!, $media: [String], $key: String) {
              createMessage(to: $to, from: $from, body: $body, media: $media, idempotencyKey: $key) { id status body media }
            }""";
    static final String CONTACT = """
            mutation($name: String, $phone: String!, $account: String!, $fields: [ContactCustomFieldInput]!, $blocked: Boolean!) {
              createOrUpdateContact(name: $name, phoneNumber: $phone, accountPhone: $account, customFields: $fields,
                                    blocked: $blocked) {
                id phoneNumber name mappedNumber createdAt lastUpdatedAt blocked customFields { key value }
              }
            }""";
    static final String GET_CONTACT = """
            query($primary: String!, $phone: String!) {
              contact(primaryPhone: $primary, phoneNumber: $phone) { id phoneNumber mappedNumber blocked name }
            }""";
    static final String SIMULATE = """
            mutation($from: String!, $to: String!, $body: String!) {
              simulateInboundMessage(from: $from, to: $to, body: $body) { id status }
            }""";

    @Autowired
    JdbcClient jdbc;

    @Test
    void hostileCreateMessageArgumentsAreRefusedAndNothingIsQueued() {
        TestOrganization org = newOrganization();
        TestOrganization other = newOrganization();
        String ok = uniqueNumber();
        String huge = "9".repeat(100_000);
        List<Object[]> cases = new ArrayList<>();
        // to
        for (String to : new String[] {"", "12345", "+0123", "+1234567890123456", "+1 555 0100", "+1555\u0000123",
                "555-0100", "+", "+1", "++15550100", "' or 1=1 --", huge, "+١٢٣٤٥٦٧", "+15550100\n"}) {
            cases.add(new Object[] {Map.of("to", to, "from", org.phoneNumber(), "body", "hi"), "to"});
        }
        // from: malformed, not ours, another organization's
        for (String from : new String[] {"", "abc", huge, uniqueNumber(), other.phoneNumber(), "+15550100001"}) {
            cases.add(new Object[] {Map.of("to", ok, "from", from, "body", "hi"), "from"});
        }
        // body
        for (String body : new String[] {"", " ", "   \n\t ", "\u2003\u2003", "x".repeat(1601), "😀".repeat(1601), "nul\u0000byte", "bell\u0007",
                "esc\u001b[31m", "del\u007f", "c1\u0085"}) {
            cases.add(new Object[] {Map.of("to", ok, "from", org.phoneNumber(), "body", body), "body"});
        }
        // media: SMS only
        Map<String, Object> withMedia = new HashMap<>(Map.of("to", ok, "from", org.phoneNumber(), "body", "hi"));
        withMedia.put("media", List.of("https://example.com/cat.png"));
        cases.add(new Object[] {withMedia, "media"});
        // idempotencyKey
        for (String key : new String[] {"", "   ", "k".repeat(256), "tab\tkey", "nul\u0000"}) {
            Map<String, Object> variables = new HashMap<>(Map.of("to", ok, "from", org.phoneNumber(), "body", "hi"));
            variables.put("key", key);
            cases.add(new Object[] {variables, "idempotencyKey"});
        }
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = (Map<String, Object>) c[0];
            GraphQl.Response response = org.api().execute(CREATE, variables);
            assertThat(response.errorCode()).as(c[1] + " " + abbreviate(variables)).isEqualTo("BAD_USER_INPUT");
            assertThat(response.firstError().path("extensions").path("field").asString()).as(abbreviate(variables))
                    .isEqualTo(c[1]);
            assertThat(response.firstError().path("message").asString()).doesNotContain("Exception").hasSizeLessThan(300);
        }
        // a request too big for any real client is refused before it reaches GraphQL
        GraphQl.Response tooBig = org.api().execute(CREATE, Map.of("to", ok, "from", org.phoneNumber(), "body",
                "x".repeat(1_000_000)));
        assertThat(tooBig.errorCode()).isIn("BAD_REQUEST", "BAD_USER_INPUT");
        // unpaired surrogates can only travel as JSON escapes (UTF-8 cannot carry them)
        for (String escaped : new String[] {"lone \\ud800 high", "lone \\udc00 low", "\\udbff"}) {
            GraphQl.Response response = org.api().postRaw("{\"query\": " + GraphQl.JSON.writeValueAsString(CREATE)
                    + ", \"variables\": {\"to\": \"" + ok + "\", \"from\": \"" + org.phoneNumber() + "\", \"body\": \""
                    + escaped + "\"}}");
            assertThat(response.errorCode()).as(escaped + " " + response.raw()).isEqualTo("BAD_USER_INPUT");
            assertThat(response.firstError().path("extensions").path("field").asString()).isEqualTo("body");
        }
        assertThat(countMessages(org.id())).isZero();

        // the limits themselves are fine: 1 and 1600 characters, 1600 emoji, newlines and tabs
        for (String body : new String[] {"x", "x".repeat(1600), "😀".repeat(1600), "line\nbreak\ttab\r\n"}) {
            GraphQl.Response response = org.api().execute(CREATE, Map.of("to", ok, "from", org.phoneNumber(), "body", body));
            assertThat(response.hasErrors()).as(response.raw()).isFalse();
        }
    }

    @Test
    void missingOrWronglyTypedArgumentsAreRejectedByTheSchema() {
        TestOrganization org = newOrganization();
        GraphQl.Response response = org.api().execute("mutation { createMessage(to: \"+15550100\", from: \"+15550101\") { id } }");
        assertThat(response.hasErrors()).isTrue();
        response = org.api().execute(CREATE, Map.of("to", 15550100, "from", org.phoneNumber(), "body", List.of("x")));
        assertThat(response.hasErrors()).isTrue();
        assertThat(countMessages(org.id())).isZero();
    }

    @Test
    void scopesAreEnforced() {
        TestOrganization reader = newOrganization(EnumSet.of(Scope.READ_MESSAGES, Scope.READ_CONTACTS));
        GraphQl.Response response = reader.api().execute(CREATE, Map.of("to", uniqueNumber(), "from", reader.phoneNumber(),
                "body", "hi"));
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(response.firstError().path("message").asString()).isEqualTo("missing scope write:messages");
        response = reader.api().execute(CONTACT, contactVars(null, uniqueNumber(), reader.phoneNumber(), List.of(), false));
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(anonymous().execute(CREATE, Map.of("to", "+15550100", "from", "+15550101", "body", "x")).status())
                .isEqualTo(401);
    }

    @Test
    void anotherOrganizationsMessageIsNotFound() {
        TestOrganization org = newOrganization();
        TestOrganization other = newOrganization();
        String id = MessagingEndToEndTest.create(org, uniqueNumber(), "mine");
        GraphQl.Response response = other.api().execute("query($id: ID!) { message(id: $id) { id body } }", Map.of("id", id));
        assertThat(response.hasErrors()).isFalse();
        assertThat(response.data("message").isNull()).isTrue();
        for (String hostile : new String[] {"", "msg_", "x".repeat(100_000), "'; drop table messages; --", "\u0000"}) {
            response = org.api().execute("query($id: ID!) { message(id: $id) { id } }", Map.of("id", hostile));
            assertThat(response.hasErrors()).isFalse();
            assertThat(response.data("message").isNull()).isTrue();
        }
        JsonNode mine = org.api().execute("query($id: ID!) { message(id: $id) { id body } }", Map.of("id", id)).data("message");
        assertThat(mine.path("body").asString()).isEqualTo("mine");
        // the other organization's list does not show it either
        JsonNode list = other.api().execute("{ messages { edges { node { id } } } }").data("messages");
        assertThat(list.path("edges")).isEmpty();
    }

    @Test
    void idempotencyKeyReturnsTheFirstMessageAndSendsNothingNew() {
        TestOrganization org = newOrganization();
        TestOrganization other = newOrganization();
        Map<String, Object> variables = new HashMap<>(Map.of("to", uniqueNumber(), "from", org.phoneNumber(), "body", "once"));
        variables.put("key", "order-42");
        String first = org.api().execute(CREATE, variables).data("createMessage").path("id").asString();
        JsonNode again = org.api().execute(CREATE, variables).data("createMessage");
        assertThat(again.path("id").asString()).isEqualTo(first);
        assertThat(again.path("body").asString()).isEqualTo("once");
        assertThat(countMessages(org.id())).isEqualTo(1);
        // keys are per organization
        Map<String, Object> theirs = new HashMap<>(Map.of("to", uniqueNumber(), "from", other.phoneNumber(), "body", "x"));
        theirs.put("key", "order-42");
        assertThat(other.api().execute(CREATE, theirs).data("createMessage").path("id").asString()).isNotEqualTo(first);
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentMessageFails() {
        TestOrganization org = newOrganization();
        String secondNumber = uniqueNumber();
        accounts.addPhoneNumber(org.id(), secondNumber);
        String to = uniqueNumber();
        Map<String, Object> original = new HashMap<>(Map.of("to", to, "from", org.phoneNumber(), "body", "once"));
        original.put("key", "order-43");
        String first = org.api().execute(CREATE, original).data("createMessage").path("id").asString();
        for (Map.Entry<String, Object> change : List.<Map.Entry<String, Object>>of(Map.entry("body", "twice?"),
                Map.entry("body", "once "), Map.entry("to", uniqueNumber()), Map.entry("from", secondNumber))) {
            Map<String, Object> changed = new HashMap<>(original);
            changed.put(change.getKey(), change.getValue());
            GraphQl.Response response = org.api().execute(CREATE, changed);
            assertThat(response.errorCode()).as(change + " " + response.raw()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(response.firstError().path("extensions").path("messageId").asString()).isEqualTo(first);
            assertThat(response.firstError().path("message").asString()).contains("order-43", first, "new key");
            assertThat(response.body().path("data").path("createMessage").isNull()
                    || response.body().path("data").path("createMessage").isMissingNode()).isTrue();
        }
        assertThat(countMessages(org.id())).isEqualTo(1);
        assertThat(org.api().execute(CREATE, original).data("createMessage").path("id").asString()).isEqualTo(first);
    }

    @Test
    void messagesArePagedNewestFirstAndFiltered() {
        TestOrganization org = newOrganization();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(MessagingEndToEndTest.create(org, uniqueNumber(), "m" + i));
        }
        String page = """
                query($first: Int, $after: String, $status: String, $direction: MessageDirection, $phone: String) {
                  messages(first: $first, after: $after, status: $status, direction: $direction, phoneNumber: $phone) {
                    edges { cursor node { id } } pageInfo { hasNextPage endCursor }
                  }
                }""";
        JsonNode first = org.api().execute(page, Map.of("first", 2)).data("messages");
        assertThat(first.path("edges")).hasSize(2);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(first.path("edges").path(0).path("node").path("id").asString()).isEqualTo(ids.get(4));
        JsonNode rest = org.api().execute(page, Map.of("first", 10, "after",
                first.path("pageInfo").path("endCursor").asString())).data("messages");
        assertThat(rest.path("edges")).hasSize(3);
        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(org.api().execute(page, Map.of("direction", "INBOUND")).data("messages").path("edges")).isEmpty();
        assertThat(org.api().execute(page, Map.of("phone", org.phoneNumber())).data("messages").path("edges")).hasSize(5);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("first", 101), Map.of("first", -1),
                Map.of("after", "garbage"), Map.of("after", "x".repeat(10_000)), Map.of("status", "QUEUED"),
                Map.of("status", "lost"), Map.of("phone", "12345"))) {
            GraphQl.Response response = org.api().execute(page, bad);
            assertThat(response.errorCode()).as(bad.toString()).isEqualTo("BAD_USER_INPUT");
        }
        assertThat(org.api().execute(page, Map.of("direction", "SIDEWAYS")).hasErrors()).isTrue();
    }

    @Test
    void contactsAreCreatedUpdatedAndScopedToTheOrganization() {
        TestOrganization org = newOrganization();
        TestOrganization other = newOrganization();
        String handset = uniqueNumber();
        JsonNode created = org.api().execute(CONTACT, contactVars("Ada", handset, org.phoneNumber(),
                List.of(Map.of("key", "plan", "value", "gold")), false)).data("createOrUpdateContact");
        assertThat(created.path("name").asString()).isEqualTo("Ada");
        assertThat(created.path("mappedNumber").asString()).isEqualTo(org.phoneNumber());
        assertThat(created.path("customFields").path(0).path("value").asString()).isEqualTo("gold");
        JsonNode updated = org.api().execute(CONTACT, contactVars("Ada L.", handset, org.phoneNumber(), List.of(), true))
                .data("createOrUpdateContact");
        assertThat(updated.path("id").asString()).isEqualTo(created.path("id").asString());
        assertThat(updated.path("blocked").asBoolean()).isTrue();
        assertThat(updated.path("customFields")).isEmpty();

        JsonNode found = org.api().execute(GET_CONTACT, Map.of("primary", org.phoneNumber(), "phone", handset)).data("contact");
        assertThat(found.path("name").asString()).isEqualTo("Ada L.");
        assertThat(other.api().execute(GET_CONTACT, Map.of("primary", org.phoneNumber(), "phone", handset))
                .data("contact").isNull()).isTrue();
        assertThat(org.api().execute(GET_CONTACT, Map.of("primary", org.phoneNumber(), "phone", uniqueNumber()))
                .data("contact").isNull()).isTrue();

        // sending to a blocked contact fails clearly and queues nothing
        GraphQl.Response refused = org.api().execute(CREATE, Map.of("to", handset, "from", org.phoneNumber(), "body", "hi"));
        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.firstError().path("extensions").path("field").asString()).isEqualTo("to");
        assertThat(refused.firstError().path("message").asString()).contains("blocked");
        assertThat(countMessages(org.id())).isZero();

        // hostile contact arguments
        List<Object[]> cases = List.of(
                new Object[] {contactVars("x", "12345", org.phoneNumber(), List.of(), false), "phoneNumber"},
                new Object[] {contactVars("x", "x".repeat(100_000), org.phoneNumber(), List.of(), false), "phoneNumber"},
                new Object[] {contactVars("x", handset, other.phoneNumber(), List.of(), false), "accountPhone"},
                new Object[] {contactVars("x", handset, uniqueNumber(), List.of(), false), "accountPhone"},
                new Object[] {contactVars("x", handset, "nope", List.of(), false), "accountPhone"},
                new Object[] {contactVars("n".repeat(201), handset, org.phoneNumber(), List.of(), false), "name"},
                new Object[] {contactVars("bell\u0007", handset, org.phoneNumber(), List.of(), false), "name"},
                new Object[] {contactVars("x", handset, org.phoneNumber(), List.of(Map.of("key", "")), false), "customFields"},
                new Object[] {contactVars("x", handset, org.phoneNumber(),
                        List.of(Map.of("key", "a"), Map.of("key", "a")), false), "customFields"},
                new Object[] {contactVars("x", handset, org.phoneNumber(),
                        List.of(Map.of("key", "a", "value", "v".repeat(1001))), false), "customFields"},
                new Object[] {contactVars("x", handset, org.phoneNumber(),
                        java.util.Collections.nCopies(51, Map.of("key", "k")), false), "customFields"},
                new Object[] {contactVars("x", handset, org.phoneNumber(), Arrays.asList((Object) null), false), "customFields"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            GraphQl.Response response = org.api().execute(CONTACT, (Map<String, Object>) c[0]);
            assertThat(response.errorCode()).as(String.valueOf(c[1])).isEqualTo("BAD_USER_INPUT");
            assertThat(response.firstError().path("extensions").path("field").asString()).isEqualTo(c[1]);
        }
        GraphQl.Response bad = org.api().execute(GET_CONTACT, Map.of("primary", "nope", "phone", handset));
        assertThat(bad.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void stopBlocksStartUnblocksHelpIsAnsweredAndAllAreReported() {
        TestOrganization org = newOrganization();
        String handset = uniqueNumber();
        assertThat(simulate(org, handset, "  stop \n").path("status").asString()).isEqualTo("received");
        JsonNode contact = org.api().execute(GET_CONTACT, Map.of("primary", org.phoneNumber(), "phone", handset)).data("contact");
        assertThat(contact.path("blocked").asBoolean()).isTrue();
        assertThat(org.api().execute(CREATE, Map.of("to", handset, "from", org.phoneNumber(), "body", "promo")).errorCode())
                .isEqualTo("BAD_USER_INPUT");

        simulate(org, handset, "Unstop");
        assertThat(org.api().execute(GET_CONTACT, Map.of("primary", org.phoneNumber(), "phone", handset))
                .data("contact").path("blocked").asBoolean()).isFalse();
        assertThat(org.api().execute(CREATE, Map.of("to", handset, "from", org.phoneNumber(), "body", "welcome back"))
                .hasErrors()).isFalse();

        // STOP inside a sentence is not a keyword
        String other = uniqueNumber();
        simulate(org, other, "please stop sending");
        assertThat(org.api().execute(GET_CONTACT, Map.of("primary", org.phoneNumber(), "phone", other))
                .data("contact").isNull()).isTrue();

        // HELP gets the organization's reply as an outbound message
        assertThat(org.api().execute("mutation { setHelpReply(text: \"Acme: call 555-0100\") }")
                .data("setHelpReply").asString()).isEqualTo("Acme: call 555-0100");
        simulate(org, handset, "help");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        select count(*) from messages where organization_id = ? and direction = 'OUTBOUND' and to_number = ?
                          and body = 'Acme: call 555-0100'""")
                .params(org.id(), handset).query(Integer.class).single() == 1);
        assertThat(org.api().execute("{ messages(direction: INBOUND) { edges { node { body } } } }").data("messages")
                .path("edges")).hasSize(4);
        assertThat(org.api().execute("mutation { setHelpReply(text: null) }").data("setHelpReply").asString())
                .startsWith("Reply STOP");
    }

    @Test
    void hostileSimulateInboundArgumentsAreRefused() {
        TestOrganization org = newOrganization();
        TestOrganization other = newOrganization();
        List<Object[]> cases = List.of(
                new Object[] {Map.of("from", "nope", "to", org.phoneNumber(), "body", "x"), "from"},
                new Object[] {Map.of("from", "9".repeat(100_000), "to", org.phoneNumber(), "body", "x"), "from"},
                new Object[] {Map.of("from", uniqueNumber(), "to", other.phoneNumber(), "body", "x"), "to"},
                new Object[] {Map.of("from", uniqueNumber(), "to", uniqueNumber(), "body", "x"), "to"},
                new Object[] {Map.of("from", uniqueNumber(), "to", "+0", "body", "x"), "to"},
                new Object[] {Map.of("from", uniqueNumber(), "to", org.phoneNumber(), "body", ""), "body"},
                new Object[] {Map.of("from", uniqueNumber(), "to", org.phoneNumber(), "body", "x".repeat(1601)), "body"},
                new Object[] {Map.of("from", uniqueNumber(), "to", org.phoneNumber(), "body", "\u0000"), "body"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            GraphQl.Response response = org.api().execute(SIMULATE, (Map<String, Object>) c[0]);
            assertThat(response.errorCode()).as(String.valueOf(c[1])).isEqualTo("BAD_USER_INPUT");
            assertThat(response.firstError().path("extensions").path("field").asString()).isEqualTo(c[1]);
        }
        assertThat(countMessages(org.id())).isZero();
        assertThat(countMessages(other.id())).isZero();
    }

    JsonNode simulate(TestOrganization org, String from, String body) {
        GraphQl.Response response = org.api().execute(SIMULATE, Map.of("from", from, "to", org.phoneNumber(), "body", body));
        assertThat(response.hasErrors()).as(response.raw()).isFalse();
        return response.data("simulateInboundMessage");
    }

    static Map<String, Object> contactVars(String name, String phone, String account, List<?> fields, boolean blocked) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", name);
        variables.put("phone", phone);
        variables.put("account", account);
        variables.put("fields", fields);
        variables.put("blocked", blocked);
        return variables;
    }

    int countMessages(String organizationId) {
        return jdbc.sql("select count(*) from messages where organization_id = ?").param(organizationId)
                .query(Integer.class).single();
    }

    static String abbreviate(Map<String, Object> variables) {
        String text = variables.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
