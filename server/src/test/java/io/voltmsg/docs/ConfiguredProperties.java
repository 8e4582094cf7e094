package io.voltmsg.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The voltmsg.* properties the application reads, with their defaults (null: none), as the code declares them. */
final class ConfiguredProperties {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(voltmsg\\.[a-z0-9.-]+):([^}]*)}");

    private ConfiguredProperties() {
    }

    static List<Class<?>> recordsUnder(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> out = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
            try {
                out.add(Class.forName(definition.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** From the records' components (prefix + kebab-case name, @DefaultValue) and the sources' placeholders. */
    static Map<String, String> of(List<Class<?>> records, Path sources) {
        Map<String, String> out = new TreeMap<>();
        for (Class<?> type : records) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            if (prefix.isEmpty()) {
                prefix = type.getAnnotation(ConfigurationProperties.class).prefix();
            }
            if (!type.isRecord()) {
                throw new AssertionError(type.getName() + ": configuration properties are records here");
            }
            RecordComponent[] components = type.getRecordComponents();
            Parameter[] parameters = canonicalConstructor(type, components).getParameters();
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                // @DefaultValue targets parameters: it sits on the canonical constructor's, not on the component.
                DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
                String fallback = value != null ? String.join(",", value.value())
                        : component.getType() == int.class || component.getType() == long.class ? "0"
                        : component.getType() == boolean.class ? "false" : null;
                out.put(prefix + "." + kebab(component.getName()), fallback);
            }
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = PLACEHOLDER.matcher(Files.readString(file));
                while (m.find()) {
                    out.put(m.group(1), m.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Constructor<?> canonicalConstructor(Class<?> type, RecordComponent[] components) {
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a default is written in the document's table. */
    static String describe(String value) {
        if (value == null) {
            return "none";
        }
        return value.isEmpty() ? "empty" : value;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
