using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.Identity;
using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.ClientLinks;

/// <summary>
/// Client links for any purpose: a human task (<c>task</c>, subject = task id), and later an escalation's confirm or
/// reject (<c>escalation-confirmation</c>, subject = escalation id). A link is answered without an account, works for its
/// purpose only, once, until it expires or is revoked. <see cref="VerifyAsync"/> runs before any input is parsed.
/// </summary>
public sealed class ClientLinkService
{
    private readonly ClientLinkSigner _signer;
    private readonly ClientLinkStore _store;
    private readonly TimeProvider _clock;

    public ClientLinkService(ClientLinkSigner signer, ClientLinkStore store, TimeProvider clock)
    {
        _signer = signer;
        _store = store;
        _clock = clock;
    }

    /// <summary>A new signed link that is not stored yet: store <see cref="ToRow"/> in the same transaction as whatever it belongs to.</summary>
    public ClientLinkTicket Prepare(string purpose, string subjectId) =>
        _signer.Issue(Guid.NewGuid().ToString("N"), purpose, subjectId, _clock.GetUtcNow());

    public ClientLinkRow ToRow(ClientLinkTicket ticket, string? createdBy)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new ClientLinkRow
        {
            Id = ticket.Id,
            Purpose = ticket.Purpose,
            SubjectId = ticket.SubjectId,
            ExpiresAt = ticket.ExpiresAt,
            CreatedAt = _clock.GetUtcNow(),
            CreatedBy = createdBy,
        };
    }

    /// <summary>Issues and stores a link on its own (for purposes whose subject needs no change when it is issued).</summary>
    public async Task<ClientLinkTicket> IssueAsync(string purpose, string subjectId, string? createdBy, CancellationToken cancellationToken)
    {
        var ticket = Prepare(purpose, subjectId);
        await _store.CreateAsync(ToRow(ticket, createdBy), cancellationToken);
        return ticket;
    }

    /// <summary>
    /// The link behind <paramref name="token"/>, if it may still be used for <paramref name="purpose"/>; else 401
    /// <c>client-link-invalid</c> (malformed, wrongly signed, unknown or for another purpose) or 410
    /// <c>client-link-expired</c>, <c>client-link-revoked</c> or <c>client-link-used</c>.
    /// </summary>
    public async Task<ClientLinkGrant> VerifyAsync(string? token, string purpose, CancellationToken cancellationToken)
    {
        if (!_signer.TryRead(token, out var claims) || !string.Equals(claims.Purpose, purpose, StringComparison.Ordinal))
        {
            throw Invalid();
        }

        if (claims.ExpiresAt <= _clock.GetUtcNow())
        {
            throw Gone(ApiErrorCodes.ClientLinkExpired, "This link has expired; ask for a new one.");
        }

        var link = await _store.FindAsync(claims.LinkId, cancellationToken);
        if (link is null || link.Purpose != claims.Purpose || link.SubjectId != claims.SubjectId)
        {
            throw Invalid();
        }

        if (link.RevokedAt is not null)
        {
            throw Gone(ApiErrorCodes.ClientLinkRevoked, "This link was withdrawn; ask for a new one.");
        }

        if (link.UsedAt is not null)
        {
            throw Gone(ApiErrorCodes.ClientLinkUsed, "This link was already used; thank you, your answer was recorded.");
        }

        return new ClientLinkGrant(claims, link);
    }

    public Task<bool> RevokeAsync(string linkId, string revokedBy, CancellationToken cancellationToken) =>
        _store.RevokeAsync(linkId, revokedBy, _clock.GetUtcNow(), cancellationToken);

    /// <summary>Uses up a link whose answer needs no workflow burst; false when it was used, revoked or expired meanwhile.</summary>
    public Task<bool> TryUseAsync(string linkId, CancellationToken cancellationToken) => _store.TryUseAsync(linkId, _clock.GetUtcNow(), cancellationToken);

    private static ApiRequestException Invalid() =>
        new(StatusCodes.Status401Unauthorized, ApiErrorCodes.ClientLinkInvalid, "This link is not valid. Check that it was copied completely.");

    private static ApiRequestException Gone(string code, string message) => new(StatusCodes.Status410Gone, code, message);
}
