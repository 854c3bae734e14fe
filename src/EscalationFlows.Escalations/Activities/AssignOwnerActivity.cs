using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Escalations.Assignment;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Storage;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Names the escalation owner from a team's members: <c>round-robin</c> (a durable cursor per team, moved in the same
/// transaction; a concurrent move re-runs the step), <c>least-loaded</c> (fewest open escalations) or <c>skills</c>
/// (members whose skills include the category, least loaded first). Records the owner and why on the timeline and as
/// the owner of the current stage.
/// </summary>
public sealed class AssignOwnerActivity : Activity
{
    public const string AssignedPort = "Assigned";
    public const string NoCandidatePort = "NoCandidate";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.AssignOwner",
        Category = Category,
        DisplayName = "Assign owner",
        Description = "Names the escalation owner in a team: round-robin, least loaded, or by skills matching the category.",
        Inputs =
        [
            EscalationId,
            new InputDescriptor { Name = "team", DisplayName = "Team", Type = "string", Required = true, DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor
            {
                Name = "strategy",
                DisplayName = "Strategy",
                Type = "string",
                Default = AssignmentStrategies.RoundRobin,
                SupportsExpressions = false,
                UiHint = "dropdown",
                Options = [.. AssignmentStrategies.All],
            },
            new InputDescriptor { Name = "category", DisplayName = "Category (for skills)", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "ownerId", Type = "string" },
            new OutputDescriptor { Name = "ownerEmail", Type = "string" },
            new OutputDescriptor { Name = "ownerName", Type = "string" },
            new OutputDescriptor { Name = "team", Type = "string" },
            new OutputDescriptor { Name = "strategy", Type = "string" },
            new OutputDescriptor { Name = "reason", Type = "string" },
            new OutputDescriptor { Name = "candidates", Type = "array", Description = "The user ids that were considered." },
        ],
        Ports = [AssignedPort, NoCandidatePort],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var teamName = Text(context, "team") ?? throw new WorkflowFaultException("input-missing", $"'{context.Node.DisplayName}' needs a team.");
        var strategy = Text(context, "strategy") ?? AssignmentStrategies.RoundRobin;
        if (!AssignmentStrategies.All.Contains(strategy, StringComparer.Ordinal))
        {
            throw new WorkflowFaultException("input-type", $"'{strategy}' is not an assignment strategy; use {string.Join(", ", AssignmentStrategies.All)}.");
        }

        var directory = context.Services.GetRequiredService<IEscalationDirectory>();
        var team = await directory.FindTeamAsync(teamName, context.CancellationToken)
            ?? throw new WorkflowFaultException("team-unknown", $"There is no team '{teamName}'.");
        string? cursor = null;
        AssignmentDecision? decision;
        if (strategy == AssignmentStrategies.RoundRobin)
        {
            cursor = await directory.GetRoundRobinCursorAsync(team.Name, context.CancellationToken);
            decision = OwnerSelector.RoundRobin(team, cursor);
        }
        else
        {
            var load = await directory.CountOpenEscalationsAsync([.. team.Members.Select(m => m.Id)], context.CancellationToken);
            decision = strategy == AssignmentStrategies.Skills
                ? OwnerSelector.BySkills(team, Text(context, "category"), load)
                : OwnerSelector.LeastLoaded(team, load);
        }

        var effect = NewEffect(context, escalationId);
        if (decision is null)
        {
            var why = $"Nobody to assign in {team.Name}: the team has no active members.";
            Record(context, effect with { Timeline = [new TimelineNote("not-assigned", why)] });
            context.SetOutput("team", team.Name);
            context.SetOutput("reason", why);
            return ActivityResult.Outcome(NoCandidatePort);
        }

        Record(context, effect with
        {
            Set = new EscalationFieldChanges { ResolutionTeam = team.Name },
            AssignOwner = new OwnerNaming { Owner = decision.Owner.Id, Reason = decision.Reason },
            Cursor = strategy == AssignmentStrategies.RoundRobin ? new CursorMove(team.Name, cursor, decision.Owner.Id) : null,
        });
        context.SetOutput("ownerId", decision.Owner.Id);
        context.SetOutput("ownerEmail", decision.Owner.Email);
        context.SetOutput("ownerName", decision.Owner.DisplayName);
        context.SetOutput("team", team.Name);
        context.SetOutput("strategy", decision.Strategy);
        context.SetOutput("reason", decision.Reason);
        context.SetOutput("candidates", new JsonArray([.. decision.Candidates.Select(c => JsonValue.Create(c))]));
        context.Log($"{decision.Owner.DisplayName} owns {escalationId}: {decision.Reason}.");
        return ActivityResult.Outcome(AssignedPort);
    }
}
