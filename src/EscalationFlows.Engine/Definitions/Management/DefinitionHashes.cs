using System.Security.Cryptography;
using System.Text;

namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>The content hash of a definition document (its canonical compact JSON).</summary>
public static class DefinitionHashes
{
    public static string Compute(WorkflowDefinition definition) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WorkflowJson.Serialize(definition))));
}
