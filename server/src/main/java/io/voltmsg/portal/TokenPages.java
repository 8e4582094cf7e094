package io.voltmsg.portal;

import io.voltmsg.accounts.AccountService;
import io.voltmsg.accounts.IssuedToken;
import io.voltmsg.accounts.Permission;
import io.voltmsg.accounts.Scope;
import io.voltmsg.accounts.TokenInfo;
import io.voltmsg.accounts.User;
import io.voltmsg.shared.ApiException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API tokens (admins only): create with scopes (the value shown once), list, revoke after a confirmation. */
@Controller
@RequestMapping("/settings/tokens")
class TokenPages {

    private final AccountService accounts;

    TokenPages(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        User me = Access.require(Permission.MANAGE_TOKENS);
        model.addAttribute("tokens", accounts.tokens(me.organizationId()));
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("title", "API tokens");
        return "portal/tokens";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> scopes,
                  Model model) {
        User me = Access.require(Permission.MANAGE_TOKENS);
        Set<Scope> chosen = EnumSet.noneOf(Scope.class);
        try {
            for (String scope : scopes == null ? List.<String>of() : scopes) {
                chosen.add(Scope.parse(scope));
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("choose at least one scope");
            }
            IssuedToken token = accounts.issueToken(me.organizationId(), name, chosen);
            model.addAttribute("token", token);
            model.addAttribute("name", name.strip());
            model.addAttribute("title", "Token created");
            return "portal/token-created";
        } catch (IllegalArgumentException e) {
            model.addAttribute("errors", Map.of(e.getMessage().contains("name") ? "name" : "scopes", e.getMessage()));
            model.addAttribute("enteredName", name);
            return list(model);
        }
    }

    @GetMapping("/{id}/revoke")
    String confirmRevoke(@PathVariable String id, Model model) {
        User me = Access.require(Permission.MANAGE_TOKENS);
        TokenInfo token = accounts.findToken(me.organizationId(), id).filter(TokenInfo::active)
                .orElseThrow(() -> ApiException.notFound("token"));
        return Confirmations.show(model, "Revoke this token?",
                "Revoke " + (token.name() == null ? "" : "\"" + token.name() + "\" (") + token.id()
                        + (token.name() == null ? "" : ")") + "? Requests with it are refused from now on; this cannot be undone.",
                "/settings/tokens/" + id + "/revoke", "Revoke " + token.id(), "/settings/tokens", Map.of());
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        User me = Access.require(Permission.MANAGE_TOKENS);
        accounts.revokeToken(me.organizationId(), id);
        redirect.addFlashAttribute("notice", "Revoked " + id + ".");
        return "redirect:/settings/tokens";
    }
}
