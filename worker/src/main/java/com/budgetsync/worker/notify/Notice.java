package com.budgetsync.worker.notify;

/** What a notification says in every channel: a run's outcome ({@link RunNotice}) or an alert ({@link AlertNotice}). */
public interface Notice {
    /** One line, for an email subject. */
    String subject();

    /** The readable text of email and chat. */
    String text();

    /** The generic webhook's JSON body, as Jackson writes it. */
    Object body();
}
