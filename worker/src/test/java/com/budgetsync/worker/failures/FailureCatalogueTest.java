package com.budgetsync.worker.failures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.budgetsync.testing.TestDatabase;
import com.budgetsync.worker.FailureCatalogue;
import com.budgetsync.worker.activities.BadInput;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real failures of real PostgreSQL and real libraries, as activities meet them, and what the run's history says
 * of each: words a person acts on, no SQL or class names, and the right retry decision.
 */
class FailureCatalogueTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();

    @Test
    void aDatabaseThatIsNotThereIsRetriedAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        Jdbi nowhere = Jdbi.create("jdbc:postgresql://127.0.0.1:" + closedPort + "/budget_sync?connectTimeout=2",
                "postgres", "");
        RuntimeException e = assertThrows(RuntimeException.class, () -> nowhere.withHandle(h -> h.execute("SELECT 1")));

        ApplicationFailure failure = FailureCatalogue.translate("FinishRun", e);

        assertEquals(FailureCatalogue.DATABASE_UNAVAILABLE, failure.getType());
        assertFalse(failure.isNonRetryable());
        assertEquals("the database was unavailable while recording the outcome; it is tried again until the"
                + " database is back", failure.getOriginalMessage());
    }

    @Test
    void aNulCharacterTheDatabaseRefusesIsTheFilesProblemNotRetried() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> db.jdbi().withHandle(h -> h
                .createQuery("SELECT CAST(:text AS jsonb)").bind("text", "[\"Sub\\u0000Category\"]")
                .mapTo(String.class).one()));

        ApplicationFailure failure = FailureCatalogue.translate("Map", e);

        assertEquals(BadInput.TYPE, failure.getType());
        assertTrue(failure.isNonRetryable());
        assertEquals("the file holds text with a NUL character or bytes that are not text, which the database cannot"
                + " store (mapping the file's columns)", failure.getOriginalMessage());
    }

    @Test
    void aForeignKeyViolationSaysWhatIsMissingWithoutTheSql() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO sync_history (sync_id, customer_id, config_id, triggered_by, status)"
                        + " VALUES ('fk-test', 'nobody', 987654321, 'manual', 'running')")));
        assertTrue(String.valueOf(e.getMessage()).contains("foreign key"), "the test provokes what it means to");

        ApplicationFailure failure = FailureCatalogue.translate("StartRun", e);

        assertTrue(failure.isNonRetryable());
        assertEquals("the config or file this run refers to no longer exists (recording the start of the run)",
                failure.getOriginalMessage());
    }

    @Test
    void aLibraryErrorWhileReadingTheFileIsBadInputInWords() {
        IllegalStateException fromLibrary = new IllegalStateException(
                "org.apache.poi.ss.formula.FormulaParseException at /tmp/budget-sync-123.xlsx: record 0x1A2B");

        ApplicationFailure failure = FailureCatalogue.translate("ImportFile", fromLibrary);

        assertTrue(failure.isNonRetryable());
        assertEquals(BadInput.TYPE, failure.getType());
        assertFalse(failure.getOriginalMessage().contains("apache"));
        assertFalse(failure.getOriginalMessage().contains("/tmp"));
        assertTrue(failure.getOriginalMessage().startsWith("the file could not be read while importing the file"));
    }

    @Test
    void anUnexpectedErrorInBookkeepingIsRetriedAndSaysWhereToLook() {
        ApplicationFailure failure = FailureCatalogue.translate("Notify", new NullPointerException(
                "Cannot invoke \"String.length()\" because \"x\" is null"));

        assertFalse(failure.isNonRetryable());
        assertEquals(FailureCatalogue.INTERNAL, failure.getType());
        assertEquals("an unexpected error while sending the notifications; it is tried again (the worker's log has"
                + " the details)", failure.getOriginalMessage());
    }

    /** A stopping worker interrupts the row reading (DataRowStream): that is no verdict on the file. */
    @Test
    void anImportInterruptedByAStoppingWorkerIsTriedAgainNotBlamedOnTheFile() {
        ApplicationFailure failure = FailureCatalogue.translate("ImportFile", new java.io.UncheckedIOException(
                new java.io.InterruptedIOException("reading the rows was stopped")));

        assertFalse(failure.isNonRetryable());
        assertEquals("the worker stopped while importing the file; it is tried again", failure.getOriginalMessage());
    }
}
