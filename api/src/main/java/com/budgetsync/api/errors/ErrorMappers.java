package com.budgetsync.api.errors;

import com.budgetsync.api.budget.BudgetException;
import com.budgetsync.db.ConfigNotFoundException;
import com.budgetsync.runs.RunInProgressException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every exception to a JSON {@link ApiError} with the right status; never a stack trace to a client. */
public final class ErrorMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    public static List<Object> all() {
        return List.of(new ApiExceptionMapper(), new BudgetMapper(), new ConfigNotFoundMapper(), new RunInProgressMapper(), new JsonMapper(), new ViolationMapper(), new WebMapper(),
                new IllegalArgumentMapper(), new AnythingMapper());
    }

    static Response json(int status, String error, Object details) {
        return Response.status(status).entity(new ApiError(error, details)).type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return e.toResponse();
        }
    }

    /** 409 with the sync id of the run that holds the config, so the caller can follow that one instead. */
    /** The budget-check domain's refusals, one status per kind. */
    static final class BudgetMapper implements ExceptionMapper<BudgetException> {
        @Override
        public Response toResponse(BudgetException e) {
            return json(statusOf(e), e.getMessage(), e.details());
        }
    }

    /** The HTTP status a budget-check refusal is answered with. */
    public static int statusOf(BudgetException e) {
        if (e instanceof BudgetException.Invalid) {
            return 400;
        }
        if (e instanceof BudgetException.NotFound) {
            return 404;
        }
        if (e instanceof BudgetException.NoFxRate) {
            return 422;
        }
        return 409; // OverBudget, Conflict
    }

    /** More specific than {@link IllegalArgumentMapper}: a config id the caller may not see is not found. */
    static final class ConfigNotFoundMapper implements ExceptionMapper<ConfigNotFoundException> {
        @Override
        public Response toResponse(ConfigNotFoundException e) {
            return json(404, e.getMessage(), null);
        }
    }

    static final class RunInProgressMapper implements ExceptionMapper<RunInProgressException> {
        @Override
        public Response toResponse(RunInProgressException e) {
            return json(409, e.getMessage(), Map.of("runningSyncId", e.runningSyncId()));
        }
    }

    static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return json(400, "request body is not valid JSON for this endpoint", e.getOriginalMessage());
        }
    }

    static final class ViolationMapper implements ExceptionMapper<JerseyViolationException> {
        @Override
        public Response toResponse(JerseyViolationException e) {
            List<String> problems = e.getConstraintViolations().stream().map(ViolationMapper::describe).sorted()
                    .toList();
            return json(400, "invalid request: " + String.join("; ", problems), problems);
        }

        private static String describe(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            // Jersey names parameters "method.arg0"; the last node is the field the client sent.
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            return field + " " + v.getMessage();
        }
    }

    static final class WebMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getResponse().getEntity() instanceof ApiError) {
                return e.getResponse(); // already our shape, with headers such as WWW-Authenticate
            }
            int status = e.getResponse().getStatus();
            String message = status == 404 ? "not found" : e.getMessage();
            return json(status, message, null);
        }
    }

    static final class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return json(400, e.getMessage(), null);
        }
    }

    static final class AnythingMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String id = UUID.randomUUID().toString();
            LOG.error("request failed (error id {})", id, e);
            return json(500, "internal error; quote error id " + id + " to support", null);
        }
    }
}
