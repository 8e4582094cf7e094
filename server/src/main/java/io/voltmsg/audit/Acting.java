package io.voltmsg.audit;

/**
 * Implemented by what a front door puts into the caller context as the authenticated principal (an API
 * token's caller, a signed-in portal user), so that the audit log can name the actor without knowing
 * either front door.
 */
public interface Acting {

    Actor actor();
}
