package com.budgetsync.api.errors;

import jakarta.ws.rs.core.Response;

/** A request the API refuses, with the status, message and details the client gets. */
public class ApiException extends RuntimeException {
    private final int status;
    private final transient Object details;

    public ApiException(int status, String message, Object details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message, Object details) {
        return new ApiException(409, message, details);
    }

    public int status() {
        return status;
    }

    public Object details() {
        return details;
    }

    public Response toResponse() {
        return Response.status(status).entity(new ApiError(getMessage(), details))
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).build();
    }
}
