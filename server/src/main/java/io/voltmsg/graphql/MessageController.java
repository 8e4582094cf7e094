package io.voltmsg.graphql;

import io.voltmsg.accounts.Scope;
import io.voltmsg.messaging.Message;
import io.voltmsg.messaging.MessageDirection;
import io.voltmsg.messaging.MessageService;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MessageController {

    private final MessageService messages;

    MessageController(MessageService messages) {
        this.messages = messages;
    }

    @MutationMapping
    Message createMessage(@Argument String to, @Argument String from, @Argument String body, @Argument List<String> media,
                          @Argument String idempotencyKey) {
        return messages.create(CallerContext.require(Scope.WRITE_MESSAGES).organizationId(), to, from, body, media,
                idempotencyKey);
    }

    @MutationMapping
    Message simulateInboundMessage(@Argument String from, @Argument String to, @Argument String body) {
        return messages.simulateInbound(CallerContext.require(Scope.WRITE_MESSAGES).organizationId(), from, to, body);
    }

    @QueryMapping
    Message message(@Argument String id) {
        return messages.find(CallerContext.require(Scope.READ_MESSAGES).organizationId(), id).orElse(null);
    }

    /** The schema's MessageConnection, typed so that Spring's schema inspection sees every field mapped. */
    record MessageConnection(List<MessageEdge> edges, DeliveryController.PageInfo pageInfo) {
    }

    record MessageEdge(String cursor, Message node) {
    }

    @QueryMapping
    MessageConnection messages(@Argument String phoneNumber, @Argument MessageDirection direction,
                               @Argument String status, @Argument Integer first, @Argument String after) {
        MessageService.Page page = messages.list(CallerContext.require(Scope.READ_MESSAGES).organizationId(),
                phoneNumber, direction, status, first, after);
        List<MessageEdge> edges = page.messages().stream().map(m -> new MessageEdge(m.id(), m)).toList();
        String endCursor = page.messages().isEmpty() ? null : page.messages().get(page.messages().size() - 1).id();
        return new MessageConnection(edges, new DeliveryController.PageInfo(page.hasNext(), endCursor));
    }

    @QueryMapping
    String helpReply() {
        return messages.helpReply(CallerContext.require(Scope.READ_MESSAGES).organizationId());
    }

    @MutationMapping
    String setHelpReply(@Argument String text) {
        return messages.setHelpReply(CallerContext.require(Scope.WRITE_MESSAGES).organizationId(), text);
    }
}
