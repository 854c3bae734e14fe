using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Activities;

[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
public enum ActivityKind
{
    /// <summary>Runs and completes within the burst.</summary>
    [JsonStringEnumMemberName("action")]
    Action,

    /// <summary>Suspends the instance on a bookmark until a stimulus resumes it.</summary>
    [JsonStringEnumMemberName("blocking")]
    Blocking,

    /// <summary>Starts new instances when its stimulus arrives (indexed for published versions).</summary>
    [JsonStringEnumMemberName("trigger")]
    Trigger,
}
