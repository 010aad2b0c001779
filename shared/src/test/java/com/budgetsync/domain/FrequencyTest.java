package com.budgetsync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A fleet on one named frequency is spread over the interval, each config always at the same minute. */
class FrequencyTest {
    private static final int FLEET = 1_000;

    @Test
    void everyFourHoursSpreadsAThousandConfigsOverTheFourHours() {
        Map<Integer, Long> perMinute = ticksPerMinuteOfInterval("every_4_hours", 240);
        assertTrue(perMinute.size() >= 200, "distinct minutes used: " + perMinute.size());
        assertTrue(max(perMinute.values()) <= 15, "most configs due in one minute: " + max(perMinute.values()));
        for (long id = 1; id <= FLEET; id++) {
            String cron = Frequency.cronOf("every_4_hours", id).orElseThrow();
            String[] hours = cron.split(" ")[1].split(",");
            assertEquals(6, hours.length, "six runs a day: " + cron);
        }
    }

    @Test
    void hourlyUsesEveryMinuteOfTheHourAndDailyStaysInTheMorningHour() {
        assertTrue(ticksPerMinuteOfInterval("hourly", 60).size() >= 55);
        for (long id = 1; id <= FLEET; id++) {
            String[] daily = Frequency.cronOf("daily", id).orElseThrow().split(" ");
            assertEquals("6", daily[1], "daily runs start at 06:xx in the config's zone");
            assertEquals("* * *", String.join(" ", daily[2], daily[3], daily[4]));
        }
    }

    @Test
    void theOffsetIsStableAndCronTextRunsAsWritten() {
        assertEquals(Frequency.cronOf("every_4_hours", 42), Frequency.cronOf(" Every_4_Hours ", 42));
        assertEquals(Optional.of("*/15 * * * *"), Frequency.cronOf("*/15  * * * *", 42));
        assertEquals(Optional.empty(), Frequency.cronOf("manual", 42));
        assertEquals(Frequency.cronOf("every_4_hours", 42), Frequency.cronOf(null, 42), "the default");
    }

    /** How many of the fleet tick in each minute of the interval (minute 0 = the interval's first minute). */
    private static Map<Integer, Long> ticksPerMinuteOfInterval(String frequency, int intervalMinutes) {
        return LongStream.rangeClosed(1, FLEET).mapToObj(id -> Frequency.cronOf(frequency, id).orElseThrow())
                .map(cron -> minuteOf(cron) % intervalMinutes)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static int minuteOf(String cron) {
        String[] fields = cron.split(" ");
        int firstHour = fields[1].equals("*") ? 0 : Integer.parseInt(fields[1].split(",")[0]);
        return firstHour * 60 + Integer.parseInt(fields[0]);
    }

    private static long max(Collection<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
