package io.voltmsg.portal;

/** The paths the portal answers: its security chain covers them, and its request lane. */
final class PortalRoutes {

    static final String SIGN_IN = "/signin";
    /** Everything the portal's security chain covers. */
    static final String[] SECURED = {"/", SIGN_IN, "/signout", "/settings", "/settings/**", "/messages", "/messages/**",
            "/contacts", "/contacts/**", "/account/**", "/portal/**", "/webjars/**", "/favicon.ico"};
    /** Open without signing in: the sign-in page and static assets. */
    static final String[] PUBLIC = {SIGN_IN, "/portal/**", "/webjars/**", "/favicon.ico"};

    private PortalRoutes() {
    }

    /** True for a page or action of the portal (not a static asset). */
    static boolean isPage(String path) {
        return path.equals("/") || path.equals(SIGN_IN) || path.equals("/signout") || startsWithSegment(path, "/settings")
                || startsWithSegment(path, "/messages") || startsWithSegment(path, "/contacts")
                || startsWithSegment(path, "/account");
    }

    private static boolean startsWithSegment(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
