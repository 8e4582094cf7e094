package io.voltmsg.accounts;

/** Something a portal page or action needs; {@link Role#allows} says who has it. */
public enum Permission {
    /** See webhooks, deliveries, messages, contacts (never secrets). */
    READ,
    /** Register, change, enable, disable, delete and test webhooks; re-send and recover deliveries. */
    WRITE_WEBHOOKS,
    /** See a webhook's {@code whsec_} secret. */
    READ_SECRETS,
    /** Send messages and simulate inbound ones. */
    SEND_MESSAGES,
    /** Block and unblock contacts. */
    WRITE_CONTACTS,
    /** Create and revoke API tokens. */
    MANAGE_TOKENS,
    /** Add and remove users, change their roles, reset their passwords. */
    MANAGE_USERS,
    /** Read the audit log. */
    READ_AUDIT
}
