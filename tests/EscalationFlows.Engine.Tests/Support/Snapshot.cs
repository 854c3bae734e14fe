using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Tests.Support;

/// <summary>
/// Compares JSON with a stored snapshot (Snapshots/NAME.verified.json). On a mismatch the actual document is
/// written next to it as NAME.received.json and the test fails; run with ACCEPT_SNAPSHOTS=1 to accept it.
/// </summary>
public static class Snapshot
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Folder => Path.Combine(RepositoryPaths.TestProject, "Snapshots");

    public static void Match(string name, string actualJson)
    {
        var actual = JsonNode.Parse(actualJson);
        var pretty = (actual?.ToJsonString(Pretty) ?? "null").ReplaceLineEndings("\n") + "\n";
        var verified = Path.Combine(Folder, $"{name}.verified.json");
        var received = Path.Combine(Folder, $"{name}.received.json");
        if (Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(verified, pretty);
            File.Delete(received);
            return;
        }

        if (File.Exists(verified) && JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(verified)), actual))
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Folder);
        File.WriteAllText(received, pretty);
        Assert.Fail(File.Exists(verified)
            ? $"Snapshot '{name}' changed. Compare {received} with {verified}; if the change is intended, run the tests with ACCEPT_SNAPSHOTS=1 (or copy the received file over the verified one)."
            : $"Snapshot '{name}' has no verified file yet. Review {received}; to accept it, run the tests with ACCEPT_SNAPSHOTS=1 (or rename it to {name}.verified.json).");
    }
}
