package com.budgetsync.workflow;

/** A stored file by id, with what a person wants to see of it. */
public record FileRef(long fileId, String filename, long sizeBytes, String sha256) {
}
