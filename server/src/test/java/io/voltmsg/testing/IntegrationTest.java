package io.voltmsg.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A running server on the configured database (H2, then PostgreSQL in the second surefire run): the
 * tests of what is stored. Shares one Spring context with every {@link ServerTest}.
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
public abstract class IntegrationTest extends ServerTest {

    /** A test's own organization with one number and a token. */
    public record TestOrganization(String id, String phoneNumber, String token, GraphQl api) {
    }
}
