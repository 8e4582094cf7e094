package io.voltmsg.messaging;

import io.voltmsg.shared.Times;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The text an organization answers an inbound HELP with: its own, or {@code voltmsg.messaging.help-reply}. */
@Component
class HelpReplies {

    private final JdbcClient jdbc;
    private final MessagingProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HelpReplies(JdbcClient jdbc, MessagingProperties properties, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    String of(String organizationId) {
        return jdbc.sql("select help_reply from messaging_settings where organization_id = ?").param(organizationId)
                .query(String.class).optional().orElse(properties.helpReply());
    }

    /** Sets (or with null, clears) the organization's own answer. */
    void set(String organizationId, String text) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("delete from messaging_settings where organization_id = ?").param(organizationId).update();
            if (text != null) {
                jdbc.sql("insert into messaging_settings (organization_id, help_reply, updated_at) values (?, ?, ?)")
                        .params(organizationId, text, Times.sql(Times.now(clock))).update();
            }
        });
    }
}
