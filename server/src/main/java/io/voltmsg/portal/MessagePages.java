package io.voltmsg.portal;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.Permission;
import io.voltmsg.accounts.User;
import io.voltmsg.delivery.DeliveryHistory;
import io.voltmsg.messaging.Message;
import io.voltmsg.messaging.MessageDirection;
import io.voltmsg.messaging.MessageService;
import io.voltmsg.messaging.MessageStatus;
import io.voltmsg.messaging.MessageTimeline;
import io.voltmsg.shared.ApiException;
import io.voltmsg.webhooks.Webhook;
import io.voltmsg.webhooks.WebhookService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages: send one from an organization number, list and search them, open one message's timeline
 * (which updates itself until nothing about it can change any more), and simulate an inbound message
 * through the embedded SMSC.
 */
@Controller
@RequestMapping("/messages")
class MessagePages {

    static final int PAGE = 25;

    private final MessageService messages;
    private final DeliveryHistory history;
    private final WebhookService webhooks;
    private final AccountService accounts;
    private final Clock clock;

    MessagePages(MessageService messages, DeliveryHistory history, WebhookService webhooks, AccountService accounts,
                 Clock clock) {
        this.messages = messages;
        this.history = history;
        this.webhooks = webhooks;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String number, @RequestParam(required = false) String status,
                @RequestParam(required = false) String direction, @RequestParam(required = false) String range,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String after, Model model) {
        User me = Access.require(Permission.READ);
        Map<String, String> errors = new LinkedHashMap<>();
        TimeRange time = TimeRange.parse(range, from, to, clock.instant(), errors);
        String phone = blank(number) ? null : number.strip();
        String st = blank(status) ? null : status.strip();
        MessageDirection dir = null;
        if (!blank(direction)) {
            dir = Arrays.stream(MessageDirection.values()).filter(d -> d.wire().equals(direction.strip())).findFirst()
                    .orElse(null);
            if (dir == null) {
                errors.put("direction", "unknown direction");
            }
        }
        MessageService.Page page;
        try {
            page = messages.list(me.organizationId(), phone, dir, st, time.fromAt(), time.toAt(), PAGE,
                    after != null && after.matches("msg_[0-9A-Z]{26}") ? after : null);
        } catch (ApiException e) {
            errors.putAll(Forms.errors(e));
            page = new MessageService.Page(List.of(), false);
        }
        model.addAttribute("page", page);
        model.addAttribute("errors", errors);
        model.addAttribute("number", phone);
        model.addAttribute("status", st);
        model.addAttribute("direction", dir == null ? null : dir.wire());
        model.addAttribute("time", time);
        model.addAttribute("presets", TimeRange.PRESETS.keySet());
        model.addAttribute("statuses", Arrays.stream(MessageStatus.values()).map(MessageStatus::wire).toList());
        model.addAttribute("query", query(phone, st, dir, time));
        model.addAttribute("numbers", accounts.phoneNumbers(me.organizationId()));
        model.addAttribute("canSimulate", messages.canSimulateInbound());
        model.addAttribute("title", "Messages");
        return "portal/messages";
    }

    @PostMapping
    String send(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                @RequestParam(defaultValue = "") String body, Model model, RedirectAttributes redirect) {
        User me = Access.require(Permission.SEND_MESSAGES);
        try {
            Message m = messages.create(me.organizationId(), to.strip(), from.strip(), body, null, null);
            redirect.addFlashAttribute("notice", "Queued message " + m.id() + " to " + m.toNumber() + ".");
            return "redirect:/messages/" + m.id();
        } catch (ApiException e) {
            model.addAttribute("sendErrors", Forms.errors(e));
            model.addAttribute("sent", Map.of("from", from, "to", to, "body", body));
            return list(null, null, null, null, null, null, null, model);
        }
    }

    @PostMapping("/simulate")
    String simulate(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                    @RequestParam(defaultValue = "") String body, Model model, RedirectAttributes redirect) {
        User me = Access.require(Permission.SEND_MESSAGES);
        try {
            Message m = messages.simulateInbound(me.organizationId(), from.strip(), to.strip(), body);
            redirect.addFlashAttribute("notice", "The embedded SMSC delivered " + m.id() + " as a real deliver_sm.");
            return "redirect:/messages/" + m.id();
        } catch (ApiException e) {
            model.addAttribute("simulateErrors", Forms.errors(e));
            model.addAttribute("simulated", Map.of("from", from, "to", to, "body", body));
            return list(null, null, null, null, null, null, null, model);
        }
    }

    @GetMapping("/{id}")
    String timeline(@PathVariable String id, HttpServletRequest request, Model model) {
        User me = Access.require(Permission.READ);
        MessageTimeline timeline = messages.timeline(me.organizationId(), id)
                .orElseThrow(() -> ApiException.notFound("message"));
        List<DeliveryHistory.MessageDelivery> deliveries = history.ofMessage(me.organizationId(), id);
        Map<String, String> urls = webhooks.list(me.organizationId()).stream()
                .collect(Collectors.toMap(Webhook::id, Webhook::url));
        boolean settled = timeline.message().state().isFinal()
                && deliveries.stream().noneMatch(d -> d.delivery().status().equals("PENDING"));
        model.addAttribute("message", timeline.message());
        model.addAttribute("entries", Timeline.of(timeline, deliveries, urls));
        model.addAttribute("live", !settled);
        model.addAttribute("title", "Message " + id);
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "portal/message :: timeline";
        }
        return "portal/message";
    }

    private static String query(String number, String status, MessageDirection direction, TimeRange time) {
        StringBuilder out = new StringBuilder();
        QueryStrings.append(out, "number", number);
        QueryStrings.append(out, "status", status);
        QueryStrings.append(out, "direction", direction == null ? null : direction.wire());
        QueryStrings.append(out, "range", time.range());
        QueryStrings.append(out, "from", time.from());
        QueryStrings.append(out, "to", time.to());
        return out.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
