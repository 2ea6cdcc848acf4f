package io.crosspatch.identity.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds what the JSON parser of request bodies (Jackson 3, which Spring Boot 4 brings) will read: no body of this
 * service nests deeper than three levels, no string of it is longer than the body limit, no field name or number
 * longer than a few dozen characters. Past these the parse stops with a read error, answered
 * {@code 400 INVALID_JSON}, instead of walking (or recursing into) whatever an attacker nests inside an ignored
 * field. Jackson 3 fixes a mapper's stream factory when its builder is made, so this replaces Spring Boot's
 * {@code JsonMapper.Builder} (it backs off when one exists) with one on a bounded factory and applies Boot's
 * customizers to it as Boot does.
 */
@Configuration(proxyBeanMethods = false)
class JsonReadLimitsConfiguration {

    static final int MAX_NESTING_DEPTH = 16;
    static final int MAX_STRING_CHARS = IngressProperties.DEFAULT_MAX_BODY_BYTES;
    static final int MAX_NAME_CHARS = 256;
    static final int MAX_NUMBER_CHARS = 64;

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_CHARS)
            .maxNameLength(MAX_NAME_CHARS)
            .maxNumberLength(MAX_NUMBER_CHARS)
            .build();

    @Bean
    @Scope("prototype")
    JsonMapper.Builder boundedJsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(LIMITS).build());
        List<JsonMapperBuilderCustomizer> ordered = new ArrayList<>(customizers);
        AnnotationAwareOrderComparator.sort(ordered);
        ordered.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
