package io.voltmsg.portal;

import io.voltmsg.shared.DatabaseFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.HtmlUtils;

/**
 * What a portal visitor sees while the database cannot serve (stopped, unreachable, disk full): 503 with
 * {@code Retry-After}, as the API answers, and a page saying to try again, never a stack trace or a "something went
 * wrong" with an error id to look up.
 */
final class PortalUnavailable {

    static final String TITLE = "Unavailable for a moment";
    static final String MESSAGE = "voltmsg cannot reach its database right now. Try again in "
            + DatabaseFailures.RETRY_AFTER_SECONDS + " seconds; if you were saving something, check afterwards whether "
            + "it was saved.";

    private PortalUnavailable() {
    }

    static void status(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(DatabaseFailures.RETRY_AFTER_SECONDS));
    }

    /** For failures before a controller runs (the signed-in user is read in a filter): a page without templates. */
    static void write(HttpServletResponse response) throws IOException {
        status(response);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + HtmlUtils.htmlEscape(TITLE) + "</title><link rel=\"stylesheet\" href=\"/portal/portal.css\"></head><body><main><h1>"
                + HtmlUtils.htmlEscape(TITLE) + "</h1><p>" + HtmlUtils.htmlEscape(MESSAGE) + "</p></main></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }
}
