using System.Globalization;
using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>Checks a <see cref="BusinessCalendarDefinition"/> and reports every problem with a JSON pointer and a plain sentence.</summary>
public static class BusinessCalendarDefinitionValidator
{
    /// <summary>The longest holiday range accepted, in days.</summary>
    public const int MaxHolidayRangeDays = 366;

    /// <summary>Validates the definition; an empty list means it is valid.</summary>
    public static IReadOnlyList<DefinitionError> Validate(BusinessCalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new ValidationErrorList();
        errors.Identifier("/id", definition.Id, "calendar id");
        errors.Text("/name", definition.Name, "calendar name");
        if (!BusinessCalendar.TryFindTimeZone(definition.TimeZone, out _, out var zoneError))
        {
            errors.Add("/timeZone", string.IsNullOrWhiteSpace(definition.TimeZone) ? SlaErrorCodes.Required : SlaErrorCodes.UnknownTimeZone, zoneError);
        }

        ValidateWeeklyHours(definition.WeeklyHours, errors);
        ValidateHolidays(definition.Holidays, errors);
        ValidateSpecialDays(definition.SpecialDays, errors);
        return errors.Errors;
    }

    private static void ValidateWeeklyHours(IReadOnlyDictionary<string, IReadOnlyList<string>>? weeklyHours, ValidationErrorList errors)
    {
        if (weeklyHours is null)
        {
            errors.Add("/weeklyHours", SlaErrorCodes.Required, "The weekly hours are required: an object from weekday name to working intervals such as [\"08:00-17:00\"].");
            return;
        }

        var total = 0;
        foreach (var (key, intervals) in weeklyHours)
        {
            var pointer = $"/weeklyHours/{JsonPointers.Escape(key)}";
            if (!WeekdayNames.TryParse(key, out _))
            {
                errors.Add(pointer, SlaErrorCodes.UnknownName, $"'{key}' is not a weekday; use one of {string.Join(", ", WeekdayNames.All)} (lowercase).");
                continue;
            }

            total += ValidateIntervals(pointer, intervals, key, errors);
        }

        if (total == 0 && errors.Errors.All(e => !e.Pointer.StartsWith("/weeklyHours/", StringComparison.Ordinal)))
        {
            errors.Add("/weeklyHours", SlaErrorCodes.Required, "The calendar has no working time in the week; give at least one weekday an interval such as 08:00-17:00 (use 00:00-24:00 on every day for 24×7).");
        }
    }

    /// <summary>Checks the intervals of one day; returns the working minutes of the valid ones.</summary>
    private static int ValidateIntervals(string pointer, IReadOnlyList<string>? intervals, string dayLabel, ValidationErrorList errors)
    {
        if (intervals is null)
        {
            errors.Add(pointer, SlaErrorCodes.Required, $"The working intervals of {dayLabel} must be a list (use [] for a closed day).");
            return 0;
        }

        var parsed = new List<(int Index, WorkingHours Hours)>();
        for (var i = 0; i < intervals.Count; i++)
        {
            if (WorkingHours.TryParse(intervals[i], out var hours, out var error))
            {
                parsed.Add((i, hours));
            }
            else
            {
                errors.Add($"{pointer}/{i}", SlaErrorCodes.InvalidFormat, error);
            }
        }

        var minutes = 0;
        foreach (var (index, hours) in parsed)
        {
            var clash = parsed.Where(p => p.Index < index && p.Hours.Overlaps(hours)).Select(p => (WorkingHours?)p.Hours).FirstOrDefault();
            if (clash is { } earlier)
            {
                errors.Add($"{pointer}/{index}", SlaErrorCodes.Overlap, $"The interval {hours} on {dayLabel} overlaps {earlier}; intervals of one day must not overlap.");
                continue;
            }

            minutes += hours.EndMinute - hours.StartMinute;
        }

        return minutes;
    }

    private static void ValidateHolidays(IReadOnlyList<HolidayDefinition>? holidays, ValidationErrorList errors)
    {
        if (holidays is null)
        {
            errors.Add("/holidays", SlaErrorCodes.Required, "The holidays must be a list (use [] for none).");
            return;
        }

        for (var i = 0; i < holidays.Count; i++)
        {
            var pointer = $"/holidays/{i}";
            var holiday = holidays[i];
            if (holiday is null)
            {
                errors.Add(pointer, SlaErrorCodes.Required, "A holiday must be an object with a date, or with from and to.");
                continue;
            }

            errors.Text($"{pointer}/name", holiday.Name, "holiday name", required: false);
            var hasDate = !string.IsNullOrEmpty(holiday.Date);
            var hasRange = !string.IsNullOrEmpty(holiday.From) || !string.IsNullOrEmpty(holiday.To);
            if (hasDate && hasRange)
            {
                errors.Add(pointer, SlaErrorCodes.Inconsistent, "A holiday has either a date or a from/to range, not both.");
                continue;
            }

            if (hasDate)
            {
                TryDate($"{pointer}/date", holiday.Date, "date", errors, out _);
                continue;
            }

            if (!hasRange)
            {
                errors.Add(pointer, SlaErrorCodes.Required, "A holiday needs a date, or a from and a to date (yyyy-MM-dd).");
                continue;
            }

            var fromOk = TryDate($"{pointer}/from", holiday.From, "from date", errors, out var from);
            var toOk = TryDate($"{pointer}/to", holiday.To, "to date", errors, out var to);
            if (fromOk && toOk)
            {
                if (to < from)
                {
                    errors.Add($"{pointer}/to", SlaErrorCodes.OutOfRange, $"The holiday ends ({holiday.To}) before it starts ({holiday.From}).");
                }
                else if (to.DayNumber - from.DayNumber + 1 > MaxHolidayRangeDays)
                {
                    errors.Add($"{pointer}/to", SlaErrorCodes.OutOfRange, $"A holiday range may span at most {MaxHolidayRangeDays} days; this one spans {to.DayNumber - from.DayNumber + 1}.");
                }
            }
        }
    }

    private static void ValidateSpecialDays(IReadOnlyList<SpecialDayDefinition>? specialDays, ValidationErrorList errors)
    {
        if (specialDays is null)
        {
            errors.Add("/specialDays", SlaErrorCodes.Required, "The special days must be a list (use [] for none).");
            return;
        }

        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < specialDays.Count; i++)
        {
            var pointer = $"/specialDays/{i}";
            var special = specialDays[i];
            if (special is null)
            {
                errors.Add(pointer, SlaErrorCodes.Required, "A special day must be an object with a date and hours.");
                continue;
            }

            errors.Text($"{pointer}/name", special.Name, "special day name", required: false);
            if (TryDate($"{pointer}/date", special.Date, "date", errors, out var date) && !seen.TryAdd(date, i))
            {
                errors.Add($"{pointer}/date", SlaErrorCodes.Duplicate, $"The special day {special.Date} is already defined at /specialDays/{seen[date]}.");
            }

            ValidateIntervals($"{pointer}/hours", special.Hours, special.Date, errors);
        }
    }

    private static bool TryDate(string pointer, string? text, string what, ValidationErrorList errors, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(pointer, SlaErrorCodes.Required, $"The {what} is required (yyyy-MM-dd).");
            date = default;
            return false;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(pointer, SlaErrorCodes.InvalidFormat, $"The {what} '{text}' is not a date; write it as yyyy-MM-dd, for example 2025-12-25.");
            return false;
        }

        return true;
    }
}
