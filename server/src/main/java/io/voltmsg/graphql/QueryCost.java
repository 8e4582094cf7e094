package io.voltmsg.graphql;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * What a document asks for before it runs: its root fields, and the list items it may return in all. A list field
 * counts its {@code first} argument ({@value #DEFAULT_PAGE} when absent), multiplied by the lists it is nested in; the
 * {@code edges} of a connection are the page its parent already counted.
 *
 * @param rootFields fields of the operation's root type, aliases and fragments included
 * @param listItems  the most list items the answer can hold
 */
record QueryCost(int rootFields, long listItems) {

    static final int DEFAULT_PAGE = 20;

    static QueryCost of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        int[] roots = {0};
        long[] items = {0};
        QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(operationName)
                .coercedVariables(variables).build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.getParentEnvironment() == null) {
                            roots[0]++;
                        }
                        if (multiplier(env) > 1) {
                            items[0] = saturatedAdd(items[0], itemsUpTo(env));
                        }
                    }
                });
        return new QueryCost(roots[0], items[0]);
    }

    /** The items this field can return, through every list above it (saturating at Long.MAX_VALUE). */
    private static long itemsUpTo(QueryVisitorFieldEnvironment env) {
        long product = 1;
        for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
            long m = multiplier(e);
            product = m != 0 && product > Long.MAX_VALUE / m ? Long.MAX_VALUE : product * m;
        }
        return product;
    }

    /** How many items one occurrence of this field stands for: its page size for a list, else 1. */
    static long multiplier(QueryVisitorFieldEnvironment env) {
        if (env.isTypeNameIntrospectionField()) {
            return 1;
        }
        GraphQLFieldDefinition definition = env.getFieldDefinition();
        if (definition.getArgument("first") != null) {
            Object first = env.getArguments().get("first");
            return first instanceof Number n ? Math.max(0, n.longValue()) : DEFAULT_PAGE;
        }
        if (!(GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLList)) {
            return 1;
        }
        boolean connectionPage = (definition.getName().equals("edges") || definition.getName().equals("nodes"))
                && GraphQLTypeUtil.unwrapAll(env.getParentType()).getName().endsWith("Connection");
        return connectionPage ? 1 : DEFAULT_PAGE;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
