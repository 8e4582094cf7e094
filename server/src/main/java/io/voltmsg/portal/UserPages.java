package io.voltmsg.portal;

import io.voltmsg.accounts.IssuedPassword;
import io.voltmsg.accounts.Permission;
import io.voltmsg.accounts.Role;
import io.voltmsg.accounts.User;
import io.voltmsg.accounts.UserService;
import io.voltmsg.shared.ApiException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users of the organization (admins only): add (a one-time password shown once), change role, reset password, remove. */
@Controller
@RequestMapping("/settings/users")
class UserPages {

    private final UserService users;

    UserPages(UserService users) {
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        User me = Access.require(Permission.MANAGE_USERS);
        model.addAttribute("users", users.list(me.organizationId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("title", "Users");
        return "portal/users";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role, Model model) {
        User me = Access.require(Permission.MANAGE_USERS);
        try {
            IssuedPassword issued = users.add(me.organizationId(), email, role(role));
            return showPassword(model, issued, "User added");
        } catch (ApiException e) {
            model.addAttribute("errors", Forms.errors(e));
            model.addAttribute("enteredEmail", email);
            return list(model);
        }
    }

    @PostMapping("/{id}/role")
    String changeRole(@PathVariable String id, @RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
        User me = Access.require(Permission.MANAGE_USERS);
        User changed = users.changeRole(me.organizationId(), id, role(role));
        redirect.addFlashAttribute("notice", changed.email() + " is now " + changed.role().wire() + ".");
        return "redirect:/settings/users";
    }

    @GetMapping("/{id}/reset-password")
    String confirmReset(@PathVariable String id, Model model) {
        User me = Access.require(Permission.MANAGE_USERS);
        User user = users.get(me.organizationId(), id);
        return Confirmations.show(model, "Reset this password?", "Give " + user.email()
                        + " a new one-time password? Their current password stops working and they are signed out.",
                "/settings/users/" + id + "/reset-password", "Reset the password of " + user.email(), "/settings/users",
                Map.of());
    }

    @PostMapping("/{id}/reset-password")
    String reset(@PathVariable String id, Model model) {
        User me = Access.require(Permission.MANAGE_USERS);
        return showPassword(model, users.resetPassword(me.organizationId(), id), "Password reset");
    }

    @GetMapping("/{id}/remove")
    String confirmRemove(@PathVariable String id, Model model) {
        User me = Access.require(Permission.MANAGE_USERS);
        User user = users.get(me.organizationId(), id);
        return Confirmations.show(model, "Remove this user?", "Remove " + user.email()
                        + "? They are signed out and cannot sign in again.",
                "/settings/users/" + id + "/remove", "Remove " + user.email(), "/settings/users", Map.of());
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable String id, RedirectAttributes redirect) {
        User me = Access.require(Permission.MANAGE_USERS);
        User user = users.get(me.organizationId(), id);
        users.remove(me.organizationId(), id);
        redirect.addFlashAttribute("notice", "Removed " + user.email() + ".");
        return "redirect:/settings/users";
    }

    private static String showPassword(Model model, IssuedPassword issued, String title) {
        model.addAttribute("issued", issued);
        model.addAttribute("title", title);
        return "portal/user-password";
    }

    private static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("role", e.getMessage());
        }
    }
}
