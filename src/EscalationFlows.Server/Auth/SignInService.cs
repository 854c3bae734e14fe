using System.Text.Json;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Auth;

/// <summary>
/// Checks an email and password: a locked or disabled account fails like a wrong password; an unknown email costs the
/// same hash verification as a known one; after <see cref="AuthOptions.MaxFailedSignIns"/> failures in a row the account
/// is locked for <see cref="AuthOptions.LockoutDuration"/>.
/// </summary>
public sealed partial class SignInService
{
    private static readonly UserRow Nobody = new()
    {
        Id = "nobody",
        Email = "nobody@invalid",
        NormalizedEmail = "nobody@invalid",
        DisplayName = "nobody",
        PasswordHash = string.Empty,
        Roles = "[]",
        SecurityStamp = string.Empty,
    };

    private readonly UserStore _users;
    private readonly IPasswordHasher<UserRow> _hasher;
    private readonly TimeProvider _clock;
    private readonly AuthOptions _options;
    private readonly ILogger<SignInService> _logger;
    private readonly Lazy<string> _decoyHash;

    public SignInService(UserStore users, IPasswordHasher<UserRow> hasher, TimeProvider clock, IOptions<AuthOptions> options, ILogger<SignInService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _users = users;
        _hasher = hasher;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _decoyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));
    }

    public async Task<SignInResult> CheckAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await _users.FindByEmailAsync(email, cancellationToken);
        if (user is null)
        {
            _hasher.VerifyHashedPassword(Nobody, _decoyHash.Value, password);
            LogFailed(_logger, "unknown email");
            return SignInResult.Failed;
        }

        var now = _clock.GetUtcNow();
        var verified = _hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (user.Disabled || user.LockedUntil > now)
        {
            LogFailed(_logger, user.Disabled ? "disabled account" : "locked account");
            return SignInResult.Failed;
        }

        if (!verified)
        {
            await _users.RecordFailedSignInAsync(user.Id, _options.MaxFailedSignIns, now + _options.LockoutDuration, cancellationToken);
            LogFailed(_logger, "wrong password");
            return SignInResult.Failed;
        }

        await _users.RecordSignInAsync(user.Id, cancellationToken);
        var teams = await _users.GetTeamNamesAsync([user.Id], cancellationToken);
        return new SignInResult(user, teams.GetValueOrDefault(user.Id) ?? []);
    }

    public static IReadOnlyList<string> RolesOf(UserRow user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return JsonSerializer.Deserialize<string[]>(user.Roles) ?? [];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused ({Reason})")]
    private static partial void LogFailed(ILogger logger, string reason);
}
