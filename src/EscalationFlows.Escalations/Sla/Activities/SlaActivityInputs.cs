using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Escalations.Sla.Subjects;

namespace EscalationFlows.Escalations.Sla.Activities;

/// <summary>Inputs the SLA activities share (subject id, metrics) and how they are read.</summary>
public static class SlaActivityInputs
{
    /// <summary>The palette category of the SLA activities.</summary>
    public const string Category = "SLA";

    public const string Both = "both";

    public static InputDescriptor SubjectId { get; } = new()
    {
        Name = "subjectId",
        DisplayName = "Subject id",
        Description = "The ticket or escalation whose clocks this is about. Default: the instance's correlation id, or its id when it has none.",
        Type = "string",
        DefaultExpressionType = ExpressionType.JavaScript,
    };

    public static InputDescriptor Metrics { get; } = new()
    {
        Name = "metrics",
        DisplayName = "Metrics",
        Description = "Which clocks: both (default), response or resolution.",
        Type = "string",
        Default = Both,
        SupportsExpressions = false,
        UiHint = "dropdown",
        Options = [Both, SlaMetrics.Response, SlaMetrics.Resolution],
    };

    /// <summary>The subject id input, else the correlation id, else the instance id.</summary>
    public static string ReadSubjectId(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subject = context.HasInput(SubjectId.Name) ? context.GetInputString(SubjectId.Name) : null;
        subject = string.IsNullOrWhiteSpace(subject) ? context.CorrelationId ?? context.InstanceId : subject.Trim();
        if (subject.Length > 200)
        {
            throw new WorkflowFaultException("input-type", $"The subject id of '{context.Node.DisplayName}' is longer than 200 characters.");
        }

        return subject;
    }

    /// <summary>The metrics input: empty for both.</summary>
    public static IReadOnlyList<SlaMetric> ReadMetrics(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.GetInputString(Metrics.Name) ?? Both;
        return SlaMetrics.TryParse(text, out var metric) ? [metric] : [];
    }
}
