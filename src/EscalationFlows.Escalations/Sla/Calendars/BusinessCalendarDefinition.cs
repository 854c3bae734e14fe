using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>
/// The JSON form of a business calendar (camelCase with <see cref="EscalationFlows.Engine.Definitions.WorkflowJson"/>):
/// <code>
/// {
///   "id": "berlin-office", "name": "Berlin office", "timeZone": "Europe/Berlin",
///   "weeklyHours": { "monday": ["08:00-12:00", "13:00-17:00"], "friday": ["08:00-14:00"] },
///   "holidays": [ { "date": "2025-12-25", "name": "Christmas Day" }, { "from": "2025-12-29", "to": "2025-12-31" } ],
///   "specialDays": [ { "date": "2025-12-24", "hours": ["08:00-12:00"], "name": "Christmas Eve" } ]
/// }
/// </code>
/// Weekdays missing from <see cref="WeeklyHours"/> are not working days. Validate with <see cref="Validate"/> and build
/// with <see cref="BusinessCalendar.FromDefinition"/>.
/// </summary>
public sealed record BusinessCalendarDefinition
{
    /// <summary>Stable id (letters, digits, '.', '_' or '-').</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Display name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>IANA time zone id, for example "Europe/Berlin".</summary>
    public string TimeZone { get; init; } = string.Empty;

    /// <summary>Weekday name ("monday" … "sunday") → working intervals as "HH:mm-HH:mm" ("24:00" allowed as an end).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WeeklyHours { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Closed local dates or inclusive date ranges.</summary>
    public IReadOnlyList<HolidayDefinition> Holidays { get; init; } = [];

    /// <summary>Optional per-date hours replacing the weekday's hours (for example half days).</summary>
    public IReadOnlyList<SpecialDayDefinition> SpecialDays { get; init; } = [];

    /// <summary>Every problem in the definition, each with a JSON pointer and a plain sentence; empty when valid.</summary>
    public IReadOnlyList<DefinitionError> Validate() => BusinessCalendarDefinitionValidator.Validate(this);
}
