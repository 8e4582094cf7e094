package io.voltmsg.messaging;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.PhoneNumbers;
import io.voltmsg.carrier.InboundSms;
import io.voltmsg.delivery.EventPublisher;
import io.voltmsg.delivery.EventType;
import io.voltmsg.shared.AfterCommit;
import io.voltmsg.shared.GroupCommit;
import io.voltmsg.shared.GroupCommits;
import io.voltmsg.shared.Ids;
import io.voltmsg.shared.StorableText;
import io.voltmsg.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Mobile-originated messages to our numbers: recorded, keywords (STOP, START, HELP) acted on, reported. */
@Component
class InboundMessages {

    static final int MAX_INBOUND_BODY = 40_000;
    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> START_WORDS = Set.of("START", "UNSTOP");
    static final String HELP_WORD = "HELP";
    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);
    private final MessageMetrics metrics;

    private final MessageRepository repository;
    private final ContactService contacts;
    private final AccountService accounts;
    private final EventPublisher events;
    private final Transitions transitions;
    private final HelpReplies helpReplies;
    private final SimulatedArrivals simulated;
    /** Shared with the receipts: the carrier link's deliver_sm PDUs, recorded in shared transactions. */
    private final GroupCommit writer;
    private final Clock clock;

    InboundMessages(MessageRepository repository, ContactService contacts, AccountService accounts, EventPublisher events,
                    Transitions transitions, HelpReplies helpReplies, SimulatedArrivals simulated,
                    GroupCommits groupCommits, MessageMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.repository = repository;
        this.contacts = contacts;
        this.accounts = accounts;
        this.events = events;
        this.transitions = transitions;
        this.helpReplies = helpReplies;
        this.simulated = simulated;
        this.writer = groupCommits.writer(Receipts.CARRIER_EVENTS, MessageService.GROUP_LIMIT);
        this.clock = clock;
    }

    void inbound(InboundSms sms) {
        Optional<String> organization = sms.to() == null ? Optional.empty() : accounts.organizationOfNumber(sms.to());
        if (organization.isEmpty()) {
            log.warn("Inbound message to {} which belongs to no organization; acknowledged and dropped",
                    Inputs.shown(sms.to()));
            return;
        }
        String orgId = organization.get();
        String text = StorableText.of(sms.text() == null ? "" : sms.text());
        String body = text.length() > MAX_INBOUND_BODY ? text.substring(0, MAX_INBOUND_BODY) : text;
        String from = Texts.cutNumber(sms.from());
        writer.execute(() -> {
            Instant now = Times.now(clock);
            Message m = new Message(Ids.newId("msg", now), orgId, MessageDirection.INBOUND, from, sms.to(), body,
                    MessageStatus.RECEIVED, Math.max(1, sms.segments()), null, null, now, null, null, null);
            repository.insert(m, null, null);
            metrics.received();
            String keyword = body.strip().toUpperCase(Locale.ROOT);
            boolean handset = PhoneNumbers.isE164(from);
            if (handset && STOP_WORDS.contains(keyword)) {
                contacts.setBlocked(orgId, sms.to(), from, true);
            } else if (handset && START_WORDS.contains(keyword)) {
                contacts.setBlocked(orgId, sms.to(), from, false);
            }
            events.publish(orgId, EventType.MESSAGE_RECEIVED, m.id(), Payloads.of(m));
            if (handset && HELP_WORD.equals(keyword)) {
                transitions.queue(orgId, sms.to(), from, helpReplies.of(orgId), null, now);
            }
            // After the commit, which may be the carrier link's (it stores a message's last part with the message).
            AfterCommit.run(() -> simulated.arrived(m));
            return m;
        });
    }
}
