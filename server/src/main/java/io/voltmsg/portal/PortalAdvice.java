package io.voltmsg.portal;

import io.voltmsg.accounts.Permission;
import io.voltmsg.accounts.User;
import io.voltmsg.shared.ApiException;
import io.voltmsg.shared.DatabaseFailures;
import io.voltmsg.shared.Ids;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every portal page has (the signed-in user, what they may do, formatting) and how failures are
 * shown: another organization's id or an unknown one is "not found", exactly as the API says it; a
 * role without the permission gets 403; a database that cannot serve 503 with when to try again; anything
 * unexpected a generic page with an id that is in the log.
 */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
class PortalAdvice {

    private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);
    private static final PortalFormat FORMAT = new PortalFormat();

    @ModelAttribute
    void common(Model model) {
        User user = Access.current();
        model.addAttribute("me", user);
        Map<String, Boolean> can = new java.util.HashMap<>();
        for (Permission p : Permission.values()) {
            can.put(p.name(), user != null && user.can(p));
        }
        model.addAttribute("can", can);
        model.addAttribute("fmt", FORMAT);
    }

    @ExceptionHandler(ApiException.class)
    String apiException(ApiException e, Model model, HttpServletResponse response) {
        common(model);
        boolean notFound = "NOT_FOUND".equals(e.code());
        response.setStatus(notFound ? 404 : 400);
        model.addAttribute("title", notFound ? "Not found" : "That did not work");
        model.addAttribute("message", e.getMessage());
        return "portal/error";
    }

    @ExceptionHandler(Access.ForbiddenException.class)
    String forbidden(Access.ForbiddenException e, Model model, HttpServletResponse response) {
        common(model);
        response.setStatus(403);
        User user = Access.current();
        model.addAttribute("title", "Not allowed");
        model.addAttribute("message", "Your role (" + (user == null ? "none" : user.role().wire())
                + ") does not allow this. Ask an admin of your organization.");
        return "portal/error";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        common(model);
        response.setStatus(400);
        model.addAttribute("title", "That did not work");
        model.addAttribute("message", "The value of " + e.getName() + " is not valid.");
        return "portal/error";
    }

    @ExceptionHandler(org.springframework.web.ErrorResponseException.class)
    String errorResponse(org.springframework.web.ErrorResponseException e, Model model, HttpServletResponse response) {
        common(model);
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("title", e.getStatusCode().value() == 404 ? "Not found" : "That did not work");
        model.addAttribute("message", e.getStatusCode().value() == 404 ? "There is no such page." : "The request was not valid.");
        return "portal/error";
    }

    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, Model model, HttpServletResponse response) {
        if (DatabaseFailures.isUnavailable(e)) {
            log.warn("Portal request failed, database unavailable: {}", e.toString());
            common(model);
            PortalUnavailable.status(response);
            model.addAttribute("title", PortalUnavailable.TITLE);
            model.addAttribute("message", PortalUnavailable.MESSAGE);
            return "portal/error";
        }
        String errorId = Ids.newId("err");
        log.error("Portal request failed (error id {})", errorId, e);
        common(model);
        response.setStatus(500);
        model.addAttribute("title", "Something went wrong");
        model.addAttribute("message", "An unexpected error happened (error id " + errorId + "). It is in the server log.");
        return "portal/error";
    }
}
