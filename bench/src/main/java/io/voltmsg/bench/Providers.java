package io.voltmsg.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.security.Security;

/** The two provider choices compared: the JDK's defaults and the Amazon Corretto Crypto Provider. */
final class Providers {

    private Providers() {
    }

    /** {@code "jdk"}: the JDK's provider for the algorithm; {@code "accp"}: Corretto, failing loudly if it did not load. */
    static Provider named(String name, String type, String algorithm) {
        if (name.equals("accp")) {
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
            return AmazonCorrettoCryptoProvider.INSTANCE;
        }
        for (Provider provider : Security.getProviders()) {
            if (provider.getService(type, algorithm) != null) {
                return provider;
            }
        }
        throw new IllegalStateException("no JDK provider for " + type + "/" + algorithm);
    }
}
