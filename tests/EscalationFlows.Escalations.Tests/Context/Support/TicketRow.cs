namespace EscalationFlows.Escalations.Tests.Context.Support;

/// <summary>One row of the IT ticket data set.</summary>
public sealed record TicketRow(string ShortDescription, string Description, string Caller, string Group);
