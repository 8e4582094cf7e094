package io.voltmsg.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.voltmsg.testing.GraphQl;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    private static List<String> diff(String expected, String actual) {
        return JsonShape.differences(GraphQl.JSON.readTree(expected), GraphQl.JSON.readTree(actual));
    }

    @Test
    void valuesMayDifferButNotTheirTypes() {
        assertThat(diff("{\"id\":\"wh_1\",\"n\":1,\"ok\":true,\"x\":null}", "{\"id\":\"wh_2\",\"n\":7.5,\"ok\":false,\"x\":null}"))
                .isEmpty();
        assertThat(diff("{\"n\":1}", "{\"n\":\"1\"}")).containsExactly("$.n: expected NUMBER but was STRING (\"1\")");
        assertThat(diff("{\"x\":null}", "{\"x\":\"a\"}")).singleElement().asString().startsWith("$.x: expected NULL");
    }

    @Test
    void missingAndExtraFieldsAreDifferences() {
        assertThat(diff("{\"a\":1,\"b\":2}", "{\"a\":1,\"c\":2}"))
                .containsExactly("$.b: missing", "$.c: not in the example (2)");
    }

    @Test
    void everyArrayElementHasTheShapeOfTheExamplesFirst() {
        assertThat(diff("{\"e\":[{\"id\":\"a\"}]}", "{\"e\":[{\"id\":\"b\"},{\"id\":\"c\"}]}")).isEmpty();
        assertThat(diff("{\"e\":[{\"id\":\"a\"}]}", "{\"e\":[{\"id\":\"b\"},{\"id\":3}]}"))
                .containsExactly("$.e[1].id: expected STRING but was NUMBER (3)");
        assertThat(diff("{\"e\":[]}", "{\"e\":[1,\"x\"]}")).as("an empty example says only: an array").isEmpty();
        assertThat(diff("{\"e\":[1]}", "{\"e\":[]}")).isEmpty();
    }

    @Test
    void anErrorAnswerDoesNotPassForData() {
        assertThat(diff("{\"data\":{\"a\":1}}", "{\"errors\":[{\"message\":\"m\"}],\"data\":null}"))
                .contains("$.data: expected OBJECT but was NULL (null)", "$.errors: not in the example ([{\"message\":\"m\"}])");
        assertThat(diff("{\"a\":{\"b\":{\"c\":1}}}", "[1]")).containsExactly("$: expected OBJECT but was ARRAY ([1])");
    }
}
