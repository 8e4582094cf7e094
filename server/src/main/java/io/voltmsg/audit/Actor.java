package io.voltmsg.audit;

/**
 * Who did something: a portal user, an API token, the command line, or voltmsg itself (the delivery
 * engine disabling a failing webhook, start-up creating the first admin).
 *
 * @param type           {@code user}, {@code token}, {@code cli} or {@code system}
 * @param id             the user's or token's id; null for {@code cli} and {@code system}
 * @param label          what people read: the user's e-mail address, the token's name and id
 * @param organizationId the organization the actor belongs to; null for {@code cli} and {@code system}
 */
public record Actor(String type, String id, String label, String organizationId) {

    public static final String USER = "user";
    public static final String TOKEN = "token";
    public static final String COMMAND_LINE = "cli";
    public static final String SYSTEM = "system";

    private static final Actor SYSTEM_ACTOR = new Actor(SYSTEM, null, "voltmsg", null);
    private static final Actor COMMAND_LINE_ACTOR = new Actor(COMMAND_LINE, null, "command line", null);

    public static Actor user(String userId, String email, String organizationId) {
        return new Actor(USER, userId, email, organizationId);
    }

    public static Actor token(String tokenId, String name, String organizationId) {
        return new Actor(TOKEN, tokenId, name == null || name.isBlank() ? tokenId : name + " (" + tokenId + ")",
                organizationId);
    }

    public static Actor system() {
        return SYSTEM_ACTOR;
    }

    public static Actor commandLine() {
        return COMMAND_LINE_ACTOR;
    }
}
