using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Policies;

namespace EscalationFlows.Escalations.Tickets;

/// <summary>Checks ticket registrations and updates; every problem names the JSON pointer of the field.</summary>
public static class TicketValidator
{
    /// <summary>How far in the future a source timestamp may be (clock skew between systems); later ones are rejected.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    public const int MaxTitleLength = 500;

    public const int MaxTextLength = 200;

    /// <summary>Every problem of a registration received at <paramref name="now"/>; empty when valid.</summary>
    public static IReadOnlyList<DefinitionError> Validate(TicketRegistration registration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = new ValidationErrorList();
        errors.Identifier("/source", registration.Source, "source");
        errors.Text("/externalId", registration.ExternalId, "external id", MaxTextLength);
        errors.Text("/client", registration.Client, "client", MaxTextLength);
        if (registration.Tier is not null)
        {
            errors.Identifier("/tier", registration.Tier, "client tier");
        }

        Priority(errors, "/priority", registration.Priority, required: true);
        errors.Text("/title", registration.Title, "title", MaxTitleLength);
        if (registration.OpenedAt is not { } opened)
        {
            errors.Add("/openedAt", SlaErrorCodes.Required, "The time the ticket was opened is required (ISO 8601 with an offset, for example 2026-11-30T09:00:00Z).");
        }
        else
        {
            NotInFuture(errors, "/openedAt", opened, now, "opened");
        }

        if (registration.Status is not null)
        {
            errors.Identifier("/status", registration.Status, "status");
        }

        if (registration.RespondedAt is { } responded)
        {
            NotInFuture(errors, "/respondedAt", responded, now, "responded to");
            if (registration.OpenedAt is { } openedAt && responded < openedAt)
            {
                errors.Add("/respondedAt", SlaErrorCodes.Inconsistent, $"The first response ({responded:O}) is before the ticket was opened ({openedAt:O}).");
            }
        }

        if (registration.PolicyId is not null)
        {
            errors.Identifier("/policyId", registration.PolicyId, "policy id");
        }

        if (registration.CalendarId is not null)
        {
            errors.Identifier("/calendarId", registration.CalendarId, "calendar id");
        }

        return errors.Errors;
    }

    /// <summary>Every problem of an update received at <paramref name="now"/>; empty when valid.</summary>
    public static IReadOnlyList<DefinitionError> Validate(TicketUpdate update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(update);
        var errors = new ValidationErrorList();
        if (update.Status is null && update.Priority is null && update.Tier is null && update.Title is null && update.RespondedAt is null)
        {
            errors.Add(string.Empty, SlaErrorCodes.Required, "The update changes nothing; send at least one of status, priority, tier, title or respondedAt.");
        }

        if (update.Status is not null)
        {
            errors.Identifier("/status", update.Status, "status");
        }

        Priority(errors, "/priority", update.Priority, required: false);
        if (update.Tier is { Length: > 0 } tier)
        {
            errors.Identifier("/tier", tier, "client tier");
        }

        if (update.Title is not null)
        {
            errors.Text("/title", update.Title, "title", MaxTitleLength);
        }

        if (update.RespondedAt is { } responded)
        {
            NotInFuture(errors, "/respondedAt", responded, now, "responded to");
        }

        if (update.At is { } at)
        {
            NotInFuture(errors, "/at", at, now, "changed");
        }

        return errors.Errors;
    }

    private static void Priority(ValidationErrorList errors, string pointer, int? priority, bool required)
    {
        if (priority is null)
        {
            if (required)
            {
                errors.Add(pointer, SlaErrorCodes.Required, $"The priority is required: {SlaPolicy.HighestPriority} (critical) to {SlaPolicy.LowestPriority} (planning).");
            }

            return;
        }

        if (priority is < SlaPolicy.HighestPriority or > SlaPolicy.LowestPriority)
        {
            errors.Add(pointer, SlaErrorCodes.OutOfRange, $"The priority must be {SlaPolicy.HighestPriority} (critical) to {SlaPolicy.LowestPriority} (planning) (it is {priority}).");
        }
    }

    private static void NotInFuture(ValidationErrorList errors, string pointer, DateTimeOffset value, DateTimeOffset now, string what)
    {
        if (value > now + AllowedClockSkew)
        {
            errors.Add(pointer, SlaErrorCodes.OutOfRange, $"The ticket cannot be {what} in the future ({value:O}; it is now {now:O}).");
        }
    }
}
