package com.budgetsync.worker.sources;

import java.time.Duration;
import java.util.Map;

/**
 * How long a source may keep a run waiting ({@code sourceConfig} keys, all in seconds):
 * {@code connectTimeoutSeconds} (15) to open a connection; {@code readTimeoutSeconds} (20), the longest silence: no
 * byte and no answer for that long is "no answer"; {@code deadlineSeconds} (1,500) for everything one activity does
 * with the source, however slowly the bytes trickle; {@code noAnswerSeconds} (60), after which a source that keeps
 * not answering is not tried again by this run. The silence limit stays below the 30 s heartbeat timeout of the
 * file activities, so the source names the cause before Temporal times the attempt out.
 */
public record SourceLimits(Duration connect, Duration idle, Duration deadline, Duration noAnswer) {
    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(20);
    /** Below the file activities' 30-minute start-to-close timeout, so the source, not Temporal, ends a transfer. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(25);
    public static final Duration DEFAULT_NO_ANSWER = Duration.ofSeconds(60);
    /** How long the libraries' own socket timeouts wait beyond {@link #idle}: only a backstop to the watch. */
    static final Duration BACKSTOP = Duration.ofSeconds(5);

    public static SourceLimits of(Map<String, Object> config) {
        return new SourceLimits(seconds(config, "connectTimeoutSeconds", DEFAULT_CONNECT),
                seconds(config, "readTimeoutSeconds", DEFAULT_IDLE),
                seconds(config, "deadlineSeconds", DEFAULT_DEADLINE),
                seconds(config, "noAnswerSeconds", DEFAULT_NO_ANSWER));
    }

    /** The same limits with the deadline no later than {@code most}: a connection test answers a waiting person. */
    public SourceLimits withDeadlineAtMost(Duration most) {
        return new SourceLimits(connect, idle, deadline.compareTo(most) > 0 ? most : deadline, noAnswer);
    }

    /** The socket timeout given to the source's library: the watch trips first and names the cause. */
    Duration socketTimeout() {
        return idle.plus(BACKSTOP);
    }

    private static Duration seconds(Map<String, Object> config, String key, Duration fallback) {
        return Duration.ofSeconds(Math.max(1, ConfigValues.number(config, key, fallback.toSeconds())));
    }
}
