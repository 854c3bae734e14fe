namespace EscalationFlows.Server.Auth;

/// <summary>A user to create: email, display name, password (in clear, hashed before storage), roles and team names.</summary>
public sealed record NewUser(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams);
