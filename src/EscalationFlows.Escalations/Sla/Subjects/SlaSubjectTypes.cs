namespace EscalationFlows.Escalations.Sla.Subjects;

/// <summary>The lowercase names of <see cref="SlaSubjectType"/> used in storage, events and activity inputs.</summary>
public static class SlaSubjectTypes
{
    public const string Ticket = "ticket";

    public const string Escalation = "escalation";

    public static string Name(SlaSubjectType type) => type == SlaSubjectType.Ticket ? Ticket : Escalation;

    public static bool TryParse(string? text, out SlaSubjectType type)
    {
        if (string.Equals(text, Ticket, StringComparison.OrdinalIgnoreCase))
        {
            type = SlaSubjectType.Ticket;
            return true;
        }

        type = SlaSubjectType.Escalation;
        return string.Equals(text, Escalation, StringComparison.OrdinalIgnoreCase);
    }
}
