using System.Security.Cryptography;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Persistence.Identity;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Auth;

/// <summary>
/// Runs at startup. With no user at all, creates the first admin from <c>Bootstrap:AdminEmail</c> and
/// <c>Bootstrap:AdminPassword</c>, or with a generated password written to the log this once. With <c>Seed:Demo=true</c>,
/// adds the demo teams and one demo user per role (<see cref="DemoAccounts"/>) that do not exist yet.
/// </summary>
public sealed partial class IdentityBootstrapper
{
    public const string DefaultAdminEmail = "admin@escalationflows.local";

    private readonly UserStore _users;
    private readonly TeamStore _teams;
    private readonly UserAccountService _accounts;
    private readonly IConfiguration _configuration;
    private readonly ILogger<IdentityBootstrapper> _logger;

    public IdentityBootstrapper(UserStore users, TeamStore teams, UserAccountService accounts, IConfiguration configuration, ILogger<IdentityBootstrapper> logger)
    {
        _users = users;
        _teams = teams;
        _accounts = accounts;
        _configuration = configuration;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await CreateFirstAdminAsync(cancellationToken);
        if (_configuration.GetValue("Seed:Demo", defaultValue: false))
        {
            await SeedDemoAsync(cancellationToken);
        }
    }

    private async Task CreateFirstAdminAsync(CancellationToken cancellationToken)
    {
        if (await _users.AnyAsync(cancellationToken))
        {
            return;
        }

        var email = _configuration["Bootstrap:AdminEmail"] is { Length: > 0 } configured ? configured : DefaultAdminEmail;
        var password = _configuration["Bootstrap:AdminPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
        }
        else if (PasswordPolicy.Problem(password, email) is { } weak)
        {
            throw new InvalidOperationException($"Bootstrap:AdminPassword is not acceptable: {weak}");
        }

        try
        {
            await _accounts.CreateUserAsync(new NewUser(email, "Administrator", password!, [Roles.Admin], []), cancellationToken);
        }
        catch (IdentityConflictException)
        {
            // Another node starting at the same moment created it first.
            return;
        }

        if (generated)
        {
            LogGeneratedAdmin(_logger, email, password!);
        }
        else
        {
            LogConfiguredAdmin(_logger, email);
        }
    }

    private async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        var existingTeams = await _teams.FindByNamesAsync(DemoAccounts.Teams.Select(t => t.Name), cancellationToken);
        foreach (var (name, skills) in DemoAccounts.Teams)
        {
            if (!existingTeams.ContainsKey(HumanTaskKeys.Team(name)!))
            {
                try
                {
                    await _accounts.CreateTeamAsync(name, skills, cancellationToken);
                }
                catch (IdentityConflictException)
                {
                    // Seeded by another node meanwhile.
                }
            }
        }

        var created = 0;
        foreach (var user in DemoAccounts.Users)
        {
            if (await _users.FindByEmailAsync(user.Email, cancellationToken) is null)
            {
                try
                {
                    await _accounts.CreateUserAsync(user, cancellationToken);
                    created++;
                }
                catch (IdentityConflictException)
                {
                    // Seeded by another node meanwhile.
                }
            }
        }

        LogDemo(_logger, created, DemoAccounts.Password);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin account {Email} with the generated password {Password} — it is shown only this once. Sign in and keep it safe, or set Bootstrap:AdminEmail and Bootstrap:AdminPassword before the first start.")]
    private static partial void LogGeneratedAdmin(ILogger logger, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin account {Email} from Bootstrap:AdminEmail and Bootstrap:AdminPassword")]
    private static partial void LogConfiguredAdmin(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed:Demo is on: {Created} demo accounts were added; every demo account (agent@demo.local, ...) has the password '{Password}'. Never turn this on for real data.")]
    private static partial void LogDemo(ILogger logger, int created, string password);
}
