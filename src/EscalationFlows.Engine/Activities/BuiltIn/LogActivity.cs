using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Writes a message to the journal and the server log.</summary>
public sealed partial class LogActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Log",
        Category = BuiltInCategories.Diagnostics,
        DisplayName = "Log",
        Description = "Writes a message to the instance journal and the server log.",
        Inputs =
        [
            new InputDescriptor { Name = "message", DisplayName = "Message", Type = "string", Required = true, DefaultExpressionType = ExpressionType.Template, UiHint = "multiline" },
            new InputDescriptor { Name = "level", DisplayName = "Level", Type = "string", Default = JsonValue.Create("Information"), SupportsExpressions = false, UiHint = "dropdown", Options = ["Debug", "Information", "Warning", "Error"] },
        ],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var message = context.GetInputString("message") ?? string.Empty;
        var level = Enum.TryParse<LogLevel>(context.GetInputString("level"), ignoreCase: true, out var parsed) ? parsed : LogLevel.Information;
        context.Log(message);
        var logger = context.Services.GetService<ILoggerFactory>()?.CreateLogger<LogActivity>();
        if (logger is not null)
        {
            WriteLog(logger, level, context.InstanceId, context.ActivityId, message);
        }

        return ValueTask.FromResult(ActivityResult.Done());
    }

    [LoggerMessage(Message = "Workflow {InstanceId} activity {ActivityId}: {Text}")]
    private static partial void WriteLog(ILogger logger, LogLevel level, string instanceId, string activityId, string text);
}
