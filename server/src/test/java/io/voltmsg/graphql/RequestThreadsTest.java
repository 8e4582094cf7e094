package io.voltmsg.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestThreadsTest {

    @Test
    void automaticIsTwoPerCoreAndNeverBelowFour() {
        assertThat(ApiProperties.requestThreads(0, 1)).isEqualTo(4);
        assertThat(ApiProperties.requestThreads(0, 2)).isEqualTo(4);
        assertThat(ApiProperties.requestThreads(0, 8)).isEqualTo(16);
    }

    @Test
    void aConfiguredNumberIsUsedAsIs() {
        assertThat(ApiProperties.requestThreads(64, 2)).isEqualTo(64);
        assertThat(ApiProperties.requestThreads(1, 16)).isEqualTo(1);
    }

    @Test
    void aNegativeNumberIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiProperties(-1, 50, 2000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voltmsg.api.request-threads");
    }
}
