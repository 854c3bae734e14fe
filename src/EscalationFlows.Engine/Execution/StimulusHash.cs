using System.Security.Cryptography;
using System.Text;

namespace EscalationFlows.Engine.Execution;

/// <summary>A short, stable hash of a bookmark kind and stimulus name (case-insensitive name).</summary>
public static class StimulusHash
{
    public static string Compute(string kind, string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{name.ToUpperInvariant()}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
