package org.ws2.notifications.schedule;

import javax.sql.DataSource;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.ws2.notifications.subscription.Subscription.Cadence;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Reminders and digests run on db-scheduler (ADR 0019): each recurring task is one row in
 * {@code scheduled_tasks}, which one replica at a time picks, so every run happens once across
 * replicas. Its core library is used directly: its Spring Boot starter targets Boot 3.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    ScheduledWork scheduledWork(DataSource dataSource, ScheduleProperties properties, Reminders reminders,
            Digests digests) {
        RecurringTask<Void> remind = Tasks.recurring("sign-off-reminders", schedule(properties.reminderCheck()))
                .execute((instance, context) -> reminders.remind());
        RecurringTask<Void> daily = Tasks.recurring("daily-digest", schedule(properties.dailyDigest()))
                .execute((instance, context) -> digests.send(Cadence.DAILY));
        RecurringTask<Void> weekly = Tasks.recurring("weekly-digest", schedule(properties.weeklyDigest()))
                .execute((instance, context) -> digests.send(Cadence.WEEKLY));
        Scheduler scheduler = Scheduler.create(dataSource)
                .startTasks(remind, daily, weekly)
                .pollingInterval(properties.pollingInterval())
                .threads(2)
                // Reminders and digests take seconds; a stop should not wait db-scheduler's default 30 minutes.
                .shutdownMaxWait(java.time.Duration.ofSeconds(20))
                .build();
        return new ScheduledWork(scheduler);
    }

    /** "CRON|<expression>" for a cron schedule; anything else as db-scheduler parses it (FIXED_DELAY|..., DAILY|...). */
    static Schedule schedule(String text) {
        return text.startsWith("CRON|") ? Schedules.cron(text.substring(5)) : Schedules.parseSchedule(text);
    }

    /** Starts the scheduler once the service is up and stops it, letting running work finish, on shutdown. */
    static class ScheduledWork implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean running;

        ScheduledWork(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onReady() {
            scheduler.start();
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            if (running) {
                scheduler.stop();
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
