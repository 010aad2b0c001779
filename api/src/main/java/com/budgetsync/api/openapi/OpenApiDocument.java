package com.budgetsync.api.openapi;

import com.budgetsync.api.errors.ApiError;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtensions;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The API's OpenAPI 3 document, read by swagger-core from the JAX-RS resources (their paths, parameters, bodies and
 * return types, plus their {@code @ApiResponse} annotations) and completed with what every endpoint shares: the bearer
 * security scheme and the error answers. Its JSON is sorted, so the same resources always give the same text.
 */
public final class OpenApiDocument {
    static final String ERROR_SCHEMA = "ApiError";
    private static final String BEARER = "bearerAuth";

    static {
        OpenAPIExtensions.getExtensions().add(0, new AuthParameterSkipper());
    }

    private OpenApiDocument() {
    }

    /** The JAX-RS resources registered in a Jersey configuration, as instances or classes. */
    public static Set<Class<?>> resourcesOf(ResourceConfig jersey) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        jersey.getInstances().forEach(r -> resources.add(r.getClass()));
        resources.addAll(jersey.getClasses());
        resources.removeIf(c -> !c.isAnnotationPresent(jakarta.ws.rs.Path.class));
        return resources;
    }

    /** The document of these resource classes, as pretty-printed JSON with a final newline. */
    public static String json(Collection<Class<?>> resources) {
        try {
            return Json.pretty(build(resources)) + "\n";
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot write the OpenAPI document: " + e.getMessage(), e);
        }
    }

    static OpenAPI build(Collection<Class<?>> resources) {
        Set<Class<?>> sorted = new LinkedHashSet<>(resources.stream()
                .sorted(Comparator.comparing(Class::getName)).toList());
        OpenAPI base = new OpenAPI()
                .info(new Info().title("budget-sync API").version("1")
                        .description("Source configs, runs and their history, uploads, mapping previews, budgets and "
                                + "the budget check. Every request needs 'Authorization: Bearer <token>': the admin "
                                + "token or a customer API key (docs/security.md). Errors are {error, details}. Lists "
                                + "are {<filter>, total, <items named for what they hold>, limit?, offset?}."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The admin token (BUDGET_SYNC_ADMIN_TOKEN) or a customer API key")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
        SwaggerConfiguration settings = new SwaggerConfiguration().openAPI(base).defaultResponseCode("200")
                .sortOutput(true).prettyPrint(true);
        OpenAPI api = new Reader(settings).read(sorted);
        ModelConverters.getInstance().read(ApiError.class).forEach(api.getComponents()::addSchemas);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> addErrors(op)));
        api.getComponents().setSchemas(new TreeMap<>(api.getComponents().getSchemas()));
        return api;
    }

    /**
     * The errors any endpoint may answer, unless its annotations name them already: 400 for what the client sent,
     * 401 without a valid token, 403 for another customer's data or an admin-only call, 404 when a path names
     * something that does not exist (or belongs to another customer).
     */
    private static void addErrors(Operation op) {
        Map<String, ApiResponse> responses = op.getResponses();
        boolean takesInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (takesInput) {
            responses.putIfAbsent("400", error("the request is invalid: the message names the field and why"));
        }
        responses.putIfAbsent("401", error("no valid bearer token"));
        responses.putIfAbsent("403", error("the token may not do this (another customer's data, or admin only)"));
        if (op.getParameters() != null && op.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals)) {
            responses.putIfAbsent("404", error("not found (another customer's answers the same)"));
        }
        op.setResponses(sortedResponses(responses));
    }

    private static io.swagger.v3.oas.models.responses.ApiResponses sortedResponses(Map<String, ApiResponse> responses) {
        io.swagger.v3.oas.models.responses.ApiResponses sorted = new io.swagger.v3.oas.models.responses.ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
    }
}
