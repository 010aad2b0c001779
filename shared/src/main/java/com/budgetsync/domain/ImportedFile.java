package com.budgetsync.domain;

import java.time.Instant;

/** What is known of a file a config imported: its place and version at the source, and its content hash. */
public record ImportedFile(String filename, String sourcePath, long size, Instant sourceModified, String sourceEtag,
                           String sha256) {
}
