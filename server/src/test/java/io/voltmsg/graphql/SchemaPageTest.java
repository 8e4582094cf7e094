package io.voltmsg.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

class SchemaPageTest {

    private static GraphQLSchema schema(String sdl) {
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), RuntimeWiring.newRuntimeWiring().build());
    }

    @Test
    void listsEveryTypeWithItsFieldsArgumentsAndLinks() {
        String page = SchemaPage.render(schema("""
                type Query { "All hooks." hooks(first: Int, kind: Kind!): [Hook!]! }
                type Mutation { add(input: HookInput!): Hook }
                "A hook." type Hook { id: ID! }
                input HookInput { url: String! }
                enum Kind { "Fast ones." FAST SLOW }
                """));
        assertThat(page).contains("id=\"Query\"", "id=\"Mutation\"", "id=\"Hook\"", "id=\"HookInput\"", "id=\"Kind\"",
                "id=\"String\"");
        assertThat(page).contains("hooks(first: <a href=\"#Int\">Int</a>, kind: <a href=\"#Kind\">Kind</a>!): "
                + "[<a href=\"#Hook\">Hook</a>!]!");
        assertThat(page).contains("<dd>All hooks.</dd>", "<p>A hook.</p>", "<dd>Fast ones.</dd>", "<code>input HookInput</code>");
        assertThat(page.indexOf("id=\"Query\"")).isLessThan(page.indexOf("id=\"Mutation\""));
        assertThat(page.indexOf("id=\"Mutation\"")).isLessThan(page.indexOf("id=\"Hook\""));
        assertThat(page).doesNotContain("__Schema", "<script");
    }

    @Test
    void escapesDescriptions() {
        String page = SchemaPage.render(schema("""
                type Query { "<script>alert('x')</script> & \\"q\\"" a: String }
                """));
        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }
}
