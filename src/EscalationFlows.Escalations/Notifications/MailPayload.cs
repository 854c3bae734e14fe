using System.Text.Json.Nodes;

namespace EscalationFlows.Escalations.Notifications;

/// <summary>
/// The payload of a <see cref="MailOutbox.Kind"/> outbox message: recipients, subject, a plain-text body and an optional
/// HTML alternative. Addresses are checked when the mail is sent (the transport parses them).
/// </summary>
public sealed record MailPayload(IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string TextBody, string? HtmlBody = null, string? ReplyTo = null)
{
    /// <summary>The JSON an activity passes to <c>SendOutbox(MailOutbox.Kind, payload)</c>.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["to"] = new JsonArray([.. To.Select(a => JsonValue.Create(a))]),
            ["cc"] = new JsonArray([.. Cc.Select(a => JsonValue.Create(a))]),
            ["subject"] = Subject,
            ["textBody"] = TextBody,
        };
        if (HtmlBody is not null)
        {
            json["htmlBody"] = HtmlBody;
        }

        json["replyTo"] = ReplyTo;
        return json;
    }

    /// <summary>Reads a payload; throws <see cref="MailPayloadException"/> naming the field when it is not one.</summary>
    public static MailPayload FromJson(JsonNode? payload)
    {
        if (payload is not JsonObject json)
        {
            throw new MailPayloadException("", "The mail payload must be a JSON object.");
        }

        var to = Addresses(json, "to");
        var cc = Addresses(json, "cc");
        if (to.Count == 0)
        {
            throw new MailPayloadException("to", "A mail needs at least one recipient in 'to'.");
        }

        return new MailPayload(to, cc, Text(json, "subject", required: true)!, Text(json, "textBody", required: true)!, Text(json, "htmlBody", required: false),
            Text(json, "replyTo", required: false));
    }

    private static List<string> Addresses(JsonObject json, string field)
    {
        var node = json[field];
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new MailPayloadException(field, $"'{field}' must be an array of addresses.");
        }

        var addresses = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var address) || string.IsNullOrWhiteSpace(address))
            {
                throw new MailPayloadException(field, $"Every entry of '{field}' must be a non-empty address string.");
            }

            addresses.Add(address.Trim());
        }

        return addresses;
    }

    private static string? Text(JsonObject json, string field, bool required)
    {
        var node = json[field];
        if (node is null)
        {
            return required ? throw new MailPayloadException(field, $"'{field}' is required.") : null;
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            throw new MailPayloadException(field, $"'{field}' must be a string.");
        }

        return text;
    }
}
