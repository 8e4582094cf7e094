package io.voltmsg.portal;

import java.util.Map;
import org.springframework.ui.Model;

/** A page that asks before something that cannot be undone, and says exactly what will happen. */
final class Confirmations {

    private Confirmations() {
    }

    static String show(Model model, String title, String text, String action, String button, String cancel,
                       Map<String, String> hidden) {
        model.addAttribute("title", title);
        model.addAttribute("text", text);
        model.addAttribute("action", action);
        model.addAttribute("button", button);
        model.addAttribute("cancel", cancel);
        model.addAttribute("hidden", hidden);
        return "portal/confirm";
    }
}
