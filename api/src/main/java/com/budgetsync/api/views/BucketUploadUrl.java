package com.budgetsync.api.views;

import java.time.Instant;
import java.util.Map;

/**
 * A pre-signed upload into the customer's folder of the provided bucket: send the file as the body of a
 * {@code method} request to {@code url} with {@code headers}, before {@code expiresAt}
 * ({@code curl -T budget.csv "<url>"}).
 *
 * @param location where the file lands, which the customer's {@code provided: true} config polls
 */
public record BucketUploadUrl(String url, String method, Instant expiresAt, Map<String, String> headers,
                              String location) {
}
