using EscalationFlows.Escalations.Records;
using EscalationFlows.Server.Api.Escalations;
using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Escalations;

/// <summary>Checks a new escalation: every problem with its JSON pointer (422 <c>escalation-invalid</c>).</summary>
public static class EscalationRequestValidator
{
    public const int MaxTitle = 300;
    public const int MaxText = 20_000;

    public static IReadOnlyList<ApiError> Validate(CreateEscalationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ApiError>();
        var fromTicket = !string.IsNullOrWhiteSpace(request.TicketId);
        if (!fromTicket && string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add(ApiError.At("/title", ApiErrorCodes.Required, "Give the escalation a title (or a ticketId to take it from)."));
        }

        if (!fromTicket && string.IsNullOrWhiteSpace(request.Client))
        {
            errors.Add(ApiError.At("/client", ApiErrorCodes.Required, "Name the client (or give a ticketId to take it from)."));
        }

        Length(errors, "/title", request.Title, MaxTitle);
        Length(errors, "/description", request.Description, MaxText);
        Length(errors, "/client", request.Client, MaxTitle);
        Length(errors, "/category", request.Category, MaxTitle);
        foreach (var (pointer, value) in new[] { ("/impact", request.Impact), ("/urgency", request.Urgency) })
        {
            if (value is < 1 or > 3)
            {
                errors.Add(ApiError.At(pointer, ApiErrorCodes.InvalidValue, $"{pointer[1..]} is 1 (high), 2 (medium) or 3 (low); got {value}."));
            }
        }

        if ((request.Impact is null) != (request.Urgency is null))
        {
            var missing = request.Impact is null ? "/impact" : "/urgency";
            errors.Add(ApiError.At(missing, ApiErrorCodes.Required, "Give impact and urgency together: the priority comes from both."));
        }

        if (request.TriggerReason is { } reason && !TriggerReasons.IsKnown(reason))
        {
            errors.Add(ApiError.At("/triggerReason", ApiErrorCodes.InvalidValue, $"'{reason}' is not a trigger reason; use {string.Join(", ", TriggerReasons.All)}."));
        }

        if (request.ClientEmail is { } email && !LooksLikeEmail(email))
        {
            errors.Add(ApiError.At("/clientEmail", ApiErrorCodes.InvalidValue, $"'{email}' is not an email address."));
        }

        if (request.ExternalUrl is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add(ApiError.At("/externalUrl", ApiErrorCodes.InvalidValue, "The external URL must be absolute, such as https://example.service-now.com/incident.do?sys_id=..."));
        }

        List(errors, "/stakeholders", request.Stakeholders);
        List(errors, "/priorAttempts", request.PriorAttempts);
        return errors;
    }

    public static bool LooksLikeEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 3 && text.IndexOf('.', at) > at + 1 && !text.Any(char.IsWhiteSpace);
    }

    private static void Length(List<ApiError> errors, string pointer, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(ApiError.At(pointer, ApiErrorCodes.InvalidValue, $"{pointer[1..]} is at most {max} characters long."));
        }
    }

    private static void List(List<ApiError> errors, string pointer, List<string>? items)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(items![i]) || items[i].Length > MaxTitle)
            {
                errors.Add(ApiError.At($"{pointer}/{i}", ApiErrorCodes.InvalidValue, $"Each entry of {pointer[1..]} is a non-empty text of at most {MaxTitle} characters."));
            }
        }
    }
}
