package io.voltmsg.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cost of a document, counted before it runs: root fields and list items through nesting. */
class QueryCostTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query {
              messages(first: Int, after: String): MessageConnection!
              webhooks: [Webhook!]!
              webhook(id: ID!): Webhook
              publicKey: String
            }
            type MessageConnection { edges: [MessageEdge!]! pageInfo: PageInfo! }
            type MessageEdge { cursor: String! node: Message! }
            type PageInfo { hasNextPage: Boolean! }
            type Message { id: ID! media: [String!]! }
            type Webhook { id: ID! deliveries(first: Int): DeliveryConnection! events: [String!]! }
            type DeliveryConnection { edges: [DeliveryEdge!]! }
            type DeliveryEdge { node: Delivery! }
            type Delivery { id: ID! }
            """), RuntimeWiring.newRuntimeWiring().build());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            { publicKey }                                                        | 1 | 0
            { messages(first: 100) { edges { node { id } } pageInfo { hasNextPage } } } | 1 | 100
            { messages { edges { node { id } } } }                               | 1 | 20
            { messages(first: 0) { edges { node { id } } } }                     | 1 | 0
            { webhooks { id } }                                                  | 1 | 20
            { webhooks { id events } }                                           | 1 | 420
            { webhooks { deliveries(first: 100) { edges { node { id } } } } }    | 1 | 2020
            { messages(first: 100) { edges { node { media } } } }                | 1 | 2100
            { a: messages(first: 100) { edges { cursor } } b: messages(first: 50) { edges { cursor } } } | 2 | 150
            { webhook(id: "x") { id } publicKey __typename }                     | 3 | 0
            query { ...F } fragment F on Query { a: publicKey b: publicKey c: webhooks { id } } | 3 | 20
            { ... on Query { messages(first: 7) { edges { cursor } } } }         | 1 | 7
            """)
    void countsRootFieldsAndListItemsThroughNesting(String query, int rootFields, long listItems) {
        QueryCost cost = QueryCost.of(SCHEMA, Parser.parse(query), null, CoercedVariables.emptyVariables());
        assertThat(cost).isEqualTo(new QueryCost(rootFields, listItems));
    }

    @ParameterizedTest(name = "first = {0}")
    @CsvSource({"100, 100", "3, 3"})
    void pageSizesFromVariablesCount(int first, long listItems) {
        QueryCost cost = QueryCost.of(SCHEMA, Parser.parse("query($n: Int) { messages(first: $n) { edges { cursor } } }"),
                null, CoercedVariables.of(Map.of("n", first)));
        assertThat(cost.listItems()).isEqualTo(listItems);
    }

    @ParameterizedTest(name = "{0} aliased messages(first: 100)")
    @CsvSource({"500", "51"})
    void manyAliasesAreOverBudget(int aliases) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < aliases; i++) {
            query.append(" m").append(i).append(": messages(first: 100) { edges { cursor } }");
        }
        QueryCost cost = QueryCost.of(SCHEMA, Parser.parse(query.append(" }").toString()), null,
                CoercedVariables.emptyVariables());
        assertThat(cost.rootFields()).isEqualTo(aliases);
        assertThat(QueryCostInstrumentation.problemWith(cost, 50, 2000)).contains(aliases + " root fields", "50");
        assertThat(QueryCostInstrumentation.problemWith(new QueryCost(50, 2000), 50, 2000)).isNull();
        assertThat(QueryCostInstrumentation.problemWith(new QueryCost(1, 2001), 50, 2000)).contains("2001 list items");
    }
}
