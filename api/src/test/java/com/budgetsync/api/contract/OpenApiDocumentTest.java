package com.budgetsync.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.api.testing.RunningApp;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/openapi.json is what docs/openapi.json says, and a valid OpenAPI 3 document in which every endpoint has
 * its answers, its errors and the bearer scheme. After adding or changing an endpoint, regenerate the checked-in copy:
 * {@value #REGENERATE}
 */
class OpenApiDocumentTest {
    static final String REGENERATE = "mvn -B -q -pl api -am verify -Dtest=OpenApiDocumentTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";
    /** Surefire runs in the module's folder. */
    private static final Path CHECKED_IN = Path.of("..", "docs", "openapi.json");

    @RegisterExtension
    static final RunningApp app = RunningApp.perClass();

    @Test
    void servedDocumentIsTheCheckedInOne() throws Exception {
        RunningApp.Response served = app.get("/api/openapi.json");
        assertEquals(200, served.status(), served.body());
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(CHECKED_IN, served.body(), StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";
        assertEquals(checkedIn, served.body(),
                "docs/openapi.json differs from the served document; regenerate it with: " + REGENERATE);
        assertEquals(401, app.as(null).get("/api/openapi.json").status(), "the document needs a token, like all /api");
    }

    @Test
    void documentIsValidAndEveryEndpointHasItsAnswersErrorsAndSecurity() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(app.get("/api/openapi.json").body(), null,
                options);
        assertEquals(List.of(), parsed.getMessages(), "the parser's complaints");
        OpenAPI api = parsed.getOpenAPI();
        assertNotNull(api);
        assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearerAuth").getScheme());
        assertFalse(api.getSecurity().isEmpty(), "every operation needs the bearer token");
        assertTrue(api.getComponents().getSchemas().containsKey("ApiError"));

        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = entry.getKey() + " " + path.getKey();
                Operation op = entry.getValue();
                Map<String, ApiResponse> responses = op.getResponses();
                if (!responses.containsKey("401")) {
                    problems.add(name + ": no 401");
                }
                String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst()
                        .orElse(null);
                if (success == null) {
                    problems.add(name + ": no 2xx answer");
                } else if (!success.equals("204") && responses.get(success).getContent() == null) {
                    problems.add(name + ": " + success + " without a schema");
                }
                boolean sendsBody = entry.getKey() == PathItem.HttpMethod.PUT
                        || entry.getKey() == PathItem.HttpMethod.POST && op.getRequestBody() != null;
                if (entry.getKey() == PathItem.HttpMethod.PUT && op.getRequestBody() == null) {
                    problems.add(name + ": PUT without a request body");
                }
                if (sendsBody && !responses.containsKey("400")) {
                    problems.add(name + ": takes a body but has no 400");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(operations >= 25, operations + " operations");
        assertEquals("#/components/schemas/ConfigSaved", api.getPaths().get("/api/sync/config").getPost()
                .getResponses().get("201").getContent().get("application/json").getSchema().get$ref());
    }
}
