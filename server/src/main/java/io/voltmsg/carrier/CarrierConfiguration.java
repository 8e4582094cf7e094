package io.voltmsg.carrier;

import io.voltmsg.carrier.sim.SimulatorProperties;
import io.voltmsg.carrier.sim.SmscSimulator;
import io.voltmsg.carrier.smpp.SmppClient;
import io.voltmsg.carrier.smpp.SmppProperties;
import io.voltmsg.carrier.smpp.StoredInboundParts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetSocketAddress;

/**
 * Wires the carrier link. With the simulator enabled (the default) the client always talks to it on
 * 127.0.0.1 at the port it actually took; otherwise to {@code voltmsg.carrier.smpp.host/port}.
 * Lifecycle phases start the simulator before the client and stop it after.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SmppProperties.class, SimulatorProperties.class})
class CarrierConfiguration {

    @Bean
    @ConditionalOnProperty(name = "voltmsg.carrier.simulator.enabled", havingValue = "true", matchIfMissing = true)
    SmscSimulator smscSimulator(SimulatorProperties properties) {
        return new SmscSimulator(properties);
    }

    /** Concatenated inbound parts wait in the database, so a part is acknowledged only once it is stored. */
    @Bean
    SmppClient smppClient(SmppProperties properties, ObjectProvider<SmscSimulator> simulator,
                          ObjectProvider<CarrierListener> listener, JdbcClient jdbc, TransactionTemplate transactions,
                          ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        SmppClient client = new SmppClient(properties, () -> {
            SmscSimulator sim = simulator.getIfAvailable();
            return sim != null
                    ? new InetSocketAddress("127.0.0.1", sim.port())
                    : InetSocketAddress.createUnresolved(properties.host(), properties.port());
        }, listener::getIfAvailable, new StoredInboundParts(jdbc, transactions, properties.reassemblyTimeout()));
        meters.ifAvailable(registry -> client.withMetrics(new io.voltmsg.carrier.smpp.SmppMetrics(registry)));
        return client;
    }
}
