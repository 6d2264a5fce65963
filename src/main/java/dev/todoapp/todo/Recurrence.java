package dev.todoapp.todo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a recurring todo repeats, and where its next occurrence falls. All arithmetic is on the local
 * date and time in the user's zone, so "every day at 09:00" stays at 09:00 across a DST change.
 *
 * <ul>
 * <li>daily / weekly without days: the local date moves by {@code interval} days / weeks.</li>
 * <li>weekly with {@code byWeekday}: the next chosen day later in the same week (weeks start on
 * Monday); after the last chosen day, the first chosen day of the week {@code interval} weeks on.</li>
 * <li>monthly / yearly: {@code interval} months / years on, on the {@code anchorDay}-th of the month,
 * or the month's last day when it is shorter (31 → 30 April → 28/29 February → 31 March).</li>
 * <li>The local time of day is kept; a time that does not exist that day (DST gap) moves forward by
 * the gap, a time that exists twice (DST overlap) takes the earlier one.</li>
 * </ul>
 *
 * {@code anchorDay} is the day of the month of the due date when the rule or the due date was last
 * set by the user; occurrences carry it on, so a short month does not shift the series.
 */
public record Recurrence(Frequency freq, int interval, Set<DayOfWeek> byWeekday, int anchorDay) {

    public static final int INTERVAL_MAX = 365;

    public enum Frequency implements ApiNamed {
        DAILY, WEEKLY, MONTHLY, YEARLY;

        @Override
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Recurrence {
        byWeekday = byWeekday.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(byWeekday));
    }

    /** The same rule anchored on the day of month of {@code due} in {@code zone}. */
    public Recurrence anchoredAt(Instant due, ZoneId zone) {
        return new Recurrence(freq, interval, byWeekday, due.atZone(zone).getDayOfMonth());
    }

    /** The due time of the occurrence after the one due at {@code due}. */
    public Instant next(Instant due, ZoneId zone) {
        ZonedDateTime current = due.atZone(zone);
        LocalDate date = current.toLocalDate();
        LocalDate next = switch (freq) {
            case DAILY -> date.plusDays(interval);
            case WEEKLY -> byWeekday.isEmpty() ? date.plusWeeks(interval) : nextChosenDay(date);
            case MONTHLY -> onAnchorDay(date.withDayOfMonth(1).plusMonths(interval));
            case YEARLY -> onAnchorDay(date.withDayOfMonth(1).plusYears(interval));
        };
        return ZonedDateTime.of(next, current.toLocalTime(), zone).toInstant();
    }

    private LocalDate nextChosenDay(LocalDate date) {
        for (LocalDate day = date.plusDays(1); day.getDayOfWeek() != DayOfWeek.MONDAY; day = day.plusDays(1)) {
            if (byWeekday.contains(day.getDayOfWeek())) {
                return day;
            }
        }
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(interval);
        DayOfWeek first = byWeekday.stream().min(DayOfWeek::compareTo).orElseThrow();
        return monday.with(TemporalAdjusters.nextOrSame(first));
    }

    private LocalDate onAnchorDay(LocalDate firstOfMonth) {
        return firstOfMonth.withDayOfMonth(Math.min(anchorDay, firstOfMonth.lengthOfMonth()));
    }

    /** The stored form, an iCalendar-like rule: {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;ANCHOR=31}. */
    public String stored() {
        StringBuilder rule = new StringBuilder("FREQ=").append(freq.name()).append(";INTERVAL=").append(interval);
        if (!byWeekday.isEmpty()) {
            rule.append(";BYDAY=").append(weekdayNames().stream().map(d -> d.toUpperCase(Locale.ROOT))
                    .collect(Collectors.joining(",")));
        }
        return rule.append(";ANCHOR=").append(anchorDay).toString();
    }

    public static Recurrence ofStored(String rule) {
        Frequency freq = null;
        int interval = 1;
        int anchor = 1;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : rule.split(";")) {
            String[] pair = part.split("=", 2);
            switch (pair[0]) {
                case "FREQ" -> freq = Frequency.valueOf(pair[1]);
                case "INTERVAL" -> interval = Integer.parseInt(pair[1]);
                case "ANCHOR" -> anchor = Integer.parseInt(pair[1]);
                case "BYDAY" -> {
                    for (String day : pair[1].split(",")) {
                        days.add(weekday(day.toLowerCase(Locale.ROOT)));
                    }
                }
                default -> throw new IllegalArgumentException("Unknown part of a stored recurrence: " + pair[0]);
            }
        }
        return new Recurrence(freq, interval, days, anchor);
    }

    /** The API's two-letter day names ("mo", "tu", …), Monday first. */
    public List<String> weekdayNames() {
        return byWeekday.stream().sorted().map(Recurrence::weekdayName).toList();
    }

    public static String weekdayName(DayOfWeek day) {
        return day.name().substring(0, 2).toLowerCase(Locale.ROOT);
    }

    /** The day for a two-letter API name; IllegalArgumentException for anything else. */
    public static DayOfWeek weekday(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (weekdayName(day).equals(name)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a day name");
    }
}
