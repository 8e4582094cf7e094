package io.voltmsg.portal;

import io.voltmsg.accounts.User;
import io.voltmsg.accounts.UserService;
import io.voltmsg.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Signing in (the form; Spring Security checks it), the start page, and choosing one's own password. */
@Controller
class SignInPages {

    private final UserService users;

    SignInPages(UserService users) {
        this.users = users;
    }

    @GetMapping("/")
    String start() {
        return "redirect:/settings/webhooks";
    }

    @GetMapping(PortalRoutes.SIGN_IN)
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) Long wait,
                  @RequestParam(required = false) String signedout, @RequestParam(required = false) String expired,
                  Model model) {
        if (Access.current() != null) {
            return "redirect:/settings/webhooks";
        }
        if (wait != null) {
            model.addAttribute("error", "Too many failed sign-ins. Wait " + Math.max(1, Math.min(wait, 3600))
                    + " seconds, then try again.");
        } else if (error != null) {
            model.addAttribute("error", "That e-mail address and password do not match an account.");
        }
        if (signedout != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        if (expired != null) {
            model.addAttribute("notice", "Your session ended (your account changed). Sign in again.");
        }
        return "portal/signin";
    }

    @GetMapping(SignedInUsers.CHANGE_PASSWORD)
    String passwordForm(Model model) {
        model.addAttribute("title", "Your password");
        return "portal/password";
    }

    @PostMapping(SignedInUsers.CHANGE_PASSWORD)
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String repeatPassword, HttpServletRequest request,
                          Model model, RedirectAttributes redirect) {
        User me = Access.current();
        model.addAttribute("title", "Your password");
        if (!newPassword.equals(repeatPassword)) {
            model.addAttribute("errors", java.util.Map.of("repeatPassword", "the two new passwords differ"));
            return "portal/password";
        }
        try {
            User changed = users.changePassword(me.id(), currentPassword, newPassword);
            SignedInUsers.replace(request, changed);
        } catch (ApiException e) {
            model.addAttribute("errors", Forms.errors(e));
            return "portal/password";
        }
        redirect.addFlashAttribute("notice", "Your password is changed.");
        return "redirect:/settings/webhooks";
    }
}
