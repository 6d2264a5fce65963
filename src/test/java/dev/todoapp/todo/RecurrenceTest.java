package dev.todoapp.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.todoapp.todo.Recurrence.Frequency;

class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String local, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), zone).toInstant();
    }

    private static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDateTime().toString();
    }

    private static Recurrence rule(Frequency freq, int interval, Instant due, ZoneId zone, DayOfWeek... days) {
        return new Recurrence(freq, interval, Set.of(days), 1).anchoredAt(due, zone);
    }

    @Test
    void dailyKeepsTheLocalTimeAcrossTheSpringForwardChange() {
        Instant due = at("2026-03-28T09:00", BERLIN);
        Instant next = rule(Frequency.DAILY, 1, due, BERLIN).next(due, BERLIN);
        assertEquals("2026-03-29T09:00", local(next, BERLIN));
        assertEquals(Duration.ofHours(23), Duration.between(due, next), "the clock went forward that night");
    }

    @Test
    void dailyKeepsTheLocalTimeAcrossTheFallBackChange() {
        Instant due = at("2026-10-24T09:00", BERLIN);
        Instant next = rule(Frequency.DAILY, 1, due, BERLIN).next(due, BERLIN);
        assertEquals("2026-10-25T09:00", local(next, BERLIN));
        assertEquals(Duration.ofHours(25), Duration.between(due, next));
    }

    @Test
    void aTimeInsideTheSpringGapMovesForwardByTheGap() {
        Instant due = at("2026-03-07T02:30", NEW_YORK);
        Instant next = rule(Frequency.DAILY, 1, due, NEW_YORK).next(due, NEW_YORK);
        assertEquals("2026-03-08T03:30", local(next, NEW_YORK), "02:30 does not exist on 8 March in New York");
    }

    @Test
    void aTimeThatHappensTwiceTakesTheEarlierOne() {
        Instant due = at("2026-10-31T01:30", NEW_YORK);
        Instant next = rule(Frequency.DAILY, 1, due, NEW_YORK).next(due, NEW_YORK);
        assertEquals("2026-11-01T01:30-04:00", next.atZone(NEW_YORK).toOffsetDateTime().toString());
    }

    @Test
    void everyThirdDay() {
        Instant due = at("2026-01-30T18:00", BERLIN);
        assertEquals("2026-02-02T18:00", local(rule(Frequency.DAILY, 3, due, BERLIN).next(due, BERLIN), BERLIN));
    }

    @Test
    void monthlyOnThe31stTakesTheLastDayOfShorterMonthsAndReturnsToThe31st() {
        Instant due = at("2026-01-31T08:00", BERLIN);
        Recurrence monthly = rule(Frequency.MONTHLY, 1, due, BERLIN);
        StringBuilder dates = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            due = monthly.next(due, BERLIN);
            dates.append(local(due, BERLIN).substring(0, 10)).append(' ');
        }
        assertEquals("2026-02-28 2026-03-31 2026-04-30 2026-05-31 ", dates.toString());
    }

    @Test
    void monthlySurvivesTheStoredForm() {
        Instant due = at("2028-01-31T08:00", BERLIN);
        Recurrence stored = Recurrence.ofStored(rule(Frequency.MONTHLY, 1, due, BERLIN).stored());
        Instant february = stored.next(due, BERLIN);
        assertEquals("2028-02-29T08:00", local(february, BERLIN), "a leap year");
        assertEquals("2028-03-31T08:00", local(Recurrence.ofStored(stored.stored()).next(february, BERLIN), BERLIN));
    }

    @Test
    void everyTwoMonths() {
        Instant due = at("2026-12-31T08:00", BERLIN);
        assertEquals("2027-02-28T08:00", local(rule(Frequency.MONTHLY, 2, due, BERLIN).next(due, BERLIN), BERLIN));
    }

    @Test
    void yearlyOnTheTwentyNinthOfFebruary() {
        Instant due = at("2028-02-29T12:00", BERLIN);
        Recurrence yearly = rule(Frequency.YEARLY, 1, due, BERLIN);
        Instant next = yearly.next(due, BERLIN);
        assertEquals("2029-02-28T12:00", local(next, BERLIN));
        assertEquals("2032-02-29T12:00", local(rule(Frequency.YEARLY, 4, due, BERLIN).next(due, BERLIN), BERLIN));
    }

    @Test
    void weeklyOnChosenDaysGoesToTheNextChosenDayThenSkipsIntervalWeeks() {
        // 2026-11-30 is a Monday
        Instant monday = at("2026-11-30T07:00", BERLIN);
        Recurrence rule = rule(Frequency.WEEKLY, 2, monday, BERLIN, DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        Instant wednesday = rule.next(monday, BERLIN);
        assertEquals("2026-12-02T07:00", local(wednesday, BERLIN));
        Instant friday = rule.next(wednesday, BERLIN);
        assertEquals("2026-12-04T07:00", local(friday, BERLIN));
        assertEquals("2026-12-14T07:00", local(rule.next(friday, BERLIN), BERLIN), "Monday two weeks on");
        assertEquals("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;ANCHOR=30", rule.stored());
        assertEquals(java.util.List.of("mo", "we", "fr"), Recurrence.ofStored(rule.stored()).weekdayNames());
    }

    @Test
    void weeklyFromADayThatIsNotChosen() {
        Instant sunday = at("2026-12-06T07:00", BERLIN);
        Recurrence rule = rule(Frequency.WEEKLY, 1, sunday, BERLIN, DayOfWeek.TUESDAY);
        assertEquals("2026-12-08T07:00", local(rule.next(sunday, BERLIN), BERLIN));
    }

    @Test
    void weeklyWithoutDaysKeepsTheWeekday() {
        Instant due = at("2026-03-23T09:00", BERLIN);
        assertEquals("2026-03-30T09:00", local(rule(Frequency.WEEKLY, 1, due, BERLIN).next(due, BERLIN), BERLIN));
    }
}
