package io.voltmsg.portal;

import io.voltmsg.accounts.Permission;
import io.voltmsg.accounts.User;
import io.voltmsg.messaging.Contact;
import io.voltmsg.messaging.ContactService;
import io.voltmsg.shared.ApiException;
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

/** Contacts: list, search by number or name, block and unblock (what a handset's STOP and START do). */
@Controller
@RequestMapping("/contacts")
class ContactPages {

    static final int PAGE = 25;

    private final ContactService contacts;

    ContactPages(ContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String blocked,
                @RequestParam(required = false) String after, Model model) {
        User me = Access.require(Permission.READ);
        Boolean onlyBlocked = "yes".equals(blocked) ? Boolean.TRUE : "no".equals(blocked) ? Boolean.FALSE : null;
        ContactService.Page page;
        try {
            page = contacts.list(me.organizationId(), q, onlyBlocked,
                    after != null && after.matches("con_[0-9A-Z]{26}") ? after : null, PAGE);
        } catch (ApiException e) {
            model.addAttribute("errors", Map.of("q", e.getMessage()));
            page = new ContactService.Page(List.of(), false);
        }
        StringBuilder query = new StringBuilder();
        QueryStrings.append(query, "q", q);
        QueryStrings.append(query, "blocked", onlyBlocked == null ? null : blocked);
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        model.addAttribute("blocked", onlyBlocked == null ? "" : blocked);
        model.addAttribute("query", query.toString());
        model.addAttribute("title", "Contacts");
        return "portal/contacts";
    }

    @PostMapping("/{id}/block")
    String block(@PathVariable String id, RedirectAttributes redirect) {
        return setBlocked(id, true, redirect);
    }

    @PostMapping("/{id}/unblock")
    String unblock(@PathVariable String id, RedirectAttributes redirect) {
        return setBlocked(id, false, redirect);
    }

    private String setBlocked(String id, boolean blocked, RedirectAttributes redirect) {
        User me = Access.require(Permission.WRITE_CONTACTS);
        Contact contact = contacts.setBlocked(me.organizationId(), id, blocked);
        redirect.addFlashAttribute("notice", contact.phoneNumber() + (blocked
                ? " is blocked: messages from " + contact.mappedNumber() + " to it are refused."
                : " is unblocked."));
        return "redirect:/contacts";
    }
}
