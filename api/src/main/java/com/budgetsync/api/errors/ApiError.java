package com.budgetsync.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error answer: {@code {"error": "...", "details": ...}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, Object details) {
}
