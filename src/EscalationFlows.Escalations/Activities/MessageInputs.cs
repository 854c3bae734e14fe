using EscalationFlows.Engine.Activities;

namespace EscalationFlows.Escalations.Activities;

/// <summary>Template inputs of the activities that send messages (Scriban over escalation, data and link; rendered when the step commits).</summary>
public static class MessageInputs
{
    public const string TemplateHelp = "A Scriban template over escalation (number, title, stage, owner, team, client...), data and link; rendered when the step commits.";

    public static InputDescriptor Subject(string name, string displayName, string fallback) => new()
    {
        Name = name,
        DisplayName = displayName,
        Description = TemplateHelp,
        Type = "string",
        Default = fallback,
        SupportsExpressions = false,
    };

    public static InputDescriptor Body(string name, string displayName, string fallback) => new()
    {
        Name = name,
        DisplayName = displayName,
        Description = TemplateHelp,
        Type = "string",
        Default = fallback,
        SupportsExpressions = false,
        UiHint = "multiline",
    };

    public static InputDescriptor Html(string name, string displayName) => new()
    {
        Name = name,
        DisplayName = displayName,
        Description = TemplateHelp + " Values from the model are HTML-escaped.",
        Type = "string",
        SupportsExpressions = false,
        UiHint = "multiline",
        Html = true,
    };
}
