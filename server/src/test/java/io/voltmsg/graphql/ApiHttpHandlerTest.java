package io.voltmsg.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiHttpHandlerTest {

    @Test
    void nothingDoneBecauseTheDatabaseWasDownIsA503() {
        assertThat(ApiHttpHandler.nothingDoneForWantOfTheDatabase(List.<Object>of("UNAVAILABLE"), null)).isTrue();
        Map<String, Object> data = new HashMap<>();
        data.put("createMessage", null);
        assertThat(ApiHttpHandler.nothingDoneForWantOfTheDatabase(List.<Object>of("UNAVAILABLE"), data)).isTrue();
    }

    @Test
    void partialSuccessOrOtherErrorsStay200() {
        Map<String, Object> data = new HashMap<>();
        data.put("a", Map.of("id", "msg_1"));
        data.put("b", null);
        assertThat(ApiHttpHandler.nothingDoneForWantOfTheDatabase(List.<Object>of("UNAVAILABLE"), data)).isFalse();
        assertThat(ApiHttpHandler.nothingDoneForWantOfTheDatabase(List.<Object>of("UNAVAILABLE", "BAD_USER_INPUT"),
                null)).isFalse();
        assertThat(ApiHttpHandler.nothingDoneForWantOfTheDatabase(List.<Object>of(), null)).isFalse();
    }
}
