package com.budgetsync.workflow;

import java.time.Instant;

/** A file a source offers: enough to fetch it and to tell whether it was imported before. */
public record RemoteFile(String path, String name, long size, Instant lastModified, String etag) {
}
