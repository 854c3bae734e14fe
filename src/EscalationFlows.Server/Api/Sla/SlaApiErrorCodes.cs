namespace EscalationFlows.Server.Api.Sla;

/// <summary>The problem <c>code</c>s of the ticket and SLA endpoints (besides the shared ones in <see cref="Http.ApiErrorCodes"/>).</summary>
public static class SlaApiErrorCodes
{
    /// <summary>422: a ticket registration or update has invalid fields; <c>errors</c> name each with a JSON pointer.</summary>
    public const string TicketInvalid = "ticket-invalid";

    /// <summary>422: an SLA policy is invalid (or names an unknown calendar).</summary>
    public const string PolicyInvalid = "sla-policy-invalid";

    /// <summary>422: a business calendar is invalid.</summary>
    public const string CalendarInvalid = "sla-calendar-invalid";

    /// <summary>409: a clock refused the change (older than the last change applied, or before the clock started).</summary>
    public const string ClockEventRejected = "sla-event-rejected";
}
