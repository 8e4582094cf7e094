package io.voltmsg.portal;

import io.voltmsg.accounts.Permission;
import io.voltmsg.accounts.User;
import io.voltmsg.delivery.DeliveryHistory;
import io.voltmsg.delivery.DeliveryService;
import io.voltmsg.delivery.EndpointHealthView;
import io.voltmsg.delivery.EndpointStats;
import io.voltmsg.shared.ApiException;
import io.voltmsg.signing.SigningService;
import io.voltmsg.webhooks.Webhook;
import io.voltmsg.webhooks.WebhookSecret;
import io.voltmsg.webhooks.WebhookService;
import java.util.List;
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
 * Account Settings → Webhooks: the list with each webhook's last 24 hours, registering (the same signed
 * test request as the API), changing the URL, enabling, disabling, deleting, test events, the secret and
 * the platform keys. Every action goes to the webhooks and delivery services with the signed-in user's
 * organization; another organization's id is "webhook not found".
 */
@Controller
@RequestMapping("/settings/webhooks")
class WebhookPages {

    private final WebhookService webhooks;
    private final DeliveryService deliveries;
    private final DeliveryHistory history;
    private final SigningService signing;

    WebhookPages(WebhookService webhooks, DeliveryService deliveries, DeliveryHistory history, SigningService signing) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.history = history;
        this.signing = signing;
    }

    @GetMapping
    String list(Model model) {
        User me = Access.require(Permission.READ);
        model.addAttribute("webhooks", webhooks.list(me.organizationId()).stream()
                .map(w -> view(me.organizationId(), w)).toList());
        model.addAttribute("title", "Webhooks");
        return "portal/webhooks";
    }

    @PostMapping
    String register(@RequestParam(defaultValue = "") String url, Model model, RedirectAttributes redirect) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        try {
            Webhook webhook = webhooks.register(me.organizationId(), url);
            redirect.addFlashAttribute("notice", "Registered " + webhook.url()
                    + ": it answered the signed test request.");
            return "redirect:/settings/webhooks/" + webhook.id();
        } catch (ApiException e) {
            model.addAttribute("errors", Forms.errors(e));
            model.addAttribute("enteredUrl", url);
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Model model) {
        User me = Access.require(Permission.READ);
        Webhook webhook = webhooks.get(me.organizationId(), id);
        model.addAttribute("hook", view(me.organizationId(), webhook));
        model.addAttribute("secretStatus", webhooks.secretStatus(me.organizationId(), id));
        model.addAttribute("rsaPem", signing.rsaPublicKeyPem());
        model.addAttribute("edKeys", signing.webhookKeys());
        model.addAttribute("title", "Webhook " + webhook.url());
        return "portal/webhook";
    }

    @PostMapping("/{id}/url")
    String changeUrl(@PathVariable String id, @RequestParam(defaultValue = "") String url, Model model,
                     RedirectAttributes redirect) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        try {
            Webhook changed = webhooks.update(me.organizationId(), id, url);
            redirect.addFlashAttribute("notice", "The webhook now points at " + changed.url()
                    + " (it answered the signed test request).");
            return "redirect:/settings/webhooks/" + id;
        } catch (ApiException e) {
            if ("NOT_FOUND".equals(e.code())) {
                throw e;
            }
            model.addAttribute("errors", Forms.errors(e));
            model.addAttribute("enteredUrl", url);
            return detail(id, model);
        }
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes redirect) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        webhooks.disable(me.organizationId(), id);
        redirect.addFlashAttribute("notice", "Disabled: new events are recorded as SKIPPED, pending deliveries wait.");
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable String id, RedirectAttributes redirect) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        webhooks.enable(me.organizationId(), id);
        redirect.addFlashAttribute("notice", "Enabled: waiting deliveries are sent now.");
        return "redirect:/settings/webhooks/" + id;
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable String id, Model model) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        Webhook webhook = webhooks.get(me.organizationId(), id);
        return Confirmations.show(model, "Delete this webhook?",
                "Delete the webhook " + webhook.url() + "? It receives nothing more; its pending deliveries are "
                        + "cancelled. Its history stays until retention removes it.",
                "/settings/webhooks/" + id + "/delete", "Delete " + webhook.url(), "/settings/webhooks/" + id, Map.of());
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        Webhook webhook = webhooks.get(me.organizationId(), id);
        webhooks.delete(me.organizationId(), id);
        redirect.addFlashAttribute("notice", "Deleted the webhook " + webhook.url() + ".");
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/{id}/test")
    String sendTest(@PathVariable String id, RedirectAttributes redirect) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        var delivery = deliveries.sendTestEvent(me.organizationId(), id);
        redirect.addFlashAttribute("notice", "Queued a signed webhook.test event (" + delivery.eventId() + ").");
        return "redirect:/settings/webhooks/" + id + "/deliveries";
    }

    @GetMapping("/{id}/secret")
    String secret(@PathVariable String id, Model model) {
        User me = Access.require(Permission.READ_SECRETS);
        Webhook webhook = webhooks.get(me.organizationId(), id);
        model.addAttribute("hook", webhook);
        model.addAttribute("secret", webhooks.secret(me.organizationId(), id));
        model.addAttribute("secretStatus", webhooks.secretStatus(me.organizationId(), id));
        model.addAttribute("title", "Signing secret");
        return "portal/secret";
    }

    @GetMapping("/{id}/rotate")
    String confirmRotate(@PathVariable String id, Model model) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        Webhook webhook = webhooks.get(me.organizationId(), id);
        return Confirmations.show(model, "Rotate the signing secret?",
                "Make a new whsec_ secret for " + webhook.url() + "? The current one keeps signing (as a second v1 "
                        + "signature) for 24 hours, so your receiver can switch without missing events.",
                "/settings/webhooks/" + id + "/rotate", "Rotate the secret", "/settings/webhooks/" + id, Map.of());
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable String id, Model model) {
        User me = Access.require(Permission.WRITE_WEBHOOKS);
        Webhook webhook = webhooks.get(me.organizationId(), id);
        WebhookSecret rotated = webhooks.rotateSecret(me.organizationId(), id);
        model.addAttribute("hook", webhook);
        model.addAttribute("secret", rotated.secret());
        model.addAttribute("secretStatus", webhooks.secretStatus(me.organizationId(), id));
        model.addAttribute("rotated", true);
        model.addAttribute("title", "Signing secret");
        return "portal/secret";
    }

    private WebhookView view(String organizationId, Webhook webhook) {
        EndpointStats stats = history.stats(organizationId, webhook.id());
        return new WebhookView(webhook, stats, Charts.hourly(stats), history.health(organizationId, webhook.id()));
    }

}
