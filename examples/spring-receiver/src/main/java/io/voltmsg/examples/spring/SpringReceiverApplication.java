package io.voltmsg.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** {@code java -jar spring-receiver.jar --receiver.voltmsg-url=http://127.0.0.1:8080 --receiver.secrets=whsec_...} */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpringReceiverApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringReceiverApplication.class, args);
    }
}
