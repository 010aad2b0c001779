package com.budgetsync.worker;

import com.budgetsync.worker.activities.BadInput;
import io.temporal.failure.ApplicationFailure;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * What an activity's unexpected exception means to the person reading the run's history, and whether trying again
 * can help. Activities throw their own failures in words already ({@link BadInput}, source failures); everything
 * else a library or the database throws is translated here, once, by {@link FailureTranslation}, so that no SQL,
 * Java class name, stack frame or temporary path reaches the history or the API. The exception itself goes to the
 * worker's log for ops.
 */
public final class FailureCatalogue {
    /** A database that is down, restarting, failing over, or out of connections: worth retrying. */
    public static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";
    /** A bug of ours, or a state nobody expected: not the user's to fix, and retrying rarely helps. */
    public static final String INTERNAL = "InternalError";

    /** SQLState classes of a database that may answer differently in a moment. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** Activities whose work is reading the stored file: an error they meet is the file's. */
    private static final Set<String> READS_THE_FILE = Set.of("Parse", "Map", "ImportFile", "PreviewChanges");
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("StartRun", "recording the start of the run"),
            Map.entry("Poll", "looking for a new file"),
            Map.entry("Download", "downloading the file"),
            Map.entry("AfterImport", "archiving the imported file"),
            Map.entry("Parse", "reading the file's layout"),
            Map.entry("Map", "mapping the file's columns"),
            Map.entry("ImportFile", "importing the file"),
            Map.entry("Notify", "sending the notifications"),
            Map.entry("FinishRun", "recording the outcome"),
            Map.entry("TestConnection", "testing the connection"),
            Map.entry("PreviewChanges", "comparing the file with the budgets"));

    private FailureCatalogue() {
    }

    /** The step an activity type stands for, in words ("importing the file"). */
    public static String step(String activityType) {
        return STEPS.getOrDefault(activityType, "step " + activityType);
    }

    /** {@code e}, thrown by an activity of {@code activityType}, as a failure in words with its retry decision. */
    public static ApplicationFailure translate(String activityType, Throwable e) {
        String step = step(activityType);
        SQLException sql = sqlCause(e);
        if (sql != null) {
            return database(step, sql);
        }
        if (interrupted(e)) {
            // the worker is stopping (or the attempt was given up on), not the file's fault: another attempt reads it
            return ApplicationFailure.newFailure("the worker stopped while " + step + "; it is tried again",
                    INTERNAL);
        }
        if (READS_THE_FILE.contains(activityType)) {
            return BadInput.of("the file could not be read while " + step + ": it is damaged or in a form this"
                    + " service does not read; open it in the spreadsheet program and save or export it again");
        }
        return ApplicationFailure.newFailure("an unexpected error while " + step + "; it is tried again (the"
                + " worker's log has the details)", INTERNAL);
    }

    private static ApplicationFailure database(String step, SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String kind = state.length() >= 2 ? state.substring(0, 2) : "";
        if (kind.isEmpty() || TRANSIENT_SQL_CLASSES.contains(kind)) {
            return ApplicationFailure.newFailure("the database was unavailable while " + step + "; it is tried"
                    + " again until the database is back", DATABASE_UNAVAILABLE);
        }
        if (kind.equals("22")) {
            return BadInput.of("the file holds " + dataProblem(state) + ", which the database cannot store ("
                    + step + ")");
        }
        if (state.equals("23503")) {
            return BadInput.of("the config or file this run refers to no longer exists (" + step + ")");
        }
        return ApplicationFailure.newNonRetryableFailure("the database refused a change while " + step + " (error"
                + " code " + state + "); nothing was changed; the worker's log has the details", INTERNAL);
    }

    private static String dataProblem(String state) {
        return switch (state) {
            case "22P05", "22021" -> "text with a NUL character or bytes that are not text";
            case "22003" -> "a number too large";
            case "22001" -> "a text longer than allowed";
            case "22007", "22008" -> "a date out of range";
            default -> "a value";
        };
    }

    private static boolean interrupted(Throwable e) {
        return cause(e, InterruptedIOException.class) != null || cause(e, InterruptedException.class) != null;
    }

    private static SQLException sqlCause(Throwable e) {
        return cause(e, SQLException.class);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
