package io.voltmsg.graphql;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Comparator;
import java.util.List;

/**
 * The schema explorer page: an index of every type of the running schema and, per type, its fields
 * with arguments and descriptions, each type name a link. Plain HTML rendered here (no script, nothing
 * loaded from elsewhere); every text from the schema is escaped.
 */
final class SchemaPage {

    private SchemaPage() {
    }

    static String render(GraphQLSchema schema) {
        List<GraphQLNamedType> types = schema.getAllTypesAsList().stream()
                .filter(t -> !t.getName().startsWith("__"))
                .sorted(Comparator.comparing((GraphQLNamedType t) -> order(t, schema)).thenComparing(GraphQLNamedType::getName))
                .toList();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>voltmsg GraphQL schema</title>\n")
                .append("<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}")
                .append("code,pre{font:13px ui-monospace,monospace}section{border-top:1px solid #ddd;margin-top:1.5rem}")
                .append("dt{margin-top:.5rem}dd{margin-left:1.5rem;color:#444}nav a{margin-right:.75rem}</style></head><body>\n")
                .append("<h1>voltmsg GraphQL schema</h1>\n<p><code>POST /graphql</code> with <code>Authorization: Bearer")
                .append(" &lt;token&gt;</code>. The schema as SDL: <a href=\"/schema.graphqls\">/schema.graphqls</a>.</p>\n<nav>");
        for (GraphQLNamedType type : types) {
            html.append("<a href=\"#").append(escape(type.getName())).append("\">").append(escape(type.getName())).append("</a>");
        }
        html.append("</nav>\n");
        for (GraphQLNamedType type : types) {
            section(html, type);
        }
        return html.append("</body></html>\n").toString();
    }

    /** Query and Mutation first, then objects, inputs, enums, scalars. */
    private static int order(GraphQLNamedType type, GraphQLSchema schema) {
        if (type == schema.getQueryType()) {
            return 0;
        }
        if (type == schema.getMutationType()) {
            return 1;
        }
        if (type instanceof GraphQLObjectType) {
            return 2;
        }
        if (type instanceof GraphQLInputObjectType) {
            return 3;
        }
        return type instanceof GraphQLEnumType ? 4 : 5;
    }

    private static void section(StringBuilder html, GraphQLNamedType type) {
        String kind = type instanceof GraphQLObjectType ? "type" : type instanceof GraphQLInputObjectType ? "input"
                : type instanceof GraphQLEnumType ? "enum" : type instanceof GraphQLScalarType ? "scalar" : "type";
        html.append("<section id=\"").append(escape(type.getName())).append("\"><h2><code>").append(kind).append(' ')
                .append(escape(type.getName())).append("</code></h2>\n");
        description(html, "p", type.getDescription());
        html.append("<dl>\n");
        if (type instanceof GraphQLObjectType object) {
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                html.append("<dt><code>").append(escape(field.getName()));
                if (!field.getArguments().isEmpty()) {
                    html.append('(');
                    List<GraphQLArgument> arguments = field.getArguments();
                    for (int i = 0; i < arguments.size(); i++) {
                        html.append(i == 0 ? "" : ", ").append(escape(arguments.get(i).getName())).append(": ");
                        typeReference(html, arguments.get(i).getType());
                    }
                    html.append(')');
                }
                html.append(": ");
                typeReference(html, field.getType());
                html.append("</code></dt>");
                description(html, "dd", field.getDescription());
                html.append('\n');
            }
        } else if (type instanceof GraphQLInputObjectType input) {
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                html.append("<dt><code>").append(escape(field.getName())).append(": ");
                typeReference(html, field.getType());
                html.append("</code></dt>");
                description(html, "dd", field.getDescription());
                html.append('\n');
            }
        } else if (type instanceof GraphQLEnumType enumType) {
            for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                html.append("<dt><code>").append(escape(value.getName())).append("</code></dt>");
                description(html, "dd", value.getDescription());
                html.append('\n');
            }
        }
        html.append("</dl></section>\n");
    }

    /** {@code [Webhook!]!} with the named type as a link to its section. */
    private static void typeReference(StringBuilder html, GraphQLType type) {
        String printed = GraphQLTypeUtil.simplePrint(type);
        String name = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type)).getName();
        int at = printed.indexOf(name);
        html.append(escape(printed.substring(0, at))).append("<a href=\"#").append(escape(name)).append("\">")
                .append(escape(name)).append("</a>").append(escape(printed.substring(at + name.length())));
    }

    private static void description(StringBuilder html, String tag, String text) {
        if (text != null && !text.isBlank()) {
            html.append('<').append(tag).append('>').append(escape(text.strip())).append("</").append(tag).append('>');
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
