package io.voltmsg.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where signature algorithms come from: the Amazon Corretto Crypto Provider when it is on the
 * class path and loads (Linux x86-64; much faster RSA and Ed25519), else the JDK. The provider is
 * used explicitly for our own signatures only; it is never installed globally, so TLS and the
 * rest of the JVM keep the JDK's providers.
 */
final class CryptoProvider {

    static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final Logger log = LoggerFactory.getLogger(CryptoProvider.class);

    private final Provider fast;

    private CryptoProvider(Provider fast) {
        this.fast = fast;
    }

    /** The JDK's providers only. */
    static CryptoProvider jdk() {
        return new CryptoProvider(null);
    }

    /** The fast provider when {@code wanted} and it loads here, else the JDK. */
    static CryptoProvider detect(boolean wanted) {
        if (!wanted) {
            return jdk();
        }
        Provider accp = loadAccp();
        return new CryptoProvider(accp);
    }

    private static Provider loadAccp() {
        try {
            Class<?> type = Class.forName(ACCP_CLASS);
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            Object loadingError = type.getMethod("getLoadingError").invoke(provider);
            if (loadingError != null) {
                log.info("Amazon Corretto Crypto Provider is present but did not load ({}); using the JDK", loadingError);
                return null;
            }
            // Prove it works before trusting it with every signature.
            type.getMethod("assertHealthy").invoke(provider);
            return provider;
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.info("Amazon Corretto Crypto Provider could not be used ({}); using the JDK", cause.toString());
            return null;
        }
    }

    /** The provider that serves {@code type/algorithm}: the fast one when it has it, else null (the JDK's default). */
    private Provider providerFor(String type, String algorithm) {
        return fast != null && fast.getService(type, algorithm) != null ? fast : null;
    }

    Signature signature(String algorithm) throws GeneralSecurityException {
        Provider provider = providerFor("Signature", algorithm);
        return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
    }

    KeyFactory keyFactory(String algorithm) throws GeneralSecurityException {
        Provider provider = providerFor("KeyFactory", algorithm);
        return provider == null ? KeyFactory.getInstance(algorithm) : KeyFactory.getInstance(algorithm, provider);
    }

    KeyPairGenerator keyPairGenerator(String algorithm) throws GeneralSecurityException {
        Provider provider = providerFor("KeyPairGenerator", algorithm);
        return provider == null ? KeyPairGenerator.getInstance(algorithm) : KeyPairGenerator.getInstance(algorithm, provider);
    }

    /** Which provider signs what, for the start-up log and benchmarks. */
    String describe() {
        try {
            return "SHA256withRSA by " + signature("SHA256withRSA").getProvider().getName()
                    + ", Ed25519 by " + signature("Ed25519").getProvider().getName();
        } catch (GeneralSecurityException e) {
            return "unavailable: " + e;
        }
    }

    boolean isFast() {
        return fast != null;
    }
}
