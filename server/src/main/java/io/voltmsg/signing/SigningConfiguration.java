package io.voltmsg.signing;

import io.voltmsg.shared.VoltmsgProperties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningConfiguration.class);

    /** The key-encryption key; a missing or malformed one stops start-up with a message saying how to make one. */
    @Bean
    MasterKey masterKey(SigningProperties signing, VoltmsgProperties voltmsg, DataSource dataSource) {
        return MasterKeySource.load(signing, voltmsg, dataSource);
    }

    @Bean
    CryptoProvider cryptoProvider(SigningProperties signing) {
        CryptoProvider provider = CryptoProvider.detect(signing.fastProvider());
        log.info("Webhook signatures: {}", provider.describe());
        return provider;
    }
}
