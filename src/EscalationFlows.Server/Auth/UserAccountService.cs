using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Persistence.Identity;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Identity;

namespace EscalationFlows.Server.Auth;

/// <summary>Creates users and teams after checking every field (errors name the JSON pointer); passwords are hashed here.</summary>
public sealed class UserAccountService
{
    private readonly UserStore _users;
    private readonly TeamStore _teams;
    private readonly IPasswordHasher<UserRow> _hasher;
    private readonly TimeProvider _clock;

    public UserAccountService(UserStore users, TeamStore teams, IPasswordHasher<UserRow> hasher, TimeProvider clock)
    {
        _users = users;
        _teams = teams;
        _hasher = hasher;
        _clock = clock;
    }

    /// <summary>Creates the user; 400 naming each invalid field, 409 when the email is taken.</summary>
    public async Task<UserRow> CreateUserAsync(NewUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<ApiError>();
        if (!IsEmail(user.Email))
        {
            errors.Add(ApiError.At("/email", ApiErrorCodes.InvalidValue, "Give a valid email address; it is the sign-in name."));
        }

        if (string.IsNullOrWhiteSpace(user.DisplayName) || user.DisplayName.Length > 200)
        {
            errors.Add(ApiError.At("/displayName", ApiErrorCodes.InvalidValue, "Give a display name of 1 to 200 characters."));
        }

        if (PasswordPolicy.Problem(user.Password, user.Email) is { } weak)
        {
            errors.Add(ApiError.At("/password", ApiErrorCodes.InvalidValue, weak));
        }

        if (user.Roles.Count == 0)
        {
            errors.Add(ApiError.At("/roles", ApiErrorCodes.Required, $"Give at least one role: {string.Join(", ", Roles.All)}."));
        }

        for (var i = 0; i < user.Roles.Count; i++)
        {
            if (!Roles.IsKnown(user.Roles[i]))
            {
                errors.Add(ApiError.At($"/roles/{i}", ApiErrorCodes.InvalidValue, $"'{user.Roles[i]}' is not a role; use one of {string.Join(", ", Roles.All)}."));
            }
        }

        var teams = await _teams.FindByNamesAsync(user.Teams, cancellationToken);
        for (var i = 0; i < user.Teams.Count; i++)
        {
            if (HumanTaskKeys.Team(user.Teams[i]) is not { } key || !teams.ContainsKey(key))
            {
                errors.Add(ApiError.At($"/teams/{i}", ApiErrorCodes.InvalidValue, $"There is no team '{user.Teams[i]}'; create it first (POST /api/teams)."));
            }
        }

        if (errors.Count > 0)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, errors[0].Code, "The user is not valid; see errors.", errors);
        }

        var now = _clock.GetUtcNow();
        var row = new UserRow
        {
            Id = Guid.NewGuid().ToString("N"),
            Email = user.Email.Trim(),
            NormalizedEmail = HumanTaskKeys.Email(user.Email),
            DisplayName = user.DisplayName.Trim(),
            PasswordHash = string.Empty,
            Roles = JsonSerializer.Serialize(user.Roles.Distinct(StringComparer.Ordinal).ToArray()),
            SecurityStamp = NewStamp(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        row.PasswordHash = _hasher.HashPassword(row, user.Password);
        await _users.CreateAsync(row, [.. teams.Values.Select(t => t.Id)], cancellationToken);
        return row;
    }

    /// <summary>Creates a team; 400 naming each invalid field, 409 when the name is taken.</summary>
    public async Task<TeamRow> CreateTeamAsync(string? name, IReadOnlyList<string> skills, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var errors = new List<ApiError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            errors.Add(ApiError.At("/name", ApiErrorCodes.InvalidValue, "Give the team a name of 1 to 100 characters."));
        }

        for (var i = 0; i < skills.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(skills[i]) || skills[i].Length > 100)
            {
                errors.Add(ApiError.At($"/skills/{i}", ApiErrorCodes.InvalidValue, "Each skill is a name of 1 to 100 characters."));
            }
        }

        if (errors.Count > 0)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, errors[0].Code, "The team is not valid; see errors.", errors);
        }

        var team = new TeamRow
        {
            Id = Guid.NewGuid().ToString("N"),
            Name = name!.Trim(),
            NormalizedName = HumanTaskKeys.Team(name)!,
            Skills = JsonSerializer.Serialize(skills.Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()),
            CreatedAt = _clock.GetUtcNow(),
        };
        await _teams.CreateAsync(team, cancellationToken);
        return team;
    }

    private static bool IsEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= 254 && MailAddress.TryCreate(email.Trim(), out var parsed)
        && string.Equals(parsed.Address, email.Trim(), StringComparison.Ordinal) && parsed.Host.Length > 0;

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
