using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Activities;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Storage;
using EscalationFlows.Server.Api.Escalations;
using EscalationFlows.Server.ClientLinks;
using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Escalations;

/// <summary>
/// The client's side of an escalation, behind the signed link the <c>AwaitClientConfirmation</c> step sent (purpose
/// <c>escalation-confirmation</c>, subject = the escalation): a plain-language view, and the confirm / not-resolved
/// answer, which resumes the waiting step; the link is used up in the same transaction.
/// </summary>
public sealed class EscalationClientService
{
    private readonly ClientLinkService _links;
    private readonly IEscalationStore _store;
    private readonly WorkflowRuntime _runtime;
    private readonly TimeProvider _clock;

    public EscalationClientService(ClientLinkService links, IEscalationStore store, WorkflowRuntime runtime, TimeProvider clock)
    {
        _links = links;
        _store = store;
        _runtime = runtime;
        _clock = clock;
    }

    /// <summary>The link behind the token, when it is for this escalation; 401/410 otherwise (before any input is read).</summary>
    public async Task<ClientLinkGrant> VerifyAsync(string escalationId, string? token, CancellationToken cancellationToken)
    {
        var grant = await _links.VerifyAsync(token, AwaitClientConfirmationActivity.LinkPurpose, cancellationToken);
        if (!string.Equals(grant.Claims.SubjectId, escalationId, StringComparison.Ordinal))
        {
            throw new ApiRequestException(StatusCodes.Status401Unauthorized, ApiErrorCodes.ClientLinkInvalid, "This link is not valid. Check that it was copied completely.");
        }

        return grant;
    }

    public async Task<ClientEscalationView> ViewAsync(ClientLinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var record = await _store.FindAsync(grant.Claims.SubjectId, cancellationToken)
            ?? throw new ApiRequestException(StatusCodes.Status410Gone, ApiErrorCodes.ConfirmationClosed, "This escalation no longer exists.");
        var messages = (await _store.GetCommunicationsAsync(record.Id, cancellationToken))
            .Where(c => c.Audience == MessageAudiences.Client && c.Status is not (CommunicationStatuses.NoRecipient or CommunicationStatuses.RenderFailed))
            .Select(c => new ClientMessageView(c.At, c.Direction == CommunicationEntry.Inbound ? "you" : "us", c.Channel, c.Subject, c.Body))
            .ToList();
        var waiting = await FindWaitAsync(grant, cancellationToken) is not null;
        var basePath = $"/api/escalations/{Uri.EscapeDataString(record.Id)}/client";
        return new ClientEscalationView
        {
            Number = record.DisplayNumber,
            Title = record.Title,
            Status = EscalationStageTexts.ForClient(record.Stage),
            UpdatedAt = record.UpdatedAt,
            Messages = messages,
            Question = waiting
                ? new ClientQuestionView("Is the problem resolved? Confirm, or tell us what is still wrong.", $"{basePath}/confirm", $"{basePath}/reject", grant.Claims.ExpiresAt)
                : null,
        };
    }

    /// <summary>Records the answer (confirmed or rejected); the step that waited continues on its port.</summary>
    public async Task<DateTimeOffset> AnswerAsync(ClientLinkGrant grant, string outcome, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var bookmark = await FindWaitAsync(grant, cancellationToken)
            ?? throw new ApiRequestException(StatusCodes.Status410Gone, ApiErrorCodes.ConfirmationClosed, "This question is closed; no answer is needed any more.");
        var answer = new ClientConfirmationAnswer { Outcome = outcome, Comment = comment, ClientLinkId = grant.Link.Id };
        try
        {
            await _runtime.ResumeAsync(bookmark.Id, WorkflowJson.ToNode(answer), idempotencyKey: null, cancellationToken);
        }
        catch (BookmarkConflictException)
        {
            throw new ApiRequestException(StatusCodes.Status410Gone, ApiErrorCodes.ConfirmationClosed, "This question was already answered or closed.");
        }

        return _clock.GetUtcNow();
    }

    private async Task<Bookmark?> FindWaitAsync(ClientLinkGrant grant, CancellationToken cancellationToken)
    {
        var hash = StimulusHash.Compute(BookmarkKinds.ClientConfirmation, grant.Link.Id);
        var found = await _runtime.Store.FindBookmarksAsync(BookmarkKinds.ClientConfirmation, hash, grant.Claims.SubjectId, cancellationToken);
        return found.FirstOrDefault(b => string.Equals(b.CorrelationId, grant.Claims.SubjectId, StringComparison.Ordinal));
    }
}
