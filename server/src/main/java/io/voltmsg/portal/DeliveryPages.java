package io.voltmsg.portal;

import io.voltmsg.accounts.Permission;
import io.voltmsg.accounts.User;
import io.voltmsg.delivery.DeliveryDetail;
import io.voltmsg.delivery.DeliveryHistory;
import io.voltmsg.delivery.DeliveryService;
import io.voltmsg.delivery.DeliveryView;
import io.voltmsg.messaging.MessageService;
import io.voltmsg.shared.ApiException;
import io.voltmsg.webhooks.Webhook;
import io.voltmsg.webhooks.WebhookService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A webhook's deliveries: filtered and searched (a phone number asks messaging for its messages, then
 * delivery for theirs), updated live while open (htmx polls the rows), each opening its attempts with
 * the exact body and headers sent; re-send one; recover failed ones since a time, after a confirmation
 * that says how many will be queued.
 */
@Controller
@RequestMapping("/settings/webhooks/{id}")
class DeliveryPages {

    static final int PAGE = 25;
    /** How many of a number's newest messages a phone-number search looks at. */
    static final int PHONE_SEARCH_MESSAGES = 500;

    private final WebhookService webhooks;
    private final DeliveryService deliveries;
    private final DeliveryHistory history;
    private final MessageService messages;
    private final Clock clock;

    DeliveryPages(WebhookService webhooks, DeliveryService deliveries, DeliveryHistory history, MessageService messages,
                  Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.history = history;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/deliveries")
    String list(@PathVariable String id, @RequestParam(required = false) String status,
                @RequestParam(required = false) String type, @RequestParam(required = false) String range,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String q, @RequestParam(required = false) String after,
                HttpServletRequest request, Model model) {
        User me = Access.require(Permission.READ);
        Webhook webhook = webhooks.get(me.organizationId(), id);
        DeliveryQuery query = DeliveryQuery.parse(status, type, range, from, to, q, DeliveryHistory.eventTypes(),
                clock.instant());
        var filter = query.phoneNumber() == null ? query.filter()
                : query.withMessages(messages.idsInvolving(me.organizationId(), query.phoneNumber(), PHONE_SEARCH_MESSAGES));
        String cursor = after != null && after.matches("dlv_[0-9A-Z]{26}") ? after : null;
        DeliveryService.DeliveryPage page = history.search(me.organizationId(), id, filter, PAGE, cursor);
        model.addAttribute("hook", webhook);
        model.addAttribute("query", query);
        model.addAttribute("page", page);
        model.addAttribute("after", cursor);
        model.addAttribute("eventTypes", DeliveryHistory.eventTypes());
        model.addAttribute("statuses", DeliveryHistory.STATUSES);
        model.addAttribute("presets", TimeRange.PRESETS.keySet());
        model.addAttribute("errors", query.errors());
        model.addAttribute("phoneSearchLimit", PHONE_SEARCH_MESSAGES);
        model.addAttribute("title", "Deliveries of " + webhook.url());
        // htmx polls the rows of the first page while the page is open.
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "portal/deliveries :: rows";
        }
        return "portal/deliveries";
    }

    @GetMapping("/deliveries/{deliveryId}")
    String detail(@PathVariable String id, @PathVariable String deliveryId, Model model) {
        User me = Access.require(Permission.READ);
        Webhook webhook = webhooks.get(me.organizationId(), id);
        DeliveryDetail detail = history.detail(me.organizationId(), id, deliveryId);
        model.addAttribute("hook", webhook);
        model.addAttribute("detail", detail);
        model.addAttribute("title", "Delivery " + deliveryId);
        return "portal/delivery";
    }

    @PostMapping("/deliveries/{deliveryId}/resend")
    String resend(@PathVariable String id, @PathVariable String deliveryId, RedirectAttributes redirect) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        DeliveryView original = history.detail(me.organizationId(), id, deliveryId).delivery();
        DeliveryView again = deliveries.resendEvent(me.organizationId(), original.eventId(), id);
        redirect.addFlashAttribute("notice", "Event " + original.eventId() + " is queued again as delivery "
                + again.id() + ".");
        return "redirect:/settings/webhooks/" + id + "/deliveries/" + again.id();
    }

    @GetMapping("/recover")
    String recoverForm(@PathVariable String id, @RequestParam(required = false) String since, Model model) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        Webhook webhook = webhooks.get(me.organizationId(), id);
        if (since == null || since.isBlank()) {
            model.addAttribute("hook", webhook);
            model.addAttribute("title", "Recover failed deliveries");
            model.addAttribute("suggested", new PortalFormat().input(clock.instant().minus(java.time.Duration.ofDays(1))));
            return "portal/recover";
        }
        Instant at = TimeRange.time(since, "since", new java.util.HashMap<>());
        if (at == null) {
            model.addAttribute("hook", webhook);
            model.addAttribute("title", "Recover failed deliveries");
            model.addAttribute("suggested", since);
            model.addAttribute("errors", Map.of("since", "use a date and time like 2026-11-28T12:00 (UTC)"));
            return "portal/recover";
        }
        int count = history.countRecoverable(me.organizationId(), id, at);
        return Confirmations.show(model, "Recover failed deliveries?",
                "This queues " + count + (count == 1 ? " delivery" : " deliveries") + " to " + webhook.url()
                        + " again: every FAILED or SKIPPED delivery created since " + new PortalFormat().utc(at) + ".",
                "/settings/webhooks/" + id + "/recover", "Queue " + count + (count == 1 ? " delivery" : " deliveries"),
                "/settings/webhooks/" + id + "/deliveries", Map.of("since", since));
    }

    @PostMapping("/recover")
    String recover(@PathVariable String id, @RequestParam(defaultValue = "") String since, RedirectAttributes redirect) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        Instant at = TimeRange.time(since, "since", new java.util.HashMap<>());
        if (at == null) {
            throw ApiException.badInput("since", "since must be a date and time like 2026-11-28T12:00 (UTC)");
        }
        int queued = deliveries.recover(me.organizationId(), id, at);
        redirect.addFlashAttribute("notice", queued + (queued == 1 ? " delivery is" : " deliveries are") + " queued again.");
        return "redirect:/settings/webhooks/" + id + "/deliveries";
    }
}
