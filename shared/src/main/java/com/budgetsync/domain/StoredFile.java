package com.budgetsync.domain;

/** A file kept in PostgreSQL for a run: the bytes every retry of that run reads. */
public record StoredFile(long id, String customerId, Long configId, String filename, long sizeBytes, String sha256) {
}
