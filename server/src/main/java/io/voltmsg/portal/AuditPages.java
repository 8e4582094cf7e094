package io.voltmsg.portal;

import io.voltmsg.accounts.Permission;
import io.voltmsg.accounts.User;
import io.voltmsg.audit.AuditLog;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log (admins only): who did what and when, newest first, from the portal, the API and voltmsg itself. */
@Controller
class AuditPages {

    static final int PAGE = 50;
    static final List<String> AREAS = List.of("webhook.", "delivery.", "token.", "user.", "contact.");

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/settings/audit")
    String list(@RequestParam(required = false) String area, @RequestParam(required = false) String after, Model model) {
        User me = Access.require(Permission.READ_AUDIT);
        String prefix = area != null && AREAS.contains(area) ? area : null;
        model.addAttribute("page", audit.list(me.organizationId(), prefix, after, PAGE));
        model.addAttribute("area", prefix);
        model.addAttribute("areas", AREAS);
        model.addAttribute("title", "Audit log");
        return "portal/audit";
    }
}
