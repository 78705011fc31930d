package org.ws2.notifications.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindAfter     how long a sign-off request may stay unanswered before the group is reminded
 *                        and it shows on support's overdue list
 * @param reminderCheck   how often to look for such requests (a db-scheduler schedule, e.g. {@code FIXED_DELAY|1h})
 * @param dailyDigest     when daily digests go out (e.g. {@code DAILY|07:00}, UTC)
 * @param weeklyDigest    when weekly digests go out (e.g. {@code CRON|0 0 7 * * MON}, UTC)
 * @param pollingInterval how often each replica asks the database whether a task is due
 */
@ConfigurationProperties("ws2.notifications.schedule")
public record ScheduleProperties(
        @DefaultValue("7d") Duration remindAfter,
        @DefaultValue("FIXED_DELAY|3600s") String reminderCheck,
        @DefaultValue("DAILY|07:00") String dailyDigest,
        @DefaultValue("CRON|0 0 7 * * MON") String weeklyDigest,
        @DefaultValue("10s") Duration pollingInterval) {
}
