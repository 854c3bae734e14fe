using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Server.Api.Instances;

/// <summary>A slice of an instance's journal. Ask again with <c>after=NextAfter</c> for the entries that follow.</summary>
public sealed record JournalResponse(string InstanceId, IReadOnlyList<JournalEntry> Entries, long NextAfter);
