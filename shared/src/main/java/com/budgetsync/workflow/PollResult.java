package com.budgetsync.workflow;

/** The file to take next, or none with the reason (empty folder, nothing new). */
public record PollResult(RemoteFile file, String reason) {
    public static PollResult none(String reason) {
        return new PollResult(null, reason);
    }

    public boolean hasFile() {
        return file != null;
    }
}
