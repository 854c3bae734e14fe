using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Engine.Activities.HumanTasks;

/// <summary>
/// Asks a person to fill in a form and pick an outcome, and waits. The task is a <c>HumanTask</c> bookmark (its id is
/// the task id) plus a <see cref="HumanTaskEffects.Created"/> effect the store turns into a task row; it is completed
/// only through the task API, which resumes the bookmark with a <see cref="HumanTaskCompletion"/>. With
/// <c>escalateAfter</c> the activity also holds a timer bookmark: when it fires the task is reassigned to
/// <c>escalateTo</c> (an <see cref="HumanTaskEffects.Escalated"/> effect) and the activity keeps waiting.
/// </summary>
public sealed class HumanTaskActivity : Activity
{
    public const string TypeName = "HumanTask";
    public const string Category = "Human tasks";

    /// <summary>The candidate role of a task meant for the client: it gets a signed single-use link instead of an inbox entry.</summary>
    public const string ClientRole = "client";

    /// <summary>The purpose of the client links this activity issues.</summary>
    public const string ClientLinkPurpose = "task";

    public const int DefaultPriority = 50;

    private const string EscalationPurpose = "escalation";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = Category,
        DisplayName = "Human task",
        Description = "Asks a person, a team, a role or the client to fill in a form and choose an outcome (each outcome is a port), and waits until the task is completed. Can escalate to another team or role when not done in time.",
        Kind = ActivityKind.Blocking,
        BookmarkKind = BookmarkKinds.HumanTask,
        Inputs =
        [
            new InputDescriptor { Name = "title", DisplayName = "Title", Type = "string", Required = true, DefaultExpressionType = ExpressionType.Template },
            new InputDescriptor { Name = "description", DisplayName = "Description", Type = "string", DefaultExpressionType = ExpressionType.Template, UiHint = "multiline" },
            new InputDescriptor { Name = "assignee", DisplayName = "Assignee", Description = "A user id or email.", Type = "string" },
            new InputDescriptor { Name = "candidateTeam", DisplayName = "Candidate team", Description = "Members of this team may claim the task.", Type = "string" },
            new InputDescriptor
            {
                Name = "candidateRole",
                DisplayName = "Candidate role",
                Description = "Users with this role may claim the task; 'client' sends the client a signed single-use link instead.",
                Type = "string",
            },
            new InputDescriptor
            {
                Name = "form",
                DisplayName = "Form",
                Description = "{ schema: JSON Schema of the data, uiSchema?: { \"ui:order\", per-field \"ui:widget\" and \"ui:help\" } }.",
                Type = "object",
                SupportsExpressions = false,
                UiHint = "form-designer",
            },
            new InputDescriptor { Name = "dueIn", DisplayName = "Due in", Type = "duration", UiHint = "duration" },
            new InputDescriptor { Name = "dueAt", DisplayName = "Or due at", Type = "datetime", UiHint = "datetime" },
            new InputDescriptor
            {
                Name = "outcomes",
                DisplayName = "Outcomes",
                Description = "The buttons the person chooses from; each is a port.",
                Type = "array",
                Default = new JsonArray(Ports.Done),
                SupportsExpressions = false,
                UiHint = "outcomes",
            },
            new InputDescriptor { Name = "escalateAfter", DisplayName = "Escalate after", Type = "duration", UiHint = "duration" },
            new InputDescriptor { Name = "escalateTo", DisplayName = "Escalate to", Description = "{ \"team\": \"...\" } or { \"role\": \"...\" }.", Type = "object", UiHint = "json" },
            new InputDescriptor { Name = "priority", DisplayName = "Priority", Description = "0 (lowest) to 100 (highest).", Type = "integer", Default = JsonValue.Create(DefaultPriority) },
            new InputDescriptor { Name = "context", DisplayName = "Context", Description = "Data shown to the person beside the form.", Type = "object", DefaultExpressionType = ExpressionType.JavaScript, UiHint = "code" },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "taskId", Type = "string" },
            new OutputDescriptor { Name = "data", Type = "object", Description = "The submitted form data." },
            new OutputDescriptor { Name = "outcome", Type = "string" },
            new OutputDescriptor { Name = "completedBy", Type = "string", Description = "Who completed the task (a user id, or client-link:{id})." },
            new OutputDescriptor { Name = "clientLink", Type = "object", Description = "For a client task: { id, token, url, apiPath, expiresAt }, to send with a notification." },
        ],
        Ports = [],
        PortsFromInput = "outcomes",
    };

    public override IReadOnlyList<string> GetPorts(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.GetInput("outcomes") is null ? [Ports.Done] : base.GetPorts(node);
    }

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        if (node.GetInput("outcomes") is { Expression: { Type: ExpressionType.Literal, Value: var outcomes } })
        {
            CheckOutcomes(outcomes, context);
        }

        if (node.GetInput("form") is { Expression: { Type: ExpressionType.Literal, Value: var form } })
        {
            foreach (var error in FormSchema.Check(form))
            {
                context.AddError($"{context.InputPointer("form")}/expression/value{error.Pointer}", DefinitionErrorCodes.InvalidValue, error.Message);
            }
        }

        if (node.GetInput("assignee") is null && node.GetInput("candidateTeam") is null && node.GetInput("candidateRole") is null)
        {
            context.AddError($"{context.Pointer}/inputs", DefinitionErrorCodes.MissingRequiredInput,
                $"Human task '{node.DisplayName}' needs someone to do it: an 'assignee', a 'candidateTeam' or a 'candidateRole'.");
        }

        if (node.GetInput("dueIn") is not null && node.GetInput("dueAt") is not null)
        {
            context.AddError(context.InputPointer("dueAt"), DefinitionErrorCodes.InvalidValue, "Give either 'dueIn' or 'dueAt', not both.");
        }

        if ((node.GetInput("escalateAfter") is null) != (node.GetInput("escalateTo") is null))
        {
            context.AddError($"{context.Pointer}/inputs", DefinitionErrorCodes.MissingRequiredInput,
                "Deadline escalation needs both 'escalateAfter' (how long) and 'escalateTo' ({ \"team\": ... } or { \"role\": ... }).");
        }

        if (node.GetInput("escalateTo") is { Expression: { Type: ExpressionType.Literal, Value: JsonObject target } } && ReadTarget(target) is null)
        {
            context.AddError($"{context.InputPointer("escalateTo")}/expression/value", DefinitionErrorCodes.InvalidValue,
                "'escalateTo' names a team or a role: { \"team\": \"Network\" } or { \"role\": \"escalation-manager\" }.");
        }

        if (node.GetInput("priority") is { Expression: { Type: ExpressionType.Literal, Value: JsonValue priority } } && !IsPriority(priority))
        {
            context.AddError($"{context.InputPointer("priority")}/expression/value", DefinitionErrorCodes.InvalidValue, "The priority is a whole number from 0 to 100.");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Now;
        var title = context.GetInputString("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new WorkflowFaultException("input-missing", $"Human task '{context.Node.DisplayName}' has no title.");
        }

        var outcomes = ReadOutcomes(context.GetInput("outcomes"), context.Node.DisplayName);
        var form = context.GetInput("form") switch
        {
            null => null,
            var value => FormSchema.Parse(value).Document,
        };
        var dueAt = ReadDue(context, now);
        var escalateAfter = ReadDuration(context, "escalateAfter");
        var escalateTo = escalateAfter is null ? null : ReadTarget(context.GetInput("escalateTo"))
            ?? throw new WorkflowFaultException("input-type", $"'escalateTo' of '{context.Node.DisplayName}' must name a team or a role, such as {{ \"team\": \"Network\" }}.");
        var priorityNode = context.GetInput("priority");
        if (priorityNode is not JsonValue priorityValue || !IsPriority(priorityValue))
        {
            throw new WorkflowFaultException("input-type", $"The priority of '{context.Node.DisplayName}' must be a whole number from 0 to 100.");
        }

        var candidateRole = Blank(context.GetInputString("candidateRole"));
        var task = context.CreateBookmark(BookmarkKinds.HumanTask, correlationId: context.CorrelationId,
            payload: new JsonObject { ["outcomes"] = new JsonArray([.. outcomes.Select(o => JsonValue.Create(o))]) });

        DateTimeOffset? escalateAt = null;
        if (escalateAfter is { } after)
        {
            escalateAt = now + after;
            context.CreateBookmark(BookmarkKinds.Timer, dueAt: escalateAt, payload: new JsonObject
            {
                ["purpose"] = EscalationPurpose,
                ["taskId"] = task.Id,
                ["team"] = escalateTo!.Team,
                ["role"] = escalateTo.Role,
            });
        }

        ClientLinkTicket? link = null;
        if (string.Equals(candidateRole, ClientRole, StringComparison.Ordinal))
        {
            var issuer = context.Services.GetService<IClientLinkIssuer>()
                ?? throw new WorkflowFaultException("client-links-unavailable", "This server cannot issue client links, so a task for the client cannot be created.");
            link = issuer.Issue(context.NewId(), ClientLinkPurpose, task.Id, now);
            context.SetOutput("clientLink", WorkflowJson.ToNode(link));
        }

        var spec = new HumanTaskSpec
        {
            TaskId = task.Id,
            Title = title,
            Description = Blank(context.GetInputString("description")),
            Assignee = Blank(context.GetInputString("assignee")),
            CandidateTeam = Blank(context.GetInputString("candidateTeam")),
            CandidateRole = candidateRole,
            Form = form,
            Outcomes = outcomes,
            DueAt = dueAt,
            Priority = int.Parse(priorityValue.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            Context = context.GetInput("context"),
            EscalateAt = escalateAt,
            EscalateTo = escalateTo,
            ClientLink = link,
            InstanceId = context.InstanceId,
            ActivityId = context.ActivityId,
            ActivityName = context.Node.DisplayName,
            DefinitionId = context.DefinitionId,
            DefinitionVersion = context.DefinitionVersion,
            CorrelationId = context.CorrelationId,
            CreatedAt = now,
        };
        context.RecordEffect(HumanTaskEffects.Created, WorkflowJson.ToNode(spec)!);
        context.SetOutput("taskId", task.Id);
        return ValueTask.FromResult(ActivityResult.Suspend());
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bookmark);
        if (bookmark.Kind == BookmarkKinds.Timer)
        {
            return ValueTask.FromResult(Escalate(context, bookmark));
        }

        var completion = input is JsonObject ? WorkflowJson.Deserialize<HumanTaskCompletion>(input) : null;
        if (completion is null || string.IsNullOrWhiteSpace(completion.Outcome) || string.IsNullOrWhiteSpace(completion.CompletedBy))
        {
            throw new WorkflowFaultException("task-completion-invalid", $"Task '{bookmark.Id}' was resumed without an outcome and who completed it; complete tasks through the task API.");
        }

        var outcomes = bookmark.Payload?["outcomes"] is JsonArray names ? ReadOutcomes(names, context.Node.DisplayName) : [Ports.Done];
        if (!outcomes.Contains(completion.Outcome, StringComparer.Ordinal))
        {
            throw new WorkflowFaultException("task-outcome-unknown", $"'{completion.Outcome}' is not an outcome of task '{bookmark.Id}'; it has {string.Join(", ", outcomes)}.");
        }

        context.SetOutput("taskId", bookmark.Id);
        context.SetOutput("outcome", completion.Outcome);
        context.SetOutput("data", completion.Data?.DeepClone() ?? new JsonObject());
        context.SetOutput("completedBy", completion.CompletedBy);
        context.RecordEffect(HumanTaskEffects.Completed, WorkflowJson.ToNode(completion with { TaskId = bookmark.Id })!);
        context.Log($"Task {bookmark.Id} completed by {completion.CompletedBy}: {completion.Outcome}.");
        return ValueTask.FromResult(ActivityResult.Outcome(completion.Outcome));
    }

    private static ActivityResult Escalate(ActivityExecutionContext context, Bookmark timer)
    {
        var taskId = timer.Payload?["taskId"]?.GetValue<string>();
        if (taskId is null || !context.GetActiveBookmarks().Any(b => b.Id == taskId && b.Kind == BookmarkKinds.HumanTask))
        {
            // The task is gone (a stale timer); nothing to escalate, nothing to wait for.
            return context.GetActiveBookmarks().Count > 0 ? ActivityResult.Suspend() : ActivityResult.NoOutcome();
        }

        var team = timer.Payload?["team"]?.GetValue<string>();
        var role = timer.Payload?["role"]?.GetValue<string>();
        context.RecordEffect(HumanTaskEffects.Escalated, new JsonObject
        {
            ["taskId"] = taskId,
            ["team"] = team,
            ["role"] = role,
            ["at"] = context.Now.ToString("O", CultureInfo.InvariantCulture),
        });
        context.Log($"Task {taskId} was not done in time; it goes to {(team is null ? $"role {role}" : $"team {team}")}.");
        return ActivityResult.Suspend();
    }

    private static void CheckOutcomes(JsonNode? outcomes, ActivityValidationContext context)
    {
        var pointer = $"{context.InputPointer("outcomes")}/expression/value";
        if (outcomes is not JsonArray items || items.Count == 0)
        {
            context.AddError(pointer, DefinitionErrorCodes.InvalidValue, "A human task needs at least one outcome, such as [\"Approve\", \"Reject\"].");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
            {
                context.AddError($"{pointer}/{i}", DefinitionErrorCodes.InvalidValue, "Each outcome is a non-empty name, such as \"Approve\".");
            }
            else if (!seen.Add(value.GetValue<string>()))
            {
                context.AddError($"{pointer}/{i}", DefinitionErrorCodes.InvalidValue, $"The outcome '{value.GetValue<string>()}' is listed twice; outcomes must be unique.");
            }
        }
    }

    private static List<string> ReadOutcomes(JsonNode? value, string activity)
    {
        var outcomes = value is JsonArray items
            ? items.Select(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null).ToList()
            : [];
        if (outcomes.Count == 0 || outcomes.Any(string.IsNullOrWhiteSpace) || outcomes.Distinct(StringComparer.Ordinal).Count() != outcomes.Count)
        {
            throw new WorkflowFaultException("input-type", $"The outcomes of '{activity}' must be a non-empty list of unique names.");
        }

        return outcomes!;
    }

    private static DateTimeOffset? ReadDue(ActivityExecutionContext context, DateTimeOffset now)
    {
        if (context.GetInputString("dueAt") is { Length: > 0 } dueAt)
        {
            return DateTimeOffset.TryParse(dueAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at.ToUniversalTime()
                : throw new WorkflowFaultException("input-type", $"'{dueAt}' is not a date-time; write ISO 8601 such as 2026-12-01T09:00:00Z.");
        }

        return ReadDuration(context, "dueIn") is { } dueIn ? now + dueIn : null;
    }

    private static TimeSpan? ReadDuration(ActivityExecutionContext context, string name)
    {
        if (context.GetInputString(name) is not { Length: > 0 } text)
        {
            return null;
        }

        if (!Durations.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
        {
            throw new WorkflowFaultException("input-type", $"'{name}' of '{context.Node.DisplayName}' is '{text}', which is not a positive duration; write ISO 8601 such as PT4H.");
        }

        return duration;
    }

    private static HumanTaskEscalationTarget? ReadTarget(JsonNode? value)
    {
        if (value is not JsonObject target)
        {
            return null;
        }

        var team = JsonStrings.TryGet(target["team"], out var t) && !string.IsNullOrWhiteSpace(t) ? t : null;
        var role = JsonStrings.TryGet(target["role"], out var r) && !string.IsNullOrWhiteSpace(r) ? r : null;
        var unknown = target.Any(p => p.Key is not ("team" or "role"));
        return (team is null && role is null) || unknown ? null : new HumanTaskEscalationTarget { Team = team, Role = role };
    }

    private static bool IsPriority(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number
        && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsInteger(number) && number is >= 0 and <= 100;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
