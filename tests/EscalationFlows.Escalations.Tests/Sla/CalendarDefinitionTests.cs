using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Tests.Sla.Support;
using static EscalationFlows.Escalations.Tests.Sla.Support.At;

namespace EscalationFlows.Escalations.Tests.Sla;

public sealed class CalendarDefinitionTests
{
    private const string ValidJson = """
        {
          "id": "berlin-office",
          "name": "Berlin office",
          "timeZone": "Europe/Berlin",
          "weeklyHours": {
            "monday": ["08:00-12:00", "13:00-17:00"],
            "tuesday": ["08:00-12:00", "13:00-17:00"],
            "friday": ["08:00-14:00"]
          },
          "holidays": [
            { "date": "2025-12-25", "name": "Christmas Day" },
            { "from": "2025-12-29", "to": "2025-12-31", "name": "Year end" }
          ],
          "specialDays": [ { "date": "2025-12-24", "hours": ["08:00-12:00"], "name": "Christmas Eve" } ]
        }
        """;

    [Fact]
    public void A_definition_read_from_json_builds_a_working_calendar()
    {
        Zones.Require(Zones.Berlin);
        var definition = WorkflowJson.Deserialize<BusinessCalendarDefinition>(ValidJson)!;

        Assert.Empty(definition.Validate());
        var calendar = BusinessCalendar.FromDefinition(definition);

        Assert.Equal("berlin-office", calendar.Id);
        Assert.Equal(Zones.Berlin, calendar.TimeZone.Id);
        Assert.Equal(H(8 + 8 + 6), calendar.WeeklyBusinessTime);
        Assert.Empty(calendar.HoursOn(new DateOnly(2025, 12, 25)));
        Assert.Empty(calendar.HoursOn(new DateOnly(2025, 12, 31)));
        Assert.Equal(Cet("2025-12-24 12:00"), calendar.AddBusinessTime(Cet("2025-12-24 08:00"), H(4)));
    }

    [Fact]
    public void A_calendar_round_trips_through_its_definition_and_json()
    {
        Zones.Require(Zones.Berlin);
        var calendar = BusinessCalendar.FromDefinition(WorkflowJson.Deserialize<BusinessCalendarDefinition>(ValidJson)!);

        var json = WorkflowJson.Serialize(calendar.ToDefinition());
        var again = BusinessCalendar.FromDefinition(WorkflowJson.Deserialize<BusinessCalendarDefinition>(json)!);

        Assert.Contains("\"monday\":[\"08:00-12:00\",\"13:00-17:00\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"from\":\"2025-12-29\",\"to\":\"2025-12-31\"", json, StringComparison.Ordinal);
        Assert.Equal(WorkflowJson.Serialize(calendar.ToDefinition()), WorkflowJson.Serialize(again.ToDefinition()));
        Assert.Equal(calendar.BusinessTimeBetween(Cet("2025-12-01 00:00"), Cet("2026-01-10 00:00")), again.BusinessTimeBetween(Cet("2025-12-01 00:00"), Cet("2026-01-10 00:00")));
    }

    [Fact]
    public void Every_problem_is_reported_with_a_json_pointer_and_a_plain_sentence()
    {
        var definition = new BusinessCalendarDefinition
        {
            Id = "",
            Name = "Broken",
            TimeZone = "Mars/Olympus_Mons",
            WeeklyHours = new Dictionary<string, IReadOnlyList<string>>
            {
                ["monday"] = ["08:00-12:00", "11:00-13:00"],
                ["tuesday"] = ["22:00-06:00"],
                ["wednesday"] = ["8:00-12:00"],
                ["funday"] = ["08:00-12:00"],
                ["thursday"] = ["24:00-24:00"],
            },
            Holidays =
            [
                new HolidayDefinition { Date = "2025-13-01" },
                new HolidayDefinition { From = "2025-12-31", To = "2025-12-24" },
                new HolidayDefinition { Date = "2025-12-25", From = "2025-12-24" },
                new HolidayDefinition(),
                new HolidayDefinition { From = "2025-01-01", To = "2026-06-30" },
            ],
            SpecialDays =
            [
                new SpecialDayDefinition { Date = "2025-12-24", Hours = ["08:00-12:00"] },
                new SpecialDayDefinition { Date = "2025-12-24", Hours = ["09:00-10:00"] },
            ],
        };

        var errors = definition.Validate();

        AssertError(errors, "/id", SlaErrorCodes.Required, "The calendar id is required.");
        AssertError(errors, "/timeZone", SlaErrorCodes.UnknownTimeZone, "The time zone 'Mars/Olympus_Mons' is not known on this machine; use an IANA id such as 'Europe/Berlin', 'America/New_York' or 'UTC'.");
        AssertError(errors, "/weeklyHours/monday/1", SlaErrorCodes.Overlap, "The interval 11:00-13:00 on monday overlaps 08:00-12:00; intervals of one day must not overlap.");
        AssertError(errors, "/weeklyHours/tuesday/0", SlaErrorCodes.InvalidFormat, "'22:00-06:00' ends before it starts; intervals that cross midnight are not supported, so split them (for example 22:00-24:00 and 00:00-06:00 on the next day).");
        AssertError(errors, "/weeklyHours/wednesday/0", SlaErrorCodes.InvalidFormat, "'8:00-12:00' is not a working interval; use HH:mm-HH:mm with two-digit hours 00-24 and minutes 00-59, for example 08:00-12:00.");
        AssertError(errors, "/weeklyHours/funday", SlaErrorCodes.UnknownName, "'funday' is not a weekday; use one of monday, tuesday, wednesday, thursday, friday, saturday, sunday (lowercase).");
        AssertError(errors, "/weeklyHours/thursday/0", SlaErrorCodes.InvalidFormat, "'24:00-24:00' starts at 24:00; 24:00 is allowed only as an end.");
        AssertError(errors, "/holidays/0/date", SlaErrorCodes.InvalidFormat, "The date '2025-13-01' is not a date; write it as yyyy-MM-dd, for example 2025-12-25.");
        AssertError(errors, "/holidays/1/to", SlaErrorCodes.OutOfRange, "The holiday ends (2025-12-24) before it starts (2025-12-31).");
        AssertError(errors, "/holidays/2", SlaErrorCodes.Inconsistent, "A holiday has either a date or a from/to range, not both.");
        AssertError(errors, "/holidays/3", SlaErrorCodes.Required, "A holiday needs a date, or a from and a to date (yyyy-MM-dd).");
        AssertError(errors, "/holidays/4/to", SlaErrorCodes.OutOfRange, "A holiday range may span at most 366 days; this one spans 546.");
        AssertError(errors, "/specialDays/1/date", SlaErrorCodes.Duplicate, "The special day 2025-12-24 is already defined at /specialDays/0.");
        Assert.Equal(13, errors.Count);
    }

    [Fact]
    public void A_week_without_working_time_is_rejected()
    {
        var errors = new BusinessCalendarDefinition { Id = "closed", Name = "Closed", TimeZone = "UTC" }.Validate();

        var error = Assert.Single(errors);
        Assert.Equal("/weeklyHours", error.Pointer);
        Assert.StartsWith("The calendar has no working time in the week", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_time_zone_id_is_rejected_with_the_iana_id_to_use()
    {
        var errors = new BusinessCalendarDefinition
        {
            Id = "x",
            Name = "x",
            TimeZone = "W. Europe Standard Time",
            WeeklyHours = Calendars.Weekdays("09:00-17:00"),
        }.Validate();

        var error = Assert.Single(errors);
        Assert.Equal("/timeZone", error.Pointer);
        Assert.Equal(SlaErrorCodes.UnknownTimeZone, error.Code);
        Assert.Contains("W. Europe Standard Time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Building_from_an_invalid_definition_throws_with_every_error()
    {
        var definition = new BusinessCalendarDefinition { Id = "bad id!", Name = "", TimeZone = "UTC", WeeklyHours = Calendars.Weekdays("09:00-17:00") };

        var error = Assert.Throws<SlaDefinitionException>(() => BusinessCalendar.FromDefinition(definition));

        Assert.Equal(["/id", "/name"], error.Errors.Select(e => e.Pointer));
        Assert.StartsWith("The business calendar is invalid: /id: The calendar id 'bad id!' must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_collections_are_reported_not_thrown()
    {
        var definition = WorkflowJson.Deserialize<BusinessCalendarDefinition>("""{"id":"x","name":"x","timeZone":"UTC","weeklyHours":{"monday":null},"holidays":null,"specialDays":[{"date":"2025-01-01","hours":null}]}""")!;

        var errors = definition.Validate();

        Assert.Contains(errors, e => e.Pointer == "/weeklyHours/monday");
        Assert.Contains(errors, e => e.Pointer == "/holidays");
        Assert.Contains(errors, e => e.Pointer == "/specialDays/0/hours");
    }

    [Fact]
    public void An_empty_date_next_to_a_range_is_read_as_the_range()
    {
        Zones.Require(Zones.Berlin);
        var calendar = BusinessCalendar.FromDefinition(new BusinessCalendarDefinition
        {
            Id = "x",
            Name = "x",
            TimeZone = Zones.Berlin,
            WeeklyHours = Calendars.Weekdays("09:00-17:00"),
            Holidays = [new HolidayDefinition { Date = "", From = "2025-01-06", To = "2025-01-07" }],
        });

        Assert.Equal(new Holiday(new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 7)), Assert.Single(calendar.Holidays));
    }

    private static void AssertError(IReadOnlyList<DefinitionError> errors, string pointer, string code, string message)
    {
        var error = Assert.Single(errors, e => e.Pointer == pointer);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }
}
