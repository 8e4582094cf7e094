package io.voltmsg.accounts;

/** A user with a freshly generated one-time password: {@code password} is the only time the plain value exists. */
public record IssuedPassword(User user, String password) {
}
