package io.voltmsg.sdk;

/** The check of one configured signature scheme; it passes when any one of the scheme's signatures verifies. */
interface SchemeCheck {

    SignatureScheme scheme();

    void verify(SignedRequest request) throws WebhookVerificationException;
}
