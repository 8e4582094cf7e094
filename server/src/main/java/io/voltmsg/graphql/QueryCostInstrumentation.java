package io.voltmsg.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before any field runs, a document with more root fields or list items than the budgets
 * ({@code voltmsg.api.max-root-fields}, {@code voltmsg.api.max-list-items}): {@code extensions.code}
 * {@code QUERY_TOO_COSTLY}, with both figures and budgets.
 */
final class QueryCostInstrumentation extends SimplePerformantInstrumentation {

    static final String CODE = "QUERY_TOO_COSTLY";

    private final int maxRootFields;
    private final int maxListItems;

    QueryCostInstrumentation(int maxRootFields, int maxListItems) {
        this.maxRootFields = maxRootFields;
        this.maxListItems = maxListItems;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        graphql.execution.ExecutionContext execution = parameters.getExecutionContext();
        QueryCost cost = QueryCost.of(execution.getGraphQLSchema(), execution.getDocument(),
                execution.getOperationDefinition().getName(), execution.getCoercedVariables());
        String problem = problemWith(cost, maxRootFields, maxListItems);
        if (problem != null) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(problem)
                    .extensions(Map.of("code", CODE, "rootFields", cost.rootFields(), "maxRootFields", maxRootFields,
                            "listItems", cost.listItems(), "maxListItems", maxListItems))
                    .build()));
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** Null within both budgets, else what is over and how to fit. */
    static String problemWith(QueryCost cost, int maxRootFields, int maxListItems) {
        if (cost.rootFields() > maxRootFields) {
            return "the query has " + cost.rootFields() + " root fields, more than the " + maxRootFields
                    + " allowed: split it into several requests";
        }
        if (cost.listItems() > maxListItems) {
            return "the query may return " + cost.listItems() + " list items, more than the " + maxListItems
                    + " allowed (each list counts its first, " + QueryCost.DEFAULT_PAGE
                    + " when absent, multiplied through nesting): ask for smaller pages";
        }
        return null;
    }
}
