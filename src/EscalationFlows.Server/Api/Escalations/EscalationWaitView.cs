namespace EscalationFlows.Server.Api.Escalations;

/// <summary>An activity an instance waits in: its id and the bookmark kind (HumanTask, ClientConfirmation, Timer, Event).</summary>
public sealed record EscalationWaitView(string ActivityId, string Kind, string BookmarkId, DateTimeOffset? DueAt);
