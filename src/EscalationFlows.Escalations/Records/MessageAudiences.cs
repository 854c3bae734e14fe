namespace EscalationFlows.Escalations.Records;

/// <summary>Who a notification is for; the addresses are resolved from the record when the step commits.</summary>
public static class MessageAudiences
{
    public const string Client = "client";
    public const string Stakeholders = "stakeholders";
    public const string Leadership = "leadership";
    public const string Owner = "owner";
    public const string Handler = "handler";

    public static IReadOnlyList<string> All { get; } = [Client, Stakeholders, Leadership, Owner, Handler];
}
