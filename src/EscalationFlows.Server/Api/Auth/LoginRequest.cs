namespace EscalationFlows.Server.Api.Auth;

/// <summary>Body of the sign-in endpoint.</summary>
public sealed class LoginRequest
{
    public string? Email { get; init; }

    public string? Password { get; init; }
}
