using System.Text.Json.Nodes;

namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>A timeline event an effect adds (actor, time and source come from the effect).</summary>
public sealed record TimelineNote(string Kind, string Text, JsonObject? Details = null);
