package io.voltmsg.graphql;

import graphql.schema.GraphqlTypeComparatorRegistry;
import graphql.schema.idl.SchemaPrinter;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The schema explorer ({@code GET /schema}) and the schema as SDL ({@code GET /schema.graphqls}), both
 * from the running schema, fields in the order the schema files declare them, and public: the schema is the same on every installation and published
 * with the source, while the data behind it needs a token.
 */
@Controller
class SchemaExplorerController {

    private final String page;
    private final String sdl;

    SchemaExplorerController(GraphQlSource source) {
        this.page = SchemaPage.render(source.schema());
        this.sdl = new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeDirectives(false)
                .includeIntrospectionTypes(false).includeScalarTypes(true)
                .setComparators(GraphqlTypeComparatorRegistry.AS_IS_REGISTRY)).print(source.schema());
    }

    @GetMapping("/schema")
    ResponseEntity<String> explorer() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }

    @GetMapping("/schema.graphqls")
    ResponseEntity<String> sdl() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(sdl);
    }
}
