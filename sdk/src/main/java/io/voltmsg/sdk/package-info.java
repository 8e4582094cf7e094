/** Receiver SDK for verifying voltmsg webhook signatures (filled by a later issue). */
package io.voltmsg.sdk;
